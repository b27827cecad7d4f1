"""Historical migrations stay history: they import no live code of ours but field types, whose
import paths migrations are built on (Django's own convention for custom fields)."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
FIELD_MODULES = {"images.fields", "articles.fields", "articles.richtext", "brand.fields"}


def _first_party(module):
    return any(
        module == config.name or module.startswith(f"{config.name}.")
        for config in apps.get_app_configs()
        if Path(config.path).parent == ROOT
    )


def test_historical_migrations_import_only_field_types_of_our_code():
    imported = {}
    for path in ROOT.glob("*/migrations/*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                if _first_party(name) and name not in FIELD_MODULES:
                    imported.setdefault(str(path.relative_to(ROOT)), []).append(name)

    assert imported == {}
