"""The edge benchmark (`make bench-edge`): readers through Varnish while editors save corrections.

Starts gunicorn (production settings, bench database as `make bench` seeds it, Redis), the task
worker (`run_worker`) and Debian's varnishd with deploy/varnish/default.vcl. wrk then asks
Varnish for the front pages, latest lists, sections and newest articles of every edition at
random, while an editor saves a headline correction every few seconds and times how long until
the edge shows it (bench/editor.py). Reports the edge hit ratio, the requests that reached the
origin, the origin's CPU, and the time from save to visible at the edge (median, p99).
"""

import argparse
import json
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import (
    PYTHON,
    ROOT,
    TICKS,
    Server,
    child_pids,
    cpu_ticks,
    environment,
    prepare_database,
    run,
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def varnish_counters(directory) -> dict:
    out = subprocess.run(
        ["varnishstat", "-n", str(directory), "-1", "-j"], capture_output=True, text=True
    ).stdout
    data = json.loads(out)
    counters = data.get("counters", data)
    return {name: counters[name]["value"] for name in counters if isinstance(counters[name], dict)}


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds of reading (30)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (32)")
    parser.add_argument("--edit-every", type=float, default=2.0, help="seconds between saves (2)")
    parser.add_argument("--newest", type=int, default=50, help="newest articles per edition (50)")
    args = parser.parse_args()

    port, edge_port = free_port(), free_port()
    env = {
        **environment(port, page_cache=True),
        "EDGE_BACKEND": "varnish",
        "EDGE_VARNISH_URLS": f"http://127.0.0.1:{edge_port}",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    print("bench: preparing the database …", flush=True)
    prepare_database({**env, "DJANGO_SETTINGS_MODULE": "bench.settings"}, False)
    redis.Redis.from_url(env["CACHE_URL"]).flushdb()

    work = Path(tempfile.mkdtemp(prefix="newsroom-edge-bench-"))
    paths_file = work / "paths.txt"
    paths_file.write_text(run([PYTHON, "bench/editor.py", "--paths", str(args.newest)], env).stdout)
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    (work / "default.vcl").write_text(vcl.replace('.port = "8000";', f'.port = "{port}";'))

    server = Server({**env, "DJANGO_SETTINGS_MODULE": "bench.settings"}, port)
    # As production runs it (deploy/systemd), default interval: purges go by its purge sender.
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "run_worker", "--no-reload", "--no-startup-delay", "-v0"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    edge = subprocess.Popen(
        ["varnishd", "-F", "-j", "none", "-n", str(work / "varnish"), "-T", "none",
         "-a", f"127.0.0.1:{edge_port}", "-f", str(work / "default.vcl"), "-s", "malloc,256m"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    edge_url = f"http://127.0.0.1:{edge_port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(edge_url + "/robots.txt", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            time.sleep(0.2)
        paths = paths_file.read_text().split()
        print(f"bench: warming the edge with {len(paths)} addresses …", flush=True)
        for path in paths:
            urllib.request.urlopen(edge_url + path, timeout=30).read()

        before = varnish_counters(work / "varnish")
        master = server.process.pid
        app0 = cpu_ticks(master, children=True) + sum(map(cpu_ticks, child_pids(master)))
        print(f"bench: {args.duration} s of readers, an editor saving every "
              f"{args.edit_every} s …", flush=True)  # fmt: skip
        readers = subprocess.Popen(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s",
             "-H", "Accept-Encoding: gzip", "-s", str(ROOT / "bench" / "edge_paths.lua"), edge_url],
            env={**env, "BENCH_PATHS": str(paths_file)}, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        editor = subprocess.run(
            [PYTHON, "bench/editor.py", "--edit", edge_url, "--every", str(args.edit_every),
             "--for", str(args.duration - 2)],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        if editor.returncode:
            sys.exit(f"bench: the editor failed:\n{editor.stderr}")
        out, _ = readers.communicate(timeout=args.duration + 60)
        app1 = cpu_ticks(master, children=True) + sum(map(cpu_ticks, child_pids(master)))
        after = varnish_counters(work / "varnish")
    finally:
        edge.terminate()
        worker.terminate()
        server.stop()
        edge.wait(timeout=30)
        worker.wait(timeout=30)

    delays = json.loads(editor.stdout)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    hits = after["MAIN.cache_hit"] - before["MAIN.cache_hit"]
    misses = after["MAIN.cache_miss"] - before["MAIN.cache_miss"]
    origin = after["MAIN.backend_req"] - before["MAIN.backend_req"]
    app_cpu_seconds = (app1 - app0) / TICKS
    print()
    print(f"Command: `python bench/edge.py {' '.join(sys.argv[1:])}` — {len(paths)} addresses, "
          f"wrk 2 threads, {args.connections} connections, {args.duration} s; gunicorn 2 sync "
          "workers behind Varnish (deploy/varnish/default.vcl).  ")  # fmt: skip
    print()
    print("| readers req/s | edge hit ratio | origin req/s | origin CPU s/s | saves "
          "| save to visible median s | p99 s | max s |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {rps:.0f} | {hits / max(hits + misses, 1):.2%} | {origin / args.duration:.1f} "
        f"| {app_cpu_seconds / args.duration:.2f} | {len(delays)} "
        f"| {percentile(delays, 0.5):.2f} | {percentile(delays, 0.99):.2f} | {max(delays):.2f} |"
    )
    print(f"\n{requests} reader requests; {origin} reached the origin.")


if __name__ == "__main__":
    main()
