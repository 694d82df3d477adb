"""Measures the real app under Xvfb:
- cold start to first data painted, Rapport over a 30,000-people store against an empty Tauri
  window built the same way (`cargo build --release --example empty_window`), median of RUNS,
  runs alternating between the two;
- memory (PSS summed over the app and its WebKit processes) with the window open, after it is
  closed (in the tray), and when started in the tray without ever opening it;
- how often the app wakes when idle in the tray with nothing due (context switches of all its
  threads over a minute);
- the memory of the tray-agent prototype (no GTK, no WebKit) over the same store, for comparison.

    python3 measure_app.py RAPPORT_BINARY EMPTY_WINDOW_BINARY TRAY_AGENT_BINARY HEAVY_DATA_DIR [RUNS] [--json OUT]
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from Xlib import X, display, protocol

from session import Bus, descendants, fresh_copy, kill_tree, process_name, pss_kib, wait_until

PAINTED = "window painted its first data"


def log_text(data_dir):
    text = ""
    for path in glob.glob(os.path.join(data_dir, "rapport*.log")):
        with open(path, errors="replace") as log:
            text += log.read()
    return text


def start_rapport(binary, data_dir, env, *extra):
    return subprocess.Popen([binary, "--data-dir", data_dir, *extra], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def painted(data_dir):
    """Whether the log says the window painted (read only when a log has grown)."""
    return PAINTED in log_text(data_dir)


def settled(binary, heavy, env):
    """The heavy store as a user's is on an ordinary start: the app has run on it once (the
    follow-ups that came due since the data's date were notified, today's backup was made).
    Otherwise every timed start would also do a first start's work, varying with the date."""
    data_dir = fresh_copy(heavy)
    app = start_rapport(binary, data_dir, env, "--hidden")
    wait_until(120, "the first run's reminder loop", lambda: "reminder loop ready" in log_text(data_dir), 0.05)
    time.sleep(2)
    kill_tree(app)
    for log in glob.glob(os.path.join(data_dir, "rapport*.log")):
        os.remove(log)
    return data_dir


def time_rapport(binary, heavy, env):
    data_dir = fresh_copy(heavy)
    started = time.monotonic()
    app = start_rapport(binary, data_dir, env)
    # Every 10 ms: polling faster would take CPU from the app on a two-core machine.
    wait_until(120, "Rapport to paint its first data", lambda: painted(data_dir), 0.01)
    took = time.monotonic() - started
    kill_tree(app)
    shutil.rmtree(data_dir)
    return took


def time_empty(binary, env):
    started = time.monotonic()
    app = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = app.stdout.readline().strip()
    took = time.monotonic() - started
    assert line == "painted", f"the empty window printed {line!r}"
    kill_tree(app)
    return took


def memory(pid):
    """(total PSS in MiB, {process name: MiB}) over the process and its children."""
    parts = {}
    for member in descendants(pid):
        name = process_name(member)
        parts[name] = parts.get(name, 0) + pss_kib(member) / 1024
    return round(sum(parts.values()), 1), {k: round(v, 1) for k, v in parts.items()}


