#!/usr/bin/env python3
"""Run a command and report its wall-clock time and peak resident set size.

Usage: peak_rss.py [--json FILE] [--label NAME] -- COMMAND [ARG...]

The command inherits stdin/stdout/stderr. Peak RSS is the child's ru_maxrss
as reported by wait4() (Linux: KiB; the largest RSS of the child or of any
descendant it waited for). A one-line summary goes to stderr; with --json the
measurements are also written to FILE. Exits with the command's exit status
(128+N if it was killed by signal N).
"""
import json
import os
import subprocess
import sys
import time


def main(argv):
    json_path = None
    label = None
    args = list(argv)
    while args and args[0] != "--":
        opt = args.pop(0)
        if opt == "--json" and args:
            json_path = args.pop(0)
        elif opt == "--label" and args:
            label = args.pop(0)
        else:
            print(__doc__, file=sys.stderr)
            return 2
    if not args or args[0] != "--" or len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command = args[1:]

    start = time.perf_counter()
    try:
        child = subprocess.Popen(command)
    except OSError as error:
        print(f"peak_rss: cannot run {command[0]}: {error}", file=sys.stderr)
        return 127
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    exit_code = child.returncode if child.returncode >= 0 else 128 - child.returncode

    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    maxrss_kib = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    result = {
        "label": label or os.path.basename(command[0]),
        "command": command,
        "exit": exit_code,
        "seconds": round(seconds, 3),
        "user_seconds": round(usage.ru_utime, 3),
        "system_seconds": round(usage.ru_stime, 3),
        "peak_rss_kib": int(maxrss_kib),
        "peak_rss_mib": round(maxrss_kib / 1024, 1),
    }
    print(f"peak_rss: {result['label']}: exit {exit_code}, {seconds:.2f} s wall, "
          f"{usage.ru_utime:.2f} s user, {usage.ru_stime:.2f} s sys, "
          f"peak RSS {result['peak_rss_mib']} MiB", file=sys.stderr)
    if json_path:
        with open(json_path, "w", encoding="utf-8") as out:
            json.dump(result, out, indent=2)
            out.write("\n")
    return exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
