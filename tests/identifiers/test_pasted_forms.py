"""Identifiers as people paste them: hidden IPv4 hosts, holders' names, payment proxies."""

import ipaddress

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.identifiers import Canonical, InvalidIdentifier, canonicalize, guess_kind
from counterscam.identifiers.shared import local_network

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reason(kind: str, raw: str, country: str | None = None) -> str:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize(kind, raw, country=country)
    return info.value.reason


# -- URLs whose host is an IPv4 address written the other ways browsers read ------------------

HIDDEN_HOSTS = [
    ("http://3232235777/login", "http://192.168.1.1/login"),
    ("http://0xC0A80101/x", "http://192.168.1.1/x"),
    ("http://0300.0250.1.1/", "http://192.168.1.1/"),
    ("http://192.168.257/", "http://192.168.1.1/"),
    ("http://192.11010305/", "http://192.168.1.1/"),
    ("http://0xc0.0xa8.0x1.0x1/a?b=C", "http://192.168.1.1/a?b=C"),
    ("HTTP://0XC0A80101:8080/", "http://192.168.1.1:8080/"),
    ("hxxps://user@3232235777[/]x", "https://192.168.1.1/x"),
    ("http://192.168.1.1./a", "http://192.168.1.1/a"),
    ("http://0x/", "http://0.0.0.0/"),
    ("http://010.1.1.1/", "http://8.1.1.1/"),  # what the browser visits: 010 is octal to it
    ("3232235777/login", "https://192.168.1.1/login"),
    ("//0xC0A80101/x", "https://192.168.1.1/x"),
]


@pytest.mark.parametrize(("raw", "expected"), HIDDEN_HOSTS)
def test_hidden_ipv4_hosts_are_the_dotted_address_a_browser_visits(raw: str, expected: str) -> None:
    result = canonicalize("url", raw)
    dotted = expected.split("/")[2].split(":")[0]
    assert (result.kind, result.value) == ("url", expected)
    # Every host here but 8.1.1.1 is a private (192.168.x) or unspecified (0.0.0.0) address,
    # which many unrelated networks use: shared, it links no reports.
    local = dotted != "8.1.1.1"
    assert result.related == (Canonical("ip", dotted, None, shared_platform=local),)
    assert canonicalize("url", expected) == result  # as the dotted form already was


def _as_browsers_read(address: int, parts: int, radixes: list[int]) -> str:
    """Write ``address`` in ``parts`` numbers (the last one fills the rest), each in a radix."""
    numbers = [(address >> (8 * (3 - i))) & 0xFF for i in range(parts - 1)]
    numbers.append(address & (256 ** (5 - parts) - 1))
    written = []
    for number, radix in zip(numbers, radixes, strict=False):
        if radix == 16:
            written.append(hex(number).upper().replace("0X", "0x"))
        elif radix == 8:
            written.append("0" + oct(number)[2:])
        else:
            written.append(str(number))
    return ".".join(written)


@FAST
@given(
    address=st.integers(0, 2**32 - 1),
    parts=st.integers(1, 4),
    radixes=st.lists(st.sampled_from([8, 10, 16]), min_size=4, max_size=4),
    path=st.sampled_from(["/", "/login", "/a/b?c=D"]),
)
def test_every_form_of_an_address_gives_the_dotted_url(
    address: int, parts: int, radixes: list[int], path: str
) -> None:
    host = _as_browsers_read(address, parts, radixes)
    dotted = str(ipaddress.IPv4Address(address))
    result = canonicalize("url", f"http://{host}{path}")
    assert result.value == f"http://{dotted}{path}"
    # A private or local address is shared (test_ninth_probe_forms): the flag goes with it.
    ip = Canonical("ip", dotted, None, shared_platform=local_network(dotted) is not None)
    assert result.related == (ip,)
    assert canonicalize("ip", f"http://{host}{path}").value == dotted
    assert canonicalize("domain", f"http://{host}{path}") == ip


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("http://4294967296/", "4294967296 is more than 4294967295 (255.255.255.255)"),
        ("http://0x100000000/", "0x100000000 (4294967296) is more than 4294967295"),
        ("http://192.168.1.256/", "256 is more than 255"),
        ("http://0x100.1.1.1/", "0x100 (256) is more than 255"),
        ("http://192.168.65536/", "65536 is more than 65535"),
        ("http://1.2.3.4.5/", "it has 5 numbers and an address has four"),
        ("http://example.123/", "domain ending"),  # not a number: a host name, and a bad one
    ],
)
def test_out_of_range_hosts_say_which_number(raw: str, fragment: str) -> None:
    assert fragment in reason("url", raw)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("3232235777", "looks like the IP address 192.168.1.1 written as one number"),
        ("0xC0A80101", "write http://192.168.1.1/ if that is what was meant"),
        ("192.168.257", "written with three numbers instead of four"),
    ],
)
def test_a_bare_number_in_a_url_field_is_not_taken_as_an_address(raw: str, fragment: str) -> None:
    # Without a scheme or a path it is more likely a phone or account number.
    assert fragment in reason("url", raw)


