""".env.example names exactly the variables the settings and the gunicorn config read."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _names_read(path, readers):
    """First string argument of every call to one of `readers` (`env.bool`, `os.environ.get` …)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and ast.unparse(node.func).startswith(readers)
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(node.args[0].value)
    return names


def test_env_example_lists_every_variable_the_code_reads_and_no_other():
    read = _names_read(ROOT / "newsroom" / "settings.py", ("env.", "env(")) | _names_read(
        ROOT / "gunicorn.conf.py", ("os.environ.get",)
    )
    listed = re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.M)

    assert len(listed) == len(set(listed)), "a variable is listed twice"
    assert set(listed) == read
