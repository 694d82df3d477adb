"""Kill -9 and restart the app many times around due follow-ups, on a private session bus with a
real notification server: every follow-up must be notified exactly once (Notify calls counted
by dbus-monitor), and those that come due while the app is running must be notified within 2 s
of their due time (lateness measured from the monitor's timestamps).

    python3 reliability_notify.py RAPPORT_BINARY [RUNS] [--json OUT]

Runs under Xvfb (the app needs a display even in the tray). Follow-ups come due every GAP
seconds; before each one the app is killed at a random moment around its due time and started
again at once (in the tray, as the login item starts it).
"""

import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
import time

from session import Bus, kill_tree, percentile, wait_until

GAP = 2.0
TITLE = "Reliability check {:03d}"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    binary = args[0]
    runs = int(args[1]) if len(args) > 1 else 100
    out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    random.seed(2)
    data_dir = tempfile.mkdtemp(prefix="rapport-kill-notify-")
    bus = Bus()
    env = dict(bus.env, RAPPORT_LOG="info")

    def cli(*words):
        subprocess.run([binary, "--data-dir", data_dir, *words], check=True, env=env,
                       stdout=subprocess.DEVNULL)

    cli("people", "add", "Ada Lovelace")
    # Whole seconds, well after the follow-ups are written and the app has started.
    first_due = int(time.time()) + 15
    dues = [first_due + round(i * GAP) for i in range(runs)]
    for index, due in enumerate(dues):
        at = datetime.datetime.fromtimestamp(due, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        cli("followups", "add", "--person", "Ada Lovelace", "--title", TITLE.format(index), "--due", at)

    def start():
        process = subprocess.Popen([binary, "--data-dir", data_dir, "--hidden"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return process, time.time()

    # (start, end) of each run of the app, to tell which due times fell while it was running.
    lives = []
    app, born = start()
    for index, due in enumerate(dues):
        kill_at = due + random.uniform(-0.8, 0.8)
        time.sleep(max(0.0, kill_at - time.time()))
        kill_tree(app)
        lives.append((born, time.time()))
        app, born = start()
        print(f"\r{index + 1}/{runs} kills", end="", flush=True)
    print()
    # Let the last one come due and be shown, then stop.
    time.sleep(max(0.0, dues[-1] + 5 - time.time()))
    kill_tree(app)
    lives.append((born, time.time()))
    time.sleep(0.5)
    calls = bus.notify_calls()
    bus.close()

    failures, lateness_awake, lateness_restart = [], [], []
    summaries = [summary for _, summary in calls if summary.endswith("follow-ups are due")]
    if summaries:
        failures.append(f"summaries instead of single notifications: {summaries}")
    for index, due in enumerate(dues):
        shown = [at for at, summary in calls if summary == TITLE.format(index)]
        if len(shown) != 1:
            failures.append(f"{TITLE.format(index)} notified {len(shown)} times")
            continue
        # Running since at least a second before its due time (started and settled), and
        # still running when it was shown: a notification while awake.
        awake = any(start + 1.0 <= due and shown[0] <= end for start, end in lives)
        (lateness_awake if awake else lateness_restart).append(shown[0] - due)

    for failure in failures:
        print("FAILED:", failure)
    summary = {
        "runs": runs,
        "notify_calls": len(calls),
        "exactly_once": runs - sum(1 for f in failures if "notified" in f),
        "failures": failures,
        "awake": len(lateness_awake),
        "after_restart": len(lateness_restart),
    }
    if lateness_awake:
        summary.update({
            "lateness_awake_median_s": round(percentile(lateness_awake, 50), 3),
            "lateness_awake_p95_s": round(percentile(lateness_awake, 95), 3),
            "lateness_awake_max_s": round(max(lateness_awake), 3),
        })
    if lateness_restart:
        summary["lateness_after_restart_max_s"] = round(max(lateness_restart), 3)
    print(f"kill -9 around due follow-ups: {summary['exactly_once']}/{runs} notified exactly once "
          f"({len(calls)} Notify calls)")
    if lateness_awake:
        print(f"lateness while running ({len(lateness_awake)} follow-ups): median "
              f"{summary['lateness_awake_median_s']} s, p95 {summary['lateness_awake_p95_s']} s, "
              f"max {summary['lateness_awake_max_s']} s")
    if lateness_restart:
        print(f"due while the app was down or starting ({len(lateness_restart)}): shown at most "
              f"{summary['lateness_after_restart_max_s']} s late")
    if out:
        with open(out, "w") as f:
            json.dump(summary, f, indent=2)
    sys.exit(0 if not failures else 1)


if __name__ == "__main__":
    main()
