"""One shape for every error the API answers (documented in the schema as `Error`):

    {"error": {"status": 400, "code": "invalid", "message": "…",
               "parameters": {"edition": ["…"]}}}

`parameters` names each query (or path) parameter that was refused, with its reasons; it is
empty for errors that are not about one (404, 405, 429).
"""

from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler


def error_body(status_code: int, code: str, message: str, parameters=None) -> dict:
    return {
        "error": {
            "status": status_code,
            "code": code,
            "message": message,
            "parameters": parameters or {},
        }
    }


def exception_handler(exc, context):
    """DRF's handler (which sets `Retry-After` and `Allow`), with the body in our shape."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        parameters = {name: [str(reason) for reason in _as_list(v)] for name, v in detail.items()}
        response.data = error_body(
            status.HTTP_400_BAD_REQUEST, "invalid", "Some parameters are not valid.", parameters
        )
        return response
    if isinstance(exc, exceptions.Throttled):
        response["Cache-Control"] = "no-store"  # one address's limit, never a shared answer
    response.data = error_body(response.status_code, exc.get_codes(), str(exc.detail))
    return response


def _as_list(value):
    return value if isinstance(value, list) else [value]
