"""Prints the table of targets (issues 5 and 14) with this machine's numbers, from what the benchmark and
the scripts saved in target/perf (bench.json, app.json, kill-import.json, kill-notify.json).

    python3 table.py target/perf
"""

import json
import os
import sys


def load(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def number(text):
    return float(str(text).rstrip("×").split()[0])


def main():
    folder = sys.argv[1]
    bench = load(folder, "bench.json")
    app = load(folder, "app.json")
    kill_import = load(folder, "kill-import.json")
    kill_notify = load(folder, "kill-notify.json")
    rows = []

    def measure(name):
        return next(m for m in bench["measures"] if m["measure"] == name)

    if bench:
        search = measure("search 30000, all, command")
        ratio = number(bench["values"]["search 30000: command p95 ÷ raw p95"])
        rows.append(("search through the command layer, p95 at 30k", "≤ 10 ms and ≤ 2× raw SQLite",
                     f"{search['p95_ms']:.2f} ms, {ratio:.2f}× raw", search["p95_ms"] <= 10 and ratio <= 2))
        paths = max(measure("warm paths to a person, ≤ 3 hops")["p95_ms"],
                    measure("warm paths to an organization, ≤ 3 hops")["p95_ms"])
        rows.append(("warm paths ≤ 3 hops, p95 at 30k", "≤ 10 ms", f"{paths:.2f} ms", paths <= 10))
        imported = next(m for m in bench["measures"] if m["measure"].startswith("import 30000"))
        import_ratio = number(bench["values"]["import ÷ sqlite3 .import (medians)"])
        seconds = imported["median_ms"] / 1000
        rows.append(("30k-row import with dedupe and indexing", "≤ 2 s and ≤ 3× sqlite3 .import",
                     f"{seconds:.2f} s, {import_ratio:.2f}× sqlite3", seconds <= 2 and import_ratio <= 3))
        plan = measure("the weekly plan, made (the first open of a week)")
        rows.append(("the weekly plan at 30k, p95 (issue 13)", "≤ 50 ms",
                     f"{plan['p95_ms']:.1f} ms made, "
                     f"{measure('the weekly plan, kept (every later open)')['p95_ms']:.1f} ms kept",
                     plan["p95_ms"] <= 50))
        stress = [m for m in bench["measures"] if m["measure"] == "search 1M, all, command"]
        if stress:
            rows.append(("search p95 at 1M", "≤ 50 ms", f"{stress[0]['p95_ms']:.2f} ms", stress[0]["p95_ms"] <= 50))
    if app:
        mib = lambda key: f"{app[key]} MiB"
        rows.append(("idle in the tray, never opened (PSS of everything Rapport runs)", "≤ 25 MiB",
                     mib("pss_hidden_mib"), app["pss_hidden_mib"] <= 25))
        rows.append(("idle in the tray after opening and closing the window", "≤ 40 MiB, no WebKit process left",
                     f"{mib('pss_closed_mib')}, {app['webkit_left']} WebKit processes",
                     app["pss_closed_mib"] <= 40 and app["webkit_left"] == 0))
        rows.append(("idle wake-ups with nothing due", "≤ 3 a minute",
                     f"{app['idle_wakeups_per_minute']} a minute", app["idle_wakeups_per_minute"] <= 3))
        rows.append(("cold start to first data painted at 30k, from the tray's \"Open\"", "≤ 1.2× an empty Tauri window",
                     f"{app['start_rapport_ms']} ms vs {app['start_empty_ms']} ms, {app['start_ratio']}× "
                     f"(Today with its plan: {app['start_today_ms']} ms)",
                     app["start_ratio"] <= 1.2))
        rows.append(("PSS with the window open at 30k", "≤ 350 MiB", mib("pss_open_mib"), app["pss_open_mib"] <= 350))
    if kill_notify and "lateness_awake_max_s" in kill_notify:
        rows.append(("notification lateness while awake", "≤ 2 s",
                     f"max {kill_notify['lateness_awake_max_s']} s over {kill_notify['awake']}",
                     kill_notify["lateness_awake_max_s"] <= 2))
    if kill_import and kill_notify:
        rows.append(("kill -9 runs, import and follow-ups", "100/100 clean, nothing lost, nothing twice",
                     f"import {kill_import['clean']}/{kill_import['runs']}, "
                     f"follow-ups {kill_notify['exactly_once']}/{kill_notify['runs']}",
                     not kill_import["failures"] and not kill_notify["failures"]))

    print()
    if bench:
        print(f"Machine: {bench['machine']}")
    print("| measure | target | this machine | met |")
    print("|---|---|---|---|")
    for name, target, value, met in rows:
        print(f"| {name} | {target} | {value} | {'yes' if met else 'NO'} |")


if __name__ == "__main__":
    main()
