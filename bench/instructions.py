"""CPU instructions per uncached reader page, counted by valgrind's callgrind: repeatable to a
fraction of a percent whatever else the machine runs, where wall-clock CPU figures on a shared
two-core machine move by tens of percent between runs. For comparing two versions of the code.

Each page is rendered in-process through the whole middleware stack (Django's test client, the
page cache off, DEBUG off, the garbage collector set as gunicorn.conf.py's fork hooks set it)
against the database BENCH_DATABASE_URL names; ten warm-up requests, then only the measured
requests are counted. Needs Debian's valgrind.

    python bench/instructions.py /latest/ /2026/12/03/some-story/
    python bench/instructions.py --checkout ../other-release --settings newsroom.settings /
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 10

# Run inside valgrind: set up Django, warm up, wait for instrumentation, render the pages.
PROGRAM = """
import os, sys, time
sys.path.insert(0, os.getcwd())
import django, runpy
django.setup()
from django.test import Client
# As gunicorn runs the app: its fork hooks set the garbage collector's policy.
hooks = runpy.run_path("gunicorn.conf.py")
for hook in ("pre_fork", "post_fork"):
    if hook in hooks:
        hooks[hook](None, None)
client, path, count, go = Client(), sys.argv[1], int(sys.argv[2]), sys.argv[3]
for _ in range({warm_up}):
    assert client.get(path).status_code == 200, path
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.05)
for _ in range(count):
    client.get(path)
print("done", flush=True)
while not os.path.exists(go + ".off"):
    time.sleep(0.05)
"""


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="reader addresses to measure")
    parser.add_argument("--requests", type=int, default=10, help="measured requests (10)")
    parser.add_argument("--checkout", type=Path, default=ROOT, help="code to measure (this one)")
    parser.add_argument("--settings", default="bench.settings", help="(bench.settings)")
    return parser.parse_args()


def environment(settings):
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
        ),
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5"),
        "PAGE_CACHE": "false",
        # The API's per-address limit on uncached requests would refuse the measured ones.
        "API_RATE_LIMIT": "1000000000",
        "DJANGO_SETTINGS_MODULE": settings,
    }


def instructions(path, args):
    """Instructions per request for `path`, in millions."""
    with tempfile.TemporaryDirectory() as folder:
        out, go = Path(folder, "callgrind.out"), Path(folder, "go")
        process = subprocess.Popen(
            [
                *("valgrind", "--tool=callgrind", "--instr-atstart=no"),
                f"--callgrind-out-file={out}",
                str(args.checkout / ".venv" / "bin" / "python"),
                *("-c", PROGRAM.format(warm_up=WARM_UP), path, str(args.requests), str(go)),
            ],
            cwd=args.checkout,
            env=environment(args.settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        if process.stdout.readline().strip() != "ready":
            process.wait()
            sys.exit(f"instructions: {path} did not answer 200 (run it without valgrind to see)")
        subprocess.run(
            ["callgrind_control", "-i", "on", str(process.pid)], check=True, capture_output=True
        )
        go.touch()
        # The count is taken when the requests are done, not at exit: the interpreter's exit
        # costs as much as dozens of requests (it was counted, with each of the ten requests,
        # until this was added).
        if process.stdout.readline().strip() != "done":
            process.wait()
            sys.exit(f"instructions: {path} failed while measured")
        subprocess.run(
            ["callgrind_control", "--dump", str(process.pid)], check=True, capture_output=True
        )
        Path(f"{go}.off").touch()
        process.wait()
        dump = next(Path(folder).glob("callgrind.out.*"))
        total = re.search(r"^(?:summary|totals): (\d+)", dump.read_text(), re.M).group(1)
        return int(total) / args.requests / 1e6


def main():
    args = arguments()
    print("| page | million instructions per request |\n|---|---:|")
    for path in args.paths:
        started = time.monotonic()
        print(f"| `{path}` | {instructions(path, args):.1f} |", flush=True)
        print(f"  ({time.monotonic() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
