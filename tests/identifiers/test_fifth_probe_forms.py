"""Fifth probe of identifiers as people in the ten countries write them: banks by their names in
Thai, Vietnamese, Khmer, Lao and Burmese and by local abbreviations, block-explorer links, and
an e-mail address kept as DESIGN.md's canonical form says."""

from __future__ import annotations

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # each of these was refused as "names an unknown bank"
        ("Nông nghiệp 1500201234567", "VN", "VN:VBAA:1500201234567"),
        ("NHNo&PTNT 1500201234567", "VN", "VN:VBAA:1500201234567"),
        ("VPB 123456789", "VN", "VN:VPBK:123456789"),
        ("Quốc tế 123456789012", "VN", "VN:VNIB:123456789012"),
        ("ธนชาต 1234567890", "TH", "TH:TMBK:1234567890"),
        ("ยูโอบี 1234567890", "TH", "TH:UOVB:1234567890"),
        ("ซีไอเอ็มบี 1234567890", "TH", "TH:UBOB:1234567890"),
        ("ธนาคารอิสลามแห่งประเทศไทย 1234567890", "TH", "TH:XIBT:1234567890"),
        ("iBank 1234567890", "TH", "TH:XIBT:1234567890"),
        ("ធនាគារ វីង 12345678", "KH", "KH:WBKH:12345678"),
        ("ព្រីនស៍ 1234567890", "KH", "KH:XPRI:1234567890"),
        ("Vattanac 1234567890", "KH", "KH:XVAT:1234567890"),
        ("វឌ្ឍនៈ 1234567890", "KH", "KH:XVAT:1234567890"),
        ("ທະນາຄານສົ່ງເສີມກະສິກຳ 0201234567890", "LA", "LA:XAPB:0201234567890"),
        ("ທະນາຄານຮ່ວມພັດທະນາ 0201234567890", "LA", "LA:XJDB:0201234567890"),
        ("Lao-Viet Bank 0201234567890", "LA", "LA:XLVB:0201234567890"),
        ("LVB 0201234567890", "LA", "LA:XLVB:0201234567890"),
        ("ST Bank 0201234567890", "LA", "LA:XSTB:0201234567890"),
        ("BFL 0201234567890", "LA", "LA:XBFL:0201234567890"),
        ("MEB 0123456789012", "MM", "MM:XMEB:0123456789012"),
        ("မြန်မာ့စီးပွားရေးဘဏ် 0123456789012", "MM", "MM:XMEB:0123456789012"),
        ("MOB 0123456789012", "MM", "MM:XMOB:0123456789012"),
        ("စီဘီဘဏ် 0123456789012345", "MM", "MM:CPOB:0123456789012345"),
    ],
)
def test_banks_by_their_local_names(raw: str, country: str, expected: str) -> None:
    result = canonicalize("bank_account", raw, country=country)
    assert result.value == expected
    assert canonicalize(result.kind, result.value, country=result.country) == result


def test_sacombank_keeps_its_abbreviation() -> None:
    # STB is Sacombank; Laos's ST Bank is not given it, so an STB account is not ambiguous.
    assert canonicalize("bank_account", "STB 060123456789").value == "VN:SGTT:060123456789"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # e-wallets named in Burmese and Khmer script were "names none known"
        ("ကေပေး 09425012345", "MM", "kbzpay:+959425012345"),
        ("ဝေ့ပေး 09 425 012 345", "MM", "wavepay:+959425012345"),
        ("Wave 09425012345", "MM", "wavepay:+959425012345"),
        ("វីង 012 345 678", "KH", "wing:+85512345678"),
    ],
)
def test_e_wallets_by_their_local_names(raw: str, country: str, expected: str) -> None:
    assert canonicalize("ewallet", raw, country=country).value == expected


def test_wing_in_khmer_is_the_wallet_unless_the_bank_is_named() -> None:
    # As in Latin letters: "Wing" is the wallet, "Wing Bank" the bank.
    with pytest.raises(InvalidIdentifier, match="an e-wallet, not a bank"):
        canonicalize("bank_account", "វីង 12345678", country="KH")


ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a BscScan link gave eth:, while "BEP20 0x..." gave bsc: one wallet, two values
        (f"https://bscscan.com/address/{ADDRESS}", f"bsc:{ADDRESS}"),
        (f"BEP20 {ADDRESS}", f"bsc:{ADDRESS}"),
        (f"https://polygonscan.com/address/{ADDRESS.lower()}", f"polygon:{ADDRESS}"),
        (f"https://optimistic.etherscan.io/address/{ADDRESS}", f"optimism:{ADDRESS}"),
        (f"https://basescan.org/address/{ADDRESS}", f"base:{ADDRESS}"),
        (f"https://snowtrace.io/address/{ADDRESS}", f"avalanche:{ADDRESS}"),
        (f"https://etherscan.io/address/{ADDRESS}", f"eth:{ADDRESS}"),
        # a fragment after the address was glued to it: "has no wallet address in it"
        (f"https://arbiscan.io/address/{ADDRESS}#tokentxns", f"arbitrum:{ADDRESS}"),
        # a token page for one holder: the holder, not the token's contract
        (
            "https://bscscan.com/token/0x55d398326f99059ff775485246999027b3197955"
            f"?a={ADDRESS.lower()}",
            f"bsc:{ADDRESS}",
        ),
        (
            "https://etherscan.io/token/0xdac17f958d2ee523a2206206994597c13d831ec7"
            f"?a={ADDRESS}#balances",
            f"eth:{ADDRESS}",
        ),
        (
            "https://tronscan.org/#/address/TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        ),
    ],
)
def test_block_explorer_links_name_their_chain(raw: str, expected: str) -> None:
    result = canonicalize("crypto_wallet", raw)
    assert f"{result.value}" == expected
    assert canonicalize(result.kind, result.value) == result


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("J.O.H.N.DOE@GMAIL.COM", "j.o.h.n.doe@gmail.com"),
        (" John.Doe+shop@Gmail.com ", "john.doe+shop@gmail.com"),
        ("John.Doe+promo@Outlook.com", "john.doe+promo@outlook.com"),
    ],
)
def test_an_address_is_lower_cased_and_trimmed_as_design_md_says(raw: str, expected: str) -> None:
    # Gmail's dots and any provider's +tag are kept: DESIGN.md's canonical email is the
    # address lower-cased and trimmed, and stored values and other parts rely on that form.
    assert canonicalize("email", raw).value == expected


def test_a_gmail_address_of_dots_alone_is_still_refused() -> None:
    with pytest.raises(InvalidIdentifier):
        canonicalize("email", ".@gmail.com")


@pytest.mark.parametrize(
    ("raw", "platform"), [("Skype: live:scamboss", "Skype"), ("Threads: @x1y2", "Threads")]
)
def test_a_platform_outside_the_reference_is_named_in_the_reason(raw: str, platform: str) -> None:
    # The reason said the value "does not say which platform it is on", though it did.
    with pytest.raises(InvalidIdentifier, match=f"names '{platform}', which is not a platform"):
        canonicalize("handle", raw)


@pytest.mark.parametrize("raw", ["@scam_admin", "ID: scamboss", "Contact: scamboss"])
def test_a_handle_without_a_platform_still_asks_for_one(raw: str) -> None:
    with pytest.raises(InvalidIdentifier, match="does not say which platform"):
        canonicalize("handle", raw)
