"""The OpenAPI document: valid, served, and checked in (tests/api/openapi.yaml) so that any
change to the API's contract shows in review. After a deliberate change, write it anew:

    SECRET_KEY=… .venv/bin/python manage.py spectacular --file tests/api/openapi.yaml
"""

from pathlib import Path

import pytest
import yaml
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from openapi_spec_validator import validate

CHECKED_IN = Path(__file__).with_name("openapi.yaml")


def _generated() -> str:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return OpenApiYamlRenderer().render(schema).decode()


def test_the_schema_is_the_checked_in_one():
    assert _generated() == CHECKED_IN.read_text(), (
        "The API's schema changed: review the change and write tests/api/openapi.yaml anew "
        "(see this module's docstring)."
    )


def test_the_schema_is_valid_openapi_3():
    validate(yaml.safe_load(CHECKED_IN.read_text()))


@pytest.mark.django_db
def test_the_schema_is_served_as_json(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert response.json() == yaml.safe_load(CHECKED_IN.read_text())


@pytest.mark.django_db
def test_the_docs_page_loads_swagger_ui_from_our_own_static_files(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.text
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle" in html
    assert "<style" not in html and "https://cdn" not in html
    script = client.get("/api/v1/docs/?script=")
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.text
