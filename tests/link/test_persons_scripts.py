"""Names in Lao, Khmer and Burmese script meet their Latin spellings; look-alikes stay apart."""

from __future__ import annotations

import pytest

from counterscam.link.persons import PersonRecord, resolve_persons
from counterscam.link.persons_cluster import Facts, compatible
from counterscam.link.persons_features import features
from counterscam.link.persons_names import fold, phonetic, split_name
from counterscam.link.persons_scripts import latin_readings
from tests.link.name_pairs import Pair, merged, unlinked_pairs
from tests.link.script_names import DIFFERENT, SAME_PERSON


def _reads_as(script: str, latin: str, culture: str) -> bool:
    readings = latin_readings([fold(script)])
    return any(phonetic(" ".join(r), culture) == phonetic(latin.lower(), culture) for r in readings)


@pytest.mark.parametrize(
    ("script", "latin", "culture"),
    [
        ("ສົມພອນ", "Somphone", "LA"),
        ("ສົມພອນ", "Sompone", "LA"),
        ("ສຸກສະຫວັນ", "Souksavanh", "LA"),  # read from the letters, no table
        ("ໄຊຍະວົງ", "Xayavong", "LA"),
        ("ສົມສີ", "Somsy", "LA"),
        ("សុខា", "Sokha", "KH"),
        ("ចាន់", "Chan", "KH"),
        ("ដារ៉ា", "Dara", "KH"),
        ("ពិសាល", "Pisal", "KH"),  # read from the letters, no table
        ("ចាន់ណា", "Channa", "KH"),
        ("အောင်", "Aung", "MM"),
        ("ကျော်", "Kyaw", "MM"),
        ("မောင်", "Maung", "MM"),
        ("ဇော်", "Zaw", "MM"),
        ("ထွန်း", "Tun", "MM"),
        ("ထွန်း", "Htun", "MM"),
        ("မင်း", "Min", "MM"),
        ("ခိုင်", "Khine", "MM"),
        ("ကောင်", "Kaung", "MM"),  # read from the letters, no table
        ("ငြိမ်", "Nyein", "MM"),
    ],
)
def test_a_word_in_script_reads_as_its_latin_spelling(
    script: str, latin: str, culture: str
) -> None:
    assert _reads_as(script, latin, culture)


def test_burmese_titles_go_by_the_rules_of_latin_titles() -> None:
    name = split_name("အောင်ကျော်ဦး").tokens
    # one token per name element, as in Latin (compared folded: NFKD splits ဦ)
    assert name == tuple(fold(t) for t in ("အောင်", "ကျော်", "ဦး"))
    assert split_name("ဦးအောင်ကျော်ဦး").tokens == name  # U, the title
    assert split_name("အောင် ကျော် ဦး").tokens == name  # spacing does not matter
    assert split_name("ကိုအောင်ကျော်ဦး").tokens == name  # Ko
    assert split_name("မခင်မျိုးဝင်း").tokens == split_name("ခင်မျိုးဝင်း").tokens  # Ma
    assert split_name("ဒေါ်ခင်ခင်").tokens == ("ခင်", "ခင်")  # Daw
    assert split_name("ကိုမင်း").tokens == ("ကို", "မင်း")  # "Ko Min" is a name
    # Maung Maung is a name, as in Latin letters
    assert split_name("မောင်မောင်အောင်").tokens == ("မောင်", "မောင်", "အောင်")
    assert split_name("မောင်ဇော်မင်း").tokens == ("ဇော်", "မင်း")


def test_lao_and_khmer_titles_in_script_are_dropped() -> None:
    assert split_name("ທ້າວສົມພອນ ພົມມະຈັນ").tokens == split_name("ສົມພອນ ພົມມະຈັນ").tokens
    assert split_name("ນາງ ມະນີວັນ").tokens == split_name("ມະນີວັນ").tokens
    assert split_name("លោកស្រី មាស បុប្ផា").tokens == split_name("មាស បុប្ផា").tokens
    assert split_name("លោក ជា វណ្ណា").tokens == split_name("ជា វណ្ណា").tokens


def test_script_records_share_a_key_with_latin_ones() -> None:
    def keys(name: str, nationality: str) -> set[str]:
        return set(features(PersonRecord("r", name, nationality=nationality))["name_keys"])

    assert keys("ဦးအောင်ကျော်ဦး", "MM") & keys("Aung Kyaw Oo", "MM")
    assert keys("សុខ ដារា", "KH") & keys("Dara Sok", "KH")
    assert keys("ສົມພອນ ພົມມະຈັນ", "LA") & keys("Somphone Phommachanh", "LA")
    assert not keys("အောင်ကျော်ဦး", "MM") & keys("Aung Kyaw Moe", "MM")


def test_spellings_in_script_that_read_alike_are_two_people() -> None:
    thet = features(PersonRecord("a", "မင်းသက်အောင်", nationality="MM"))["script_name"]
    htet = features(PersonRecord("b", "မင်းထက်အောင်", nationality="MM"))["script_name"]
    assert not compatible(Facts(script_names={thet}), Facts(script_names={htet}))
    again = features(PersonRecord("c", "ကိုမင်းထက်အောင်", nationality="MM"))["script_name"]
    assert compatible(Facts(script_names={htet}), Facts(script_names={again}))  # Ko, a title


def test_script_and_latin_spellings_of_one_person_link() -> None:
    unlinked, people, there_are = unlinked_pairs(SAME_PERSON)
    assert unlinked == []  # before: 20 of these 83 pairs linked
    assert people == there_are  # and no two people in one


@pytest.mark.parametrize("pair", DIFFERENT)
def test_different_people_whose_names_read_alike_stay_apart(pair: Pair) -> None:
    assert not merged(pair)


@pytest.mark.parametrize(
    ("nationality", "one", "twin", "latin"),
    [
        ("MM", "မင်းသက်အောင်", "မင်းထက်အောင်", "Min Htet Aung"),
        ("KH", "ចាន់ សុខា", "ច័ន្ទ សុខា", "Chan Sokha"),
        ("LA", "ສົມພອນ ພົມມະຈັນ", "ສົມພົນ ພົມມະຈັນ", "Somphone Phommachanh"),
    ],
)
def test_a_latin_record_joins_one_twin_not_both(
    nationality: str, one: str, twin: str, latin: str
) -> None:
    person = resolve_persons(
        [
            PersonRecord(r, n, birth_date="1990-04-12", nationality=nationality)
            for r, n in (("a", one), ("b", twin), ("l", latin))
        ]
    ).person_of
    assert person["a"] != person["b"]
