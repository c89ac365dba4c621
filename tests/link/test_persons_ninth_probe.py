"""Ninth probe: persons as the ten countries write them, by an outside analyst. A Burmese name a
syllable longer is another person; Lao names one letter apart are two names, and Lao Xaiya and
Xaya are one spelling."""

from __future__ import annotations

import pytest

from counterscam.link.persons import PersonRecord, resolve_persons
from counterscam.link.persons_cluster import Facts, compatible

BORN = "1982-01-05"


def _persons(*records: tuple[str, str, str]) -> int:
    """Count the persons among (name, nationality, country) records born the same day."""
    return resolve_persons(
        [
            PersonRecord(f"r{k}", name, birth_date=BORN, nationality=nat, country=country)
            for k, (name, nat, country) in enumerate(records)
        ]
    ).persons


@pytest.mark.parametrize(
    ("shorter", "longer"),
    [
        ("Kyaw Moe", "Aung Kyaw Moe"),
        ("Khin Mar", "Khin Mar Aye"),
        ("Aung Aung", "Aung Aung Naing"),
        ("Zaw Min", "Zaw Min Htet"),
    ],
)
def test_a_burmese_name_a_syllable_longer_is_another_person(shorter: str, longer: str) -> None:
    # Before: one person on the "one name's tokens a subset of the other's" level (0.93). A
    # Burmese name has no family or middle name to leave out; siblings share syllables.
    assert _persons((shorter, "MM", "MM"), (longer, "MM", "MM")) == 2
    # Listed in Thailand without a nationality beside the Myanmar record: still two.
    assert _persons((shorter, "", "TH"), (longer, "MM", "MM")) == 2


def test_burmese_titles_still_leave_one_person() -> None:
    assert (
        _persons(
            ("U Aung Kyaw Moe", "MM", "MM"),
            ("Aung Kyaw Moe", "", "TH"),
            ("Ko Aung Kyaw Moe", "MM", "MM"),
            ("Mg Aung Kyaw Moe", "MM", "TH"),
        )
        == 1
    )
    assert _persons(("Daw Khin Mar", "MM", "MM"), ("Khin Mar", "", "TH")) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Souksavanh Phommachanh", "Souksavath Phommachanh"),  # ສຸກສະຫວັນ, ສຸກສະຫວາດ
        ("Sisavath Vongsa", "Sisavanh Vongsa"),
        ("Keo Sengphet", "Kao Sengphet"),
    ],
)
def test_lao_names_one_letter_apart_are_two_people(one: str, other: str) -> None:
    # Before: one person on the one-typo level, as Thai twins were before the sixth probe.
    assert _persons((one, "LA", "LA"), (other, "LA", "LA")) == 2


@pytest.mark.parametrize(
    ("records"),
    [
        (
            ("Souksavanh Phommachanh", "LA", "LA"),
            ("Souksavan Phommachan", "", "TH"),
            ("SOUKSAVANH PHOMMACHANH", "LA", "LA"),
            ("ສຸກສະຫວັນ ພົມມະຈັນ", "LA", "LA"),
        ),
        (("Xaiyasone Inthavong", "LA", "LA"), ("Xayasone Inthavong", "LA", "LA")),
        (("Xaiyavong Bounmy", "LA", "LA"), ("Xayavong Bounmi", "LA", "LA")),
        (("Manivanh Siphandone", "LA", "LA"), ("Manyvanh Siphandon", "LA", "LA")),
    ],
)
def test_lao_spellings_of_one_name_still_meet(records: tuple[tuple[str, str, str], ...]) -> None:
    # Xaiya and Xaya (ໄຊຍະ) met only on the one-typo level, which Lao names no longer get.
    assert _persons(*records) == 1


def _person_of(*records: tuple[str, str, str]) -> dict[str, str]:
    """Return each name's person key, the records born the same day."""
    result = resolve_persons(
        [
            PersonRecord(f"r{k}", name, birth_date=BORN, nationality=nat, country=country)
            for k, (name, nat, country) in enumerate(records)
        ]
    )
    return {name: result.person_of[f"r{k}"] for k, (name, _, _) in enumerate(records)}


@pytest.mark.parametrize(
    ("sister", "brother"),
    [
        ("Maria Reyes", "Mario Reyes"),
        ("Angela Santos dela Cruz", "Angelo Santos dela Cruz"),
        ("Cristina Bautista", "Cristino Bautista"),
    ],
)
def test_filipino_twins_a_last_vowel_apart_are_two_people(sister: str, brother: str) -> None:
    # Before: one person on the one-typo level (0.996). The last vowel of a Spanish given name
    # is the gender: a brother and a sister born the same day are twins, not one person.
    assert _persons((sister, "PH", "PH"), (brother, "PH", "PH")) == 2
    # A record naming less (an initial) matches both and may join either, never both.
    initial = f"{sister[0]}. {sister.split(' ', 1)[1]}"
    found = _person_of((sister, "PH", "PH"), (brother, "PH", "PH"), (initial, "PH", "PH"))
    assert found[sister] != found[brother]


