"""An API token written into the address: refused, and its owner told it may have leaked.

A token is read only from the ``Authorization`` header. Sent as ``?token=cs_...`` it was answered
"unknown query parameter" (422) with the token repeated in the answer, or, on a page, ignored, as
if a mistyped parameter were all that was wrong. An address is written to the server's and the
proxy's access logs and to the browser's history, so such a token may be read by others: its
owner must revoke it, which nothing told them.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

from starlette.types import Scope

from counterscam.access.accounts import TOKEN_PREFIX

_PREFIX = TOKEN_PREFIX.encode()
# A token is the prefix and 43 URL-safe characters (secrets.token_urlsafe(32)).
_TOKEN = re.compile(
    rf"(?<![A-Za-z0-9_-]){re.escape(TOKEN_PREFIX)}[A-Za-z0-9_-]{{43}}(?![A-Za-z0-9_-])"
)
# A client that escapes an address it was given already escaped sends ``cs%255F...``; three
# rounds undo any escaping a script would do by mistake.
_ROUNDS = 3
# The prefix escaped in any way escapes one of its characters, or a % (escaped twice).
_ESCAPED_PREFIX = re.compile(rb"%(?:63|73|5[Ff]|25)")
# Said for a token written as a parameter's name, which the answer must not repeat.
AS_NAME = ""


def token_parameter(scope: Scope) -> str | None:
    """Return the name of a query parameter holding an API token, or None (the usual case).

    The token may be %-escaped (``cs%5F...``, even twice): the log keeps the address as sent,
    and a decoder gives the token back whole. A token written as a parameter's name
    (``?cs_...``) is found too; the answer then names no parameter, so as not to repeat it.
    """
    query: bytes = scope["query_string"]
    # The busy check's query (``value=%2B60...``) costs these two scans; unescaping it whole
    # cost seven times more.
    if _PREFIX not in query and (
        _ESCAPED_PREFIX.search(query) is None or TOKEN_PREFIX not in _unescaped(query)
    ):
        return None
    for pair in query.decode("latin-1").split("&"):
        name, _, value = (_unescaped(part) for part in pair.partition("="))
        if _TOKEN.search(name):
            return AS_NAME
        if _TOKEN.search(value):
            return name[:40] or "(unnamed)"
    return None


def _unescaped(text: str | bytes) -> str:
    """Return ``text`` with its %-escapes undone, as often as they were applied."""
    shown = text.decode("latin-1") if isinstance(text, bytes) else text
    shown = unquote_plus(shown, errors="replace")
    for _ in range(_ROUNDS - 1):
        if "%" not in shown:
            break
        shown = unquote_plus(shown, errors="replace")
    return shown


def token_in_address(name: str) -> str:
    """Say that the token sent in the query parameter ``name`` (``AS_NAME``: as a parameter's
    name) was refused, and what to do."""
    where = (
        "A query parameter's name holds an API token"
        if name == AS_NAME
        else f"The query parameter '{name}' holds an API token"
    )
    return (
        f"{where}, which is read only from the header "
        "'Authorization: Bearer cs_...'. Nothing was read or answered. An address is kept in "
        "server and proxy logs and in browser history, so others may have read this token: ask "
        "an administrator to revoke it ('counterscam token revoke ID', the id from 'counterscam "
        "token list') and to issue you a new one, and send that in the header."
    )
