"""Property-based tests: any input, idempotence and equivalent spellings."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from counterscam.identifiers import KINDS, InvalidIdentifier, canonicalize
from counterscam.identifiers.dispatch import _HANDLERS

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COUNTRIES = st.sampled_from([None, "MY", "SG", "TH", "PH", "ID", "VN", "KH", "LA", "MM", "BN"])
QUALIFIERS = st.sampled_from([None, "", "Maybank", "GCash", "TRC20", "Telegram", "bsc", "zz"])
# Characters that reach deep into the parsers, plus any unicode.
TOKENS = st.text(
    alphabet=st.sampled_from(list("0123456789+-() .:/@#?=%[]~_xXTLMDbc1qhtpsw") + ["٣", "๕", "＋"]),
    max_size=40,
)
ANY_TEXT = st.one_of(st.text(max_size=80), TOKENS)
PREFIXED = st.builds(
    lambda prefix, body: prefix + body,
    st.sampled_from(
        [
            "",
            "MY:",
            "MY:MBBE:",
            "gcash:",
            "tron:",
            "telegram:@",
            "https://",
            "wa.me/",
            "tel:",
            "hxxps://x[.]",
            "mailto:",
            "viber://chat?number=",
            "t.me/",
            "https://m.facebook.com/",
            "facebook.com/profile.php?id=",
            "x.com/",
            "tiktok.com/@",
            "line.me/R/ti/p/@",
            "0x",
            "bc1",
            "Maybank ",
        ]
    ),
    TOKENS,
)


@pytest.mark.parametrize("kind", KINDS)
@FAST
@given(raw=st.one_of(ANY_TEXT, PREFIXED), country=COUNTRIES, qualifier=QUALIFIERS)
@example(raw="\x00", country=None, qualifier=None)
@example(raw="9" * 5000, country="MY", qualifier=None)
@example(raw="0/.#", country=None, qualifier=None)  # a URL whose fragment followed a dot
@example(raw="example.com/a,#top", country=None, qualifier=None)
@example(raw="0/]#", country=None, qualifier=None)
# A profile link ending in a colon: the URL left once it was dropped read as the handle.
@example(raw="HTTP:/0.FACEBOOK.COM/0:#", country=None, qualifier=None)
def test_any_text_gives_a_canonical_form_or_a_reason(
    kind: str, raw: str, country: str | None, qualifier: str | None
) -> None:
    # The handlers are called directly so the dispatcher's safety net cannot hide a bug.
    try:
        result = _HANDLERS[kind](raw, country, qualifier)
    except InvalidIdentifier as exc:
        assert exc.reason.strip()
        return
    assert result.kind in KINDS
    assert result.value
    again = canonicalize(result.kind, result.value, country=result.country)
    assert again == result


def _spell(digits: str, separators: list[str]) -> str:
    out = []
    for index, digit in enumerate(digits):
        out.append(digit)
        if index < len(separators):
            out.append(separators[index])
    return "".join(out)


SEPARATORS = st.lists(st.sampled_from(["", "", " ", "-", ".", " - "]), max_size=15)
NUMBERS = [
    ("MY", "60", "123456789"),
    ("TH", "66", "812345678"),
    ("PH", "63", "9171234567"),
    ("ID", "62", "81234567890"),
    ("ID", "62", "858711040"),  # also a landline in area 0628 when written "62858711040"
    ("VN", "84", "901234567"),
    ("SG", "65", "91234567"),
    ("KH", "855", "971234567"),
    ("LA", "856", "2023123456"),
    ("MM", "95", "9250123456"),
    ("BN", "673", "7123456"),
]


@FAST
@given(
    number=st.sampled_from(NUMBERS),
    form=st.sampled_from(["national", "plus", "bare", "00", "paren"]),
    separators=SEPARATORS,
    spaces=st.sampled_from(["", " ", "\u00a0", "\t"]),
)
def test_equivalent_phone_spellings_give_one_value(
    number: tuple[str, str, str], form: str, separators: list[str], spaces: str
) -> None:
    country, code, national = number
    trunk = "" if country in ("SG", "BN") else "0"
    body = _spell(national, separators)
    raw = {
        "national": trunk + body,
        "plus": f"+{code} {body}",
        "bare": code + body,
        "00": f"00{code}{body}",
        "paren": f"(+{code}){body}",
    }[form]
    result = canonicalize("phone", spaces + raw + spaces, country=country)
    assert result.value == f"+{code}{national}"


@FAST
@given(
    separators=SEPARATORS,
    bank=st.sampled_from(["Maybank", "MAYBANK", "maybank:", "M2U", "MBBEMYKL", "Malayan Banking"]),
)
def test_equivalent_bank_account_spellings_give_one_value(separators: list[str], bank: str) -> None:
    raw = f"{bank} {_spell('514012345678', separators)}"
    assert canonicalize("bank_account", raw, country="MY").value == "MY:MBBE:514012345678"


@FAST
@given(
    dot=st.sampled_from([".", "[.]", "(.)", "{.}", "[dot]", " . "]),
    scheme=st.sampled_from(
        ["", "//", "https://", "hxxps://", "hXXps[:]//", "HTTPS://"]
        + ["http://", "hxxp://", "hXXp[:]//", "HTTP://"]
    ),
    host_case=st.booleans(),
)
def test_defanged_urls_give_one_value(dot: str, scheme: str, host_case: bool) -> None:
    host = f"login{dot}evil{dot}com"
    raw = scheme + (host.upper() if host_case else host) + "/Path"
    # Without a scheme, the link is the https site (as browsers show it) and a check also
    # asks for its http form; a written scheme is kept, and asks for nothing else.
    plain = scheme.lower().startswith(("http:", "hxxp:", "hxxp["))
    expected = "http://login.evil.com/Path" if plain else "https://login.evil.com/Path"
    found = canonicalize("url", raw)
    assert found.value == expected
    assert found.variants == (("http://login.evil.com/Path",) if scheme in ("", "//") else ())
