"""Common Thai names in Thai script meet their Latin spellings; distinct names stay apart."""

from __future__ import annotations

import itertools

import pytest

from counterscam.link.persons import PersonRecord, resolve_persons
from counterscam.link.persons_features import features
from counterscam.link.persons_thai import readings
from tests.link.thai_names import NAME_WORDS

# Distinct names that already shared a key through the Latin phonetic key alone (ie is read
# as i: Kiettisak is Kitisak, Somkiet is Somkit), before the Thai reading changed.
KNOWN_COLLISIONS = {("กิตติศักดิ์", "เกียรติศักดิ์"), ("สมเกียรติ", "สมคิด")}


def _keys(name: str) -> frozenset[str]:
    return frozenset(features(PersonRecord("r", name, nationality="TH"))["name_keys"])


def test_thai_script_meets_the_latin_spellings_thais_use() -> None:
    met = [bool(_keys(thai) & _keys(latin)) for thai, latins in NAME_WORDS for latin in latins]
    assert len(met) == 328
    # before: 208 (ธนกร, ไชยภูมิ, เจริญ, ณัฐพล and such misread); left apart are mostly u for
    # a short a (Rukthai, Nongluck) and English-style spellings (Abhisit, Shinawatra)
    assert sum(met) >= 312


def test_distinct_common_thai_names_share_no_new_key() -> None:
    spellings = [[_keys(thai), *map(_keys, latins)] for thai, latins in NAME_WORDS]
    shared = {
        (NAME_WORDS[a][0], NAME_WORDS[b][0])
        for a, b in itertools.combinations(range(len(NAME_WORDS)), 2)
        if any(x & y for x in spellings[a] for y in spellings[b])
    }
    assert shared <= KNOWN_COLLISIONS


@pytest.mark.parametrize(
    ("thai", "latin"),
    [
        ("ธนกร", "thanakon"),  # a linking vowel not written
        ("ณัฐพล", "natthaphon"),  # a final read again before the next element
        ("ไชยภูมิ", "chaiyaphum"),  # a written vowel not said
        ("อภิชาติ", "aphichat"),
        ("เจริญ", "charoen"),  # an unwritten a before a leading vowel
        ("เฉลิม", "chaloem"),
        ("ประเสริฐ", "prasoet"),  # silent letters without a thanthakhat
        ("ชัยยุทธ", "chaiyut"),  # a silent last letter of a double consonant
        ("มานพ", "manop"),  # but a last pair of other letters is a syllable
        ("นพพร", "nopphon"),  # a letter written twice is no linking vowel
        ("โชติ", "chot"),
        ("ฤดี", "ruedi"),  # ฤ
        ("พฤกษา", "phrueksa"),
        ("ศรีสวัสดิ์", "sisawat"),
        ("นภัสสร", "naphatson"),
        ("กนกวรรณ", "kanokwan"),
    ],
)
def test_a_thai_word_is_read_as_thais_spell_it(thai: str, latin: str) -> None:
    assert readings(thai)[0] == latin


def test_an_element_spelt_two_ways_gives_both_readings() -> None:
    assert readings("เกียรติศักดิ์") == ("kiatsak", "kiattisak")
    assert readings("เกียรติสกุล") == ("kiatsakun", "kiattisakun")
    assert readings("ชัยวงศ์") == ("chaiwong", "chaiyawong")


def test_a_thai_record_and_its_latin_spelling_are_one_person() -> None:
    records = [
        PersonRecord("a", "นายธนกร ไชยภูมิ", birth_date="1985-06-01", nationality="TH"),
        PersonRecord("b", "Thanakorn Chaiyapoom", birth_date="1985-06-01", nationality="TH"),
        PersonRecord("c", "เจริญ ศรีสวัสดิ์", birth_date="1970-02-02", nationality="TH"),
        PersonRecord("d", "Charern Srisawad", birth_date="1970-02-02", nationality="TH"),
        # a brother born the same day, one element apart: another person
        PersonRecord("e", "ธนพล ไชยภูมิ", birth_date="1985-06-01", nationality="TH"),
    ]
    person = resolve_persons(records).person_of
    assert person["a"] == person["b"]  # before: two people
    assert person["c"] == person["d"]  # before: two people
    assert person["e"] not in (person["a"], person["b"])
