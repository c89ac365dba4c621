"""Redirect wrappers: links a platform or mail filter puts around the link a victim opened.

Facebook, Messenger and Instagram send every link out through their link shim
(``l.facebook.com/l.php?u=<link>``), Google search results through ``google.com/url?q=<link>``,
and Outlook through Safe Links (``*.safelinks.protection.outlook.com/?url=<link>``). A victim who
copies the link from there holds the scam site's address wrapped in the platform's: kept so, it
would match no one else's report of that site, and only share the platform's domain. The
wrapped link is written in full in the query, so it is read without visiting anything.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

# (host pattern, path, the query parameters that may hold the link)
_WRAPPERS = (
    (re.compile(r"(?:l|lm)\.facebook\.com|l\.messenger\.com|l\.instagram\.com"), "/l.php", ("u",)),
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
            for name in names:
                found = params.get(name, [""])[0].strip()
                if _WEB.match(found):
                    return found
    return None
