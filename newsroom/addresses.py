"""A client's address as the site sees it, behind our own proxies (settings.TRUSTED_PROXIES).

One rule for everything that counts or records addresses: the enquiry rate limit, sign-in
lockouts (django-axes) and the audit log.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The sender's IP address; X-Forwarded-For counts only when it came through our proxy."""
    address = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXIES
    if address in trusted:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        # Read from the nearest hop back: the first address that is not our proxy is the client;
        # anything further left was written by the client and could be forged.
        for hop in reversed(hops):
            if hop and hop not in trusted:
                return hop
    return address
