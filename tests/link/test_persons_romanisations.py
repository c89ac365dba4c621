"""One person in the romanisations of different countries; look-alikes never merged."""

from __future__ import annotations

import pytest

from counterscam.link.persons import PersonRecord, resolve_persons
from counterscam.link.persons_cluster import Facts, compatible
from counterscam.link.persons_features import features
from tests.link.name_pairs import Pair, group_records, merged, unlinked_pairs
from tests.link.romanised_names import DIFFERENT, SAME_PERSON


def _look_alikes() -> list[PersonRecord]:
    return [
        PersonRecord(f"d{k}{side}", name, birth_date=born, nationality=nationality)
        for k, (nationality, *people) in enumerate(DIFFERENT)
        for side, (name, born) in zip("ab", people, strict=True)
    ]


def test_spellings_of_one_person_in_other_romanisations_link() -> None:
    unlinked, people, there_are = unlinked_pairs(SAME_PERSON)
    assert unlinked == []  # before: 179 of these 189 pairs linked
    assert people == there_are  # and no two people in one


@pytest.mark.parametrize("pair", DIFFERENT)
def test_look_alikes_in_these_romanisations_stay_apart(pair: Pair) -> None:
    assert not merged(pair)


def test_a_record_naming_less_does_not_chain_look_alikes() -> None:
    # "Nguyen An" matches twins Nguyen Van An and Nguyen Thi An alike, "Juan dela Cruz" cousins
    # Juan Santos and Juan Reyes dela Cruz: before, all of them became one person.
    records, _ = group_records(SAME_PERSON)
    person = resolve_persons(records + _look_alikes()).person_of
    joined = [k for k in range(len(DIFFERENT)) if person[f"d{k}a"] == person[f"d{k}b"]]
    assert joined == []  # before: 5 of the 26 look-alike pairs


def test_ng_may_be_goh_or_wong_but_not_both() -> None:
    # Ng is 黄 (Huang) in Hokkien and 吴 (Wu) in Cantonese; Goh is only Wu, Wong only Huang.
    person = resolve_persons(
        [
            PersonRecord(r, n, birth_date="1990-07-07", nationality="SG")
            for r, n in (("g", "Goh Kah Wai"), ("n", "Ng Kah Wai"), ("w", "Wong Kah Wai"))
        ]
    ).person_of
    assert person["g"] != person["w"]
    assert person["n"] in (person["g"], person["w"])


def test_western_first_names_of_two_people_are_not_one_chinese_name() -> None:
    person = resolve_persons(
        [
            PersonRecord(r, n, birth_date="1983-05-21", nationality="SG")
            for r, n in (
                ("j", "Jason Tan Wei Ming"),
                ("k", "Kevin Tan Wei Ming"),
                ("t", "Tan Wei Ming"),
            )
        ]
    ).person_of
    assert person["j"] != person["k"]


def test_a_name_changed_on_a_shared_document_still_merges() -> None:
    def facts(name: str, id_number: str) -> Facts:
        row = features(PersonRecord("r", name, id_number=id_number, nationality="VN"))
        return Facts(names={row["name_elements"]}, documents={f"id:{row['id_clean']}"})

    assert not compatible(facts("Nguyen Van An", "B1234567"), facts("Nguyen Thi An", "C7654321"))
    assert compatible(facts("Nguyen Van An", "B1234567"), facts("Nguyen Thi An", "B1234567"))
