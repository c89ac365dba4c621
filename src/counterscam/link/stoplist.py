"""The hub stop-list analysts see and edit: identifiers that never link reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, insert, or_, select, tuple_, update
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import contributes, report_visible
from counterscam.check.alerts import raise_alerts_for_value
from counterscam.db.base import column_chars, utcnow
from counterscam.db.dialect import lock_intake
from counterscam.db.link_models import StopEntry
from counterscam.db.models import Identifier, Report, Sighting
from counterscam.identifiers import InvalidIdentifier, canonicalize
from counterscam.identifiers._types import shown
from counterscam.intake.schema import IDENTIFIER_VALUE_CHARS, overlong
from counterscam.link.rules import LinkRules

HUB_CHUNK = 5_000


class StopEntryMissing(LookupError):
    """No stop-list entry for that identifier."""


class StopListForbidden(PermissionError):
    """The caller may not edit the stop-list, or not this entry of it."""


def _may_edit(caller: Caller) -> None:
    # The stop-list changes linking for the whole region; partners and observers, who do not
    # even submit reports, read it but do not edit it.
    if not contributes(caller):
        raise StopListForbidden(
            f"{caller.agency_code} is a {caller.agency_kind} agency: only member agencies and "
            "the secretariat edit the stop-list; ask the secretariat"
        )


def lister(added_by: str) -> str | None:
    """Return the agency an analyst's entry belongs to; None for an automatic one."""
    return None if added_by == "auto" else added_by.rpartition("@")[2]


def refusal(caller: Caller, *, kind: str, added_by: str, withheld: bool) -> str | None:
    """Return why the caller may not remove or replace an entry, or None when it may.

    An analyst's entry is its agency's: another member changed it at will, erasing the lister's
    reason and name. The secretariat runs the hub and may change any entry; an automatic one
    is no agency's. A withheld entry is nobody's but its lister's: changing it would alter the
    linking of reports the caller may not see, and the refusal names neither lister nor holder.
    """
    owner = lister(added_by)
    if owner == caller.agency_code:
        return None
    if withheld:
        return (
            f"this {kind} is named only in reports {caller.agency_code} may not see, and "
            f"another agency or the hub rules listed it, so {caller.agency_code} may not remove "
            "or replace the entry; check the value to see which agency holds those reports and "
            "ask them, or the secretariat"
        )
    if owner is None or caller.agency_kind == "secretariat":
        return None
    return (
        f"{owner} listed this {kind}; ask {owner} or the secretariat to change or remove the entry"
    )


def may_change(caller: Caller, view: StopView) -> bool:
    """Tell whether the caller may remove or replace an entry as ``list_stops`` showed it."""
    if not contributes(caller):
        return False
    return refusal(caller, kind=view.kind, added_by=view.added_by, withheld=view.withheld) is None


def _may_change(session: Session, caller: Caller, entry: StopEntry) -> None:
    withheld = lister(entry.added_by) != caller.agency_code and bool(
        _named_only_hidden(session, caller, [(entry.kind, entry.value)])
    )
    why = refusal(caller, kind=entry.kind, added_by=entry.added_by, withheld=withheld)
    if why is not None:
        raise StopListForbidden(why)


@dataclass(frozen=True)
class StopView:
    """One stop-list entry; ``automatic`` entries were found by the hub rules at a rebuild.

    ``withheld``: the value is named only in reports the caller may not see, so it is left out
    (``value`` is empty) and only its kind, action and date are shown.

    ``rule``: for an automatic entry, the hub rule it broke (``busy``: silences alerts and the
    public check; ``span``: still alerts); empty for an analyst's entry, and for a withheld
    one, since which rule a hub broke bounds the counts and days of reports the caller may not
    see, the figures its withheld reason leaves out.

    ``figures_withheld``: an automatic entry whose value the caller may see in some reports but
    not in all: the value is shown, the hub's figures and rule are not (they count the others).
    """

    kind: str
    value: str
    action: str
    reason: str
    added_by: str
    added_at: datetime
    automatic: bool
    withheld: bool = False
    rule: str = ""
    figures_withheld: bool = False


