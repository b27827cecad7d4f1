"""deploy/ brought up for real: Debian's nginx with a throwaway certificate in front of two
gunicorn app servers and a task worker (each run as its systemd unit runs it, with the example
environment file), on PostgreSQL and Redis. Every check goes through nginx over HTTPS, as a
reader's or an editor's browser would."""

import contextlib
import io
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse

import psycopg
import pytest
from django.conf import settings
from django.utils.crypto import salted_hmac
from PIL import Image

from tests.articles.admin_forms import admin_form_data
from tests.deploy.harness import (
    HOST,
    ROOT,
    Browser,
    Process,
    env_file,
    free_port,
    nginx_config,
    scratch_database,
    self_signed_certificate,
    unit_command,
    wait_for_port,
)

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.nginx]

SECRET_KEY = "topology-test-key-" + "k" * 40
PASSWORD = "correct horse battery staple"
# nginx's fail_timeout for the app servers (deploy/nginx/newsroom.conf).
FAIL_TIMEOUT = 2


class Topology:
    def __init__(self, folder, database_url):
        self.folder = folder
        self.media = folder / "media"
        self.media.mkdir()
        self.https, self.http = free_port(), free_port()
        self.app_ports = (free_port(), free_port())
        self.database_url = database_url
        self.env = env_file(
            SECRET_KEY=SECRET_KEY,
            DATABASE_URL=database_url,
            DATABASE_POOL_MAX_SIZE="2",
            CACHE_URL=os.environ["CACHE_URL"],
            CACHE_KEY_PREFIX=f"topology-{folder.name}",  # nothing cached by an earlier run
            STATIC_ROOT=str(settings.STATIC_ROOT),
            MEDIA_ROOT=str(self.media),
            BACKUP_DIR=str(folder / "backups"),
            EMAIL_URL="consolemail://",
            WEB_CONCURRENCY="1",
            LOG_LEVEL="WARNING",
        ) | {
            "ENQUIRY_RATE_LIMIT": "2",
            "ENQUIRY_MIN_FILL_SECONDS": "0",
            "ENQUIRY_RETRY_SECONDS": "1",
        }
        self.cert, self.key = self_signed_certificate(folder)
        self.apps = []
        for port in self.app_ports:
            command, unit_env = unit_command("newsroom-web@.service", str(port))
            self.apps.append(
                Process(command, self.env | unit_env, folder / f"app-{port}.log", port=port)
            )
        command, _ = unit_command("newsroom-worker.service")
        self.worker = Process(command, self.env, folder / "worker.log")
        config = nginx_config(
            folder,
            http=self.http,
            https=self.https,
            app_ports=self.app_ports,
            cert=self.cert,
            key=self.key,
            media=self.media,
        )
        self.nginx = Process(
            [
                shutil.which("nginx"),
                "-p",
                str(folder),
                "-c",
                str(config),
                "-e",
                str(folder / "error.log"),
            ],
            {},
            folder / "nginx.log",
            port=self.https,
        )

    def manage(self, *args, check=True):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=check,
            capture_output=True,
            text=True,
        )

    def browser(self, source="127.0.0.1"):
        return Browser(self.https, self.cert, source=source)

    def sql(self, query, *params):
        with psycopg.connect(self.database_url.replace("postgres://", "postgresql://")) as db:
            return db.execute(query, params).fetchall()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("topology")
    name = f"{settings.DATABASES['default']['NAME'].removeprefix('test_')}_topology"
    with scratch_database(name, settings.DATABASES["default"]) as url:
        topology = Topology(folder, url)
        topology.manage("migrate", "--no-input", "-v0")
        topology.manage(
            "shell",
            "-c",
            "from django.contrib.auth.models import User; "
            "from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory; "
            f"User.objects.create_superuser('chief', 'chief@example.com', {PASSWORD!r}); "
            "CategoryFactory(name='Business', slug='business'); "
            "AuthorFactory(name='Asma Hussain'); "
            "ArticleFactory(live=True, title='Harbour reopens', slug='harbour-reopens')",
        )
        try:
            for server in (*topology.apps, topology.worker, topology.nginx):
                server.start(wait=False)  # side by side: each takes seconds to load the app
            for server in (*topology.apps, topology.nginx):
                wait_for_port(server.port)
            yield topology
        finally:
            topology.nginx.stop(signal.SIGQUIT)
            topology.worker.stop()
            for app in topology.apps:
                app.stop()


