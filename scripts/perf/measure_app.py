"""Measures the real app under Xvfb, the way a user meets it: the agent (`rapport --hidden`, the
login item, which becomes `rapport-agent`) in the tray of a desktop panel (`rapport-panel`, the
StatusNotifierWatcher and a panel's menu clicks over D-Bus), the window opened from the tray's
"Open Rapport":
- cold start to first data painted, from the click on "Open Rapport", over a 30,000-people store,
  against an empty Tauri window built the same way (`cargo build --release --example
  empty_window`), median of RUNS, runs alternating between the two; and when Today with its plan
  of the week is painted;
- memory (PSS summed over everything Rapport runs: the agent, the window, WebKit's processes) in
  the tray never opened, with the window open, and after closing it (no WebKit process left);
- how often the agent wakes when idle with nothing due (context switches of all its threads over
  a minute).

    python3 measure_app.py RAPPORT_BINARY EMPTY_WINDOW_BINARY PANEL_BINARY HEAVY_DATA_DIR [RUNS] [--json OUT]
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
TODAY = "window painted Today"


def log_text(data_dir):
    text = ""
    for path in glob.glob(os.path.join(data_dir, "rapport*.log")):
        with open(path, errors="replace") as log:
            text += log.read()
    return text


def start_rapport(binary, data_dir, env, *extra):
    return subprocess.Popen([binary, "--data-dir", data_dir, *extra], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Panel:
    """The desktop panel (`rapport-panel`): trays register with it, and it clicks their menus."""

    def __init__(self, binary, env):
        self.process = subprocess.Popen([binary], env=env, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.ask(None) == "ready", "the panel did not start"
        self.registered = 0

    def ask(self, command):
        if command is not None:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def next_tray(self):
        """The bus name of the next tray to register (the agent just started)."""
        tray = self.ask(f"tray {self.registered}")
        self.registered += 1
        return tray

    def click(self, tray, label):
        assert self.ask(f"click {tray} {label}") == "clicked"

    def close(self):
        self.process.kill()
        self.process.wait()


def start_agent(binary, data_dir, env, panel):
    """Rapport as the login item starts it; returns (process, its tray's bus name) once the
    reminder loop is ready, so that its start does not overlap what is measured next."""
    agent = start_rapport(binary, data_dir, env, "--hidden")
    tray = panel.next_tray()
    wait_until(60, "the agent's reminder loop", lambda: "reminder loop ready" in log_text(data_dir), 0.05)
    return agent, tray


def settled(binary, heavy, env, panel):
    """The heavy store as a user's is on an ordinary start: the app has run on it once (the
    follow-ups that came due since the data's date were notified, today's backup was made).
    Otherwise every timed start would also do a first start's work, varying with the date."""
    data_dir = fresh_copy(heavy)
    agent, _ = start_agent(binary, data_dir, env, panel)
    time.sleep(2)
    kill_tree(agent)
    for log in glob.glob(os.path.join(data_dir, "rapport*.log")):
        os.remove(log)
    return data_dir


def time_from_tray(binary, heavy, env, panel):
    """Seconds from the click on "Open Rapport" to the first data painted, and to Today with its
    plan painted."""
    data_dir = fresh_copy(heavy)
    agent, tray = start_agent(binary, data_dir, env, panel)
    started = time.monotonic()
    panel.click(tray, "Open Rapport")
    # Every 10 ms: polling faster would take CPU from the app on a two-core machine.
    wait_until(120, "Rapport to paint its first data", lambda: PAINTED in log_text(data_dir), 0.01)
    first = time.monotonic() - started
    wait_until(120, "Rapport to paint Today", lambda: TODAY in log_text(data_dir), 0.01)
    today = time.monotonic() - started
    kill_tree(agent)
    shutil.rmtree(data_dir)
    return first, today


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
    (a WM_DELETE_WINDOW message): the window's process then ends, and the agent stays."""
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


