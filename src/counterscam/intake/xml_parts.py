"""The XML parts of a workbook, checked before openpyxl parses them.

Excel writes no document type declaration (``<!DOCTYPE ...>``); one in a part is there to
declare entities, and the XML parser expands them: internal ones silently (an
``<!ENTITY r "MY-1">`` used as ``&r;`` was stored as the reference ``MY-1``, which no cell
shows), nested ones up to expat's amplification limit. So a part that declares one is refused
before it is parsed, whatever its entities are.
"""

from __future__ import annotations

import re
import zipfile

# Excel's prolog is the XML declaration alone; this is room for any comment a tool adds.
_PROLOG_BYTES = 64 * 1024
_SPACE = re.compile(r"[ \t\r\n]*")


def part_declaring_dtd(archive: zipfile.ZipFile) -> str | None:
    """Return the name of the first part that declares a DTD, or None when none does."""
    for info in archive.infolist():
        if info.is_dir():
            continue
        with archive.open(info) as part:
            head = part.read(_PROLOG_BYTES)
        if _declares_dtd(head, complete=len(head) < _PROLOG_BYTES):
            return info.filename
    return None


def _declares_dtd(head: bytes, complete: bool) -> bool:
    """Tell whether the prolog of an XML part holds a markup declaration (<!DOCTYPE ...).

    Only the prolog can hold one: the scan ends at the root element, or at anything that
    is not markup (an image part). A prolog that does not end within the bytes read is
    counted as declaring one, so a padded prolog cannot hide it.
    """
    text = _prolog_text(head)
    at = 0
    while True:
        at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
        for opening, closing in (("<?", "?>"), ("<!--", "-->")):
            if text.startswith(opening, at):
                end = text.find(closing, at + len(opening))
                if end < 0:
                    return not complete
                at = end + len(closing)
                break
        else:
            if text.startswith("<!", at):
                return True
            return at >= len(text) and not complete


def _prolog_text(head: bytes) -> str:
    """Decode the head of a part as far as its markup goes: UTF-16 by its marks, else bytes."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return head.decode("utf-16-le", errors="replace").lstrip("\ufeff")
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return head.decode("utf-16-be", errors="replace").lstrip("\ufeff")
    # Markup is ASCII in UTF-8 and in the single-byte code pages the parser knows.
    return head.decode("latin-1")