# -- the ip kind keeps refusing numbers, but says what they would be --------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "3232235777",
            "'3232235777' is not an IP address as written; it looks like 192.168.1.1 written as "
            "one number; write 192.168.1.1 if that is what was meant",
        ),
        (
            "0xC0A80101",
            "'0xC0A80101' is not an IP address as written; it looks like 192.168.1.1 written as "
            "one number; write 192.168.1.1 if that is what was meant",
        ),
    ],
)
def test_an_ip_written_as_one_number_is_refused_with_the_address(raw: str, expected: str) -> None:
    assert reason("ip", raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("0xC0.0xA8.1.1", "looks like 192.168.1.1 written with hexadecimal numbers"),
        ("0300.0250.1.1", "looks like 192.168.1.1 written with octal numbers"),
        ("010.1.1.1", "010.1.1.1 is 8.1.1.1 to them and 10.1.1.1 to others"),
        ("4294967296", "four numbers from 0 to 255"),  # no address at all: the plain advice
    ],
)
def test_other_ip_forms_say_both_readings(raw: str, fragment: str) -> None:
    assert fragment in reason("ip", raw)


def test_an_ip_or_domain_pasted_as_a_link_is_its_host_as_browsers_read_it() -> None:
    assert canonicalize("ip", "http://3232235777/login").value == "192.168.1.1"
    local = Canonical("ip", "192.168.1.1", None, shared_platform=True)
    assert canonicalize("domain", "hxxp://0xC0A80101/x") == local


# -- bank accounts copied from a transfer slip with the holder's name -------------------------

SLIPS = [
    ("VCB 0011001234567 NGUYEN VAN A", "VN", "VN:BFTV:0011001234567"),
    ("Maybank 1234-5678-9012 (Ali bin Abu)", "MY", "MY:MBBE:123456789012"),
    ("BCA 1234567890 a.n. Budi Santoso", "ID", "ID:CENA:1234567890"),
    ("KBank 123-4-56789-0 นายสมชาย ใจดี", "TH", "TH:KASI:1234567890"),
    ("BDO 001234567890 - Juan Dela Cruz", "PH", "PH:BNOR:001234567890"),
    ("Vietcombank STK 0011001234567 Chủ TK: NGUYỄN VĂN A", "VN", "VN:BFTV:0011001234567"),
    ("BCA VA 3901 0812 3456 7890 a.n. Toko Maju", "ID", "ID:CENA:3901081234567890"),
    ("BNI 46 0123456789 Budi", "ID", "ID:BNIN:0123456789"),
    ("MBBEMYKL 5140 1234 5678 Ahmad", None, "MY:MBBE:514012345678"),
]


@pytest.mark.parametrize(("raw", "country", "expected"), SLIPS)
def test_the_holders_name_after_the_number_is_not_part_of_the_account(
    raw: str, country: str | None, expected: str
) -> None:
    result = canonicalize("bank_account", raw, country=country)
    assert (result.kind, result.value) == ("bank_account", expected)


NAME_WORDS = ["NGUYEN", "Van", "Ali", "bin", "Abu", "Budi", "Santoso", "สมชาย", "ใจดี", "Cruz"]