def test_filipino_spellings_of_one_name_still_meet() -> None:
    assert (
        _persons(
            ("Ma. Cristina Reyes", "PH", "PH"),
            ("Maria Cristina Reyes", "PH", "MY"),
            ("MA. CHRISTINA REYES", "PH", "SG"),
        )
        == 1
    )


def test_javanese_a_and_o_endings_still_meet() -> None:
    # Only Filipino names: in Java one name ends in o or a as it is said or spelled.
    assert _persons(("Budi Santoso", "ID", "ID"), ("Budi Santosa", "ID", "ID")) == 1


def test_the_clustering_keeps_a_filipino_brother_and_sister_apart() -> None:
    # Records the model paired through others (an initial, a nickname) must not chain them.
    maria = Facts(dobs={BORN}, cultures={"PH"}, names={"maria reyes"})
    mario = Facts(dobs={BORN}, names={"mario reyes"})
    assert not compatible(maria, mario, ("maria reyes", "mario reyes"))
    santosa = Facts(dobs={BORN}, cultures={"ID"}, names={"budi santosa"})
    assert compatible(santosa, Facts(dobs={BORN}, names={"budi santoso"}))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("常伟", "张伟"),  # Chang Wei, and Zhang Wei in Wade-Giles
        ("陈伟", "谭伟"),  # Chen, Hokkien Tan; and Tan
        ("郑伟", "张伟"),  # Zheng and Zhang, both Teo in Teochew
        ("常伟", "張偉"),  # the traditional form of the other
    ],
)
def test_names_in_characters_read_apart_are_two_people(one: str, other: str) -> None:
    # Before: 常伟 and 张伟 were one person (0.999): both read "Chang Wei" through the
    # Wade-Giles class of 张. A Latin "Chang Wei" may join either, never both.
    assert _persons((one, "CN", "CN"), (other, "CN", "CN")) == 2
    found = _person_of((one, "CN", "CN"), (other, "CN", "CN"), ("Chang Wei", "", "TW"))
    assert found[one] != found[other]


def test_one_name_in_simplified_and_traditional_characters_is_one_person() -> None:
    assert _persons(("张伟", "CN", "CN"), ("張偉", "CN", "HK"), ("Zhang Wei", "CN", "MY")) == 1
    assert _persons(("陈大文", "CN", "CN"), ("陳大文", "", "HK"), ("Chan Tai Man", "", "HK")) == 1


