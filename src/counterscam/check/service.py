"""Check: has this number, account, wallet or site been reported anywhere in the region?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from operator import itemgetter

from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.reads import Holding, contact_route
from counterscam.check.lookup import (
    CODE,
    CONTACT,
    COUNTRY,
    ID,
    LOSS,
    MARK,
    NAME,
    NO_MATCHES,
    REF,
    ROLE,
    SCAM,
    VISIBLE,
    WHEN,
    Key,
    Matches,
    canonical,
    match_rows,
    public_hits,
)
from counterscam.check.results import (
    BulkCheckResult,
    CheckItem,
    CheckResult,
    MatchedReport,
    StopNote,
)
from counterscam.config import get_settings
from counterscam.db.prepared import Row
from counterscam.identifiers import Canonical, InvalidIdentifier
from counterscam.identifiers.any_bank import is_any_bank
from counterscam.identifiers.shared import shared_note
from counterscam.link.stoplist import (
    PARTLY_HIDDEN_HUB,
    Stopped,
    withheld_note,
)

MAX_MATCHES = 20


class TooManyValues(ValueError):
    """A bulk check asked for more values than the configured limit."""


def _context(canon: Canonical) -> list[Canonical]:
    """Return the identifiers shown beside the query (a URL's domain), never counted as hits."""
    return [r for r in canon.related if (r.kind, r.value) != (canon.kind, canon.value)]


def _note(canon: Canonical) -> str | None:
    """Return what the answer says of a shared value (a platform, a private address)."""
    return shared_note(canon.kind, canon.value) if canon.shared_platform else None


def _keys(canon: Canonical) -> list[Key]:
    keys = [(canon.kind, canon.value)]
    keys.extend((canon.kind, v) for v in canon.variants)
    keys.extend((r.kind, r.value) for r in _context(canon) if not r.shared_platform)
    return keys


def _named(found: Matches, canon: Canonical) -> list[Row]:
    """Return the matches of the value asked and of every form it may also be (``variants``:
    a URL written without a scheme is also its http:// form), answered as one."""
    rows = found.rows.get((canon.kind, canon.value), [])
    for variant in canon.variants:
        rows = rows + found.rows.get((canon.kind, variant), [])
    return rows


def _listed(found: Matches, canon: Canonical) -> tuple[Stopped | None, list[Row]]:
    """Return the stop-list entry of the value asked or of a variant, with the matches of the
    form it lists: one the caller sees a report of first, else the value asked first.

    The note is decided on that form's own reports, as the stop-list page decides it: judged
    on both forms', another agency's entry on an http:// form named only in reports hidden
    from the caller was shown, reason and lister, beside an https:// report it may see.
    """
    listed = [
        (entry, found.rows.get((canon.kind, value), []))
        for value in (canon.value, *canon.variants)
        if (entry := found.stops.get((canon.kind, value))) is not None
    ]
    for entry, rows in listed:
        if any(row[VISIBLE] for row in rows):
            return entry, rows
    return listed[0] if listed else (None, [])


def _holdings(hidden: dict[int, Row]) -> list[Holding]:
    """Group hidden matches by holder agency and mark: who holds how many and how to ask."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in hidden.values():
        groups.setdefault((row[CODE], row[MARK]), []).append(row)
    return [
        Holding(
            agency_code=code,
            agency_name=rows[0][NAME],
            country=rows[0][COUNTRY],
            mark=mark,
            reports=len(rows),
            contact=contact_route(code, rows[0][CONTACT]),
        )
        for (code, mark), rows in sorted(groups.items())
    ]


def _stop_note(
    entry: Stopped | None, caller: Caller, sees_one: bool, hides_one: bool = False
) -> StopNote | None:
    """Return the stop-list note as the stop-list page would show the entry to the caller.

    Who listed a value and why is withheld when the caller may see none of the reports naming
    it, unless its own agency listed it; a hub's figures, taken from those reports, too, and
    also when the caller may not see one of them (``hides_one``): they count it.
    """
    if entry is None:
        return None
    automatic = entry.added_by == "auto"
    if automatic and sees_one and hides_one:
        return StopNote(PARTLY_HIDDEN_HUB, entry.added_by, entry.added_at, automatic)
    if sees_one or entry.added_by.endswith(f"@{caller.agency_code}"):
        return StopNote(entry.reason, entry.added_by, entry.added_at, automatic)
    reason, listed_by = withheld_note(entry.added_by)
    return StopNote(reason, listed_by, entry.added_at, automatic)


# Newest first, by the driver's form of the date (it sorts as the date does, see Matches).
_NEWEST_FIRST = itemgetter(WHEN, ID)


def _answer(
    raw: str,
    canon: Canonical,
    rows: list[Row],
    found: Matches,
    caller: Caller,
    stop: Stopped | None = None,
) -> CheckResult:
    """Build the answer from every match: facts over the visible ones, holdings for the rest.

    Only what the answer shows is converted from the driver's form: the dates of the newest
    matches and of the first sighting, and the visible reports' losses.
    """
    if not rows:  # half of all checks: skip the grouping, the defaults say "no hit"
        return CheckResult.of(
            raw,
            canon.kind,
            canon.value,
            shared_platform=canon.shared_platform,
            shared_note=_note(canon),
        )
    visible: dict[int, Row] = {}
    hidden: dict[int, Row] = {}
    # Only reports naming the value in more than one role get a set: most name it once.
    roles: dict[int, set[str]] = {}
    for row in rows:
        report_id = row[ID]
        if not row[VISIBLE]:
            hidden[report_id] = row
        elif report_id in visible:  # the same report naming it in another role
            if report_id not in roles:
                roles[report_id] = {visible[report_id][ROLE] or ""}
            roles[report_id].add(row[ROLE] or "")
        else:
            if row[REF] is None or row[WHEN] is None or row[SCAM] is None:
                raise ValueError(f"visible report {report_id} came back without its content")
            visible[report_id] = row
    if not visible:
        return CheckResult.of(
            raw,
            canon.kind,
            canon.value,
            hit=True,
            shared_platform=canon.shared_platform,
            shared_note=_note(canon),
            stop_list=_stop_note(stop, caller, False),
            holdings=_holdings(hidden),
        )
    seen = sorted(visible.values(), key=_NEWEST_FIRST, reverse=True)
    time, money = found.time, found.money
    matches = [
        MatchedReport.of(
            r[ID],
            r[REF],
            r[CODE],
            r[COUNTRY],
            time(r[WHEN]),
            r[SCAM],
            r[MARK],
            tuple(sorted(roles[r[ID]])) if r[ID] in roles else (r[ROLE] or "",),
        )
        for r in seen[:MAX_MATCHES]
    ]
    oldest = matches[-1].reported_at if len(seen) <= MAX_MATCHES else time(seen[-1][WHEN])
    losses = [money(r[LOSS]) for r in seen if r[LOSS] is not None]
    return CheckResult.of(
        raw,
        canon.kind,
        canon.value,
        hit=True,
        shared_platform=canon.shared_platform,
        shared_note=_note(canon),
        stop_list=_stop_note(stop, caller, True, bool(hidden)),
        reports=len(seen),
        countries=sorted({r[COUNTRY] for r in seen}),
        first_seen=oldest,
        last_seen=matches[0].reported_at,
        scam_types=sorted({r[SCAM] for r in seen}),
        loss_usd=sum(losses, Decimal("0")),
        reports_with_loss=len(losses),
        matches=matches,
        holdings=_holdings(hidden) if hidden else [],
    )


def _result(
    raw: str,
    outcome: Canonical | InvalidIdentifier,
    caller: Caller,
    found: Matches,
    public: set[Key],
) -> CheckResult:
    if isinstance(outcome, InvalidIdentifier):
        return CheckResult(query=raw, kind=outcome.kind or None, value=None, error=outcome.reason)
    if is_any_bank(outcome):
        return _any_bank_result(raw, outcome, caller, found, public)
    key = (outcome.kind, outcome.value)
    if caller.is_public:
        # The public page learns hit or no-hit over clear reports, and nothing else from the
        # data; that the value is a shared platform comes from the value itself, and without
        # it a hit on facebook.com read as "this site is a scam".
        return CheckResult(
            query=raw,
            kind=outcome.kind,
            value=outcome.value,
            hit=key in public or any((outcome.kind, v) in public for v in outcome.variants),
            shared_platform=outcome.shared_platform,
            shared_note=(
                shared_note(outcome.kind, outcome.value, public=True)
                if outcome.shared_platform
                else None
            ),
        )
    result = _answer(raw, outcome, _named(found, outcome), found, caller)
    entry, listed = _listed(found, outcome)
    if entry is not None and result.hit:
        seen = [row[VISIBLE] for row in listed]
        result = replace(result, stop_list=_stop_note(entry, caller, any(seen), not all(seen)))
    for rel in _context(outcome):
        if rel.shared_platform:
            result.related.append(
                CheckResult(
                    query=rel.value,
                    kind=rel.kind,
                    value=rel.value,
                    shared_platform=True,
                    shared_note=shared_note(rel.kind, rel.value),
                )
            )
        else:
            key = (rel.kind, rel.value)
            related = found.rows.get(key, [])
            stop = found.stops.get(key)
            result.related.append(_answer(rel.value, rel, related, found, caller, stop))
    return result


def _any_bank_result(
    raw: str,
    outcome: Canonical,
    caller: Caller,
    found: Matches,
    public: set[Key],
) -> CheckResult:
    """Answer an account number asked at every bank: one answer over all the accounts with
    those digits, and each account that was reported as context (which bank, how many).

    An account named only in reports the caller may not see is left out of ``related``: its
    bank is those reports' content, which the caller did not give; its holder is in the
    answer's holdings, as for any hidden match.
    """
    accounts = [(rel, found.rows.get((rel.kind, rel.value), [])) for rel in outcome.related]
    if caller.is_public:
        hit = any((rel.kind, rel.value) in public for rel, _ in accounts)
        return CheckResult(query=raw, kind=outcome.kind, value=outcome.value, hit=hit)
    reported = [
        (rel, named, any(row[VISIBLE] for row in named)) for rel, named in accounts if named
    ]
    rows = [row for _, named, _ in reported for row in named]
    result = _answer(raw, outcome, rows, found, caller)
    notes = [
        _stop_note(
            found.stops.get((rel.kind, rel.value)),
            caller,
            seen,
            not all(row[VISIBLE] for row in named),
        )
        for rel, named, seen in reported
    ]
    if notes and all(notes):
        # Every account hit is on the stop-list: the hit says so, as an exact check would.
        result = replace(result, stop_list=notes[0])
    result.related.extend(
        _answer(rel.value, rel, named, found, caller, found.stops.get((rel.kind, rel.value)))
        for rel, named, seen in reported
        if seen
    )
    return result


def _lookup(
    session: Session, caller: Caller, outcomes: Sequence[Canonical | InvalidIdentifier]
) -> tuple[Matches, set[Key]]:
    """Return the matches, with the stop-list entries of the values hit, and the public's hits."""
    keys = {k for o in outcomes if isinstance(o, Canonical) for k in _keys(o)}
    if not keys:
        return NO_MATCHES, set()
    if not caller.is_public:
        return match_rows(session, caller, keys), set()
    asked = {
        (o.kind, v) for o in outcomes if isinstance(o, Canonical) for v in (o.value, *o.variants)
    }
    # An account number asked at every bank asks for each bank's account: the public learns
    # whether any was reported.
    asked |= {
        (r.kind, r.value)
        for o in outcomes
        if isinstance(o, Canonical) and is_any_bank(o)
        for r in o.related
    }
    return NO_MATCHES, public_hits(session, asked)


def asked_kind(kind: str | None) -> str | None:
    """Return the kind as asked, read as every channel reads it: None (or '', 'auto') guesses.

    The CLI lowered its KIND and took ``auto`` while the API answered ``kind=Phone`` as an
    unknown kind and ``kind=`` as the unknown kind '': one value, two answers.
    """
    if kind is None:
        return None
    kind = kind.strip().lower()
    return None if kind in ("", "auto") else kind


def _audited_query(
    result: CheckResult,
    outcome: Canonical | InvalidIdentifier,
    kind: str | None,
    value: str,
    country: str | None,
) -> str:
    """Return what a check asked, as the audit log records it: the canonical value, or for
    an invalid one the kind asked (``auto`` when guessed) and the value as written.

    The other forms the check also asked (``also=``: a link written without a scheme is asked
    as its http:// form too) are named, so "who looked up http://x?" finds such a check.
    """
    shown = f"{result.kind}:{result.value}" if result.error is None else f"{kind or 'auto'}:{value}"
    if isinstance(outcome, Canonical) and outcome.variants:
        shown += "".join(f" also={variant}" for variant in outcome.variants)
    return f"{shown} country={country or ''}"


def _same(one: Canonical | InvalidIdentifier, other: Canonical | InvalidIdentifier) -> bool:
    """Tell whether two readings of a value answer alike: one value, or one refusal."""
    if isinstance(one, Canonical) and isinstance(other, Canonical):
        return (one.kind, one.value) == (other.kind, other.value)
    if isinstance(one, InvalidIdentifier) and isinstance(other, InvalidIdentifier):
        return one.reason == other.reason
    return False


def _read(
    kind: str | None,
    raw: str,
    country: str | None,
    default_country: str | None,
    qualifier: str | None = None,
) -> tuple[Canonical | InvalidIdentifier, str | None]:
    """Return a value's reading and the country it was read in when ``default_country`` was
    taken for it (None when ``country`` was given, or when the default changed nothing).

    A default helps a value that needs a country; it never spoils one read without it.
    """
    if country is not None or not default_country:
        return canonical(kind, raw, country, qualifier), None
    read = canonical(kind, raw, default_country, qualifier)
    bare = canonical(kind, raw, None, qualifier)  # both cached: a list repeats its values
    if _same(read, bare):
        return bare, None
    if isinstance(read, InvalidIdentifier) and isinstance(bare, Canonical):
        return bare, None
    return read, default_country


def _hits(result: CheckResult) -> int:
    """Return the number of matching reports for the audit log (all of them, seen or not)."""
    if not result.hit:
        return 0
    return max(1, result.reports + result.hidden_reports)


def check(
    session: Session,
    caller: Caller,
    *,
    kind: str | None,
    value: str,
    country: str | None,
    channel: str,
    default_country: str | None = None,
) -> CheckResult:
    """Check one value against all the region's reports; audited (see ``access.audit``).

    Commits the session when the audit row was written through into it; a buffered audit
    row leaves a read-only check nothing to commit (the caller's session scope ends it).

    Args:
        kind: identifier kind, in any case, or None (also '' or 'auto') to guess it.
        value: the value as the user wrote it.
        country: default country for reading it (a phone number without country code).
        channel: ``api``, ``web`` or ``cli``, for the audit log.
        default_country: the country read in when ``country`` is None (the caller's own, from
            ``own_country``); the answer's ``read_in`` names it when the value needed it.
            Never taken for the public caller.

    Returns:
        The answer; ``error`` is set when the value is not a valid identifier.
    """
    kind = asked_kind(kind)
    if caller.is_public:
        default_country = None
    outcome, read_in = _read(kind, value.strip(), country, default_country)
    found, public = _lookup(session, caller, [outcome])
    result = _result(value, outcome, caller, found, public)
    if read_in is not None:
        result = replace(result, read_in=read_in)
    written = audit.record_search(
        session,
        caller,
        channel=channel,
        action="check",
        query=_audited_query(result, outcome, kind, value, country or read_in),
        hits=_hits(result),
    )
    if written:
        session.commit()
    return result


def bulk_limit(count: int, limit: int | None) -> int:
    """Return the most values a bulk check takes (default: the ``max_bulk_check`` setting).

    Raises TooManyValues when ``count`` values are more than that.
    """
    limit = limit or get_settings().max_bulk_check
    if count > limit:
        raise TooManyValues(
            f"{count:,} values sent; a bulk check takes at most {limit:,}. Split the list."
        )
    return limit


def check_bulk(
    session: Session,
    caller: Caller,
    *,
    items: Sequence[CheckItem],
    country: str | None,
    channel: str,
    limit: int | None = None,
    problems: Sequence[str | None] = (),
    default_country: str | None = None,
) -> BulkCheckResult:
    """Check many values with a few set-based queries; audited as a whole and value by value.

    Commits as ``check`` does.
    Raises TooManyValues above ``limit`` values (default: the ``max_bulk_check`` setting).

    Args:
        problems: for each item (when given), why it cannot be checked as written (a file's
            number cell that lost digits), or None: such an item is answered as invalid with
            that reason without being looked up, and audited as any invalid value is.
        default_country: as for ``check``, for every value; each answer that needed it says
            so in ``read_in``.
    """
    limit = bulk_limit(len(items), limit)
    refused = list(problems) or [None] * len(items)
    if caller.is_public:
        default_country = None
    readings = [
        _read(asked_kind(i.kind), i.value.strip(), country, default_country, i.qualifier)
        if problem is None
        else (InvalidIdentifier(asked_kind(i.kind) or "", i.value, problem), None)
        for i, problem in zip(items, refused, strict=True)
    ]
    outcomes = [outcome for outcome, _ in readings]
    found, public = _lookup(session, caller, outcomes)
    results = [
        _result(i.value, o, caller, found, public) for i, o in zip(items, outcomes, strict=True)
    ]
    if default_country:
        results = [
            r if read_in is None else replace(r, read_in=read_in)
            for r, (_, read_in) in zip(results, readings, strict=True)
        ]
    hits = sum(1 for r in results if r.hit)
    invalid = sum(1 for r in results if r.error is not None)
    # Each value gets its row too, as a single check does: with the summary alone, "who
    # looked up this number?" had no answer for a number sent in a list (a list of one hid
    # any lookup from the log).
    summary = f"{len(items)} values ({invalid} invalid) country={country or ''}"
    searches: list[audit.Search] = [("bulk_check", summary, hits)]
    searches += [
        (
            "bulk_check_value",
            _audited_query(r, o, asked_kind(i.kind), i.value.strip(), country or r.read_in),
            _hits(r),
        )
        for i, r, o in zip(items, results, outcomes, strict=True)
    ]
    written = audit.record_searches(session, caller, channel=channel, searches=searches)
    if written:
        session.commit()
    return BulkCheckResult(items=results, checked=len(results), hits=hits, invalid=invalid)
