"""The packaged reference data and its look-ups."""

from datetime import date
from decimal import Decimal

import pytest

from counterscam import reference as ref
from counterscam.reference import normalize_name


def test_ten_members_and_their_partners() -> None:
    assert set(ref.member_codes()) == {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"}
    assert ref.country("my").label == "Malaysia"
    assert ref.country("MY").calling_code == "60"
    assert not ref.country("TL").member
    with pytest.raises(KeyError, match="unknown country"):
        ref.country("EU")


def test_every_member_has_banks_and_wallets() -> None:
    for code in ref.member_codes():
        assert ref.banks(code), code
        assert ref.ewallet_providers(code), code
    assert not any(bank.iban for bank in ref.banks())


@pytest.mark.parametrize("bank", ref.banks(), ids=lambda b: f"{b.country}-{b.code}")
def test_every_bank_alias_resolves_to_its_bank(bank: ref.Bank) -> None:
    for alias in bank.aliases:
        assert ref.find_bank(alias, bank.country) == bank, alias
        assert ref.find_bank(alias.upper().replace(" ", "-"), bank.country) == bank, alias
    if bank.bic:
        assert ref.find_bank(f"{bank.code}{bank.country}XX", None) == bank
        assert ref.find_bank(f"{bank.code}{bank.country}XXXXX") == bank


@pytest.mark.parametrize(
    ("text", "country", "code"),
    [
        ("Maybank", "MY", "MBBE"),
        ("M2U", None, "MBBE"),
        ("malayan banking", None, "MBBE"),
        ("K-Bank", None, "KASI"),
        ("kbank", None, "KASI"),
        ("SCB", "TH", "SICO"),
        ("Siam Commercial", None, "SICO"),
        ("SCB", "MY", "SCBL"),
        ("POSB", None, "DBSS"),
        ("MBBEMYKL", None, "MBBE"),
        ("MBBE MY KL XXX", None, "MBBE"),
        ("KASITHBK", "MY", "KASI"),
        ("CIMB", "ID", "BNIA"),
    ],
)
def test_find_bank(text: str, country: str | None, code: str) -> None:
    found = ref.find_bank(text, country)
    assert found is not None and found.code == code


def test_ambiguous_or_unknown_banks() -> None:
    assert ref.find_bank("Maybank") is None
    assert {b.country for b in ref.find_banks("Maybank")} >= {"MY", "SG", "PH"}
    assert ref.find_bank("No Such Bank", "MY") is None
    assert all(b.code.startswith("X") for b in ref.banks() if not b.bic)


@pytest.mark.parametrize(
    ("text", "country", "code"),
    [
        ("GCash", None, "gcash"),
        ("PayMaya", None, "maya"),
        ("Touch 'n Go", None, "tng"),
        ("TNG eWallet", None, "tng"),
        ("TrueMoney", "TH", "truemoney"),
        ("TrueMoney", "KH", "truemoney_kh"),
        ("DuitNow", None, "duitnow"),
        ("grab pay", "SG", "grabpay"),
    ],
)
def test_find_ewallet(text: str, country: str | None, code: str) -> None:
    found = ref.find_ewallet(text, country)
    assert found is not None and found.code == code
    assert ref.find_ewallet("TrueMoney") is None  # two countries: ambiguous without one


def test_ewallet_kinds() -> None:
    proxies = {p.code for p in ref.ewallet_providers() if p.kind == "proxy"}
    assert {"paynow", "promptpay", "duitnow"} <= proxies
    assert ref.ewallet("gcash") is not None and ref.ewallet("gcash").phone_based  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("TRC20", "tron"),
        ("TRC-20", "tron"),
        ("USDT-TRC20", "tron"),
        ("ERC20", "eth"),
        ("BEP20", "bsc"),
        ("matic", "polygon"),
        ("Bitcoin", "btc"),
        ("LTC", "ltc"),
        ("SOL", "sol"),
    ],
)
def test_find_chain(text: str, code: str) -> None:
    chain = ref.find_chain(text)
    assert chain is not None and chain.code == code


