"""How a purge reaches the edge: one backend per kind of edge, chosen by EDGE_BACKEND.

Each backend sends exactly what its edge documents, and raises PurgeFailed when the edge does
not confirm (a network error, a timeout, any answer but 2xx): edge.tasks then tries again.
"""

import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

TIMEOUT = 10  # seconds for one purge request


def batched(items, size):
    """`items` in lists of at most `size` (itertools.batched is Python 3.12+)."""
    items = list(items)
    return [items[start : start + size] for start in range(0, len(items), size)]


class PurgeFailed(Exception):
    """The edge did not confirm a purge."""


def _request(method: str, url: str, *, headers=None, body=None) -> None:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as error:
        error.close()  # it holds the connection
        raise PurgeFailed(f"{method} {url}: {error.code} {error.reason}") from error
    except (OSError, ValueError) as error:  # refused, timed out, unreadable address
        raise PurgeFailed(f"{method} {url}: {error}") from error


class Backend:
    """No edge (EDGE_BACKEND=none): nothing to purge."""

    tag_header = None
    # The longest tag header the edge accepts, in bytes: a page with more tags falls back to
    # its edition's (edge.middleware).
    tag_header_limit = 0

    def purge_tags(self, tags: list[str]) -> None:
        pass

    def purge_urls(self, urls: list[str]) -> None:
        pass

    def purge_everything(self) -> None:
        pass


class Varnish(Backend):
    """Varnish with vmod xkey and deploy/varnish/default.vcl, at each of EDGE_VARNISH_URLS."""

    tag_header = "Surrogate-Key"
    tag_header_limit = 8000  # within varnishd's http_resp_hdr_len (8 KB by default)

    def purge_tags(self, tags):
        for server in settings.EDGE_VARNISH_URLS:
            for batch in batched(sorted(tags), 100):
                _request("PURGE", server, headers={"xkey-purge": " ".join(batch)})

    def purge_urls(self, urls):
        for server in settings.EDGE_VARNISH_URLS:
            for url in urls:
                address = urllib.parse.urlsplit(url)
                path = urllib.parse.urlunsplit(("", "", address.path or "/", address.query, ""))
                _request("PURGE", server.rstrip("/") + path, headers={"Host": address.netloc})

    def purge_everything(self):
        for server in settings.EDGE_VARNISH_URLS:
            _request("BAN", server)


class Fastly(Backend):
    """Fastly's purge API: surrogate keys in batches of 256, single URLs, or purge_all."""

    tag_header = "Surrogate-Key"
    tag_header_limit = 16384  # Fastly's limit on the whole Surrogate-Key header

    def _headers(self):
        return {"Fastly-Key": settings.EDGE_FASTLY_API_TOKEN, "Accept": "application/json"}

    def _service(self):
        return f"{settings.EDGE_FASTLY_API_URL}/service/{settings.EDGE_FASTLY_SERVICE_ID}"

    def purge_tags(self, tags):
        for batch in batched(sorted(tags), 256):
            headers = {**self._headers(), "Surrogate-Key": " ".join(batch)}
            _request("POST", f"{self._service()}/purge", headers=headers)

    def purge_urls(self, urls):
        for url in urls:
            address = urllib.parse.urlsplit(url)
            cached_url = address.netloc + (address.path or "/")
            if address.query:
                cached_url += "?" + address.query
            cached_url = urllib.parse.quote(cached_url, safe="/?=&:")
            _request(
                "POST",
                f"{settings.EDGE_FASTLY_API_URL}/purge/{cached_url}",
                headers=self._headers(),
            )

    def purge_everything(self):
        _request("POST", f"{self._service()}/purge_all", headers=self._headers())


class Cloudflare(Backend):
    """Cloudflare's purge_cache API: cache tags and files, 30 to a request, or everything."""

    tag_header = "Cache-Tag"
    tag_header_limit = 16 * 1024  # Cloudflare's limit on the Cache-Tag headers' total

    def _purge(self, body):
        _request(
            "POST",
            f"{settings.EDGE_CLOUDFLARE_API_URL}/zones/{settings.EDGE_CLOUDFLARE_ZONE_ID}"
            "/purge_cache",
            headers={"Authorization": f"Bearer {settings.EDGE_CLOUDFLARE_API_TOKEN}"},
            body=body,
        )

    def purge_tags(self, tags):
        for batch in batched(sorted(tags), 30):
            self._purge({"tags": list(batch)})

    def purge_urls(self, urls):
        for batch in batched(urls, 30):
            self._purge({"files": list(batch)})

    def purge_everything(self):
        self._purge({"purge_everything": True})


BACKENDS = {"none": Backend, "varnish": Varnish, "fastly": Fastly, "cloudflare": Cloudflare}


def backend() -> Backend:
    return BACKENDS[settings.EDGE_BACKEND]()
