"""What the measurement scripts share: a private session bus with a real notification server
(dunst) and a monitor that records every Notify call with its time, and the process-tree and
memory helpers. The scripts run under Xvfb (scripts/perf.sh starts them with xvfb-run)."""

import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time


def wait_until(seconds, what, ready, interval=0.02):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(interval)
    raise TimeoutError(f"timed out waiting for {what}")


class Bus:
    """A session bus of our own, with dunst owning org.freedesktop.Notifications and dbus-monitor
    recording each Notify call: (unix time, summary)."""

    def __init__(self):
        self.daemon = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE, text=True)
        self.address = self.daemon.stdout.readline().strip()
        assert self.address.startswith("unix:"), self.address
        self.env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.address)
        self.calls = []
        self._lock = threading.Lock()
        self.monitor = subprocess.Popen(
            ["dbus-monitor", "--address", self.address,
             "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"],
            stdout=subprocess.PIPE, text=True)
        threading.Thread(target=self._read_monitor, daemon=True).start()
        self.server = subprocess.Popen(["dunst"], env=self.env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(10, "dunst to own the notification service",
                   lambda: self.has_owner("org.freedesktop.Notifications"), 0.05)

    def _read_monitor(self):
        # A Notify call: its header line with the time, then its arguments one per line; the
        # fourth string argument is the summary (app name, icon, summary, body).
        current = None
        for line in self.monitor.stdout:
            header = re.match(r"method call time=([\d.]+) .*member=Notify", line)
            if header:
                current = {"time": float(header.group(1)), "strings": []}
                continue
            if current is not None:
                text = re.match(r'\s+string "(.*)"$', line)
                if text:
                    current["strings"].append(text.group(1))
                    if len(current["strings"]) == 4:
                        with self._lock:
                            self.calls.append((current["time"], current["strings"][2]))
                        current = None

    def notify_calls(self):
        with self._lock:
            return list(self.calls)

    def has_owner(self, name):
        out = subprocess.run(
            ["dbus-send", f"--bus={self.address}", "--print-reply", "--dest=org.freedesktop.DBus",
             "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", f"string:{name}"],
            capture_output=True, text=True).stdout
        return "boolean true" in out

    def close(self):
        for process in (self.server, self.monitor, self.daemon):
            process.kill()
            process.wait()


def descendants(pid):
    """pid and every process below it (WebKit's web and network processes)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def pss_kib(pid):
    """Proportional set size of one process: its private memory plus its share of what it shares."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def process_name(pid):
    try:
        with open(f"/proc/{pid}/comm") as comm:
            return comm.read().strip()
    except FileNotFoundError:
        return "?"


def kill_tree(process):
    for pid in reversed(descendants(process.pid)):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait()


def fresh_copy(source_dir):
    """A copy of a data folder (the store, its WAL, its backups) in a new temporary folder."""
    target = tempfile.mkdtemp(prefix="rapport-perf-")
    for name in os.listdir(source_dir):
        path = os.path.join(source_dir, name)
        if os.path.isfile(path) and name.startswith("rapport.sqlite3"):
            shutil.copy2(path, target)
        elif name == "backups" and os.path.isdir(path):
            shutil.copytree(path, os.path.join(target, name))
    return target


def percentile(values, percent):
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * percent // 100)))
    return ordered[int(rank) - 1]
