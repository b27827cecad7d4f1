"""The production topology of deploy/, started on this machine from the repo's own files.

deploy/ is written for a server (/srv/newsroom/…, ports 80 and 443, systemd); here the same
files run unprivileged in a temporary folder: each path and port an operator would keep is
swapped for a free one, and every swap is checked to have matched, so a file that drifts from
what the test runs fails the test instead of passing unexercised.
"""

import contextlib
import http.client
import os
import shlex
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
HOST = "news.example.com"
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def swap(text: str, old: str, new: str) -> str:
    assert old in text, f"deploy file no longer contains {old!r}"
    return text.replace(old, new)


def env_example() -> dict:
    """deploy/newsroom.env.example as systemd's EnvironmentFile= reads it."""
    values = {}
    for line in (DEPLOY / "newsroom.env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            value = value.strip()
            if len(value) > 1 and value[0] == value[-1] == '"':  # as systemd unquotes
                value = value[1:-1]
            values[name.strip()] = value
    return values


def env_file(**overrides) -> dict:
    """A test server's environment: the example file, then `overrides`."""
    values = env_example()
    for name in overrides:
        assert name in values, f"{name} is not in deploy/newsroom.env.example"
    # The test's editor signs in with a password alone (tests/accounts tests second factors).
    no_second_factor = {"REQUIRE_2FA_GROUPS": "", "REQUIRE_2FA_SUPERUSERS": "false"}
    base = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
    return {**base, **values, **no_second_factor, **overrides}


def unit_command(unit: str, instance: str = "") -> tuple[list[str], dict]:
    """A systemd unit's ExecStart and Environment= lines, with %i and the install paths swapped."""
    command, environment = None, {}
    for line in (DEPLOY / "systemd" / unit).read_text().splitlines():
        line = line.replace("%i", instance)
        if line.startswith("ExecStart="):
            command = shlex.split(line.removeprefix("ExecStart="))
        elif line.startswith("Environment="):
            name, _, value = line.removeprefix("Environment=").partition("=")
            environment[name] = value
        elif line.startswith("WorkingDirectory="):
            assert line == "WorkingDirectory=/srv/newsroom/app"
    program = command[0]
    assert program.startswith("/srv/newsroom/app/.venv/bin/"), program
    command[0] = str(VENV_BIN / Path(program).name)
    return command, environment


@contextlib.contextmanager
def scratch_database(name: str, server: dict):
    """An empty PostgreSQL database for subprocesses; dropped afterwards. Yields its URL."""
    connect = {
        k: server[k.upper()] for k in ("host", "port", "user", "password") if server[k.upper()]
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **connect) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    user = urllib.parse.quote(server["USER"] or "")
    password = ":" + urllib.parse.quote(server["PASSWORD"]) if server["PASSWORD"] else ""
    try:
        yield f"postgres://{user}{password}@{server['HOST']}:{server['PORT'] or 5432}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **connect) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for_port(port: int, *, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


@dataclass
class Process:
    """A server run as its unit would run it: started, stopped gracefully, started again."""

    command: list[str]
    env: dict
    log: Path
    port: int | None = None
    popen: subprocess.Popen | None = None

    def start(self, *, wait=True) -> "Process":
        with self.log.open("ab") as log:
            self.popen = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        if self.port and wait:
            wait_for_port(self.port)
        return self

    def stop(self, sig=signal.SIGTERM) -> None:
        if self.popen and self.popen.poll() is None:
            self.popen.send_signal(sig)
            try:
                self.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            f"/CN={HOST}",
            "-addext",
            f"subjectAltName=DNS:{HOST}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def nginx_config(
    folder: Path, *, http: int, https: int, app_ports, cert: Path, key: Path, media: Path
) -> Path:
    """deploy/nginx/newsroom.conf with this run's ports and paths, inside a minimal nginx.conf
    like Debian's (which includes sites-enabled/* in its http block)."""
    site = (DEPLOY / "nginx" / "newsroom.conf").read_text()
    site = swap(site, "    listen [::]:80;\n", "")
    site = swap(site, "    listen [::]:443 ssl http2;\n", "")
    site = swap(site, "listen 80;", f"listen 127.0.0.1:{http};")
    site = swap(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;")
    site = swap(site, "server 127.0.0.1:8001 ", f"server 127.0.0.1:{app_ports[0]} ")
    site = swap(site, "server 127.0.0.1:8002 ", f"server 127.0.0.1:{app_ports[1]} ")
    site = swap(site, f"/etc/letsencrypt/live/{HOST}/fullchain.pem", str(cert))
    site = swap(site, f"/etc/letsencrypt/live/{HOST}/privkey.pem", str(key))
    site = swap(site, "/srv/newsroom/media/", f"{media}/")
    site = swap(site, "/srv/newsroom/app/", f"{ROOT}/")
    site = swap(site, "/var/log/nginx/", f"{folder}/")
    (folder / "newsroom.conf").write_text(site)
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / temp).mkdir(exist_ok=True)
    # As root (CI), nginx's workers would become "nobody", who cannot read the test's folders.
    user = "user root;" if os.geteuid() == 0 else ""
    main = f"""
{user}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    server_tokens off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/newsroom.conf;
}}
"""
    (folder / "nginx.conf").write_text(main)
    return folder / "nginx.conf"


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode()


@dataclass
class Browser:
    """A client as a browser at https://news.example.com would be (port 443 implied), talking
    to this run's nginx, from a loopback address of its choice (127.0.0.2 is another client)."""

    port: int
    cert: Path
    source: str = "127.0.0.1"
    tls: bool = True
    cookies: dict = field(default_factory=dict)

    def request(self, method, path, *, body=None, headers=None, timeout=10) -> Response:
        if self.tls:
            context = ssl.create_default_context(cafile=str(self.cert))
            connection = http.client.HTTPSConnection(
                HOST,
                self.port,
                timeout=timeout,
                context=context,
                source_address=(self.source, 0),
            )
            # Connect to this machine's nginx, but speak TLS (SNI, certificate) as to HOST.
            connection._create_connection = lambda address, *args, **kwargs: (
                socket.create_connection(("127.0.0.1", self.port), *args, **kwargs)
            )
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=timeout, source_address=(self.source, 0)
            )
        sent = {"Host": HOST, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return Response(response.status, response.headers, content)

    def get(self, path, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path, data, *, multipart=False) -> Response:
        headers = {"Referer": f"https://{HOST}{path}", "Origin": f"https://{HOST}"}
        if multipart:
            body = encode_multipart(BOUNDARY, data)
            headers["Content-Type"] = MULTIPART_CONTENT
        else:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, headers=headers)
