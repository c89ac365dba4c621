"""Call-forwarding codes: the number after ``*21*`` is the phone the victim's calls go to.

Courier and "package held" scams make victims dial ``*21*0812345678#`` (forward all calls) or
``**61*...#`` (forward unanswered calls), so that the bank's and the one-time-code calls reach
the scammer. The code is the standard GSM supplementary-service one (3GPP TS 22.030), dialled
the same in every member country; the number in it is the scammer's, and is read as that phone.
"""

from __future__ import annotations

import re

# *21* all calls, *61* unanswered, *62* unreachable, *67* busy, *002* / *004* all / all
# conditional; "**" registers where "*" activates. A service class and a delay in seconds may
# follow the number (**61*0812345678*11*20#).
_FORWARDING = re.compile(
    r"\*\*?(?:21|61|62|67|002|004)\*(?P<number>\+?[0-9][0-9 \-]*[0-9])(?:\*[0-9*]*)?#?"
)


def forwarded_number(text: str) -> str | None:
    """Return the number a call-forwarding code such as ``*21*0812345678#`` sends calls to."""
    found = _FORWARDING.fullmatch(text.strip())
    return found["number"] if found else None
