"""The election-night benchmark (`make bench`, after the page benchmark): readers spread over the
front page, three open live blogs, their polling endpoint and a long tail of articles, while the
desk posts an update to each live blog every 10 s and saves an ordinary article every 5 s.

Against PostgreSQL (its own copy of the bench database) and Redis, gunicorn with 2 workers,
run twice: with tag invalidation (bench.settings) and with the site-wide invalidation it
replaced (bench.settings_sitewide: every change ends every page). Reports the page-cache hit
ratio (pages and polls), requests/s, p50/p99, errors and app-server CPU per request, then a
polling-only run for what a poll costs. Options: `python bench/election_night.py --help`.
"""

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import PYTHON, ROOT, TICKS, Server, machine, run

RESULTS = ROOT / "bench" / "results"
MODES = {"tags": "bench.settings", "site-wide": "bench.settings_sitewide"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of mixed load (60)")
    parser.add_argument("--poll-duration", type=int, default=20, help="polling-only run (20)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--modes", default="tags,site-wide", help="tags, site-wide or both")
    return parser.parse_args()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(settings_module, port):
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": os.environ.get(
            "ELECTION_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_election_bench"
        ),
        "CACHE_URL": os.environ.get("ELECTION_CACHE_URL", "redis://127.0.0.1:6379/6"),
        "MEDIA_ROOT": str(RESULTS / "media"),
        "PAGE_CACHE": "true",
        "DJANGO_SETTINGS_MODULE": settings_module,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
    }


def prepare(env):
    """The database (a copy of the page benchmark's, migrated) and the workload's addresses."""
    url = env["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    source = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
    )
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            template = source.rsplit("/", 1)[1]
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
    plan = json.loads(run([PYTHON, "bench/election_setup.py"], env).stdout)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "election_plan.json").write_text(json.dumps(plan))
    return plan


def write_urls(server, plan):
    """The Lua table the wrk script reads, with each live blog's current cursor."""
    cursors = []
    for path in plan["blogs"]:
        page = server_get(server, path)
        cursors.append(re.search(r'data-cursor="(\d+)"', page).group(1))
    quoted = lambda items: ", ".join(json.dumps(item) for item in items)  # noqa: E731
    lua = (
        f"urls = {{blogs = {{{quoted(plan['blogs'])}}}, cursors = {{{quoted(cursors)}}}, "
        f"tail = {{{quoted(plan['tail'])}}}}}\n"
    )
    path = RESULTS / "election_urls.lua"
    path.write_text(lua)
    return path


def server_get(server, path):
    return urllib.request.urlopen(server.url(path), timeout=30).read().decode()


def wrk(server, script, urls, duration, connections, path="/"):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(script),
         server.url(path)],
        capture_output=True, text=True, check=True, env={**os.environ, "ELECTION_URLS": str(urls)},
    ).stdout  # fmt: skip

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\b", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    kinds = {kind: (int(h), int(t)) for kind, h, t in re.findall(r"KIND (\w+) (\d+) (\d+)", out)}
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
        "kinds": kinds,
    }


def measured(server, script, urls, duration, connections):
    app0 = server.cpu()[0]
    result = wrk(server, script, urls, duration, connections)
    app1 = server.cpu()[0]
    result["app_cpu"] = (app1 - app0) * 1000 / TICKS / max(result["requests"], 1)
    return result


def main():
    args = parse_args()
    started = time.monotonic()
    port = free_port()
    plan = prepare(environment(MODES["tags"], port))
    results = {}
    for mode in args.modes.split(","):
        env = environment(MODES[mode], port)
        redis.Redis.from_url(env["CACHE_URL"]).flushdb()
        server = Server(env, port)
        desk = None
        try:
            urls = write_urls(server, plan)
            print(f"election night: {mode}, warming {len(plan['tail'])} articles …", flush=True)
            for path in ["/", *plan["blogs"], *plan["tail"]]:
                server_get(server, path)
            print(f"election night: {mode}, {args.duration} s of readers and desk …", flush=True)
            desk = subprocess.Popen(
                [PYTHON, "bench/election_desk.py", str(RESULTS / "election_plan.json")],
                cwd=ROOT,
                env=env,
            )
            time.sleep(2)
            results[mode] = measured(
                server, ROOT / "bench" / "election.lua", urls, args.duration, args.connections
            )
            print(f"election night: {mode}, polling only, {args.poll_duration} s …", flush=True)
            results[mode, "poll"] = measured(
                server, ROOT / "bench" / "election_poll.lua", urls, args.poll_duration,
                args.connections,
            )  # fmt: skip
        finally:
            if desk is not None:
                desk.terminate()
                desk.wait(timeout=30)
            server.stop()
    report(args, plan, results, time.monotonic() - started)


def ratio(pair):
    hits, total = pair
    return f"{100 * hits / total:.1f} %" if total else "—"


def report(args, plan, results, elapsed):
    print()
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"Machine: {machine()}; PostgreSQL and Redis on the same machine; load average at "
        f"the end {', '.join(load)}.  "
    )
    print(
        f"Command: `python bench/election_night.py {' '.join(sys.argv[1:])}` — gunicorn 2 sync "
        f"workers, wrk 2 threads, {args.connections} connections; {args.duration} s mixed "
        f"(20 % front page, 15 % the 3 live blogs, 40 % their polling, 25 % {len(plan['tail'])} "
        f"other articles) and {args.poll_duration} s polling only; the desk posts an update to "
        f"each live blog every 10 s and saves an article every 5 s throughout. Run took "
        f"{elapsed / 60:.1f} min."
    )
    print()
    print(
        "| invalidation | load | req/s | p50 ms | p99 ms | errors | hits: all | hits: pages "
        "| hits: polls | app CPU ms/req |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for mode in args.modes.split(","):
        for key, label in ((mode, "mixed"), ((mode, "poll"), "polling only")):
            row = results[key]
            kinds = row["kinds"]
            every = (
                sum(h for h, _ in kinds.values()),
                sum(t for _, t in kinds.values()),
            )
            print(
                f"| {mode} | {label} | {row['rps']:.0f} | {row['p50']:.1f} | {row['p99']:.1f} "
                f"| {row['errors']} | {ratio(every)} | {ratio(kinds.get('page', (0, 0)))} "
                f"| {ratio(kinds.get('poll', (0, 0)))} | {row['app_cpu']:.2f} |"
            )


if __name__ == "__main__":
    main()
