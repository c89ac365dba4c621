"""Fourth romanisation probe: Buddhist-era birth years, Lao Sy-, old Indonesian Tj, Javanese
spellings of Muhammad, and Chinese surnames and syllables in Wade-Giles, Cantonese and Hokkien;
the look-alikes beside them stay apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.link.persons import PersonRecord, resolve_persons
from counterscam.link.persons_features import parse_birth_date
from counterscam.link.persons_names import phonetic, split_name
from tests.link.name_pairs import persons_found as _persons


def test_a_buddhist_era_birth_year_is_read_in_the_common_era() -> None:
    # 2518 was kept as a year nobody was born in: the record contradicted its own person.
    assert parse_birth_date("2518-04-12") == ("1975-04-12", 1975)
    assert parse_birth_date("2531-02-29") == ("1988-02-29", 1988)  # 1988 is a leap year
    assert parse_birth_date("2518") == (None, 1975)
    assert parse_birth_date(date(2518, 4, 12)) == ("1975-04-12", 1975)
    records = [
        PersonRecord("a", "Somchai Jaidee", birth_date="1975-04-12", nationality="TH"),
        PersonRecord("b", "SOMCHAI JAIDEE", birth_date="2518-04-12", nationality="TH"),
        PersonRecord("c", "วิชัย บุญมี", birth_date="2522-11-20", nationality="TH"),
        PersonRecord("d", "Wichai Boonmee", birth_date="1979-11-20", nationality="TH"),
        # a namesake born seven years later stays apart, in either era
        PersonRecord("e", "Somchai Jaidee", birth_date="2525-04-12", nationality="TH"),
    ]
    person = resolve_persons(records).person_of
    assert person["a"] == person["b"]
    assert person["c"] == person["d"]
    assert person["e"] != person["a"]


@pytest.mark.parametrize("text", ["2030-01-01", "2099", f"{date.today().year + 1}-01-01"])
def test_a_birth_date_in_the_future_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="in the future"):
        parse_birth_date(text)


def test_the_command_line_names_the_row_of_a_future_birth_date(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "record_id,full_name,birth_date\nr1,Somchai Jaidee,2518-04-12\nr2,Somchai,2031-01-01\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["resolve-persons", "--in", str(source), "--out", str(tmp_path / "out.csv")]
    )
    assert result.exit_code != 0
    assert "row 2, column birth_date" in result.output
    assert "in the future" in result.output


def test_lao_sy_before_a_consonant_is_si() -> None:
    # "sy" was read as the consonant of Aisyah everywhere: Sysouphanh lost its vowel.
    assert phonetic("sysouphanh", "LA") == phonetic("sisouphanh", "LA")
    assert phonetic("sysavath", "LA") == phonetic("sisavath", "LA")
    assert phonetic("aisyah") == phonetic("aisah")  # before a vowel it is still s(h)
    assert phonetic("syarifah") == phonetic("sharifah")
    assert phonetic("somsy") == phonetic("somsi")
    born = "1974-02-28"
    assert _persons("LA", "Khamphone Sisouphanh", "Khampone Sysouphanh", born=born) == 1
    assert _persons("LA", "Khamphone Sisouphanh", "Khamphone Souphanh", born=born) == 2


def test_old_indonesian_tj_is_c() -> None:
    # Old spelling tj is today's c; it was read as t + y (Tyahyono), never Cahyono.
    assert phonetic("tjahjono", "ID") == phonetic("cahyono", "ID")
    born = "1985-05-05"
    assert _persons("ID", "Dwi Tjahjono", "Dwi Cahyono", "Dwi Tjahyono", born=born) == 1
    assert _persons("ID", "Dwi Tjahjono", "Dwi Cahyani", born=born) == 2


@pytest.mark.parametrize("written", ["Mochammad", "Mochamad", "Moch.", "Muh.", "Mhd"])
def test_javanese_and_short_spellings_of_muhammad(written: str) -> None:
    assert split_name(f"{written} Rizky Pratama", "ID").tokens[0] == "muhammad"
    born = "1999-09-09"
    assert _persons("ID", "Muhammad Rizky Pratama", f"{written} Rizky Pratama", born=born) == 1
    assert _persons("ID", f"{written} Rizal Pratama", "Muhammad Rizky Pratama", born=born) == 2


@pytest.mark.parametrize(
    ("names", "born"),
    [
        (("Zhao Wei", "Chao Wei", "Chiu Wai", "趙偉"), "1952-06-01"),  # Wade-Giles Chao
        (("Lin Wenfa", "Lam Man Fat", "Lim Boon Huat", "林文發"), "1970-10-10"),  # Cantonese Fat
        (("She Zhijiang", "佘智江", "She Chih-chiang"), "1982-09-27"),  # 佘, 江, Chiang
        (("Wan Kuok-koi", "尹國駒", "Yin Guoju"), "1955-05-29"),  # Cantonese Wan, Koi
    ],
)
def test_chinese_names_in_more_romanisations(names: tuple[str, ...], born: str) -> None:
    assert _persons("", *names, born=born, country="MM") == 1  # before: 2 or more


def test_namesakes_of_the_new_readings_stay_apart() -> None:
    # Kong and Jiang are one surname now; different birth dates keep two people apart.
    records = [
        PersonRecord("a", "Kong Wai Ming", birth_date="1980-01-01", country="HK"),
        PersonRecord("b", "Jiang Weiming", birth_date="1984-06-06", nationality="CN"),
        PersonRecord("c", "Wan Kuok-koi", birth_date="1955-05-29", country="KH"),
        PersonRecord("d", "Yin Li", birth_date="1970-10-10", nationality="CN"),
    ]
    assert resolve_persons(records).persons == 4