def _canonical(kind: str, value: str, country: str | None) -> tuple[str, str]:
    try:
        found = canonicalize(kind, value, country=country)
    except InvalidIdentifier as exc:
        raise ValueError(f"{value!r} is not a valid {kind}: {exc.reason}") from exc
    if kind == "phone" and found.kind == "sender_id":
        # Intake reads a name in a phone column as the SMS sender it usually is; an analyst who
        # chose "phone" and typed no number meant something else, and was answered with a
        # sender-name entry without a word.
        raise ValueError(
            f"{shown(value)} is not a phone number: it reads as an SMS sender name "
            f"({found.value}); choose the kind SMS sender name to list it as one"
        )
    if (long := overlong(found)) is not None:
        # Its table column holds no more (PostgreSQL failed the write), and intake refuses
        # such a value, so no report could ever name it.
        raise ValueError(
            f"{shown(value)} is {len(long.value):,} characters once made canonical, more than "
            f"the {IDENTIFIER_VALUE_CHARS} an identifier keeps, so no report can name it"
        )
    return found.kind, found.value


_REASON_CHARS = column_chars(StopEntry.reason)  # the longest reason an entry keeps


def _checked_reason(reason: str) -> None:
    """Refuse a reason the stop-list cannot keep (PostgreSQL failed the write with a 500)."""
    if "\x00" in reason:
        raise ValueError("the reason holds a NUL character; remove it and write the reason again")
    if len(reason) > _REASON_CHARS:
        raise ValueError(
            f"the reason is {len(reason):,} characters; at most {_REASON_CHARS} are kept: "
            "shorten it"
        )


def add_stop(session: Session, caller: Caller, *, kind: str, value: str, reason: str) -> StopView:
    """Put an identifier on the stop-list, or update the reason of the caller's agency's entry.

    An automatic entry becomes the analyst's; another agency's is refused (``refusal``).
    Alerts already raised for the value stay in the inboxes: each agency was told of the
    match, and may have acted on it; only later matches raise none.

    Local spellings are read with the caller's country, as intake reads them.
    """
    _may_edit(caller)
    if not reason.strip():
        raise ValueError("give a reason, e.g. 'genuine Maybank hotline, reported by mistake'")
    _checked_reason(reason)
    kind, value = _canonical(kind, value, caller.country)
    entry = session.scalar(
        select(StopEntry).where(StopEntry.kind == kind, StopEntry.value == value)
    )
    if entry is None:
        entry = StopEntry(kind=kind, value=value)
        session.add(entry)
    else:
        _may_change(session, caller, entry)
    entry.action, entry.reason, entry.added_by, entry.added_at, entry.rule = (
        "stop",
        reason,
        caller.actor,
        utcnow(),
        "",
    )
    session.flush()
    return _view(entry)


def remove_stop(
    session: Session, caller: Caller, *, kind: str, value: str, reason: str = ""
) -> StopView | None:
    """Take an identifier off the stop-list, and raise the alerts it had silenced.

    An analyst's entry is deleted (None returned). An automatic one becomes an ``allow``
    entry, so the hub rules do not stop it again at the next rebuild. Either way the value
    alerts again: the agencies in different countries that reported it while it was stopped
    are told now (``raise_alerts_for_value``), not only at the next import naming it.
    """
    _may_edit(caller)
    _checked_reason(reason)
    kind, value = _canonical(kind, value, caller.country)
    # The intake lock before the entry is read and written: an import holding it may update
    # the entry's row (a hub's rule), and each waiting on the other's lock would deadlock; and
    # the alerts raised below must see every sighting an import wrote while the entry stood.
    lock_intake(session)
    entry = session.scalar(
        select(StopEntry).where(StopEntry.kind == kind, StopEntry.value == value)
    )
    if entry is None or entry.action != "stop":
        raise StopEntryMissing(f"{kind} {value} is not on the stop-list")
    _may_change(session, caller, entry)
    if entry.added_by != "auto":
        session.delete(entry)
        session.flush()
        raise_alerts_for_value(session, kind=kind, value=value)
        return None
    entry.action, entry.added_by, entry.added_at = "allow", caller.actor, utcnow()
    entry.reason = reason or "automatic hub entry overruled by an analyst"
    session.flush()
    raise_alerts_for_value(session, kind=kind, value=value)
    return _view(entry)


