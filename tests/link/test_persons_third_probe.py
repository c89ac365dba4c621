"""Third romanisation probe: joined given names of two readings, a father's title, Burmese Oo
after Kyaw, and Chinese surnames in more dialects; the look-alikes beside them stay apart."""

from __future__ import annotations

import pytest

from counterscam.link.persons import PersonRecord, resolve_persons
from counterscam.link.persons_features import features
from counterscam.link.persons_names import split_name, syllable_splits
from tests.link.name_pairs import persons_found as _persons


def _keys(name: str, nationality: str) -> set[str]:
    return set(features(PersonRecord("r", name, nationality=nationality))["name_keys"])


def test_a_joined_given_name_keeps_every_shortest_split() -> None:
    # Chih-Wei joined is chihwei: chi+hwei (Zhi Hui) or chih+wei (Zhi Wei). Only the first was
    # read, so Lin Chih-Wei never met Lin Zhiwei, not even on a shared passport.
    assert set(syllable_splits("chihwei")) == {("chi", "hwei"), ("chih", "wei")}
    assert syllable_splits("weiming") == (("wei", "ming"),)
    assert syllable_splits("xyz") == ()


@pytest.mark.parametrize(
    ("names", "born", "id_number"),
    [
        (("Lin Chih-Wei", "Lin Zhiwei", "林志偉", "Lim Chee Wee"), "1975-03-03", ""),
        (("Lin Chih-Wei", "Lin Zhiwei"), "", "P9988776"),
    ],
)
def test_wade_giles_hyphenated_given_name_meets_pinyin(
    names: tuple[str, ...], born: str, id_number: str
) -> None:
    assert _persons("TW", *names, born=born, id_number=id_number) == 1  # before: 2


def test_two_given_names_of_one_surname_stay_apart() -> None:
    assert _persons("TW", "Lin Chih-Wei", "Lin Chih-Ming", born="1975-03-03") == 2


def test_a_fathers_title_is_not_his_name() -> None:
    assert split_name("Ahmad bin Haji Ismail", "MY").father == ("ismail",)
    assert split_name("Ahmad bin Hj. Ismail", "MY").father == ("ismail",)
    assert split_name("Ahmad bin Haji", "MY").father == ("haji",)  # nothing else: a name
    assert _persons("MY", "Ahmad bin Haji Ismail", "Ahmad bin Ismail", born="1987-06-06") == 1
    # a father of another name is another father, with or without his title
    assert _persons("MY", "Ahmad bin Haji Ismail", "Ahmad bin Yusof", born="1987-06-06") == 2


def test_oo_after_kyaw_is_a_name_element_of_its_own() -> None:
    # Written joined, kyaw+oo became kyauu and its doubled u one: Aung Kyaw Oo and Aung Kyaw U
    # had Aung Kyaw's compact key, the "same name" level of a man of another name.
    short = _keys("Aung Kyaw", "MM")
    for name in ("Aung Kyaw Oo", "Aung Kyaw U", "AungKyawOo", "U Aung Kyaw Oo"):
        assert not short & _keys(name, "MM"), name
    assert _keys("Aung Kyaw Oo", "MM") & _keys("AungKyawOo", "MM")
    assert _keys("Aung Kyaw U", "MM") & _keys("Aung Kyaw Oo", "MM")

    def name_weight(one: str, other: str) -> float:
        pairs = resolve_persons(
            [
                PersonRecord("a", one, birth_date="1980-04-04", nationality="MM"),
                PersonRecord("b", other, birth_date="1980-04-04", nationality="MM"),
            ],
            # every pair scored: Aung Kyaw beside Aung Kyaw Oo no longer reaches 0.85
            threshold=0.0001,
        ).pairs
        return float(pairs["mw_name"][0])

    assert name_weight("Aung Kyaw", "Aung Kyaw Oo") < name_weight("Aung Kyaw U", "Aung Kyaw Oo")


@pytest.mark.parametrize(
    ("names", "born"),
    [
        (("Zeng Guofan", "Tseng Kuo Fan", "Tsang Kwok Fan"), "1970-01-01"),  # 曾
        (("Xie Wen", "Hsieh Wen", "Tse Man", "Chia Boon", "Cheah Boon"), "1972-01-01"),  # 谢
        (("Zhou Jian", "Chou Chien", "Chew Kian", "Chow Kin"), "1971-01-01"),  # 周
        (("Liang Jun", "Leung Chun", "Neo Choon"), "1974-01-01"),  # 梁
        (("Zheng Ming", "Tay Beng", "Teh Beng"), "1973-01-01"),  # 郑
        (("Huang Wei", "Wong Wai", "Bong Vui"), "1977-01-01"),  # 黄, Hakka
        (("He Jun", "Ho Chun", "Hoe Choon"), "1976-01-01"),  # 何
    ],
)
def test_chinese_surnames_in_more_dialects_meet(names: tuple[str, ...], born: str) -> None:
    assert _persons("SG", *names, born=born) == 1  # before: 2 or 3


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Chia Boon", "Tan Boon"),  # 谢 and 陈
        ("Tse Man", "Chan Man"),
        ("Neo Choon", "Lim Choon"),
        ("Zhao Jian", "Zhou Jian"),  # Chew may be either, they are not one
        ("Zeng Guofan", "Zeng Guoqiang"),
    ],
)
def test_other_surnames_or_given_names_stay_apart(one: str, other: str) -> None:
    assert _persons("SG", one, other, born="1971-01-01") == 2


def test_a_record_spelt_chew_joins_zhao_or_zhou_not_both() -> None:
    person = resolve_persons(
        [
            PersonRecord(r, n, birth_date="1971-01-01", nationality="SG")
            for r, n in (("a", "Zhao Jian"), ("c", "Chew Kian"), ("o", "Zhou Jian"))
        ]
    ).person_of
    assert person["a"] != person["o"]
