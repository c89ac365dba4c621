"""Redirect wrappers: links a platform or mail filter puts around the link a victim opened.

Facebook, Messenger and Instagram send every link out through their link shim
(``l.facebook.com/l.php?u=<link>``), Google search results through ``google.com/url?q=<link>``,
and Outlook through Safe Links (``*.safelinks.protection.outlook.com/?url=<link>``); TikTok shows
a profile's link through ``tiktok.com/link/v2?target=<link>``, WhatsApp Business through
``l.wl.co/l?u=<link>``, Telegram its instant view as ``t.me/iv?url=<link>``, and Facebook warns
of a suspect one on ``facebook.com/flx/warn/?u=<link>``. A victim who
copies the link from there holds the scam site's address wrapped in the platform's: kept so, it
would match no one else's report of that site, and only share the platform's domain. The
wrapped link is written in full in the query, so it is read without visiting anything.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

# (host pattern, path, the query parameters that may hold the link; none: the whole query is it)
_WRAPPERS = (
    (re.compile(r"(?:l|lm)\.facebook\.com|l\.messenger\.com|l\.instagram\.com"), "/l.php", ("u",)),
    # Instagram's shim writes no l.php: l.instagram.com/?u=<link>&e=...
    (re.compile(r"l\.instagram\.com"), "/", ("u",)),
    (re.compile(r"(?:www\.|m\.)?tiktok\.com"), "/link/v2", ("target",)),
    (re.compile(r"l\.wl\.co"), "/l", ("u",)),
    (re.compile(r"t\.me|telegram\.me"), "/iv", ("url",)),
    (re.compile(r"href\.li"), "/", ()),
    # Facebook's warning page before a link it suspects, LinkedIn's and Slack's link shims.
    (re.compile(r"(?:www\.|m\.|web\.)?facebook\.com"), "/flx/warn/", ("u",)),
    (re.compile(r"(?:www\.)?linkedin\.com"), "/redir/redirect", ("url",)),
    (re.compile(r"slack-redir\.net"), "/link", ("url",)),
    (re.compile(r"(?:www\.)?google(?:\.com|\.co)?(?:\.[a-z]{2})?"), "/url", ("q", "url")),
    (re.compile(r"[a-z0-9-]+\.safelinks\.protection\.outlook\.com"), "/", ("url",)),
    (re.compile(r"(?:www\.|m\.)?youtube\.com"), "/redirect", ("q",)),
)
_WEB = re.compile(r"https?://", re.I)


def wrapped_link(host: str, path: str, query: str) -> str | None:
    """Return the web link a redirect wrapper carries, or None when the link is not one."""
    if not query:
        return None
    for pattern, wrapper_path, names in _WRAPPERS:
        if path == wrapper_path and pattern.fullmatch(host):
            params = parse_qs(query)
            candidates = [params.get(name, [""])[0] for name in names] if names else [query]
            for found in candidates:
                if _WEB.match(found.strip()):
                    return found.strip()
    return None