def list_stops(session: Session, caller: Caller, *, channel: str) -> list[StopView]:
    """Return every entry, analysts' first, then the automatic ones, by kind and value; audited.

    An entry's value may come from reports (a hub is named by many), so a value named in
    reports is shown only when the caller may see one of them, or its own agency listed it;
    otherwise the entry is shown withheld, as a check shows a hidden match: that it exists,
    not what it is. A value no report names (a bank's hotline an analyst listed ahead) tells
    nothing about reports and is shown to every account. A hub also named in reports the
    caller may not see keeps its value but not its figures and rule, which count those too.
    """
    entries = list(session.scalars(select(StopEntry).order_by(StopEntry.kind, StopEntry.value)))
    hidden = _named_only_hidden(session, caller, [(e.kind, e.value) for e in entries])
    hubs = [(e.kind, e.value) for e in entries if e.added_by == "auto"]
    partly = _named_in_hidden(session, caller, hubs) - hidden
    own = f"@{caller.agency_code}"
    views = [
        _withheld(e)
        if (e.kind, e.value) in hidden and not e.added_by.endswith(own)
        else _figures_withheld(e)
        if (e.kind, e.value) in partly
        else _view(e)
        for e in entries
    ]
    audit.record_read(
        session,
        caller,
        channel=channel,
        action="list_stop_entries",
        hits=sum(1 for v in views if not v.withheld),
    )
    return sorted(views, key=lambda v: (v.automatic, v.kind, v.value))


class Stopped(NamedTuple):
    """What a check says of a value on the stop-list."""

    reason: str
    added_by: str
    added_at: datetime


