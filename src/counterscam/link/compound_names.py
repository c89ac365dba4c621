"""One compound written the ways reports write it: `KK Park`, `K.K. Park`, `KK park compound,
Myawaddy`, `Shwe Kokko` and `Shwe Koko`.

Compounds tie trafficking reports to clusters and are counted in briefs (link.trafficking,
link.brief); compared as written, each spelling was another compound and a rescue from `KK park
compound, Myawaddy` was not tied to the syndicates naming `KK Park`. The key reads what does
not change the place: case, dots and dashes, spaces, a word saying it is a compound, the town
written after a comma or in brackets, and a letter written twice (Kokko, Koko). Two compounds
of other names stay two: the key does not know that Yatai New City is the developer's name for
Shwe Kokko, and places are never matched on coordinates.
"""

from __future__ import annotations

import re
import unicodedata

# Words that say what the place is, not which one.
_GENERIC = frozenset({"compound", "compounds", "the"})
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Latin letters only: in Burmese or Thai script a sign written twice may be another word.
_DOUBLE = re.compile(r"([a-z])\1+")


def _words(text: str) -> list[str]:
    # Punctuation, symbols and spaces part words; letters, digits and vowel signs are kept.
    parted = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text)
    return parted.split()


def compound_key(name: str) -> str:
    """Return the key two spellings of one compound share ("" for a name with no letters)."""
    text = unicodedata.normalize("NFKC", name).casefold()
    words = _words(_BRACKETS.sub(" ", text).split(",")[0])  # "KK Park, Myawaddy": the town
    kept = [w for w in words if w not in _GENERIC] or words or _words(text)
    return _DOUBLE.sub(r"\1", "".join(kept))
