"""Click-tracking parameters: added to a link by the site that shared it, not part of the page.

Facebook adds a different ``fbclid`` to every click out, and ad networks their ``utm_*`` and
``gclid``; two victims who opened the same scam page through a post hold two spellings of it.
Kept, they would never match, and a platform's front page with a tracking query
(``https://www.facebook.com/?ref=bookmarks``) would look like a page of one operator and link
unrelated reports. Other parameters stay, in order and as written: a scam site's ``?ref=AGENT7``
names the recruiter, and a profile's ``?id=`` is the profile.
"""

from __future__ import annotations

import re

# Names any site may carry: the ad and analytics networks' click ids and campaign tags, and the
# per-recipient ids of mailing tools (HubSpot's _hsenc and _hsmi, Marketo's mkt_tok).
_ANYWHERE = re.compile(
    r"utm_\w*|fbclid|gclid|gclsrc|gbraid|wbraid|dclid|msclkid|ttclid|twclid|yclid|igshid|igsh"
    r"|mibextid|mc_cid|mc_eid|_ga|_gl|srsltid|_hsenc|_hsmi|mkt_tok|li_fat_id|sccid|irclickid",
    re.I | re.ASCII,
)
# Names the big platforms add when a page is shared or opened from their own feed; on another
# site the same name ("ref", "s", "t") may be part of the page, so they go only there. Google's
# "hl" and "gl" are the reader's language and country: a fake app's Play Store page opened in
# Thai and in English is one page. Google's "usp" says how a Drive file or a Form was shared
# ("usp=sharing", "usp=sf_link"): a phishing form copied with and without it is one form.
_ON_PLATFORMS = re.compile(
    r"ref|fref|ref_src|ref_url|hc_ref|hc_location|__tn__|__cft__(?:\[\d*\]|%5B\d*%5D)?|__xts__(?:\[\d*\]|%5B\d*%5D)?"
    r"|_rdr|_rdc|sfnsn|rdid|paipv|eav|share_url|is_from_webapp|sender_device|web_id|_r|_t|t|si"
    r"|s|feature|app|mibextid|locale_from|share_id|share_source|hl|gl|pli|pcampaignid|usp",
    re.I | re.ASCII,
)


def without_tracking(query: str, *, platform: bool) -> str:
    """Return ``query`` without its click-tracking parameters (``platform``: the host is a
    shared platform, whose own share tags go too)."""
    if not query:
        return query
    kept = []
    for part in query.split("&"):
        name = part.partition("=")[0]
        if _ANYWHERE.fullmatch(name) or (platform and _ON_PLATFORMS.fullmatch(name)):
            continue
        if part:
            kept.append(part)
    return "&".join(kept)
