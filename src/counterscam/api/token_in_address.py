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


def token_parameter(scope: Scope) -> str | None:
    """Return the name of a query parameter holding an API token, or None (the usual case)."""
    query: bytes = scope["query_string"]
    if _PREFIX not in query:  # the busy check's query costs this one scan
        return None
    for pair in query.decode("latin-1").split("&"):
        name, _, value = pair.partition("=")
        if _TOKEN.search(unquote_plus(value, errors="replace")):
            return unquote_plus(name, errors="replace")[:40] or "(unnamed)"
    return None


def token_in_address(name: str) -> str:
    """Say that the token sent in the query parameter ``name`` was refused, and what to do."""
    return (
        f"The query parameter '{name}' holds an API token, which is read only from the header "
        "'Authorization: Bearer cs_...'. Nothing was read or answered. An address is kept in "
        "server and proxy logs and in browser history, so others may have read this token: ask "
        "an administrator to revoke it ('counterscam token revoke ID', the id from 'counterscam "
        "token list') and to issue you a new one, and send that in the header."
    )
