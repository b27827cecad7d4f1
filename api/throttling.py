"""Per-address limit on the API requests that reach a view.

A page-cache hit never gets here, so only uncached work counts: a search, an unusual filter, the
first request after an edit. Counted per fixed window in the shared cache (Redis: one count for
every app server), by the same client-address rule as the advertising form (TRUSTED_PROXIES).

Partner keys with higher limits would be a second throttle here, choosing its rate by a key
header (`X-Api-Key`, not `Authorization`, which the page cache declines to serve from cache).
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from rest_framework.throttling import BaseThrottle

from newsroom.addresses import client_address


class AddressRateThrottle(BaseThrottle):
    def allow_request(self, request, view):
        window = settings.API_RATE_WINDOW
        now = time.time()
        slot = int(now // window)
        self.retry_after = max(1, math.ceil((slot + 1) * window - now))
        address = salted_hmac("api.client", client_address(request), algorithm="sha256")
        key = f"api:rate:{address.hexdigest()}:{slot}"
        # One round trip for all but a window's first request.
        try:
            count = cache.incr(key)
        except ValueError:  # the window's first request
            if cache.add(key, 1, timeout=window):
                return True
            try:
                count = cache.incr(key)
            except ValueError:  # the window ended meanwhile, or no cache: fail open
                return True
        return count <= settings.API_RATE_LIMIT

    def wait(self):
        return self.retry_after
