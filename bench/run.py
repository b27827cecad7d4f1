"""The reader-side benchmark (`make bench`): production configuration, wrk, one markdown table.

Creates and seeds the PostgreSQL database `newsroom_bench` (once), collects static files, then for
the page cache on and off starts gunicorn with the repo's config (DEBUG off, Redis, whitenoise)
and measures each page with wrk: requests/s, p50/p99 latency, errors, CPU per request of the app
server, PostgreSQL and Redis (from /proc), SQL queries per page, throughput against a bare view
through the full middleware stack, and each worker's memory. Finally 64 connections hold the
cached home and article pages. Options: `python bench/run.py --help`. Results are not committed.
"""

import argparse
import json
import os
import platform
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
import redis
from django.utils.encoding import iri_to_uri

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TICKS = os.sysconf("SC_CLK_TCK")

# The pages measured: (name, path). {article}, {category} and {author} come from the data.
# Adding a page is one line.
PAGES = [
    ("home", "/"),
    ("article", "{article}"),
    ("article-si", "{sinhala_article}"),
    ("home-ta", "/ta/"),
    ("category", "{category}"),
    ("author", "{author}"),
    ("latest", "/latest/"),
    ("search", "/search/?q=harbour"),
    ("feed", "/feeds/rss/"),
    ("api-articles", "/api/v1/articles/"),
    ("api-article", "{api_article}"),
    ("baseline", "/bench/baseline/"),
]
STRESS_PAGES = ["home", "article"]
BASELINE = "/bench/baseline/"
# No control socket: its default path is per user, shared with any other gunicorn running.
GUNICORN_ARGS = ["--no-control-socket", "newsroom.wsgi"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page (10)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--stress-duration", type=int, default=30, help="64-connection run (30)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "18400")))
    parser.add_argument("--reseed", action="store_true", help="drop and seed the database again")
    parser.add_argument(
        "--pages",
        default=",".join(name for name, _ in PAGES),
        help="comma-separated page names to measure (all); the baseline is always measured",
    )
    parser.add_argument(
        "--modes", default="cached,uncached", help="page cache on, off or both (cached,uncached)"
    )
    args = parser.parse_args()
    if unknown := set(args.pages.split(",")) - {name for name, _ in PAGES}:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    if unknown := set(args.modes.split(",")) - {"cached", "uncached"}:
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")
    return args


def environment(port, *, page_cache):
    database = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
    )
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database,
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5"),
        "MEDIA_ROOT": str(ROOT / "bench" / "results" / "media"),
        "PAGE_CACHE": "true" if page_cache else "false",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
        # wrk is one address: the API's per-address limit on uncached requests would refuse it.
        "API_RATE_LIMIT": "1000000000",
    }


def prepare_database(env, reseed):
    url = env["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        if reseed:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
    run([PYTHON, "bench/seed.py"], env)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env)


def run(command, env):
    return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)


