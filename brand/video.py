"""The home page's video: the players editors may choose from, and how a pasted address becomes
one of them.

Only what is stored (a provider and a video id) reaches a page, and the player's address is
built here from those two, so nothing an editor types ends up in a frame's `src`. Every player
is one of settings.VIDEO_EMBED_PLAYERS, which the Content-Security-Policy's frame-src is built
from: the slot needs no host that article bodies do not already have.
"""

import re
from typing import NamedTuple
from urllib.parse import parse_qs, quote, urlsplit

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
FACEBOOK_ID = re.compile(r"[0-9]{5,25}")


class Provider(NamedTuple):
    label: str
    player: str  # the player's address with the id as {id}; its prefix is in VIDEO_EMBED_PLAYERS
    watch: str  # where people watch it, for the admin's form


PROVIDERS = {
    # youtube-nocookie: no cookie is set until the reader plays the video.
    "youtube": Provider(
        "YouTube",
        "https://www.youtube-nocookie.com/embed/{id}",
        "https://www.youtube.com/watch?v={id}",
    ),
    "facebook": Provider(
        "Facebook",
        "https://www.facebook.com/plugins/video.php?href="
        + quote("https://www.facebook.com/watch/?v=", safe="")
        + "{id}",
        "https://www.facebook.com/watch/?v={id}",
    ),
}


def parse(address: str) -> tuple[str, str] | None:
    """(provider, video id) of a YouTube or Facebook video's address, else None."""
    parts = urlsplit(address.strip())
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    path = parts.path.rstrip("/")
    query = parse_qs(parts.query)
    candidate = None
    if host == "youtu.be":
        candidate = ("youtube", path.lstrip("/"))
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if path == "/watch":
            candidate = ("youtube", query.get("v", [""])[0])
        elif match := re.fullmatch(r"/(?:embed|shorts|live)/([^/]+)", path):
            candidate = ("youtube", match[1])
    elif host == "facebook.com":
        if path in ("/watch", "/video.php"):
            candidate = ("facebook", query.get("v", [""])[0])
        elif match := re.fullmatch(r"/[^/]+/videos/(?:[^/]+/)?([0-9]+)", path):
            candidate = ("facebook", match[1])
    if candidate is None:
        return None
    provider, video_id = candidate
    pattern = YOUTUBE_ID if provider == "youtube" else FACEBOOK_ID
    return candidate if pattern.fullmatch(video_id) else None


def player_url(provider: str, video_id: str) -> str:
    return PROVIDERS[provider].player.format(id=video_id)


def watch_url(provider: str, video_id: str) -> str:
    return PROVIDERS[provider].watch.format(id=video_id)
