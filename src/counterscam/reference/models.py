"""Frozen records returned by the reference loader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Country:
    """A country that takes part: an ASEAN member, dialogue partner or observer."""

    code: str
    label: str
    currency: str
    calling_code: str
    member: bool
    # ISO 3166-1 alpha-3 ("MYS"): how passports' machine-readable zones and many national
    # systems write nationality; read as ``code``.
    alpha3: str
    # Other names files give it ("Vietnam", "Laos", "Burma", "ประเทศไทย"), read as its code.
    written: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """Return the English name (same as ``label``)."""
        return self.label


@dataclass(frozen=True)
class Bank:
    """A bank of a member country, keyed by (country, code)."""

    country: str
    code: str
    label: str
    name: str
    aliases: tuple[str, ...]
    account_length: tuple[int, int] | None
    bic: bool
    iban: bool
    # Institution codes of the group's other BICs through which its accounts are addressed
    # (Maybank Islamic's MBISMYKL is Maybank's): read as this bank, never as one of their own.
    other_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EwalletProvider:
    """An e-wallet provider or proxy payment ID scheme."""

    code: str
    label: str
    kind: str
    countries: tuple[str, ...]
    account: str
    aliases: tuple[str, ...]
    # How an ID that is not a phone is written: None (letters and digits, kept upper-case
    # without separators) or "name@bank" (a Bakong account ID, kept whole and lower-cased).
    id_format: str | None = None

    @property
    def phone_based(self) -> bool:
        """Return True when every account is a phone number."""
        return self.account == "phone"


@dataclass(frozen=True)
class CryptoChain:
    """A blockchain whose addresses are canonicalised as ``chain:address``."""

    code: str
    label: str
    family: str
    case_sensitive: bool
    aliases: tuple[str, ...]
    base58_versions: tuple[int, ...] = ()
    bech32_hrp: str | None = None


@dataclass(frozen=True)
class Platform:
    """A messaging or social platform whose accounts are ``platform:handle``."""

    code: str
    label: str
    case_sensitive: bool
    phone_based: bool
    aliases: tuple[str, ...]
    hosts: tuple[str, ...]
    handle_pattern: str
    handle_hint: str


@dataclass(frozen=True)
class SharedDomain:
    """A big platform domain that many unrelated reports share."""

    domain: str
    group: str


@dataclass(frozen=True)
class Term:
    """An entry of a controlled vocabulary (scam type, channel, crime area...)."""

    code: str
    label: str
    description: str = ""
    # Other ways national systems write the code (a form's "F", Malay "Perempuan"), read as it.
    written: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mark:
    """A TLP 2.0 mark; a higher rank is more restricted."""

    code: str
    label: str
    description: str
    rank: int


@dataclass(frozen=True)
class SightingRole:
    """The role an identifier plays in a report."""

    code: str
    label: str
    evidence_of_operator: bool
    description: str = ""


@dataclass(frozen=True)
class AgeBand:
    """A victim age band; ``None`` bounds mean open or not recorded."""

    code: str
    label: str
    min_age: int | None
    max_age: int | None


@dataclass(frozen=True)
class ZoneName:
    """A time-zone name written after a time (``WIB``, ``ICT``) and its fixed UTC offset."""

    name: str
    label: str
    # None: the name means different zones to different software (PST), so it is refused.
    offset: timedelta | None
    # Whether a time written with a dot (10.00) may come before the name (Indonesian usage).
    dot_clock: bool = False