def test_platforms_and_hosts() -> None:
    assert {p.code for p in ref.platforms()} >= {"telegram", "whatsapp", "line", "zalo", "x"}
    assert ref.find_platform("TG").code == "telegram"  # type: ignore[union-attr]
    assert ref.find_platform("Twitter").code == "x"  # type: ignore[union-attr]
    assert ref.platform_for_host("t.me").code == "telegram"  # type: ignore[union-attr]
    assert ref.platform_for_host("M.Facebook.com.").code == "facebook"  # type: ignore[union-attr]
    assert ref.platform_for_host("example.com") is None


def test_shared_platform_domains() -> None:
    assert ref.is_shared_platform_domain("facebook.com")
    assert ref.is_shared_platform_domain("docs.google.com")
    assert ref.is_shared_platform_domain("m.facebook.com")
    assert not ref.is_shared_platform_domain("my-shop.blogspot.com")
    assert not ref.is_shared_platform_domain("facebook-login.com")
    assert ref.registered_domain("a.b.example.co.th") == "example.co.th"


def test_vocabularies() -> None:
    assert len(ref.crime_areas()) == 10
    assert [m.code for m in ref.marks()] == ["clear", "green", "amber", "amber+strict", "red"]
    roles = {r.code: r.evidence_of_operator for r in ref.sighting_roles()}
    assert roles["caller"] and not roles["victim_account"] and not roles["earlier_scam"]
    assert not roles["impersonated_entity"]
    assert {"recovery", "romance", "job_task", "impersonation_official"} <= {
        t.code for t in ref.scam_types()
    }
    assert "dating_app" in {c.code for c in ref.channels()}
    assert {"suspect", "mule", "victim_of_trafficking"} <= {r.code for r in ref.party_roles()}
    assert "compound" in {k.code for k in ref.place_kinds()}
    assert ref.age_bands()[0].min_age == 0
    assert "unknown" in {g.code for g in ref.genders()}


def test_fx_rates() -> None:
    assert ref.fx_rate("USD", date(2024, 6, 1)) == 1
    assert ref.fx_rate("usdt", date(2025, 1, 1)) == 1
    rate = ref.fx_rate("MYR", date(2024, 4, 15))
    assert Decimal("0.19") < rate < Decimal("0.25")
    assert rate == ref.fx_rate("MYR", date(2024, 4, 1))
    # Before the table: the earliest month; after it: the latest.
    assert ref.fx_rate("THB", date(2019, 1, 1)) == ref.fx_rate("THB", date(2023, 1, 31))
    assert ref.fx_rate("THB", date(2030, 1, 1)) == ref.fx_rate("THB", date(2026, 12, 1))
    assert ref.to_usd(1000, "USD", date(2024, 1, 1)) == Decimal("1000.00")
    assert ref.to_usd("1000000", "VND", date(2024, 1, 1)) < Decimal("45")
    with pytest.raises(ref.UnknownCurrencyError, match="unknown currency 'XYZ'"):
        ref.fx_rate("XYZ", date(2024, 1, 1))
    with pytest.raises(ValueError, match="not a number"):
        ref.to_usd("ten", "USD", date(2024, 1, 1))


def test_every_country_currency_has_rates() -> None:
    table = ref.reference().fx
    assert len(table.months) == 48
    for country in ref.countries():
        assert ref.fx_rate(country.currency, date(2025, 6, 1)) > 0


def test_every_currency_has_the_decimals_it_is_written_with() -> None:
    # ISO 4217 minor units, but rupiah, riel, kip and kyat are never written with cents.
    whole = {"VND", "JPY", "KRW", "IDR", "KHR", "LAK", "MMK"}
    for currency in ref.reference().fx.currencies:
        assert ref.shown_decimals(currency) == (0 if currency in whole else 2), currency
    assert ref.shown_decimals(" vnd ") == 0
    with pytest.raises(ref.UnknownCurrencyError, match="unknown currency 'XYZ'"):
        ref.shown_decimals("XYZ")


def test_normalize_name() -> None:
    assert normalize_name("Touch 'n Go") == normalize_name("touch n go") == "touchngo"
    assert normalize_name("K-Bank") == "kbank"


def test_the_day_of_a_rate_is_the_month_the_table_has() -> None:
    table = ref.reference().fx
    assert table.rate_day(date(2024, 4, 15)) == date(2024, 4, 15)
    # Outside the table a stand-in month's rate is used: its day is that month's first.
    assert table.rate_day(date(2019, 1, 1)) == date(*table.months[0], 1)
    assert table.rate_day(date(2030, 1, 1)) == date(*table.months[-1], 1)
