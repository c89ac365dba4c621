"""Line breaks in canonical values: at their separators, not after whatever letter fills a line."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# After a run of separators: "https://" stays whole; "ID:BBBA:", "login-" and "desk@" end a line.
_SEPARATORS = re.compile(r"([-:/@.?&=#_]+)(?=.)")
# What a column gives a value whole from 1280 px (app.css): a phone number as written.
_WHOLE = 24


def breakable(value: object) -> Markup:
    """Return a canonical value that a narrow box wraps at its separators (``<wbr>``).

    Set in a narrow column, "ID:BBBA:1093650798" broke as "ID:BBBA:109 / 3650798" and an
    address as "https://log / in-maybank2u.c / om/secure": a line now ends after a colon,
    slash, dot, hyphen or @, and a part longer than the box still breaks where it must (app.css).
    """
    if value is None:
        return Markup("")
    # Split before escaping: "&amp;" would itself end a line after its "&".
    parts = _SEPARATORS.split(str(value))
    return Markup("").join(
        escape(part) + Markup("<wbr>") if i % 2 else escape(part) for i, part in enumerate(parts)
    )


def breakable_long(value: object) -> Markup:
    """Return a value as someone wrote it, wrapping at its separators only when it is long.

    A checked list's "value as written" broke a URL after any letter ("login/se" / "cure"); a
    short value ("012-345 6789") fits its column and is left as typed, not cut at its hyphen.
    """
    text = "" if value is None else str(value)
    return breakable(text) if len(text) > _WHOLE else escape(text)
