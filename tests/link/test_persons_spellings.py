"""Lists spelled the way outside verifiers spell them, scored with the shipped model."""

from __future__ import annotations

from counterscam.link.persons import PersonRecord, resolve_persons
from counterscam.link.persons_names import split_name


def _resolve(*rows: tuple[str, str, str, str, str]) -> dict[str, str]:
    """Resolve (record id, full name, birth date, nationality, id number) rows."""
    records = [
        PersonRecord(r, n, birth_date=d, nationality=c, id_number=i) for r, n, d, c, i in rows
    ]
    return resolve_persons(records).person_of


def test_names_in_thai_and_burmese_script_are_names() -> None:
    person = _resolve(
        ("t1", "สมชาย ใจดี", "1979-11-23", "TH", ""),
        ("t2", "นายสมชาย ใจดี", "1979-11-23", "TH", ""),  # Mr, joined to the name
        ("t3", "สมศักดิ์ ใจดี", "1979-11-23", "TH", ""),  # his twin brother
        ("m1", "ဦးအောင်အောင်", "1970-05-14", "MM", ""),  # U Aung Aung
        ("m2", "အောင်အောင်", "1970-05-14", "MM", ""),
    )
    assert person["t1"] == person["t2"]
    assert person["t1"] != person["t3"]
    assert person["m1"] == person["m2"]
    assert split_name("ใจดี").tokens == ("ใจดี",)  # the vowel marks are the name


def test_twins_named_an_and_anh_stay_apart() -> None:
    person = _resolve(
        ("a1", "Nguyen Van An", "1988-03-07", "VN", ""),
        ("a2", "Nguyễn Văn An", "1988-03-07", "VN", ""),
        ("b1", "Nguyen Van Anh", "1988-03-07", "VN", ""),
        ("b2", "NGUYEN VAN ANH", "1988-03-07", "VN", ""),
    )
    assert person["a1"] == person["a2"]
    assert person["b1"] == person["b2"]
    assert person["a1"] != person["b1"]


def test_a_short_name_mistyped_still_merges_on_a_shared_document() -> None:
    person = _resolve(
        ("a1", "Nguyen Van An", "1988-03-07", "VN", "C1234567"),
        ("a2", "Nguyen Van Anh", "1988-03-07", "VN", "C1234567"),
    )
    assert person["a1"] == person["a2"]