@FAST
@given(
    words=st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=4),
    marker=st.sampled_from(["", "a.n. ", "- ", "Name: ", "ชื่อบัญชี "]),
    brackets=st.booleans(),
    bank=st.sampled_from(["Maybank", "M2U", "MBBEMYKL", "Malayan Banking Berhad acct no."]),
)
def test_any_holders_name_gives_the_account_alone(
    words: list[str], marker: str, brackets: bool, bank: str
) -> None:
    holder = marker + " ".join(words)
    holder = f"({holder})" if brackets else holder
    raw = f"{bank} 5140-1234-5678 {holder}"
    assert canonicalize("bank_account", raw, country="MY").value == "MY:MBBE:514012345678"


@pytest.mark.parametrize(
    ("raw", "country", "fragment"),
    [
        # An unknown bank is named alone, never mixed with the holder's name.
        ("XYZ Bank 0011001234567 NGUYEN VAN A", "VN", "names an unknown bank 'XYZ Bank';"),
        ("Bank Foo 1234567890 a.n. Budi Santoso", "ID", "names an unknown bank 'Bank Foo';"),
        # A known bank before the name still checks the number.
        ("Maybank 1234 Ali bin Abu", "MY", "has 4 digits; a Maybank account number has 12"),
        ("Maybank 514012345678 Ali", None, "several countries"),
        # Words after the number that name a bank or hold digits are no holder's name.
        ("Maybank 514012345678 CIMB", "MY", "unknown bank 'Maybank CIMB'"),
        ("Maybank 514012345678 Ali 0123", "MY", "'Maybank Ali 0123', which is not a known"),
    ],
)
def test_slip_errors_name_what_is_wrong(raw: str, country: str | None, fragment: str) -> None:
    assert fragment in reason("bank_account", raw, country)


def test_an_unknown_bank_error_does_not_carry_the_holders_name() -> None:
    why = reason("bank_account", "VCBX 0011001234567 NGUYEN VAN A", "VN")
    assert why.count("NGUYEN") == 1  # in the value shown, not in what is called a bank


# -- payment proxies given as bank accounts ---------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "country", "qualifier", "expected"),
    [
        ("PromptPay 0812345678", "TH", None, "promptpay:+66812345678"),
        ("PromptPay 081-234-5678", "MY", None, "promptpay:+66812345678"),
        ("พร้อมเพย์ 0812345678", None, None, "promptpay:+66812345678"),
        ("0812345678", "TH", "PromptPay", "promptpay:+66812345678"),
        ("PayNow 9123 4567", None, None, "paynow:+6591234567"),
        ("PayNow UEN 201912345K", "SG", None, "paynow:201912345K"),
        ("DuitNow 012-345 6789", "MY", None, "duitnow:+60123456789"),
    ],
)
def test_a_payment_proxy_given_as_a_bank_account_is_the_ewallet_it_is(
    raw: str, country: str | None, qualifier: str | None, expected: str
) -> None:
    result = canonicalize("bank_account", raw, country=country, qualifier=qualifier)
    assert (result.kind, result.value) == ("ewallet", expected)
    assert result == canonicalize("ewallet", raw, country=country, qualifier=qualifier)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("GCash 0917 123 4567", "names GCash, an e-wallet, not a bank; enter it as kind ewallet"),
        ("PromptPay 12", "(PromptPay is a payment proxy, read as kind ewallet)"),
    ],
)
def test_ewallets_given_as_bank_accounts_are_refused_with_the_kind(raw: str, fragment: str) -> None:
    assert fragment in reason("bank_account", raw, "TH")


# -- what `counterscam canon` prints ----------------------------------------------------------

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (["url", "http://0xC0A80101/x"], ["http://192.168.1.1/x", "ip: 192.168.1.1"]),
        (["ip", "http://3232235777/"], ["192.168.1.1"]),
        (
            ["bank_account", "BCA 1234567890 a.n. Budi Santoso", "--country", "ID"],
            ["ID:CENA:1234567890"],
        ),
        (["bank_account", "PromptPay 0812345678", "--country", "TH"], ["promptpay:+66812345678"]),
    ],
)
def test_canon_prints_the_forms_a_check_looks_up(args: list[str], lines: list[str]) -> None:
    result = runner.invoke(app, ["canon", *args])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == lines


