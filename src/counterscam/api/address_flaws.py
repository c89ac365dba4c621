"""Addresses no route can read: a NUL character, or %-escapes that are not UTF-8.

PostgreSQL cannot store or compare text holding NUL: such a value reached the database as a
filter or a guessed key and failed there (500), and the guess went unaudited. An escape that
is not UTF-8 (``caf%E9``, Latin-1) was read as U+FFFD, so a check or a filter ran on a value
the client never sent and answered as if it had.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.types import Scope

NUL_TYPE = "string_nul"
NOT_UTF8_TYPE = "string_not_utf8"


@dataclass(frozen=True)
class Flaw:
    """One unreadable part of an address: the path, or a query parameter's name or value."""

    place: str  # "path" or "query"
    name: str  # the parameter as a client wrote it, "" for the path
    part: str  # "name" or "value" of the parameter
    value: str
    kind: str  # NUL_TYPE or NOT_UTF8_TYPE
    escape: str = ""  # the first escape that is not UTF-8, like %E9


def address_flaws(scope: Scope) -> list[Flaw]:
    """Return what in the request's address no route can read, or [] (the usual case)."""
    path: str = scope["path"]
    if "\x00" in path:
        return [Flaw("path", "", "value", path, NUL_TYPE)]
    query: bytes = scope["query_string"]
    # The busy check's usual query has no escape beyond ASCII: read no further.
    if query.isascii() and b"\x00" not in query and b"%" not in query:
        return []
    flaws: list[Flaw] = []
    for pair in query.split(b"&"):
        raw_name, _, raw_value = pair.partition(b"=")
        name, name_flaw = _read(raw_name)
        value, value_flaw = _read(raw_value)
        shown = _shown(name) if not name_flaw else raw_name.decode("latin-1")
        for part, text, flaw in (("name", name, name_flaw), ("value", value, value_flaw)):
            if flaw:
                escaped = (raw_name if part == "name" else raw_value).decode("latin-1")
                flaws.append(Flaw("query", shown, part, escaped, NOT_UTF8_TYPE, flaw))
            elif "\x00" in text:
                flaws.append(Flaw("query", shown, part, value, NUL_TYPE))
    return flaws


def _read(raw: bytes) -> tuple[str, str]:
    """Return the text of a query's name or value, and its first escape that is not UTF-8."""
    data = unquote_to_bytes(raw.replace(b"+", b" "))
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return "", f"%{data[exc.start]:02X}"


def _shown(name: str) -> str:
    return name.replace("\x00", "%00")


def flaw_sentence(flaws: list[Flaw]) -> str:
    """Say for a person reading a page what in the address cannot be read, and what to do."""
    if flaws[0].place == "path":
        return "The address holds a NUL character (%00); remove it from the path."
    sentences = []
    for kind, words in (
        (NUL_TYPE, "holds a NUL character (%00); remove it and try again."),
        (NOT_UTF8_TYPE, "is not UTF-8 text; write it again, or use the page's own form."),
    ):
        names = sorted({f.name or "(unnamed)" for f in flaws if f.kind == kind})
        if names:
            sentences.append(f"The query parameter {', '.join(names)} {words}")
    return " ".join(sentences)


def flaw_errors(flaws: list[Flaw]) -> list[dict[str, Any]]:
    """Return the API's 422 items, one a flaw, in the list shape of its every other 422.

    The sentence the pages show was the one 422 of the API a client could not read as it
    reads the others: no ``loc`` naming the parameter, a string for a list.
    """
    errors: list[dict[str, Any]] = []
    for flaw in flaws:
        loc = ["path"] if flaw.place == "path" else ["query", flaw.name]
        errors.append({"type": flaw.kind, "loc": loc, "msg": _msg(flaw), "input": flaw.value})
    return errors


def _msg(flaw: Flaw) -> str:
    if flaw.place == "path":
        return "The path holds a NUL character (%00), which no address takes; remove it."
    where = f"The {flaw.part} of the query parameter '{flaw.name}'"
    if flaw.kind == NUL_TYPE:
        return (
            f"{where} holds a NUL character (%00), which no text can hold; remove it and send "
            "the request again."
        )
    return (
        f"{where} is not UTF-8 text once its %-escapes are read ({flaw.escape} begins no UTF-8 "
        "character); percent-encode the text's UTF-8 bytes (é is %C3%A9), as URL libraries do."
    )
