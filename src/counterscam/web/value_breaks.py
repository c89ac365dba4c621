"""Line breaks in canonical values: at their separators, not after whatever letter fills a line."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# After a run of separators: "https://" stays whole; "ID:BBBA:", "login-" and "desk@" end a line.
_SEPARATORS = re.compile(r"([-:/@.?&=#_]+)(?=.)")


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
