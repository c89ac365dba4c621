"""A broken reference file is refused with an error naming the file and the problem."""

import shutil
from pathlib import Path

import pytest

from counterscam.reference import ReferenceDataError, load_all
from counterscam.reference._files import DATA_DIR
from counterscam.reference.compounds import check_compounds_file


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for path in DATA_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_packaged_data_loads(data: Path) -> None:
    assert len(load_all(data).countries) >= 10


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "banks.yaml",
            "{code: CIBB, label: CIMB Bank",
            "{code: MBBE, label: CIMB Bank",
            "duplicate bank code in MY 'MBBE'",
        ),
        ("banks.yaml", "  MY:\n", "  ZZ:\n", "unknown country 'ZZ'"),
        (
            "banks.yaml",
            "aliases: [CIMB, CIMB Clicks",
            "aliases: [Maybank, CIMB Clicks",
            "alias 'Maybank' is also used by 'MBBE'",
        ),
        ("banks.yaml", "{code: BIBD, label: BIBD", "{code: XBID, label: BIBD", "X codes"),
        ("banks.yaml", "account_length: [12, 12]}", "account_length: [12, 2]}", "account_length"),
        (
            "ewallets.yaml",
            "countries: [PH], account: phone, aliases: [GCash",
            "countries: [XX], account: phone, aliases: [GCash",
            "unknown country 'XX'",
        ),
        ("ewallets.yaml", "{code: maya,", "{code: gcash,", "duplicate provider code 'gcash'"),
        (
            "ewallets.yaml",
            "or_id, id_format: name@bank",
            "or_id, id_format: bank",
            "id_format 'bank'",
        ),
        ("countries.yaml", "{code: KH,", "{code: BN,", "duplicate country code 'BN'"),
        ("countries.yaml", "version: 3", "version: one", "`version` must be a whole number"),
        ("countries.yaml", "written: [Burma,", "written: [Vietnam,", "country name 'vietnam'"),
        ("countries.yaml", "alpha3: KHM,", "alpha3: BRN,", "duplicate country alpha3 code 'BRN'"),
        ("countries.yaml", "alpha3: KHM,", "alpha3: KH,", "ISO 3166-1 alpha-3"),
        ("countries.yaml", "alpha3: KHM,", "alpha3: khm,", "ISO 3166-1 alpha-3"),
        ("countries.yaml", "alpha3: KHM, ", "", "alpha3"),
        # A name that is another country's alpha-3 would read as either country.
        (
            "countries.yaml",
            "written: [Kingdom of Cambodia,",
            "written: [MMR,",
            "country name 'mmr'",
        ),
        ("crypto_chains.yaml", "family: evm", "family: cosmos", "family 'cosmos'"),
        (
            "platforms.yaml",
            "hosts: [x.com, twitter.com]",
            "hosts: [x.com, t.me]",
            "duplicate platform host 't.me'",
        ),
        ("marks.yaml", "rank: 4", "rank: 1", "ranks must be distinct"),
        (
            "sighting_roles.yaml",
            "evidence_of_operator: false}",
            "evidence_of_operator: maybe}",
            "true or false",
        ),
        ("fx_rates.yaml", "MYR: 0.232558,", "", "must list exactly the `currencies`"),
        ("fx_rates.yaml", "MYR: 0.232558,", "MYR: -1,", "must be above zero"),
        ("fx_rates.yaml", "decimals: {MYR: 2, ", "decimals: {", "`decimals` must list exactly"),
        ("fx_rates.yaml", "JPY: 0, KRW: 0,", "JPY: 0.5, KRW: 0,", "JPY must be a whole number"),
        ("fx_rates.yaml", "USD: 2, USDT: 2,", "USD: 9, USDT: 2,", "from 0 to 4"),
        ("countries.yaml", "currency: PGK", "currency: XPG", "has no rates"),
        ("demographics.yaml", "min_age: 25, max_age: 34", "min_age: 20, max_age: 34", "overlap"),
        ("scam_types.yaml", "- {code: loan,", "- {code: phishing,", "duplicate code 'phishing'"),
        ("shared_domains.yaml", "bit.ly,", "Bit.ly,", "not a lower-case domain"),
        ("channels.yaml", "items:", "things:", "`items` must be a non-empty list"),
        ("demographics.yaml", 'code: "18_24"', "code: 18_24", "read as a number"),
        ("demographics.yaml", "written: [M, man,", "written: [F, man,", "written form 'f'"),
    ],
)
def test_broken_files_are_refused(data: Path, name: str, old: str, new: str, message: str) -> None:
    _edit(data / name, old, new)
    with pytest.raises(ReferenceDataError) as info:
        load_all(data)
    assert name in str(info.value)
    assert message in str(info.value)


def test_missing_and_invalid_yaml(data: Path) -> None:
    (data / "banks.yaml").unlink()
    with pytest.raises(ReferenceDataError, match="banks.yaml: cannot read"):
        load_all(data)
    (data / "banks.yaml").write_text("banks: [unclosed", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="not valid YAML"):
        load_all(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # It said "`version` must be a whole number of 1 or more" of a file with no version.
        (
            "compounds:\n  - {name: Test Park, country: MM}\n",
            "ours.yaml: the file has no `version:` line; add `version: 1` at the top",
        ),
        ("version: 0\ncompounds: []\n", "must be a whole number of 1 or more, not 0"),
        ("", "ours.yaml: the file is empty; it must start with `version: 1`"),
        ("- Test Park\n", "the file holds no keys and values; it must start with `version: 1`"),
    ],
)
def test_a_compounds_file_without_a_version_is_told_to_add_one(
    tmp_path: Path, text: str, message: str
) -> None:
    ours = tmp_path / "ours.yaml"
    ours.write_text(text, encoding="utf-8")
    with pytest.raises(ReferenceDataError) as info:
        check_compounds_file(ours)
    assert message in str(info.value)


def test_a_bundled_file_without_a_version_says_which_line_to_add(data: Path) -> None:
    _edit(data / "countries.yaml", "version: 3\n", "")
    with pytest.raises(ReferenceDataError, match="countries.yaml: the file has no `version:` line"):
        load_all(data)
