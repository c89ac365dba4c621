"""Eighth probe: what the seventh left. A Chinese given name a syllable longer is another
person, not the same name short of a syllable; Khmer Piseth and Pisith, Thai Nuttapon and
Nattapon are spellings of one name; a document number with a label typed in is the number
(read in counterscam.link.documents: test_documents has the labels)."""

from __future__ import annotations

import pytest

from counterscam.link.persons import PersonRecord, resolve_persons
from counterscam.link.persons_features import features

BORN = "1986-07-14"


def _persons(nationality: str, *names: str) -> int:
    records = [
        PersonRecord(f"r{k}", name, birth_date=BORN, nationality=nationality)
        for k, name in enumerate(names)
    ]
    return resolve_persons(records).persons


@pytest.mark.parametrize(
    ("nationality", "shorter", "longer"),
    [
        ("CN", "Li Wei", "Li Wei Ming"),  # 李伟 and 李伟明
        ("SG", "Tan Wei", "Tan Wei Ming"),
        ("MY", "Lim Kah", "Lim Kah Hui"),
        ("CN", "Wang Fang", "Wang Xiao Fang"),
        ("KR", "Kim Min", "Kim Min Jun"),
    ],
)
def test_a_chinese_given_name_a_syllable_longer_is_another_person(
    nationality: str, shorter: str, longer: str
) -> None:
    # Before: one person, on the "one name's tokens a subset of the other's" level.
    assert _persons(nationality, shorter, longer) == 2


@pytest.mark.parametrize(
    ("nationality", "shorter", "longer"),
    [
        ("SG", "Tan Wei Ming", "Jason Tan Wei Ming"),  # a Western name beside the Chinese one
        ("SG", "Tan Wei Ming", "Tan Wei Ming Jason"),
        ("SG", "Wei Ming", "Tan Wei Ming"),  # the surname left out
        ("MY", "Tan Huat", "Tan Ah Huat"),  # Ah, the familiar prefix, is no syllable of it
        ("MY", "Ahmad Ismail", "Ahmad bin Ismail"),
        ("MY", "Siti Aisyah", "Siti Aisyah binti Abdullah"),
        ("MY", "Muhammad Ali", "Muhammad Ali Hassan"),
        ("VN", "Nguyen Hung", "Nguyen Van Hung"),  # the middle name left out
        ("PH", "Jose Santos", "Jose Maria Santos"),
    ],
)
def test_a_name_short_of_a_name_that_is_no_chinese_syllable_is_the_same_person(
    nationality: str, shorter: str, longer: str
) -> None:
    assert _persons(nationality, shorter, longer) == 1


def test_the_subset_level_counts_the_syllables_of_a_chinese_given_name() -> None:
    joined = features(PersonRecord("a", "Tan Weiming", nationality="SG"))["name_tokens"]
    spaced = features(PersonRecord("b", "Tan Wei Ming", nationality="SG"))["name_tokens"]
    short = features(PersonRecord("c", "Tan Wei", nationality="SG"))["name_tokens"]
    assert "#2" in joined and "#2" in spaced and "#1" in short
    assert not set(short) <= set(spaced)


@pytest.mark.parametrize(
    ("nationality", "spellings"),
    [
        ("KH", ("Ouk Piseth", "Ouk Pisith", "អ៊ុក ពិសិដ្ឋ")),  # the table's two spellings
        ("KH", ("Pich Sokha", "Pech Sokha")),  # ពេជ្រ: listed two ways before, met only in script
        ("TH", ("Nuttapon Srisuk", "Nattapon Srisuk", "Natthaphon Srisuk", "ณัฐพล ศรีสุข")),
        ("TH", ("Nutthawut Kaewmanee", "Nattawut Kaewmanee")),
    ],
)
def test_customary_spellings_of_one_khmer_or_thai_name_meet(
    nationality: str, spellings: tuple[str, ...]
) -> None:
    assert _persons(nationality, *spellings) == 1  # before: two or more


@pytest.mark.parametrize(
    ("nationality", "one", "other"),
    [
        ("KH", "Ouk Piseth", "Ouk Pisey"),  # twins: ពិសិដ្ឋ and ពិសី
        ("KH", "Ouk Pisith", "Ouk Pisal"),
        ("KH", "Pich Sokha", "Pich Sokhom"),
        ("TH", "Nuttapon Srisuk", "Nattapong Srisuk"),  # ณัฐพล and ณัฐพงศ์
        ("TH", "Nuttapon Srisuk", "Nattawut Srisuk"),
        ("TH", "Sutthipong Srisuk", "Satthipong Srisuk"),  # the u of สุ is said u
        ("TH", "Nutcha Srisuk", "Natcha Srisuk"),
    ],
)
def test_look_alikes_of_those_spellings_stay_two(nationality: str, one: str, other: str) -> None:
    assert _persons(nationality, one, other) == 2


def test_a_document_number_with_a_label_typed_in_is_the_same_document() -> None:
    # No birth date: only the passport tells these two are one person (before: two).
    records = [
        PersonRecord("a", "Nguyen Van Hung", nationality="VN", id_number="B1234567"),
        PersonRecord("b", "Nguyễn Văn Hùng", country="TH", id_number="Hộ chiếu: B1234567"),
        PersonRecord("c", "Nguyen Hung", nationality="VN", id_number="Passport No. B1234567"),
    ]
    assert resolve_persons(records).persons == 1