def webkit_processes():
    """Every WebKit process on the machine (the measurement's desktop runs no other)."""
    return [int(pid) for pid in os.listdir("/proc")
            if pid.isdigit() and process_name(int(pid)).startswith("WebKit")]


def median(values):
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rapport, empty, panel_binary, generated = args[0], args[1], args[2], args[3]
    runs = int(args[4]) if len(args) > 4 else 10
    out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    bus = Bus()
    env = dict(bus.env)
    panel = Panel(panel_binary, env)
    result = {}
    heavy = settled(rapport, generated, env, panel)
    try:
        # One run of each first, untimed: the binaries and the store into the page cache.
        time_from_tray(rapport, heavy, env, panel)
        time_empty(empty, env)
        ours, todays, theirs = [], [], []
        for run in range(runs):
            first, today = time_from_tray(rapport, heavy, env, panel)
            ours.append(first)
            todays.append(today)
            theirs.append(time_empty(empty, env))
            print(f"\rcold start {run + 1}/{runs}: Rapport {ours[-1]*1000:.0f} ms (Today "
                  f"{todays[-1]*1000:.0f} ms), empty window {theirs[-1]*1000:.0f} ms", end="", flush=True)
        print()
        result["start_rapport_ms"] = round(median(ours) * 1000)
        result["start_today_ms"] = round(median(todays) * 1000)
        result["start_empty_ms"] = round(median(theirs) * 1000)
        result["start_ratio"] = round(median(ours) / median(theirs), 2)
        print(f"cold start from the tray's Open to first data painted (median of {runs}): Rapport "
              f"with 30,000 people {result['start_rapport_ms']} ms (Today with its plan "
              f"{result['start_today_ms']} ms), empty Tauri window {result['start_empty_ms']} ms, "
              f"ratio {result['start_ratio']}×")

        # Memory: in the tray never opened, with the window open, after closing it.
        data_dir = fresh_copy(heavy)
        agent, tray = start_agent(rapport, data_dir, env, panel)
        time.sleep(5)
        result["pss_hidden_mib"], result["pss_hidden_parts"] = memory(agent.pid)
        panel.click(tray, "Open Rapport")
        wait_until(120, "Rapport to paint Today", lambda: TODAY in log_text(data_dir), 0.05)
        time.sleep(5)
        result["pss_open_mib"], result["pss_open_parts"] = memory(agent.pid)
        close_window("Rapport")
        wait_until(30, "the window's processes to end", lambda: descendants(agent.pid) == [agent.pid]
                   and not webkit_processes(), 0.1)
        time.sleep(10)
        result["pss_closed_mib"], result["pss_closed_parts"] = memory(agent.pid)
        result["webkit_left"] = len(webkit_processes())
        kill_tree(agent)
        shutil.rmtree(data_dir)
        print(f"memory (PSS) in the tray, never opened: {result['pss_hidden_mib']} MiB; window "
              f"open: {result['pss_open_mib']} MiB {result['pss_open_parts']}; after closing it: "
              f"{result['pss_closed_mib']} MiB {result['pss_closed_parts']}, "
              f"{result['webkit_left']} WebKit processes left")

        # Idle wake-ups over an empty store (nothing due).
        idle_dir = tempfile.mkdtemp(prefix="rapport-idle-")
        agent, _ = start_agent(rapport, idle_dir, env, panel)
        time.sleep(5)
        before = context_switches(agent.pid)
        time.sleep(60)
        result["idle_wakeups_per_minute"] = context_switches(agent.pid) - before
        kill_tree(agent)
        shutil.rmtree(idle_dir)
        print(f"idle in the tray with nothing due: {result['idle_wakeups_per_minute']} context "
              f"switches in a minute (all the agent's threads)")
    finally:
        panel.close()
        bus.close()
        shutil.rmtree(heavy, ignore_errors=True)
    if out:
        with open(out, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
