"""Cleaning raw input and spotting IPs: the quick roads must give what the full ones give."""

from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterscam.identifiers import ip as ip_module
from counterscam.identifiers._text import (
    _SPACES,
    _visible,
    _without_marks,
    ascii_digits,
    clean,
    spreadsheet_text,
)
from counterscam.identifiers._types import InvalidIdentifier
from counterscam.identifiers._unwrap import whole_wrapped
from counterscam.identifiers.ip import parse_ip


def _full_clean(raw: str) -> str | None:
    # An emoji pointing at the value ("👉 https://...") goes with the invisible characters.
    text = _SPACES.sub(" ", _without_marks(_visible(unicodedata.normalize("NFKC", raw)))).strip()
    # Then what a sentence wraps around a whole value: "(203.0.113.5)", "<MAYBANK>".
    return whole_wrapped(spreadsheet_text(text)) or None


def _clean(raw: str) -> str | None:
    try:
        return clean("phone", raw)
    except InvalidIdentifier:
        return None


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=string.printable), st.text()))
def test_clean_is_the_full_normalisation(raw: str) -> None:
    assert _clean(raw) == _full_clean(raw)


def test_clean_drops_what_spreadsheets_add_to_keep_text() -> None:
    assert clean("phone", "'0812345678") == "0812345678"
    assert clean("phone", '="0123456789"') == "0123456789"
    assert clean("email", "' john@example.com") == "' john@example.com"


def test_clean_drops_invisible_characters_and_collapses_spaces() -> None:
    assert clean("phone", "\u200b012\u00a0345\t\t6789\ufeff") == "012 345 6789"
    assert clean("handle", "ＡＢＣ") == "ABC"


@given(st.text())
def test_ascii_digits_is_the_per_character_conversion(raw: str) -> None:
    expected = "".join(
        str(unicodedata.decimal(ch)) if unicodedata.decimal(ch, None) is not None else ch
        for ch in raw
    )
    assert ascii_digits(raw) == expected


def test_native_digits_become_ascii() -> None:
    assert ascii_digits("๐๘๑-๒๓๔") == "081-234"


class _AnyCharacter:
    """Stands in for the character filter: every text goes to ipaddress, as before it."""

    def issuperset(self, _text: str) -> bool:
        return True


def _ip_or_reason(text: str) -> str | None:
    try:
        return parse_ip(text)
    except ValueError as exc:
        return f"error: {exc}"


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="0123456789abcdefABCDEF.:%[]xyz- ", max_size=45),
        st.ip_addresses().map(str),
        st.from_regex(r"[a-z0-9-]{1,20}\.[a-z]{2,6}", fullmatch=True),
        st.text(max_size=20),
    )
)
def test_ip_filter_changes_no_answer(text: str) -> None:
    quick = _ip_or_reason(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ip_module, "_IP_CHARS", _AnyCharacter())
        assert _ip_or_reason(text) == quick