def _named_only_hidden(
    session: Session, caller: Caller, keys: list[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Return the (kind, value) keys that reports name, none of them one the caller may see."""
    naming = select(Sighting.report_id).where(Sighting.identifier_id == Identifier.id)
    seen = naming.join(Report, Report.id == Sighting.report_id).where(report_visible(caller))
    return _keys_where(session, keys, naming.exists(), ~seen.exists())


def _named_in_hidden(
    session: Session, caller: Caller, keys: list[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Return the (kind, value) keys that a report the caller may not see names."""
    unseen = (
        select(Sighting.report_id)
        .where(Sighting.identifier_id == Identifier.id)
        .join(Report, Report.id == Sighting.report_id)
        .where(~report_visible(caller))
    )
    return _keys_where(session, keys, unseen.exists())


def _keys_where(
    session: Session, keys: list[tuple[str, str]], *conditions: ColumnElement[bool]
) -> set[tuple[str, str]]:
    """Return the (kind, value) keys among ``keys`` whose identifier meets ``conditions``."""
    found: set[tuple[str, str]] = set()
    for start in range(0, len(keys), HUB_CHUNK):
        rows = session.execute(
            select(Identifier.kind, Identifier.value).where(
                tuple_(Identifier.kind, Identifier.value).in_(keys[start : start + HUB_CHUNK]),
                *conditions,
            )
        )
        found.update((kind, value) for kind, value in rows)
    return found


# A hub's own reason is figures over the reports naming it ("up to 40 reports within 60 days
# of each other, in use for 1647 days"): shown beside a value named only in reports the caller
# may not see, it told how long and how densely they ran, dates hit/no-hit never gives.
HIDDEN_HUB = "a hub found by the rules in reports you may not see"
# The same figures beside a value the caller sees in some reports: "in use for 604 days" beside
# the one report it may see told when the others ran.
PARTLY_HIDDEN_HUB = (
    "a hub found by the rules, also in reports you may not see (its figures count those too)"
)


def withheld_note(added_by: str) -> tuple[str, str]:
    """Return the reason and the lister shown of an entry whose value is named only in
    reports the caller may not see, listed (``added_by``) by another agency or the hub rules."""
    if added_by == "auto":
        return HIDDEN_HUB, "auto"
    return "listed by another agency", "another agency"


def _withheld(e: StopEntry) -> StopView:
    reason, added_by = withheld_note(e.added_by)
    return StopView(
        e.kind,
        "",
        e.action,
        reason,
        added_by,
        e.added_at,
        automatic=e.added_by == "auto",
        withheld=True,
    )


def _figures_withheld(e: StopEntry) -> StopView:
    return StopView(
        e.kind,
        e.value,
        e.action,
        PARTLY_HIDDEN_HUB,
        e.added_by,
        e.added_at,
        automatic=True,
        figures_withheld=True,
    )


def _view(e: StopEntry) -> StopView:
    return StopView(
        e.kind,
        e.value,
        e.action,
        e.reason,
        e.added_by,
        e.added_at,
        automatic=e.added_by == "auto",
        rule=e.rule,
    )


def stop_hubs(session: Session, hubs: Sequence[tuple[int, int, int]], rules: LinkRules) -> int:
    """Put the hubs the rules found on the stop-list as ``auto`` entries, with their reason.

    ``hubs`` holds (identifier id, most reports in one window run, days in use). Identifiers
    already on the list, stopped or allowed by an analyst, are left as they are, except that
    an automatic ``span`` entry whose identifier is now busy becomes ``busy``. Returns the
    number of entries added. Rebuilds and intake both call this, so an entry reads the same
    whoever found the hub.

    Each entry records its rule: a ``busy`` hub (more reports in one window run than the
    limit: an aggregator, an exchange's deposit wallet) also silences alerts, which would
    otherwise tell every agency of it; a ``span`` hub (in use longer than the limit, with
    few reports) only stops linking: it may be a mule account kept for a year, and each pair
    of agencies hears of it once.
    """
    wanted = {ident: (reports, span) for ident, reports, span in hubs}
    ident_ids = sorted(wanted)
    rows: list[dict[str, object]] = []
    now_busy: list[int] = []
    now = utcnow()
    for start in range(0, len(ident_ids), HUB_CHUNK):
        found = session.execute(
            select(Identifier.id, Identifier.kind, Identifier.value, StopEntry.id, StopEntry.rule)
            .outerjoin(
                StopEntry,
                and_(StopEntry.kind == Identifier.kind, StopEntry.value == Identifier.value),
            )
            .where(
                Identifier.id.in_(ident_ids[start : start + HUB_CHUNK]),
                or_(StopEntry.id.is_(None), StopEntry.rule == "span"),
            )
        )
        for ident_id, kind, value, entry_id, rule in found:
            reports, span = wanted[ident_id]
            busy = reports > rules.hub_reports
            if entry_id is not None:
                if rule == "span" and busy:
                    now_busy.append(entry_id)
                continue
            rows.append(
                {
                    "kind": kind,
                    "value": value,
                    "action": "stop",
                    "reason": (
                        f"hub: up to {reports} report{'s' if reports != 1 else ''} within "
                        f"{rules.window_days} days of each "
                        f"other, in use for {span} days (rules: more than {rules.hub_reports} "
                        f"reports or {rules.hub_span_days} days)"
                    ),
                    "added_by": "auto",
                    "added_at": now,
                    "rule": "busy" if busy else "span",
                }
            )
    if rows:
        session.execute(insert(StopEntry), rows)
    if now_busy:
        session.execute(update(StopEntry).where(StopEntry.id.in_(now_busy)).values(rule="busy"))
    return len(rows)
