"""A name or document number written right to left, or holding a reordering control, stays
inside its own isolate in a link's sentence: U+202E in a suspect's name reversed the words the
brief says after it."""

from __future__ import annotations

from counterscam.db.models import Party
from counterscam.link.brief import explain_party, isolated

RLO = "\u202e"


def _party(name: str, number: str = "A1234567") -> Party:
    return Party(full_name=name, id_kind="passport", id_number=number, nationality="MY")


def test_a_name_with_a_reordering_control_is_isolated_and_the_sentence_after_it_is_not() -> None:
    spoof = f"{RLO}ilA nib damhA"
    link = explain_party(
        "R-1", "R-2", "document", _party(spoof), _party(spoof), "suspect", "suspect", 1
    )
    assert f"\u2068{spoof}\u2069" in link.sentence
    # Everything after the name is outside the isolate: read in the sentence's own direction.
    tail = link.sentence.split("\u2069", 1)[1]
    assert tail.endswith("(suspect, 1 day apart)") and RLO not in tail


def test_names_in_arabic_script_are_isolated_and_latin_names_are_left_as_written() -> None:
    assert isolated("أحمد بن علي") == "\u2068أحمد بن علي\u2069"
    assert isolated("Nguyễn Văn An") == "Nguyễn Văn An"
    assert isolated("สมชาย ใจดี") == "สมชาย ใจดี"
    link = explain_party("R-1", "R-2", "document", _party("Ahmad"), None, "mule", "mule", 0)
    assert link.value == "passport MY A1234567 (Ahmad)"