def log_in(browser):
    page = browser.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = browser.post(
        "/admin/login/?next=/admin/",
        {
            "csrfmiddlewaretoken": token,
            "login_view-current_step": "auth",
            "auth-username": "chief",
            "auth-password": PASSWORD,
        },
    )
    assert response.status == 302, response.text[:2000]
    assert response.headers["Location"] == "/admin/"


def test_reader_pages_and_the_admin_work_over_https_and_the_app_knows_it(site):
    browser = site.browser()
    home = browser.get("/")
    assert home.status == 200
    # The app sees HTTPS (is_secure): it builds https:// addresses and does not redirect.
    assert f'<link rel="canonical" href="https://{HOST}/">' in home.text
    assert "Harbour reopens" in home.text
    assert home.headers.get_all("Strict-Transport-Security") == [
        "max-age=31536000; includeSubDomains; preload"
    ]
    assert re.fullmatch(r"[0-9a-f]{32}", home.headers["X-Request-ID"])

    log_in(browser)
    admin = browser.get("/admin/")
    assert admin.status == 200
    assert "Articles" in admin.text and "chief" in admin.text
    # SECURE_COOKIES: the CSRF and session cookies are never sent over plain HTTP.
    headers = site.browser().get("/admin/login/").headers.get_all("Set-Cookie") or []
    assert headers and all("; Secure" in header for header in headers)


def test_a_requests_id_ties_nginxs_access_log_to_the_apps_json_log_lines(site):
    missing = site.browser().get("/no-such-page/")
    assert missing.status == 404
    request_id = missing.headers["X-Request-ID"]

    def app_lines():
        logs = "".join((site.folder / f"app-{port}.log").read_text() for port in site.app_ports)
        return [json.loads(line) for line in logs.splitlines() if line.startswith("{")]

    ours = _wait(
        lambda: [line for line in app_lines() if line.get("request_id") == request_id],
        f"an app log line with request id {request_id}",
        seconds=10,
    )
    assert [(line["level"], line["message"]) for line in ours] == [
        ("WARNING", "Not Found: /no-such-page/")
    ]
    # nginx writes its access log line when the request ends, after the client has the answer.
    _wait(
        lambda: f"rid={request_id}" in (site.folder / "newsroom.access.log").read_text(),
        f"nginx's access log line with request id {request_id}",
        seconds=10,
    )


def test_plain_http_is_redirected_to_https_except_the_health_probe(site):
    plain = Browser(site.http, site.cert, tls=False)
    response = plain.get("/latest/?page=2")
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/latest/?page=2"

    probe = plain.get("/healthz")
    assert probe.status == 200
    assert b'"status": "ok"' in probe.content


def test_a_lead_image_uploaded_in_the_admin_is_served_by_nginx_for_a_long_time(site):
    browser = site.browser()
    log_in(browser)
    form = browser.get("/admin/articles/article/add/")
    (category,), (author,) = (
        site.sql("SELECT id FROM articles_category WHERE slug = 'business'")[0],
        site.sql("SELECT id FROM authors_author WHERE name = 'Asma Hussain'")[0],
    )
    picture = io.BytesIO()
    Image.new("RGB", (1600, 900), (20, 90, 160)).save(picture, "JPEG", quality=85)
    picture.seek(0)
    picture.name = "harbour-at-dawn.jpg"
    data = admin_form_data(form) | {
        "title": "Boats return to the harbour",
        "slug": "boats-return",
        "category": str(category),
        "article_authors-0-author": str(author),
        "article_authors-0-position": "0",
        "lead_image": picture,
        "lead_image_alt": "Fishing boats at dawn",
        "_save": "Save",
    }
    saved = browser.post("/admin/articles/article/add/", data, multipart=True)
    assert saved.status == 302, saved.text[:3000]

    ((stored,),) = site.sql("SELECT lead_image FROM articles_article WHERE slug = 'boats-return'")
    image = browser.get(f"/media/{stored}")
    assert image.status == 200
    assert image.content == (site.media / stored).read_bytes()
    assert image.headers["Content-Type"] == "image/jpeg"
    assert image.headers.get_all("Cache-Control") == ["public, max-age=2592000, immutable"]
    assert image.headers["X-Content-Type-Options"] == "nosniff"
    # Served by nginx from MEDIA_ROOT: the app's own policy (on every app response) is absent.
    assert image.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"


