"""Words national systems export in place of an empty cell: "N/A", "NULL", "nil", "-".

Database and case-management exports write these for a field never filled in; refused,
every optional column of such an export cost its report. In an optional column that takes
a code, a date, a country or a number they say only that nothing was recorded, so they are
read as the empty cell they stand for. Free text (a narrative, an address) keeps them as
written, and a loss keeps refusing them: "nil" or "none" there may mean no loss (0) as
well as a loss not known.
"""

from __future__ import annotations

# Lower-cased, spaces around them ignored. "NA" is not among them: it is Namibia's code.
_WORDS = frozenset(
    {"n/a", "#n/a", "n.a.", "null", "nil", "none", "nan", "-", "--", "\u2013", "\u2014"}
)


# Also names people bear: "Nil" (Bengali), "Nan" (Thai, Chinese), so never an empty name.
_NAMES = frozenset({"nil", "nan", "none"})
NAME_FIELDS = frozenset({"given_name", "family_name"})


def no_value(value: object) -> bool:
    """Return True when ``value`` is a word written for an empty cell."""
    return isinstance(value, str) and value.strip().lower() in _WORDS


def no_value_in(field: str, value: object) -> bool:
    """Return True when ``value`` is a word written for an empty cell of ``field``: in a
    person's name, only the words no one is named ("N/A", "NULL", "-")."""
    if not isinstance(value, str):
        return False
    word = value.strip().lower()
    return word in _WORDS and not (field in NAME_FIELDS and word in _NAMES)
