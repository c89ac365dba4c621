"""The country a signed-in check reads local values in when none is given: the caller's own."""

from __future__ import annotations

from counterscam.access.caller import Caller
from counterscam.reference import member_codes


def own_country(caller: Caller) -> str:
    """Return the caller's agency's country when it is a member country, else "".

    Every check that knows who asks reads a value written without its country code here
    unless another country is given: the web forms show it selected, and the CLI and the API
    read in it, as intake reads the agency's own reports (an officer in Bangkok types
    082-325 4856). A partner's or observer's country is not a member's (AU, or an
    organisation's seat): its numbers are none of the region's, so nothing is assumed, and the
    anonymous public check has no country at all. Reads the caller, no query.
    """
    country = caller.country or ""
    return country if country in member_codes() else ""
