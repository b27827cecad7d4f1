"""The restore drill: fill a site, back it up with `manage.py backup`, restore it with
`manage.py restore` into a fresh PostgreSQL database and media folder, and find nothing lost:
the same rows, the same files byte for byte, the same article pages."""

import contextlib
import hashlib
import json
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings

from tests.deploy.harness import ROOT, scratch_database

pytestmark = pytest.mark.postgres

FILL = """
from tests.factories import *
from advertising.models import Enquiry
desk = AuthorFactory(name='Asma Hussain', slug='asma-hussain')
for n in range(3):
    article = ArticleFactory(live=True, with_image=True, title=f'Harbour story {n}',
                             slug=f'harbour-story-{n}', authors=[desk, AuthorFactory()])
    article.title = f'Harbour story {n}, updated'
    article.save()  # a second version in the history
ArticleFactory(title='A draft nobody has seen')
for n in range(2):
    EnquiryFactory()
"""

# What a reader sees: every live article's page, the front page and the author's page.
PAGES = """
import json
from django.test import Client
from articles.models import Article
client = Client()
paths = ['/', '/author/asma-hussain/'] + [a.get_absolute_url() for a in Article.objects.live()]
pages = {path: client.get(path) for path in paths}
print(json.dumps({path: [page.status_code, page.content.decode()] for path, page in pages.items()}))
"""


def _run(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def _site_env(url, media, backups):
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "SECRET_KEY": "restore-drill-key-" + "r" * 40,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media),
        "BACKUP_DIR": str(backups),
        "STATIC_ROOT": str(settings.STATIC_ROOT),
        "PAGE_CACHE": "false",
        "LOG_LEVEL": "WARNING",
    }


def _rows(url):
    """Each table's row count and a checksum of all its rows, in a stable order."""
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            table: db.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: E501
            ).fetchone()
            for table in tables
        }


def _files(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def drill(tmp_path_factory):
    """A filled site, backed up, and restored into a fresh database and media folder."""
    folder = tmp_path_factory.mktemp("drill")
    server = settings.DATABASES["default"]
    base = server["NAME"].removeprefix("test_")
    backups = folder / "backups"
    with (
        scratch_database(f"{base}_drill_live", server) as live_url,
        scratch_database(f"{base}_drill_restored", server) as restored_url,
        scratch_database(f"{base}_drill_empty", server) as empty_url,
    ):
        live = _site_env(live_url, folder / "media", backups)
        assert _run(live, "migrate", "--no-input", "-v0").returncode == 0
        filled = _run(live, "shell", "-v0", "-c", FILL)
        assert filled.returncode == 0, filled.stderr

        backed_up = _run(live, "backup", "-v0")
        assert backed_up.returncode == 0, backed_up.stderr
        assert "Database and media backed up." in backed_up.stdout

        restored = _site_env(restored_url, folder / "restored-media", backups)
        result = _run(restored, "restore", "-v0")
        assert result.returncode == 0, result.stderr
        assert "Database and media restored." in result.stdout
        yield {
            "live": (live, live_url, folder / "media"),
            "restored": (restored, restored_url, folder / "restored-media"),
            "empty": (_site_env(empty_url, folder / "media", backups), empty_url),
        }


def test_a_backup_restores_into_a_fresh_database_and_media_folder_with_nothing_lost(drill):
    (live, live_url, live_media), (restored, restored_url, restored_media) = (
        drill["live"],
        drill["restored"],
    )
    rows = _rows(live_url)
    assert rows["articles_article"][0] == 4
    assert rows["articles_historicalarticle"][0] >= 7
    assert rows["articles_articleauthor"][0] == 7
    assert rows["advertising_enquiry"][0] == 2
    assert _rows(restored_url) == rows

    files = _files(live_media)
    assert len([name for name in files if name.endswith(".jpg")]) >= 3
    assert _files(restored_media) == files

    pages = json.loads(_run(live, "shell", "-v0", "-c", PAGES).stdout)
    assert len(pages) == 5
    assert all(status == 200 and "Harbour story" in html for status, html in pages.values())
    assert json.loads(_run(restored, "shell", "-v0", "-c", PAGES).stdout) == pages


def test_a_restore_refuses_a_database_or_media_folder_that_holds_anything(drill):
    restored, restored_url, restored_media = drill["restored"]
    before = _rows(restored_url), _files(restored_media)

    refused = _run(restored, "restore", "-v0")
    assert refused.returncode == 1
    assert "Refusing to restore: the database" in refused.stderr
    assert "nothing was changed" in refused.stderr
    assert (_rows(restored_url), _files(restored_media)) == before

    # An empty database, but uploads already in the media folder: refused as well.
    into_used_media, empty_url = drill["empty"]
    refused = _run(into_used_media, "restore", "-v0")
    assert refused.returncode == 1
    assert "MEDIA_ROOT" in refused.stderr and "is not empty" in refused.stderr
    assert _rows(empty_url) == {}


def test_each_backup_keeps_the_newest_backup_keep_of_each_kind(drill, tmp_path):
    live, _, _ = drill["live"]
    env = live | {"BACKUP_DIR": str(tmp_path), "BACKUP_KEEP": "2"}
    for _ in range(3):
        assert _run(env, "backup", "-v0").returncode == 0
    names = sorted(path.name for path in tmp_path.iterdir())
    assert len([name for name in names if name.endswith(".psql.bin.gz")]) == 2
    assert len([name for name in names if name.endswith(".tar.gz")]) == 2


@contextlib.contextmanager
def _small_disk(folder):
    """A 64 KB filesystem (tmpfs; needs root, as CI runs)."""
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_backup_that_fills_the_disk_says_so_and_leaves_no_half_written_file(drill, tmp_path):
    live, _, media = drill["live"]
    (media / "recording.bin").write_bytes(os.urandom(300_000))  # more than the disk holds
    try:
        with _small_disk(tmp_path / "disk") as disk:
            result = _run(live | {"BACKUP_DIR": str(disk)}, "backup", "-v0")
            assert result.returncode == 1
            assert "Backup failed: [Errno 28] No space left on device." in result.stderr
            assert "Nothing from this run was kept" in result.stderr
            assert list(disk.iterdir()) == []
    finally:
        (media / "recording.bin").unlink()
