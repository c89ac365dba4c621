"""The public check rate and the sign-in limit refuse, at start, a rate that cannot work."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.config import Settings, get_settings
from counterscam.db.engine import engine_for

FIELDS = {
    "public_check_rate": ("COUNTERSCAM_PUBLIC_CHECK_RATE", "30/minute"),
    "sign_in_failures": ("COUNTERSCAM_SIGN_IN_FAILURES", "10/15 minutes"),
}


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize("rate", ["0/minute", "00 per day", "0/15 minutes"])
def test_a_rate_of_nothing_is_refused_naming_the_variable(field: str, rate: str) -> None:
    # 0/minute was taken, and then every public check or every sign-in was refused.
    name, example = FIELDS[field]
    with pytest.raises(ValueError, match="allows no attempt at all") as refused:
        if field == "public_check_rate":
            Settings(demo=True, public_check_rate=rate)
        else:
            Settings(demo=True, sign_in_failures=rate)
    said = str(refused.value)
    assert f"{name} {rate!r}" in said and f"give 1 or more, like {example}" in said


@pytest.mark.parametrize(
    ("rate", "problem"),
    [
        # Read as 10 per 1 minute, without a word.
        ("10/0 minutes", "has a window of 0"),
        ("10 per 0 minutes", "has a window of 0"),
        # Only the first rate was kept, without a word.
        ("5/minute;100/hour", "gives several rates; give one"),
        ("5/minute, 100/hour", "gives several rates; give one"),
    ],
)
def test_a_rate_read_otherwise_than_written_is_refused(rate: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem) as refused:
        Settings(demo=True, public_check_rate=rate)
    assert "COUNTERSCAM_PUBLIC_CHECK_RATE" in str(refused.value)


@pytest.mark.parametrize(
    "rate", ["1/second", "3 per 10 seconds", "500/day", "5/2 hours", "100/month", "1000/year"]
)
def test_every_unit_is_taken(rate: str) -> None:
    assert Settings(demo=True, public_check_rate=rate, sign_in_failures=rate).public_check_rate


def test_the_docs_list_every_unit() -> None:
    # They listed N/second to N/day for one setting and minutes and hours for the other.
    docs = (Path(__file__).parents[1] / "docs" / "configuration.md").read_text()
    assert all(f"`{unit}`" in docs for unit in ("second", "minute", "hour", "day", "month", "year"))


def test_an_unreadable_rate_names_the_units() -> None:
    with pytest.raises(ValueError, match="the unit one of second, minute, hour, day"):
        Settings(demo=True, public_check_rate="30 a fortnight")


def test_a_command_ends_at_start_on_a_rate_of_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTERSCAM_DATABASE_URL", f"sqlite:///{tmp_path / 'counterscam.db'}")
    monkeypatch.setenv("COUNTERSCAM_SIGN_IN_FAILURES", "0/minute")
    get_settings.cache_clear()
    engine_for.cache_clear()
    try:
        result = CliRunner().invoke(app, ["agency", "list"])
    finally:
        get_settings.cache_clear()
        engine_for.cache_clear()
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert "COUNTERSCAM_SIGN_IN_FAILURES '0/minute' allows no attempt at all" in said
    assert "like 10/15 minutes" in said and "Traceback" not in said