# The probe's pairs that come out right, each pair alone: (name, born, nationality, document,
# country). Still wrong, and documented in docs/persons.md: Nguyen V. Hung, Ma Cristina Reyes
# listed abroad, Suharto beside Budi Suharto, a passport beside a name short of a middle name.
Rec = tuple[str, str, str, str, str]
SAME_PERSON: list[tuple[Rec, Rec]] = [
    (
        ("Nguyen Van Hung", "1990-03-14", "VN", "", "VN"),
        ("Nguyễn Văn Hưng", "1990-03-14", "VN", "", "VN"),
    ),
    (
        ("U Aung Kyaw Moe", "1982-01-05", "MM", "", "MM"),
        ("Aung Kyaw Moe", "1982-01-05", "", "", "TH"),
    ),
    (
        ("Mg Aung Kyaw Moe", "1982-01-05", "MM", "", "MM"),
        ("Maung Aung Kyaw Moe", "1982-01-05", "MM", "", "MM"),
    ),
    (
        ("Muhammad bin Abdullah", "1988-09-09", "MY", "", "MY"),
        ("Mohd b. Abdullah", "1988-09-09", "MY", "", "MY"),
    ),
    (
        ("Mohamad Abdullah", "1988-09-09", "MY", "", "MY"),
        ("Muhammad bin Abdullah", "1988-09-09", "MY", "", "MY"),
    ),
    (
        ("Muhd Bin Abdullah", "1988-09-09", "", "", "TH"),
        ("Muhammad bin Abdullah", "1988-09-09", "MY", "", "MY"),
    ),
    (
        ("Md Abdullah", "1988-09-09", "MY", "", "MY"),
        ("Mohd Abdullah", "1988-09-09", "MY", "", "MY"),
    ),
    (
        ("Mohd Ali", "1988-09-09", "MY", "", "MY"),
        ("Mohd Ali bin Hassan", "1988-09-09", "MY", "", "MY"),
    ),
    (("Zhang Wei", "1979-11-23", "CN", "", "CN"), ("Chang Wei", "1979-11-23", "", "", "TW")),
    (("Zhang Wei", "1979-11-23", "CN", "", "CN"), ("Cheung Wai", "1979-11-23", "", "", "HK")),
    (("Zhang Wei", "1979-11-23", "CN", "", "CN"), ("Wei Zhang", "1979-11-23", "", "", "SG")),
    (("Zhang Wei", "1979-11-23", "CN", "", "CN"), ("张伟", "1979-11-23", "CN", "", "CN")),
    (("张伟", "1979-11-23", "CN", "", "CN"), ("Cheung Wai", "1979-11-23", "", "", "HK")),
    (("ZHANG, Wei", "1979-11-23", "CN", "", "CN"), ("Wei ZHANG", "1979-11-23", "CN", "", "CN")),
    (
        ("Somchai Suwannarat", "1980-02-02", "TH", "", "TH"),
        ("Somchay Suwanarat", "1980-02-02", "", "", "LA"),
    ),
    (("Sok Dara", "1992-07-07", "KH", "", "KH"), ("Sok Da Ra", "1992-07-07", "", "", "TH")),
    (("Sok Dara", "1992-07-07", "KH", "", "KH"), ("DARA Sok", "1992-07-07", "KH", "", "KH")),
    (
        ("Ma. Cristina Reyes", "1991-04-04", "PH", "", "PH"),
        ("Maria Cristina Reyes", "1991-04-04", "PH", "", "PH"),
    ),
    (
        ("Ma. Cristina Reyes", "1991-04-04", "PH", "", "PH"),
        ("Ma. Christina Reyes", "1991-04-04", "PH", "", "PH"),
    ),
    (
        ("Cristina Reyes", "1991-04-04", "PH", "", "PH"),
        ("Ma. Cristina Reyes", "1991-04-04", "PH", "", "PH"),
    ),
    (
        ("Ma. Cristina Reyes", "1991-04-04", "PH", "", "PH"),
        ("Ma. Cristina Santos Reyes", "1991-04-04", "PH", "", "PH"),
    ),
    (("Suharto", "1966-06-06", "ID", "", "ID"), ("SUHARTO", "1966-06-06", "", "", "MY")),
    (("Suharto", "1966-06-06", "ID", "", "ID"), ("Soeharto", "1966-06-06", "ID", "", "ID")),
    (
        ("Souksavanh Phommachanh", "1987-10-10", "LA", "", "LA"),
        ("Souksavan Phommachan", "1987-10-10", "", "", "TH"),
    ),
    (("Souksavanh", "1987-10-10", "LA", "", "LA"), ("Souksavan", "1987-10-10", "LA", "", "LA")),
    (("Somchai", "1980-02-02", "TH", "", "TH"), ("Somchay", "1980-02-02", "TH", "", "TH")),
    (("Daw Khin Mar", "", "MM", "MA123456", "MM"), ("Khin Mar", "", "", "MA123456", "TH")),
    (
        ("Nguyen Van Hung", "", "VN", "B1234567", "VN"),
        ("NGUYEN VAN HUNG", "", "", "B1234567", "TH"),
    ),
]
DIFFERENT_PEOPLE: list[tuple[Rec, Rec]] = [
    (
        ("Nguyen Van Hung", "1990-03-14", "VN", "", "VN"),
        ("Nguyen Van Hung", "1975-08-02", "VN", "", "VN"),
    ),
    (
        ("Nguyen Van Hung", "1990-03-14", "VN", "B1234567", "VN"),
        ("Nguyen Van Hung", "1990-03-14", "US", "X7654321", "US"),
    ),
    (
        ("Nguyen Van Hung", "1990", "VN", "B1234567", "VN"),
        ("Nguyen Van Hung", "1990", "VN", "C7654321", "VN"),
    ),
    (("Nguyen Van Hung", "", "VN", "", "VN"), ("Nguyen Van Hung", "", "VN", "", "VN")),
    (
        ("Nguyen Van Lan", "1990-03-14", "VN", "", "VN"),
        ("Nguyen Thi Lan", "1990-03-14", "VN", "", "VN"),
    ),
    (("Aung Aung", "1985-05-05", "MM", "", "MM"), ("Aung Kyaw", "1985-05-05", "MM", "", "MM")),
    (("Aung Aung", "1985-05-05", "MM", "", "MM"), ("U Aung", "1985-05-05", "MM", "", "MM")),
    (("Ko Ko", "1985-05-05", "MM", "", "MM"), ("Ko Ko Aung", "1985-05-05", "MM", "", "MM")),
    (("Daw Khin Mar", "", "MM", "", "MM"), ("Ma Khin Mar", "", "MM", "", "MM")),
    (("Kyaw Moe", "1982-01-05", "MM", "", "MM"), ("Aung Kyaw Moe", "1982-01-05", "MM", "", "MM")),
    (
        ("Muhammad bin Abdullah", "1988-09-09", "MY", "", "MY"),
        ("Muhammad bin Ahmad", "1988-09-09", "MY", "", "MY"),
    ),
    (
        ("Muhammad bin Abdullah", "1988-09-09", "MY", "", "MY"),
        ("Abdullah bin Muhammad", "1988-09-09", "MY", "", "MY"),
    ),
    (
        ("Mohd Faiz bin Abdullah", "1988-09-09", "MY", "", "MY"),
        ("Mohd Fazli bin Abdullah", "1988-09-09", "MY", "", "MY"),
    ),
    (
        ("Ali bin Hassan", "1988-09-09", "MY", "", "MY"),
        ("Ali bin Hussein", "1988-09-09", "MY", "", "MY"),
    ),
    (("Zhang Wei", "1979-11-23", "CN", "", "CN"), ("Zhang Wei", "1985-01-02", "CN", "", "CN")),
    (("张伟", "1979-11-23", "CN", "", "CN"), ("张慧", "1979-11-23", "CN", "", "CN")),
    (("Zhang Wei", "1979-11-23", "CN", "", "CN"), ("Wang Wei", "1979-11-23", "CN", "", "CN")),
    (("Zhang Wei", "1979-11-23", "CN", "", "CN"), ("Jiang Wei", "1979-11-23", "CN", "", "CN")),
    (("常伟", "1979-11-23", "CN", "", "CN"), ("张伟", "1979-11-23", "CN", "", "CN")),
    (
        ("Somchai Suwannarat", "1980-02-02", "TH", "", "TH"),
        ("Sommai Suwannarat", "1980-02-02", "TH", "", "TH"),
    ),
    (
        ("Somchai Suwannarat", "1980-02-02", "TH", "", "TH"),
        ("Somchai Suwannarit", "1980-02-02", "TH", "", "TH"),
    ),
    (("Sok Dara", "1992-07-07", "KH", "", "KH"), ("Sok Darith", "1992-07-07", "KH", "", "KH")),
    (("Sok Dara", "1992-07-07", "KH", "", "KH"), ("Sok Da", "1992-07-07", "KH", "", "KH")),
    (
        ("Jose Reyes Jr.", "1991-04-04", "PH", "", "PH"),
        ("Jose Reyes Sr.", "1991-04-04", "PH", "", "PH"),
    ),
    (("Maria Reyes", "1991-04-04", "PH", "", "PH"), ("Mario Reyes", "1991-04-04", "PH", "", "PH")),
    (
        ("Ma. Cristina Santos Reyes", "1991-04-04", "PH", "", "PH"),
        ("Ma. Cristina Cruz Reyes", "1991-04-04", "PH", "", "PH"),
    ),
    (("Suharto", "1966-06-06", "ID", "", "ID"), ("Sukarno", "1966-06-06", "ID", "", "ID")),
    (("Suharto", "1966-06-06", "ID", "", "ID"), ("Suharto", "1970-01-01", "ID", "", "ID")),
    (
        ("Souksavanh Phommachanh", "1987-10-10", "LA", "", "LA"),
        ("Souksavath Phommachanh", "1987-10-10", "LA", "", "LA"),
    ),
    (("Hung Nguyen Van", "1990", "", "", "KH"), ("Nguyen Van Hung", "1991", "VN", "", "VN")),
    (("Khin Mar", "1970-06-06", "MM", "", "MM"), ("Khin Mar Aye", "1970-06-06", "MM", "", "MM")),
]


def _pair(a: Rec, b: Rec) -> bool:
    records = [
        PersonRecord(f"r{k}", n, birth_date=born or None, nationality=nat, id_number=doc, country=c)
        for k, (n, born, nat, doc, c) in enumerate((a, b))
    ]
    found = resolve_persons(records).person_of
    return found["r0"] == found["r1"]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON, ids=[a[0] for a, _ in SAME_PERSON])
def test_the_probes_spellings_of_one_person_link(a: Rec, b: Rec) -> None:
    assert _pair(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_PEOPLE, ids=[a[0] for a, _ in DIFFERENT_PEOPLE])
def test_the_probes_different_people_stay_apart(a: Rec, b: Rec) -> None:
    assert not _pair(a, b)