def _send_enquiry(browser, **headers):
    form = browser.get("/advertise/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    issued = re.search(r'name="issued" value="([^"]+)"', form.text).group(1)
    data = {
        "csrfmiddlewaretoken": token,
        "issued": issued,
        "name": "Nimal Perera",
        "organisation": "Ceylon Tea",
        "email": "nimal@ceylontea.example",
        "phone": "+94 11 234 5678",
        "interest": "video",
        "budget": "250k_1m",
        "message": "A pre-roll campaign in March.",
        "website": "",
    }
    return browser.request(
        "POST",
        "/advertise/",
        body=urllib.parse.urlencode(data).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://{HOST}/advertise/",
            **headers,
        },
    )


def _fingerprint(address):
    return salted_hmac("advertising.client", address, secret=SECRET_KEY, algorithm="sha256")


def test_the_enquiry_rate_limit_counts_the_real_client_not_nginx(site):
    reader, other = site.browser("127.0.0.2"), site.browser("127.0.0.3")
    assert [_send_enquiry(reader).status for _ in range(2)] == [302, 302]
    # A third from the same reader is refused, even claiming to be someone else.
    refused = _send_enquiry(reader, **{"X-Forwarded-For": "203.0.113.9"})
    assert refused.status == 400
    assert "could not accept your enquiry just now" in refused.text
    # Another reader behind the same nginx is not affected.
    assert _send_enquiry(other).status == 302

    stored = [row[0] for row in site.sql("SELECT client_hash FROM advertising_enquiry")]
    assert sorted(stored) == sorted(
        [_fingerprint("127.0.0.2").hexdigest()] * 2 + [_fingerprint("127.0.0.3").hexdigest()]
    )
    # The worker (its unit's ExecStart) sends each enquiry's e-mails.
    for _ in range(100):
        if not site.sql("SELECT id FROM advertising_enquiry WHERE enquirer_notified_at IS NULL"):
            break
        time.sleep(0.2)
    else:
        raise AssertionError((site.folder / "worker.log").read_text()[-3000:])


def test_monitoring_sees_the_full_health_check_and_the_world_does_not(site):
    health = site.browser().get("/healthz/full?format=json", headers={"Accept": "*/*"})
    for _ in range(50):  # the worker's first heartbeat
        if health.status == 200:
            break
        time.sleep(0.2)
        health = site.browser().get("/healthz/full?format=json")
    assert health.status == 200, health.text
    assert '"WorkerHeartbeat()": "OK"' in health.text and '"Migrations()": "OK"' in health.text
    assert site.browser("127.0.0.2").get("/healthz/full?format=json").status == 403


@contextlib.contextmanager
def _silent_mail_server():
    """An SMTP port that accepts connections and never answers: a send hangs on it."""
    server = socket.create_server(("127.0.0.1", 0))
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                held.append(server.accept()[0])

    thread = threading.Thread(target=accept)
    thread.start()
    try:
        yield server.getsockname()[1], held
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        server.close()


def _wait(condition, what, seconds=30):
    deadline = time.monotonic() + seconds
    while not (found := condition()):
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.2)
    return found


def test_a_worker_killed_mid_send_loses_no_enquiry(site):
    site.worker.stop()  # the unit's worker, stopped gracefully for this test
    try:
        with _silent_mail_server() as (port, held):
            command, _ = unit_command("newsroom-worker.service")
            env = site.env | {"EMAIL_URL": f"smtp://127.0.0.1:{port}", "EMAIL_TIMEOUT": "60"}
            doomed = Process(command, env, site.folder / "doomed-worker.log").start()
            assert _send_enquiry(site.browser("127.0.0.4")).status == 302
            ((enquiry,),) = site.sql("SELECT id FROM advertising_enquiry ORDER BY id DESC LIMIT 1")
            _wait(lambda: held, "the worker to start sending")
            doomed.stop(signal.SIGKILL)  # mid-send: the job stays RUNNING for ever
        running = site.sql(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING' "
            "AND task_path = 'advertising.tasks.notify_enquiry'"
        )
        assert running == [(1,)]

        # The sweep (each worker runs it by itself, later) finds the job and queues a retry.
        def sweep():
            result = site.manage("sweep_enquiry_jobs", "--stale-after", "0")
            return "re-queued: 1." in result.stdout

        _wait(sweep, "the sweep to find the lost job")
    finally:
        site.worker.start()
    _wait(
        lambda: site.sql(
            "SELECT notification_attempts, notification_error FROM advertising_enquiry "
            "WHERE id = %s AND enquirer_notified_at IS NOT NULL",
            enquiry,
        ),
        "the e-mails to go after all",
    )
    ((attempts, error),) = site.sql(
        "SELECT notification_attempts, notification_error FROM advertising_enquiry WHERE id = %s",
        enquiry,
    )
    assert (attempts, error) == (2, "")


def test_slow_and_idle_clients_hold_nginx_not_the_app_servers(site):
    """Each app server here has one sync worker: a client that connected straight to it and
    sent nothing would hold it for 30 s. Through nginx, twenty such clients cost nothing."""
    held = []
    try:
        for _ in range(10):  # connected, never a byte
            held.append(socket.create_connection(("127.0.0.1", site.https)))
        context = ssl.create_default_context(cafile=str(site.cert))
        for _ in range(5):  # half a request
            conn = context.wrap_socket(
                socket.create_connection(("127.0.0.1", site.https)), server_hostname=HOST
            )
            conn.sendall(f"GET / HTTP/1.1\r\nHost: {HOST}\r\n".encode())
            held.append(conn)
        for _ in range(5):  # a request body trickling in
            conn = context.wrap_socket(
                socket.create_connection(("127.0.0.1", site.https)), server_hostname=HOST
            )
            conn.sendall(
                f"POST /advertise/ HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: 100000\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n\r\nname=".encode()
            )
            held.append(conn)

        started = time.monotonic()
        pages = [site.browser().get(path, timeout=5) for path in ("/", "/latest/", "/advertise/")]
        assert [page.status for page in pages] == [200, 200, 200]
        assert time.monotonic() - started < 5
    finally:
        for conn in held:
            conn.close()


def test_app_servers_restarted_one_at_a_time_under_load_fail_no_request(site):
    failures, served, stop = [], [], threading.Event()

    def load():
        browser = site.browser()
        while not stop.is_set() and len(served) < 2000:
            try:
                page = browser.get("/latest/", timeout=10)
                (served if page.status == 200 else failures).append(page.status)
            except OSError as error:
                failures.append(repr(error))

    loops = [threading.Thread(target=load) for _ in range(2)]
    for loop in loops:
        loop.start()
    try:
        time.sleep(0.5)
        for app in site.apps:  # a deploy, as the README's rolling restart does it
            app.stop()
            time.sleep(0.5)  # requests meanwhile go to the other server
            app.start()
            assert Browser(app.port, site.cert, tls=False).get("/healthz").status == 200
            time.sleep(FAIL_TIMEOUT + 0.5)  # until nginx tries the restarted server again
    finally:
        stop.set()
        for loop in loops:
            loop.join()
    assert failures == []
    assert len(served) > 20


def test_nginx_shows_our_own_page_when_no_app_server_answers(site):
    for app in site.apps:
        app.stop()
    try:
        page = site.browser().get("/latest/")
        assert page.status == 502
        assert "<h1>Back in a moment</h1>" in page.text
        assert page.headers["Cache-Control"] == "no-store"
    finally:
        for app in site.apps:
            app.start(wait=False)
        for app in site.apps:
            wait_for_port(app.port)
    # nginx tries the servers again once their fail_timeout has passed.
    _wait(lambda: site.browser().get("/latest/").status == 200, "the site to answer again", 10)


def test_deploy_check_is_clean_with_the_example_environment(site):
    result = site.manage("check", "--deploy", "--fail-level", "WARNING", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
