"""What a check answers: hit or no-hit first, then the facts the caller may learn."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from counterscam.access.reads import Holding
from counterscam.identifiers.any_bank import ANY_BANK

_T = TypeVar("_T")


def _filled(cls: type[_T], **fields: Any) -> _T:
    """Return an instance of a frozen dataclass with these fields, as its constructor would.

    The constructor sets each field through ``object.__setattr__`` (about three times the
    cost of filling ``__dict__``), and every check builds an answer and up to 20 matches.
    """
    made = object.__new__(cls)
    made.__dict__.update(fields)
    return made


@dataclass(frozen=True)
class CheckItem:
    """One value to check; ``kind`` None means guess it from the value.

    ``qualifier`` is the bank, e-wallet provider, chain or platform given beside the value (a
    list file's ``qualifier`` column), read as intake reads the identifiers file's.
    """

    value: str
    kind: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class MatchedReport:
    """A matching report the caller may see."""

    report_id: int
    external_ref: str
    agency_code: str
    country: str
    reported_at: datetime
    scam_type: str
    mark: str
    roles: tuple[str, ...]

    @classmethod
    def of(
        cls,
        report_id: int,
        external_ref: str,
        agency_code: str,
        country: str,
        reported_at: datetime,
        scam_type: str,
        mark: str,
        roles: tuple[str, ...],
    ) -> MatchedReport:
        """Build one as the constructor does, cheaper (see ``_filled``)."""
        return _filled(
            cls,
            report_id=report_id,
            external_ref=external_ref,
            agency_code=agency_code,
            country=country,
            reported_at=reported_at,
            scam_type=scam_type,
            mark=mark,
            roles=roles,
        )


_NO_LOSS = Decimal("0")


@dataclass(frozen=True)
class StopNote:
    """The checked value is on the hub stop-list: it links no reports and raises no alerts.

    Many agencies report it for reasons that say nothing about one operator (a bank's genuine
    hotline reported by mistake, an exchange's deposit wallet). ``listed_by`` is ``auto`` for
    an entry the hub rules made, or who listed it; ``another agency`` (with that as the reason)
    when the caller may see none of the reports naming the value, as the stop-list page shows.
    A hub's reason (its figures) is withheld too when the caller may not see one of them.
    """

    reason: str
    listed_by: str
    listed_at: datetime
    automatic: bool


@dataclass(frozen=True)
class CheckResult:
    """The answer to one check.

    ``hit`` covers all the region's data (for the public caller: clear reports only). The
    facts (``countries`` to ``reports_with_loss``) and ``matches`` cover only the reports the
    caller may see; ``loss_usd`` sums the losses those reports give and ``reports_with_loss``
    counts them, so a sum of 0 over reports that gave none is not read as "cost nothing".
    ``holdings`` says who holds the others, with their mark and how to ask. ``error`` is set,
    and nothing else, when the value is not a valid identifier. ``stop_list`` is set for a
    hit on a value the hub stop-list holds (see ``StopNote``). ``shared_note`` says, for a
    ``shared_platform`` value, what it is and why a match on it says little. ``related``
    gives context, e.g. a URL's registered domain; it never makes the query itself a hit.
    ``read_in`` names the country a value was read in when no country was given and the
    caller's own was taken (see ``own_country``), set only when that country changed the
    reading (a number without its country code), so a misread is not silent.
    """

    query: str
    kind: str | None
    value: str | None
    hit: bool = False
    error: str | None = None
    read_in: str | None = None
    shared_platform: bool = False
    shared_note: str | None = None
    stop_list: StopNote | None = None
    reports: int = 0
    countries: list[str] = field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    scam_types: list[str] = field(default_factory=list)
    loss_usd: Decimal = _NO_LOSS
    reports_with_loss: int = 0
    matches: list[MatchedReport] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)
    related: list[CheckResult] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        query: str,
        kind: str | None,
        value: str | None,
        *,
        hit: bool = False,
        shared_platform: bool = False,
        shared_note: str | None = None,
        stop_list: StopNote | None = None,
        reports: int = 0,
        countries: list[str] | None = None,
        first_seen: datetime | None = None,
        last_seen: datetime | None = None,
        scam_types: list[str] | None = None,
        loss_usd: Decimal = _NO_LOSS,
        reports_with_loss: int = 0,
        matches: list[MatchedReport] | None = None,
        holdings: list[Holding] | None = None,
    ) -> CheckResult:
        """Build a valid value's answer as the constructor does, cheaper (see ``_filled``)."""
        return _filled(
            cls,
            query=query,
            kind=kind,
            value=value,
            hit=hit,
            error=None,
            read_in=None,
            shared_platform=shared_platform,
            shared_note=shared_note,
            stop_list=stop_list,
            reports=reports,
            countries=[] if countries is None else countries,
            first_seen=first_seen,
            last_seen=last_seen,
            scam_types=[] if scam_types is None else scam_types,
            loss_usd=loss_usd,
            reports_with_loss=reports_with_loss,
            matches=[] if matches is None else matches,
            holdings=[] if holdings is None else holdings,
            related=[],
        )

    @property
    def hidden_reports(self) -> int:
        """Return how many matching reports the caller may not see."""
        return sum(h.reports for h in self.holdings)

    @property
    def account_number(self) -> str | None:
        """Return the digits of an account number asked at every bank (``*:*:DIGITS``), else
        None: the pages and the CLI say no bank was given and show the number alone."""
        if self.kind == "bank_account" and self.value and self.value.startswith(ANY_BANK):
            return self.value[len(ANY_BANK) :]
        return None


@dataclass(frozen=True)
class BulkCheckResult:
    """The answers to a bulk check, in the order of the items asked."""

    items: list[CheckResult]
    checked: int
    hits: int
    invalid: int
