"""guess_kind for the check page, the dispatcher's contract and the canon command."""

import pytest
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.identifiers import KINDS, InvalidIdentifier, canonicalize, guess_kind


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("012-345 6789", "phone"),
        ("+66 81 234 5678", "phone"),
        ("997", "shortcode"),
        ("a@b.com", "email"),
        ("john[at]example[.]com", "email"),
        ("hxxp://x[.]com", "url"),
        ("https://t.me/abcde", "handle"),
        ("https://t.me/joinchat/abcde", "url"),
        ("www.example.com/login", "url"),
        ("@name", "handle"),
        ("telegram:name_01", "handle"),
        ("instagram.com/some.name", "handle"),
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "crypto_wallet"),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "crypto_wallet"),
        ("tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "crypto_wallet"),
        ("203.0.113.5", "ip"),
        ("2001:db8::1", "ip"),
        ("example.com", "domain"),
        ("Maybank 5140 1234 5678", "bank_account"),
        ("MY:MBBE:514012345678", "bank_account"),
        ("GCash 0917 123 4567", "ewallet"),
        ("gcash:+639171234567", "ewallet"),
        ("MY:997", "shortcode"),
        ("MAYBANK", "sender_id"),
        ("hello world", None),
        ("", None),
    ],
)
def test_guess_kind(raw: str, kind: str | None) -> None:
    assert guess_kind(raw, country="MY") == kind


def test_unknown_kind_and_bad_arguments_raise_invalid_identifier() -> None:
    with pytest.raises(InvalidIdentifier, match="unknown identifier kind"):
        canonicalize("iban", "x")
    with pytest.raises(InvalidIdentifier):
        canonicalize("phone", None)  # type: ignore[arg-type]
    with pytest.raises(InvalidIdentifier):
        canonicalize("phone", "012", country=60)  # type: ignore[arg-type]
    for kind in KINDS:
        with pytest.raises(InvalidIdentifier) as info:
            canonicalize(kind, "   ")
        assert info.value.reason


runner = CliRunner()


def test_canon_command_prints_the_canonical_value() -> None:
    result = runner.invoke(app, ["canon", "phone", "012-345 6789", "--country", "MY"])
    assert result.exit_code == 0
    assert result.stdout == "+60123456789\n"


def test_canon_command_prints_the_registered_domain() -> None:
    result = runner.invoke(app, ["canon", "url", "hxxps://login.evil[.]com/a"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["https://login.evil.com/a", "domain: evil.com"]


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("https://t.me/ScamKing", "telegram:scamking"),
        ("https://m.facebook.com/scam.page/?mibextid=ZbWKwL", "facebook:scam.page"),
        ("https://mobile.twitter.com/scam_king", "x:scam_king"),
    ],
)
def test_canon_url_of_a_bare_profile_link_prints_its_handle(raw: str, printed: str) -> None:
    # As for t.me/NAME: the handle alone, with no domain under it.
    result = runner.invoke(app, ["canon", "url", raw])
    assert result.exit_code == 0
    assert result.stdout == f"{printed}\n"
    assert runner.invoke(app, ["canon", "handle", raw]).stdout == result.stdout


def test_canon_command_fails_with_the_reason() -> None:
    result = runner.invoke(app, ["canon", "phone", "+60 12 345"])
    assert result.exit_code == 1
    assert "too short" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["canon", "iban", "x"], "'iban' is not an identifier kind"),
        (["canon", "phone", "012-345 6789", "--country", "ZZ"], "--country 'ZZ' is not a known"),
    ],
)
def test_canon_command_calls_an_unknown_kind_or_country_a_usage_error(
    args: list[str], said: str
) -> None:
    # docs/cli.md: exit 2 for an unknown kind or --country, as `check` does; 1 is a bad value.
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert said in " ".join(result.stderr.split())


def test_canon_command_reads_the_kind_and_country_in_any_case() -> None:
    result = runner.invoke(app, ["canon", "Phone", "012-345 6789", "--country", "my"])
    assert result.exit_code == 0 and result.stdout == "+60123456789\n"


def test_canon_command_names_an_empty_value() -> None:
    # The reason alone read "is empty; enter the identifier", naming nothing.
    result = runner.invoke(app, ["canon", "phone", " ", "--country", "MY"])
    assert result.exit_code == 1
    assert result.stderr == "error: ' ' is empty; enter the identifier\n"
