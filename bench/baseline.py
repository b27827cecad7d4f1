"""The benchmark's yardstick, `/bench/baseline/`: a fixed response through every middleware,
never looked up in the page cache (each page's throughput is compared with it)."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from freshness import pagecache

PATH = "/bench/baseline/"


@never_cache
def baseline(request):
    return HttpResponse(b"ok", content_type="text/plain")


class PageCacheMiddleware(pagecache.PageCacheMiddleware):
    """The site's page cache, stepping aside for the baseline so it costs no cache lookup."""

    def __call__(self, request):
        if request.path == PATH:
            return self.get_response(request)
        return super().__call__(request)
