"""deploy/'s files are valid to the programs that read them, checked without any service running
(the topology test, which needs PostgreSQL and Redis, runs them for real)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.harness import (
    DEPLOY,
    ROOT,
    env_example,
    free_port,
    nginx_config,
    self_signed_certificate,
)

ANALYZE = shutil.which("systemd-analyze")


@pytest.mark.nginx
def test_nginx_accepts_the_site(tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    config = nginx_config(
        tmp_path,
        http=free_port(),
        https=free_port(),
        app_ports=(free_port(), free_port()),
        cert=cert,
        key=key,
        media=tmp_path,
    )
    result = subprocess.run(
        [
            shutil.which("nginx"),
            "-t",
            "-p",
            str(tmp_path),
            "-c",
            str(config),
            "-e",
            str(tmp_path / "error.log"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "[warn]" not in result.stderr and "[emerg]" not in result.stderr


# A misspelt directive is only a warning in the journal.
@pytest.mark.skipif(not ANALYZE, reason="needs systemd-analyze (Debian's systemd package)")
def test_systemd_accepts_every_unit_without_a_warning(tmp_path):
    units = []
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        text = unit.read_text().replace(
            "/srv/newsroom/app/.venv/bin/", f"{Path(sys.executable).parent}/"
        )
        text = text.replace("/srv/newsroom/app", str(ROOT))
        # A template is verified as one of its instances, as systemd would start it.
        name = unit.name.replace("@.", "@8001.")
        (tmp_path / name).write_text(text)
        units.append(str(tmp_path / name))

    result = subprocess.run([ANALYZE, "verify", *units], capture_output=True, text=True)

    assert len(units) == 2
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_the_environment_file_reads_the_same_in_a_shell_as_in_systemd():
    """The README runs manage.py after `set -a && . newsroom.env`; systemd reads it itself."""
    shell = subprocess.run(
        ["bash", "-c", f"set -a && . {DEPLOY / 'newsroom.env.example'} && env -0"],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    exported = dict(item.split("=", 1) for item in shell.stdout.split("\0") if "=" in item)
    systemd = env_example()
    assert {name: exported.get(name) for name in systemd} == systemd
    assert systemd["DEFAULT_FROM_EMAIL"] == "Newsroom <newsroom@example.com>"
