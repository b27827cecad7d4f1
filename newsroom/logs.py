"""Every log line written while answering a request carries its id: nginx's X-Request-ID (in
nginx's access log too), or one made here when there is no proxy in front. LOG_FORMAT=json
writes the lines as JSON (python-json-logger) for a log collector."""

import contextvars
import logging
import re
import uuid

import sentry_sdk

request_id = contextvars.ContextVar("request_id", default="-")
# nginx's $request_id is 32 hex digits; anything odd a client sent is replaced, not logged.
ACCEPTED = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        current = given if ACCEPTED.fullmatch(given) else uuid.uuid4().hex
        # Not reset on the way out: Django logs a 4xx/5xx ("Not Found", "Internal Server
        # Error") after every middleware has returned. The next request sets its own.
        request_id.set(current)
        # Errors sent to Sentry (when SENTRY_DSN is set; a no-op otherwise) carry it too.
        sentry_sdk.get_isolation_scope().set_tag("request_id", current)
        return self.get_response(request)
