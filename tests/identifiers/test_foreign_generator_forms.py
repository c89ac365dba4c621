"""Identifiers as another generator's national centres wrote them, and the reasons they read."""

from __future__ import annotations

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize


def reason(kind: str, raw: str, country: str, qualifier: str | None = None) -> str:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize(kind, raw, country=country, qualifier=qualifier)
    return info.value.reason


@pytest.mark.parametrize(
    ("raw", "qualifier"),
    [
        ("BCEL One 020 2313 4422", None),
        ("BCEL One +856 20 2313 4422", None),
        ("+8562023134422", "BCEL One"),
        ("020-23-134-422", "BCEL One"),
    ],
)
def test_a_bcel_one_mobile_is_one_account_however_written(raw: str, qualifier: str | None) -> None:
    # The national form was kept as the ID "02023134422" and the international one refused
    # as "not a phone number or an ID": one payee, two answers.
    found = canonicalize("ewallet", raw, country="LA", qualifier=qualifier)
    assert found.value == "bcelone:+8562023134422"


def test_a_bcel_account_number_given_for_bcel_one_stays_its_number() -> None:
    found = canonicalize("ewallet", "BCEL One 010-12-00-01234567-001", country="LA")
    assert found.value == "bcelone:010120001234567001"


@pytest.mark.parametrize(
    ("raw", "country", "qualifier", "bank"),
    [
        ("712 3456", "BN", "BIBD", "BIBD"),
        ("000 123 456", "KH", "ABA Pay", "ABA Pay"),
        ("ABA Pay 000 123 456", "KH", None, "ABA Pay"),
    ],
)
def test_a_bank_named_as_the_e_wallet_says_it_is_a_bank_in_either_column(
    raw: str, country: str, qualifier: str | None, bank: str
) -> None:
    # In the qualifier column it read "unknown e-wallet 'BIBD'; use a known one, like GCash".
    assert f"names {bank!r}, a bank, not an e-wallet; enter it as a bank account" in reason(
        "ewallet", raw, country, qualifier
    )


def test_an_unknown_wallet_is_named_and_the_country_s_wallets_come_first() -> None:
    why = reason("ewallet", "Pocket 712 3456", "BN")
    assert "'Pocket' names none known" in why
    assert "like Progresif Pay," in why
    why = reason("ewallet", "012 345 678", "KH", "Acme Pay")
    assert "unknown e-wallet 'Acme Pay'; use a known one, like Wing," in why


def test_a_wallet_missing_from_the_reference_is_named_not_called_unnamed() -> None:
    # "VNPay 0901234567" was told it "does not say which e-wallet" (VNPAY is in the reference
    # now: the wallet here is a made-up one; "Timo Pay" was, until Timo joined the banks).
    why = reason("ewallet", "Quokka Pay 0901234567", "VN")
    assert "'Quokka Pay' names none known; use a known one, like GrabPay, ShopeePay, MoMo," in why


@pytest.mark.parametrize(
    "raw", ["VNPAY 034 432 53 23", "Ví VNPAY 0344325323", "vnpay:+84344325323"]
)
def test_vnpay_is_viet_nams_wallet(raw: str) -> None:
    assert canonicalize("ewallet", raw, country="VN").value == "vnpay:+84344325323"


@pytest.mark.parametrize(
    ("raw", "qualifier"), [("Facebook: Juan Dela Cruz", None), ("Juan Dela Cruz", "Facebook")]
)
def test_a_profile_s_display_name_is_refused_saying_what_to_give(
    raw: str, qualifier: str | None
) -> None:
    why = reason("handle", raw, "PH", qualifier)
    assert "looks like the name a Facebook profile shows, which many accounts share" in why
    assert "give the username or the profile link" in why