def test_canon_prints_the_hint_for_an_ip_written_as_one_number() -> None:
    result = runner.invoke(app, ["canon", "ip", "3232235777"])
    assert result.exit_code == 1
    assert "looks like 192.168.1.1 written as one number" in result.stderr


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Maybank Malaysia 514012345678", "MY:MBBE:514012345678"),
        ("Maybank 514012345678 Malaysia", "MY:MBBE:514012345678"),
        ("Maybank (Malaysia) 5140-1234-5678", "MY:MBBE:514012345678"),
        ("Bangkok Bank 123-4-56789-0 Thailand", "TH:BKKB:1234567890"),
        ("Vietcombank Viet Nam 0011001234567", "VN:BFTV:0011001234567"),
    ],
)
def test_a_bank_written_with_its_country_is_that_countrys_bank(raw: str, expected: str) -> None:
    assert canonicalize("bank_account", raw, country="MY").value == expected


def test_a_country_beside_a_bank_it_has_no_branch_of_is_not_guessed_away() -> None:
    # Read with the country left out, this would be Maybank in Malaysia: another bank.
    with pytest.raises(InvalidIdentifier, match="unknown bank"):
        canonicalize("bank_account", "Maybank Laos 514012345678", country="MY")


@pytest.mark.parametrize(
    ("raw", "expected", "ip"),
    [
        ("http://%6d%61ybank2u.com.my/login", "http://maybank2u.com.my/login", None),
        ("http://%4D%41YBANK2U.com.my/", "http://maybank2u.com.my/", None),
        ("http://%31%39%32.168.1.1/x", "http://192.168.1.1/x", "192.168.1.1"),
    ],
)
def test_a_percent_encoded_host_is_the_host_a_browser_visits(
    raw: str, expected: str, ip: str | None
) -> None:
    found = canonicalize("url", raw)
    assert found.value == expected
    assert [r.value for r in found.related if r.kind == "ip"] == ([ip] if ip else [])


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("http://%ff.com/", "not UTF-8 text"),
        ("http://ex%2Fample.com/", "decodes to 'ex/ample.com'"),
    ],
)
def test_a_percent_encoded_host_no_browser_can_visit_is_refused(raw: str, why: str) -> None:
    assert why in reason("url", raw)


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("KBank 123 4567890123", "TH"),
        ("Maybank 1 5140 1234 5678", "MY"),
        ("VCB 0011 0012 3456 7890 1234", "VN"),
    ],
)
def test_a_mistyped_account_keeps_its_digits_and_is_refused(raw: str, country: str) -> None:
    # A leading digit group is read as part of the bank only when it names that bank.
    assert "digits" in reason("bank_account", raw, country)


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Anh Thai 0912 345 678", "VN", "+84912345678"),  # Thái: a Vietnamese name
        ("Mr Lao 012-345 6789", "MY", "+60123456789"),
        ("Thailand 081 234 5678", "MY", "+66812345678"),
        ("Tel Thailand: 081 234 5678", "MY", "+66812345678"),
    ],
)
def test_a_country_word_inside_a_name_does_not_outweigh_the_country_given(
    raw: str, country: str, expected: str
) -> None:
    assert canonicalize("phone", raw, country=country).value == expected


def test_words_with_a_few_digits_are_not_guessed_to_be_a_phone() -> None:
    # Read as kind phone, "ref 12345 abc" would become a sender name: it is not a phone.
    assert guess_kind("ref 12345 abc", country="MY") is None
    assert guess_kind("Tel: 012-345 6789", country="MY") == "phone"


@pytest.mark.parametrize(
    ("raw", "country"), [("VA3901081234567890", "ID"), ("TK0011001234567", "VN")]
)
def test_letters_before_an_account_are_not_taken_for_a_foreign_iban(raw: str, country: str) -> None:
    # VA (virtual account) and TK (tài khoản) are not Vatican's and Tokelau's IBANs.
    assert "IBAN" not in reason("bank_account", raw, country)
