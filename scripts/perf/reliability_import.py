"""Kill -9 the CLI at random points of a 30,000-row LinkedIn import, many times: every run must
leave the store as it was before the import or as a complete import leaves it (all or nothing),
and pass SQLite's integrity and foreign-key checks.

    python3 reliability_import.py RAPPORT_BINARY CONNECTIONS_CSV [RUNS] [--json OUT]
"""

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

TABLES = ["person", "organization", "role", "contact_point", "search_index", "circle", "link"]


def state_of(data_dir):
    conn = sqlite3.connect(os.path.join(data_dir, "rapport.sqlite3"))
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    finally:
        conn.close()
    return integrity, foreign, counts


def import_into(binary, data_dir, csv):
    return subprocess.Popen([binary, "--data-dir", data_dir, "import", "linkedin", csv],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    binary, csv = args[0], args[1]
    runs = int(args[2]) if len(args) > 2 else 100
    out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    random.seed(1)
    work = tempfile.mkdtemp(prefix="rapport-kill-import-")
    template = os.path.join(work, "template")
    # A store that exists before the import (the user, the built-in circles).
    subprocess.run([binary, "--data-dir", template, "people", "list"], check=True,
                   stdout=subprocess.DEVNULL)
    before = state_of(template)[2]

    complete_dir = os.path.join(work, "complete")
    shutil.copytree(template, complete_dir)
    started = time.monotonic()
    assert import_into(binary, complete_dir, csv).wait() == 0, "the import itself fails"
    full_seconds = time.monotonic() - started
    after = state_of(complete_dir)[2]
    print(f"uninterrupted import: {full_seconds:.2f} s; before {before['person']} people, "
          f"after {after['person']}", flush=True)

    outcomes = {"before": 0, "after": 0}
    failures = []
    for run in range(runs):
        data_dir = os.path.join(work, f"run-{run}")
        shutil.copytree(template, data_dir)
        # Anywhere from process start to a little past the usual end.
        delay = random.uniform(0.0, full_seconds * 1.1)
        process = import_into(binary, data_dir, csv)
        time.sleep(delay)
        process.kill()
        process.wait()
        integrity, foreign, counts = state_of(data_dir)
        if counts == before:
            outcomes["before"] += 1
        elif counts == after:
            outcomes["after"] += 1
        else:
            failures.append(f"run {run} (killed at {delay:.2f} s): partial import {counts}")
        if integrity != "ok" or foreign:
            failures.append(f"run {run}: integrity {integrity!r}, foreign keys {foreign[:3]}")
        shutil.rmtree(data_dir)
        print(f"\r{run + 1}/{runs} runs: {outcomes['before']} left as before, "
              f"{outcomes['after']} complete, {len(failures)} failures", end="", flush=True)
    print()
    shutil.rmtree(work)
    clean = runs - len({f.split(':')[0].split(' (')[0] for f in failures})
    summary = {"runs": runs, "clean": clean, "as_before": outcomes["before"],
               "complete": outcomes["after"], "failures": failures,
               "uninterrupted_seconds": round(full_seconds, 3)}
    for failure in failures:
        print("FAILED:", failure)
    print(f"kill -9 during import: {clean}/{runs} clean (all or nothing, integrity ok)")
    if out:
        with open(out, "w") as f:
            json.dump(summary, f, indent=2)
    sys.exit(0 if not failures else 1)


if __name__ == "__main__":
    main()