def close_window(title):
    """Asks the window to close the way a window manager's close button does
    (a WM_DELETE_WINDOW message): Rapport then destroys it and stays in the tray."""
    screen = display.Display()
    root = screen.screen().root
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    protocols = screen.intern_atom("WM_PROTOCOLS")

    def find(window):
        try:
            if window.get_wm_name() == title:
                return window
            for child in window.query_tree().children:
                found = find(child)
                if found:
                    return found
        except Exception:
            return None
        return None

    window = find(root)
    assert window is not None, f"no window named {title!r}"
    event = protocol.event.ClientMessage(window=window, client_type=protocols,
                                         data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    window.send_event(event)
    screen.flush()
    screen.close()


def context_switches(pid):
    total = 0
    for task in glob.glob(f"/proc/{pid}/task/*/status"):
        try:
            with open(task) as status:
                for line in status:
                    if "ctxt_switches" in line:
                        total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rapport, empty, agent, generated = args[0], args[1], args[2], args[3]
    runs = int(args[4]) if len(args) > 4 else 10
    out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    bus = Bus()
    env = dict(bus.env)
    result = {}
    heavy = settled(rapport, generated, env)
    try:
        # One run of each first, untimed: the binaries and the store into the page cache.
        time_rapport(rapport, heavy, env)
        time_empty(empty, env)
        ours, theirs = [], []
        for run in range(runs):
            ours.append(time_rapport(rapport, heavy, env))
            theirs.append(time_empty(empty, env))
            print(f"\rcold start {run + 1}/{runs}: Rapport {ours[-1]*1000:.0f} ms, "
                  f"empty window {theirs[-1]*1000:.0f} ms", end="", flush=True)
        print()
        ours.sort(); theirs.sort()
        median = lambda values: values[len(values) // 2] if len(values) % 2 else \
            (values[len(values) // 2 - 1] + values[len(values) // 2]) / 2
        result["start_rapport_ms"] = round(median(ours) * 1000)
        result["start_empty_ms"] = round(median(theirs) * 1000)
        result["start_ratio"] = round(median(ours) / median(theirs), 2)
        print(f"cold start to first data painted (median of {runs}): Rapport with 30,000 people "
              f"{result['start_rapport_ms']} ms, empty Tauri window {result['start_empty_ms']} ms, "
              f"ratio {result['start_ratio']}×")

        # Memory with the window open, then closed (tray only).
        data_dir = fresh_copy(heavy)
        app = start_rapport(rapport, data_dir, env)
        wait_until(120, "Rapport to paint", lambda: PAINTED in log_text(data_dir), 0.05)
        time.sleep(5)
        result["pss_open_mib"], result["pss_open_parts"] = memory(app.pid)
        close_window("Rapport")
        wait_until(30, "the web process to end", lambda: not any(
            process_name(pid).startswith("WebKitWebProc") for pid in descendants(app.pid)), 0.1)
        time.sleep(10)
        result["pss_closed_mib"], result["pss_closed_parts"] = memory(app.pid)
        kill_tree(app)
        shutil.rmtree(data_dir)
        print(f"memory (PSS) with the window open: {result['pss_open_mib']} MiB "
              f"{result['pss_open_parts']}; after closing it: {result['pss_closed_mib']} MiB")

        # Started in the tray (the login item): memory over the heavy store, then idle wake-ups
        # over an empty one (nothing due).
        data_dir = fresh_copy(heavy)
        app = start_rapport(rapport, data_dir, env, "--hidden")
        wait_until(60, "the reminder loop", lambda: "reminder loop ready" in log_text(data_dir), 0.05)
        time.sleep(5)
        result["pss_hidden_mib"], _ = memory(app.pid)
        kill_tree(app)
        shutil.rmtree(data_dir)
        idle_dir = tempfile.mkdtemp(prefix="rapport-idle-")
        app = start_rapport(rapport, idle_dir, env, "--hidden")
        wait_until(60, "the reminder loop", lambda: "reminder loop ready" in log_text(idle_dir), 0.05)
        time.sleep(5)
        before = context_switches(app.pid)
        time.sleep(60)
        result["idle_wakeups_per_minute"] = context_switches(app.pid) - before
        kill_tree(app)
        shutil.rmtree(idle_dir)
        print(f"in the tray from the start: {result['pss_hidden_mib']} MiB PSS; idle with "
              f"nothing due: {result['idle_wakeups_per_minute']} context switches in a minute "
              f"(all threads)")

        # The prototype of a tray-and-reminder agent without GTK or WebKit, over the same store.
        data_dir = fresh_copy(heavy)
        process = subprocess.Popen([agent, data_dir], env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        assert process.stdout.readline().strip() == "ready", "the tray agent did not start"
        time.sleep(5)
        result["pss_agent_mib"], _ = memory(process.pid)
        kill_tree(process)
        shutil.rmtree(data_dir)
        print(f"tray-agent prototype (no GTK, no WebKit) over the same store: "
              f"{result['pss_agent_mib']} MiB PSS")
    finally:
        bus.close()
        shutil.rmtree(heavy, ignore_errors=True)
    if out:
        with open(out, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
