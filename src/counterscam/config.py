"""Settings read from the environment (prefix ``COUNTERSCAM_``)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET = "change-me-this-is-not-a-secret"
# python3, not python: Debian, where docs/deployment.md was followed, has no `python` command.
GENERATE_SECRET = "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"


# The units the ``limits`` library reads, each also in the plural ("15 minutes").
RATE_UNITS = "second, minute, hour, day, month or year"
_RATE_WINDOW_ZERO = re.compile(r"(/|per)\s*0+\s*[a-z]+\s*$", re.IGNORECASE)


class InsecureSettings(RuntimeError):
    """Raised when the app would run outside demo mode with a default secret."""


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as ``COUNTERSCAM_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="COUNTERSCAM_", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="Folder for the SQLite database.")
    database_url: str = Field(
        default="",
        description="SQLAlchemy URL; empty means a SQLite file counterscam.db in data_dir.",
    )
    secret_key: str = Field(default=DEFAULT_SECRET, description="Signs session cookies.")
    demo: bool = Field(default=False, description="Demo mode allows the default secret.")
    # Bounded below: a negative or zero limit was taken as written and refused every upload,
    # batch or sign-in without naming the setting behind it.
    max_upload_bytes: int = Field(default=50 * 1024 * 1024, gt=0, description="Largest upload.")
    max_batch_reports: int = Field(default=10_000, gt=0, description="Most reports in a batch.")
    max_bulk_check: int = Field(default=10_000, gt=0, description="Most values in a bulk check.")
    # A report names a handful of identifiers, parties and places (synth's most is 8); each
    # row held costs 2-3 KB until its batch commits, so an upload of 1.6 million rows for one
    # report needed about 5 GB (docs/formats.md, Linked rows).
    max_report_linked_rows: int = Field(
        default=1_000,
        gt=0,
        description="Most identifier, party and place rows for one report (uploads and CLI).",
    )
    max_batch_linked_rows: int = Field(
        default=100_000,
        gt=0,
        description="Most identifier, party and place rows in one API batch or upload.",
    )
    session_max_age_seconds: int = Field(default=12 * 3600, gt=0, description="Sign-in lifetime.")
    token_lifetime_days: int = Field(
        default=90,
        ge=0,
        le=3650,
        description="Days a new API token works; 0: until revoked ('token issue --days').",
    )
    secure_cookies: bool = Field(
        default=False,
        description=(
            "Send the sign-in cookie over HTTPS only. Turn on wherever the site is served "
            "over HTTPS (behind a TLS proxy); off by default so the demo works on plain "
            "http://127.0.0.1."
        ),
    )
    public_check_rate: str = Field(
        default="30/minute",
        description=(
            "Most checks one address may make on the public check page and the anonymous API "
            "check, as N/unit or N/M units (second, minute, hour, day, month, year), N >= 1."
        ),
    )
    sign_in_failures: str = Field(
        default="10/15 minutes",
        description=(
            "Most failed sign-ins for one username, and from one address, in a moving window "
            "(N/minute, N/15 minutes, N/hour, N >= 1); past it, sign-in is refused until the "
            "oldest failure is out of the window."
        ),
    )
    import_worker: Literal["auto", "always", "never"] = Field(
        default="auto",
        description=(
            "Read and check the files of `counterscam import` in a worker process beside the "
            "writer: auto does so for files of 4 MB or more on a machine with two or more cores."
        ),
    )
    fx_rates_file: Path | None = Field(
        default=None,
        description=(
            "A rates file from the secretariat (CSV month,currency,usd_per_unit, or the shape "
            "of fx_rates.yaml) whose months and currencies extend or replace the bundled FX "
            "table; a file with any fault is refused at start."
        ),
    )
    compounds_file: Path | None = Field(
        default=None,
        description=(
            "A .yaml file shaped like reference/data/compounds.yaml whose compounds and aliases "
            "are added to the bundled ones; a file with any fault is refused at start."
        ),
    )
    audit_flush_seconds: float = Field(
        default=1.0,
        ge=0,
        allow_inf_nan=False,
        description=(
            "Longest time the audit row of a search or a read waits in memory before a batched "
            "write; a hard crash can lose at most this much. 0 writes each row through."
        ),
    )

    @field_validator("public_check_rate", "sign_in_failures")
    @classmethod
    def _rate_is_readable(cls, value: str, info: ValidationInfo) -> str:
        from limits import parse_many  # only the server needs it; keep CLI start-up light

        field = str(info.field_name)
        name = f"COUNTERSCAM_{field.upper()}"
        # Each setting's own default: 30/minute told a sign-in limit's writer a per-minute
        # rate while the setting means a window of minutes.
        example = cls.model_fields[field].default
        try:
            rates = parse_many(value)
        except ValueError as exc:
            raise ValueError(
                f"{name} {value!r} is not a rate; write it like {example}: N/unit or "
                f"N/M units, the unit one of {RATE_UNITS}"
            ) from exc
        # Each of these was taken without a word: 0 refused every attempt, a window of
        # 0 minutes was read as 1 minute, and of "5/minute;100/hour" only the first was kept.
        if len(rates) > 1:
            raise ValueError(f"{name} {value!r} gives several rates; give one, like {example}")
        if rates[0].amount < 1:
            raise ValueError(
                f"{name} {value!r} allows no attempt at all, which refuses every one; "
                f"give 1 or more, like {example}"
            )
        if _RATE_WINDOW_ZERO.search(value):
            raise ValueError(f"{name} {value!r} has a window of 0; write it like {example}")
        return value

    @field_validator("fx_rates_file", "compounds_file", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("fx_rates_file")
    @classmethod
    def _rates_file_reads(cls, value: Path | None) -> Path | None:
        # Read here, when the settings are, so that a bad file stops every command and the
        # server at start, naming its line, rather than a report being valued at a stand-in.
        from counterscam.reference.fx_file import read_rates_file

        if value is not None:
            read_rates_file(value)  # cached: the reference data's loader reads it from there
        return value

    @field_validator("compounds_file")
    @classmethod
    def _compounds_file_reads(cls, value: Path | None) -> Path | None:
        # As the rates file: a bad file stops every command at start, not a brief half-merged.
        from counterscam.reference.compounds import check_compounds_file

        if value is not None:
            check_compounds_file(value)
        return value

    @property
    def resolved_database_url(self) -> str:
        """Return the database URL, defaulting to the SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'counterscam.db').as_posix()}"

    def require_safe_secrets(self) -> None:
        """Refuse to serve with the published default secret outside demo mode."""
        if not self.demo and self.secret_key == DEFAULT_SECRET:
            raise InsecureSettings(
                "COUNTERSCAM_SECRET_KEY is the published default. Set it to a long random value "
                f"(for example: {GENERATE_SECRET}), or set COUNTERSCAM_DEMO=1 for a demo."
            )
        if not self.demo and len(self.secret_key) < 32:
            raise InsecureSettings(
                "COUNTERSCAM_SECRET_KEY must be at least 32 characters long; generate one with "
                f"{GENERATE_SECRET}"
            )


def settings_problem(exc: ValidationError) -> str | None:
    """Return which COUNTERSCAM_ variables could not be read, why, and where they are described.

    None when ``exc`` is not about the settings.
    """
    if exc.title != Settings.__name__:
        return None
    said = []
    for error in exc.errors():
        name = f"COUNTERSCAM_{'_'.join(map(str, error['loc'])).upper()}"
        message = error["msg"].removeprefix("Value error, ")
        said.append(message if name in message else f"{name}={error['input']!r}: {message}")
    return "; ".join(said) + " (the settings are described in docs/configuration.md)"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()