def cpu_ticks(pid, *, children=False):
    """utime + stime of a process (and of its reaped children), in clock ticks; 0 once gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0
    ticks = int(fields[11]) + int(fields[12])
    return ticks + (int(fields[13]) + int(fields[14]) if children else 0)


def child_pids(pid):
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def rss_mb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


class Server:
    """gunicorn with the repo's config, plus the PostgreSQL and Redis processes it talks to."""

    def __init__(self, env, port):
        self.env, self.port = env, port
        self.process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", *GUNICORN_ARGS],
            cwd=ROOT,
            env=env,
        )
        self.redis = redis.Redis.from_url(env["CACHE_URL"])
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url(BASELINE), timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            self.stop()
            sys.exit("bench: gunicorn did not start")
        self.redis_pid = int(self.redis.info("server")["process_id"])

    def url(self, path):
        return iri_to_uri(f"http://127.0.0.1:{self.port}{path}")  # Sinhala and Tamil slugs

    def postgres_pids(self):
        name = self.env["DATABASE_URL"].rsplit("/", 1)[1]
        with psycopg.connect(self.env["DATABASE_URL"], autocommit=True) as connection:
            rows = connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            ).fetchall()
        return [row[0] for row in rows]

    def cpu(self):
        master = self.process.pid
        app = cpu_ticks(master, children=True) + sum(map(cpu_ticks, child_pids(master)))
        database = {pid: cpu_ticks(pid) for pid in self.postgres_pids()}
        return app, database, cpu_ticks(self.redis_pid)

    def worker_rss(self):
        return [rss_mb(pid) for pid in child_pids(self.process.pid)]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def wrk(url, *, duration, connections, threads):
    out = subprocess.run(
        # As every browser and CDN does: cached pages are then served as they are stored.
        [
            *("wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"),
            *("-H", "Accept-Encoding: gzip, deflate, br", url),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\b", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def mean_of(*rows):
    """Counts added up, rates and times averaged."""
    totals = {key: sum(row[key] for row in rows) for key in rows[0]}
    return {key: v if key in ("requests", "errors") else v / len(rows) for key, v in totals.items()}


def measure(server, path, args, *, connections=None, duration=None):
    for _ in range(20):  # warm the page cache and the workers
        urllib.request.urlopen(server.url(path), timeout=10).read()
    app0, db0, redis0 = server.cpu()
    result = wrk(
        server.url(path),
        duration=duration or args.duration,
        connections=connections or args.connections,
        threads=args.threads,
    )
    app1, db1, redis1 = server.cpu()
    database = sum(ticks - db0.get(pid, 0) for pid, ticks in db1.items())
    per_request = 1000 / TICKS / max(result["requests"], 1)
    result.update(
        app_cpu=(app1 - app0) * per_request,
        db_cpu=database * per_request,
        redis_cpu=(redis1 - redis0) * per_request,
    )
    return result


def machine():
    model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    return f"{os.cpu_count()} x {model.group(1) if model else platform.processor()}"


def main():
    args = parse_args()
    started = time.monotonic()
    env = environment(args.port, page_cache=True)
    print("bench: preparing the database (the first run seeds 100,000 articles) …", flush=True)
    prepare_database(env, args.reseed)
    sample = json.loads(run([PYTHON, "bench/queries.py", "--sample"], env).stdout)
    wanted = {*args.pages.split(","), "baseline"}
    pages = [(name, path.format(**sample)) for name, path in PAGES if name in wanted]
    queries = json.loads(run([PYTHON, "bench/queries.py", *[p for _, p in pages]], env).stdout)

    results, memory = {}, {}
    for mode in args.modes.split(","):
        env = environment(args.port, page_cache=mode == "cached")
        redis.Redis.from_url(env["CACHE_URL"]).flushdb()
        server = Server(env, args.port)
        try:
            # The machine's speed drifts during a run (a shared host): each page is compared
            # with the baseline measured just before it; the baseline's row is their mean.
            baselines = []
            for name, path in pages:
                if name == "baseline":
                    continue
                print(f"bench: {mode} baseline, then {name} ({path}) …", flush=True)
                baselines.append(measure(server, BASELINE, args))
                results[mode, name] = measure(server, path, args)
                results[mode, name]["baseline_rps"] = baselines[-1]["rps"]
            results[mode, "baseline"] = mean_of(*baselines)
            if mode == "cached":
                for name, path in pages:
                    if name in STRESS_PAGES:
                        print(f"bench: 64 connections on cached {name} …", flush=True)
                        results["stress", name] = measure(
                            server, path, args, connections=64, duration=args.stress_duration
                        )
            memory[mode] = server.worker_rss()
        finally:
            server.stop()

    report(args, pages, queries, results, memory, time.monotonic() - started)


def report(args, pages, queries, results, memory, elapsed):
    command = " ".join(["python bench/run.py", *sys.argv[1:]])
    print()
    print(f"Machine: {machine()}; PostgreSQL and Redis on the same machine.  ")
    print(
        f"Command: `{command}` — wrk {args.threads} threads, {args.connections} connections, "
        f"{args.duration} s per page; gunicorn 2 sync workers; run took {elapsed / 60:.1f} min."
    )
    print(
        "`x baseline`: throughput over that of `/bench/baseline/` (a fixed response through every "
        "middleware, never looked up in the page cache) measured just before each page on the same "
        "server (its row is their mean; 64-connection rows use that mean). wrk sends "
        "`Accept-Encoding: gzip`."
    )
    print()
    print(
        "| page | mode | req/s | x baseline | p50 ms | p99 ms | errors | app CPU ms/req "
        "| PostgreSQL CPU ms/req | Redis CPU ms/req | SQL queries |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for mode in ("cached", "uncached", "stress"):
        baseline = results.get(("cached" if mode == "stress" else mode, "baseline"))
        for name, path in pages:
            row = results.get((mode, name))
            if not row:
                continue
            label = "cached, 64 conn." if mode == "stress" else mode
            yardstick = row.get("baseline_rps") or (baseline["rps"] if baseline else 0)
            ratio = row["rps"] / yardstick if yardstick else 0
            sql = queries[path]["queries"] if mode == "uncached" else "0 (hit)"
            if name == "baseline":
                sql = queries[path]["queries"]
            print(
                f"| {name} | {label} | {row['rps']:.0f} | {ratio:.2f} | {row['p50']:.1f} "
                f"| {row['p99']:.1f} | {row['errors']} | {row['app_cpu']:.2f} "
                f"| {row['db_cpu']:.2f} | {row['redis_cpu']:.2f} | {sql} |"
            )
    print()
    for mode, sizes in memory.items():
        listed = ", ".join(f"{size:.0f} MB" for size in sizes)
        print(f"Worker RSS after the {mode} run: {listed} (target < 150 MB).  ")


if __name__ == "__main__":
    main()
