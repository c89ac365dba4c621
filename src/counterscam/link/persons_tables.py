"""The customary Latin spellings of names in a script, as the script readers list them."""

from __future__ import annotations

from collections.abc import Callable


def spelling_table(text: str, key: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    """Read a table of "Spelling/Other word word ..." lines into word -> spellings.

    ASCII items give the spellings, the commonest first, of the script words after them;
    ``key`` gives each word the form the reader looks it up by (its normalised syllables).
    A word listed twice keeps its first spellings.
    """
    table: dict[str, tuple[str, ...]] = {}
    spellings: tuple[str, ...] = ()
    for item in text.split():
        if item.isascii():
            spellings = tuple(item.split("/"))
        else:
            table.setdefault(key(item), spellings)
    return table
