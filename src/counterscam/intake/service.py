"""Submit a batch of reports: validate, normalise, store, raise alerts, all or nothing.

Reports are written and alerted for chunk by chunk. They are linked into clusters in groups of
up to ``LINK_GROUP`` reports, and always before the batch commits, so every stored report is in
its cluster when ``submit`` returns (and before the API answers). A streaming import with
``keep_valid`` commits each chunk, so it links each chunk before its commit. Linking a group at
once gives the clusters linking its reports one by one gives (tests/intake/test_import_linking).
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.access.policy import MEMBER_KINDS, contributes
from counterscam.check.alerts import raise_alerts
from counterscam.config import Settings
from counterscam.db.models import Agency, ImportBatch, Report
from counterscam.db.writer import begin_write, claim_writer
from counterscam.intake.bulk import bulk_load
from counterscam.intake.normalise import Normaliser, NormalReport, stand_in_day
from counterscam.intake.prepare import Prepared, prepare
from counterscam.intake.records import (
    FileProblem,
    RawReport,
    RowError,
    parse_rejections_csv,
    rejections_csv,
    with_article,
)
from counterscam.intake.store import write_chunk
from counterscam.link.brief import isolated
from counterscam.link.sightings import ReadAhead

__all__ = [
    "BatchNotFound",
    "BatchResult",
    "NotAllowed",
    "RowError",
    "batch_notes",
    "estimate_note",
    "fx_note",
    "get_batch",
    "kept_note",
    "shares_note",
    "rejections_csv",
    "submit",
]

log = logging.getLogger(__name__)
CHUNK = 2_000
MAX_ERRORS = 10_000
# Reports linked together when a batch is one transaction. A round decides hubs on what is
# stored by then and intake never splits, so a round should hold as much of the batch as
# memory allows: a 316,000-report agency linked in rounds of 100,000 left the stored clusters
# of a million-report region at pairwise precision 0.79; in one round, 1.00 (6 % slower, the
# last round being longer). Bounded so the sightings held in memory stay bounded too.
LINK_GROUP = 400_000


class NotAllowed(PermissionError):
    """The caller's agency may not submit reports."""


class BatchNotFound(LookupError):
    """No batch with that id was submitted by the caller's agency."""


@dataclass
class BatchResult:
    """The outcome of one submission."""

    batch_id: int | None
    status: str  # committed | rejected | partial
    accepted: int = 0
    rejected: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    report_ids: list[int] = field(default_factory=list)
    # Per section (identifiers, parties, places): updated reports that kept their stored rows
    # of it, as the batch did not give that section (``kept_note`` says so).
    kept: dict[str, int] = field(default_factory=dict)
    # Updated amber reports whose share list the batch emptied, so every member agency now
    # sees them (``shares_note`` says so): how many, and the references of the first
    # SHARES_LISTED.
    shares_removed: int = 0
    shares_removed_refs: list[str] = field(default_factory=list)
    # Losses valued at another month's FX rate, by the month the table lacks (``fx_note``).
    stand_ins: dict[tuple[int, int], int] = field(default_factory=dict)
    # Stored reports whose loss was written as an estimate (``estimate_note``): how many, and
    # the references of the first SHARES_LISTED.
    estimated: int = 0
    estimated_refs: list[str] = field(default_factory=list)


SHARES_LISTED = 10_000  # references of widened reports a batch keeps; the rest are counted
SHARES_NAMED = 20  # of them, named in the sentence


def _named_refs(refs: list[str], count: int) -> str:
    """Name the first SHARES_NAMED of ``count`` reports, and count the rest."""
    # A reference holding a right-to-left override reversed the rest of the note, in a page
    # and a terminal alike: each is isolated (FSI...PDI) where it is named.
    shown = [isolated(ref) for ref in refs[:SHARES_NAMED]]
    rest = count - len(shown)
    return ", ".join(shown) + (f" and {rest:,} more" if rest > 0 else "")


def shares_note(result: BatchResult) -> str | None:
    """Say which resubmitted amber reports lost their share list (now shown to every member
    agency), or None."""
    count = result.shares_removed
    if not count:
        return None
    named = _named_refs(result.shares_removed_refs, count)
    which = (
        f"amber report {named} was resubmitted with an empty share_with, so it is now"
        if count == 1
        else f"{count:,} amber reports ({named}) were resubmitted with an empty share_with, "
        "so each is now"
    )
    return (
        f"Share list removed: {which} visible to every member agency, not only the agencies it "
        "was narrowed to. To narrow it again, resubmit it with share_with; to correct a report "
        "and keep its list, leave the share_with column or key out"
    )


def batch_notes(result: BatchResult) -> list[str]:
    """Return what a batch's answer says beside its counts and errors (no final stops)."""
    notes = (
        kept_note(result.kept),
        shares_note(result),
        fx_note(result.stand_ins),
        estimate_note(result),
    )
    return [n for n in notes if n is not None]


def empty_note(result: BatchResult) -> str | None:
    """Say that a batch held no report at all, or None.

    The command line says so of a file with a header row and nothing under it; the upload
    page said "Upload complete: All 0 reports were saved", and the API only counted zeros,
    for what is most often the wrong file (an empty template) sent.
    """
    if result.accepted or result.rejected or result.errors:
        return None
    return (
        "No reports: the batch holds none (a file with a header row and no rows under it, or "
        "an empty list of reports), so nothing was stored; check that this is the file meant "
        "to be sent"
    )


def estimate_note(result: BatchResult) -> str | None:
    """Say which stored losses were written as estimates ("~RM500"), or None."""
    count = result.estimated
    if not count:
        return None
    named = _named_refs(result.estimated_refs, count)
    which = (
        f"the loss of report {named} was written as an estimate"
        if count == 1
        else f"the losses of {count:,} reports ({named}) were written as estimates"
    )
    return (
        f"Estimated losses: {which} ('~', 'approx.'), and stored as the figure given; where "
        "the exact amount becomes known, resubmit the report with it"
    )


def fx_note(stand_ins: dict[tuple[int, int], int]) -> str | None:
    """Say how many losses took a stand-in FX rate, and for which months, or None."""
    if not stand_ins:
        return None
    count = sum(stand_ins.values())
    months = [f"{year}-{month:02d}" for year, month in sorted(stand_ins)]
    shown = ", ".join(months[:6]) + (", ..." if len(months) > 6 else "")
    return (
        f"Stand-in FX rate: the loss of {count:,} report{'s' if count != 1 else ''} ({shown}) "
        "was valued in USD at the nearest month's rate, as the FX table has no rate for its "
        "month; the secretariat adds the month with a rates file (COUNTERSCAM_FX_RATES_FILE) "
        "and then runs `counterscam fx revalue`"
    )


def kept_note(kept: dict[str, int]) -> str | None:
    """Say which stored rows of resubmitted reports a batch left as they were, or None."""
    by_count: dict[int, list[str]] = {}
    for section in ("identifiers", "parties", "places"):
        if kept.get(section):
            by_count.setdefault(kept[section], []).append(section)
    if not by_count:
        return None
    parts = [
        f"the {_listed(sections)} of {count:,} resubmitted report{'s' if count != 1 else ''}"
        for count, sections in sorted(by_count.items(), reverse=True)
    ]
    return (
        f"Kept as stored: {' and '.join(parts)}, as the batch has no file, sheet or JSON key "
        "for them; to replace them, give one, even with no rows for a report"
    )


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


@dataclass
class _Run:
    caller: Caller
    keep_valid: bool
    normaliser: Normaliser
    result: BatchResult
    # Agencies by code (id, kind), read at the first share_with; the valid codes' ids.
    agencies: dict[str, tuple[int, str]] | None = None
    agency_ids: dict[str, int] = field(default_factory=dict)
    pending: list[NormalReport] = field(default_factory=list)
    # Identifier ids and alerted identifiers of the chunks written so far, so later chunks
    # neither look them up nor re-raise their alerts; dropped with the run on rollback.
    known: dict[tuple[str, str], int] = field(default_factory=dict)
    alerted: set[int] = field(default_factory=set)
    unlinked: list[int] = field(default_factory=list)
    # The sightings the unlinked reports will link by, read chunk by chunk as they are written
    # (link.sightings explains why).
    ahead: ReadAhead = field(default_factory=ReadAhead)
    seen: int = 0
    failed: bool = False
    unlisted: int = 0
    # Whether a transaction of this run waits for another writer as long as that one takes
    # (a command-line import), or a bounded time (a request; db.writer).
    patient: bool = False
    claimed: bool = False  # this transaction holds the writer's claim

    def claim(self, session: Session) -> None:
        if not self.claimed:
            claim_writer(session, patient=self.patient)
            self.claimed = True

    def error(self, errors: Iterable[RowError]) -> None:
        for e in errors:
            if len(self.result.errors) < MAX_ERRORS:
                self.result.errors.append(e)
            else:
                self.unlisted += 1
        self.failed = True


def submit_refusal(caller: Caller) -> str | None:
    """Say why ``caller`` may not submit reports (partners and observers only read), or None."""
    if contributes(caller):
        return None
    who = caller.agency_code or "an anonymous visitor"
    article = "an" if caller.agency_kind[:1] in "aeiou" else "a"
    return (
        f"only member agencies and the secretariat submit reports; {who} is "
        f"{article} {caller.agency_kind}. Ask the member agency that holds the case to submit it, "
        "or send it to the secretariat"
    )


def submit(
    session: Session,
    caller: Caller,
    *,
    reports: Iterable[RawReport | Prepared | RowError],
    source: str,
    filename: str = "",
    keep_valid: bool = False,
    settings: Settings | None = None,
    streaming: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> BatchResult:
    """Validate, normalise and store a batch of reports for the caller's agency; commits.

    Args:
        reports: raw reports (and errors found while reading the files) in file order, or
            reports already prepared (``intake.worker``); the country they were prepared
            for must be the caller's.
        source: api, csv, xlsx, json, cli or web, recorded on the batch.
        keep_valid: store the valid reports and list the rejected ones, instead of
            rejecting the whole batch on the first error.
        settings: the batch-size limit (``max_batch_reports``) unless ``streaming``.
        streaming: a large CLI import: no batch-size limit; with ``keep_valid`` each chunk
            of valid reports is committed as it goes, so a re-run resumes (resubmitted
            reports are updated, never duplicated). It waits for another import writing
            meanwhile as long as that one takes; any other submission waits at most
            ``db.writer.WAIT_SECONDS``.
        on_progress: told the number of reports read so far, once per chunk.

    Returns:
        The batch outcome; ``errors`` say file, row, column, value and reason.

    Raises:
        StoreBusy: (not streaming) another writer held the store too long; nothing stored.
    """
    refusal = submit_refusal(caller)
    if refusal is not None:
        raise NotAllowed(refusal)
    limit = None if streaming or settings is None else settings.max_batch_reports
    # Before the batch's row is written: on SQLite that write would otherwise fail after the
    # driver's busy timeout when another import holds the store longer (db.writer).
    begin_write(session, patient=streaming)
    batch = ImportBatch(
        agency_id=caller.agency_id,
        user_id=caller.user_id,
        source=source,
        filename=filename[:300],
        status="partial",
    )
    session.add(batch)
    session.flush()
    run = _Run(
        caller=caller,
        keep_valid=keep_valid,
        normaliser=Normaliser(country=caller.country),
        result=BatchResult(batch_id=batch.id, status="partial"),
        patient=streaming,
    )
    try:
        with bulk_load(on=streaming):
            for item in reports:
                if isinstance(item, RowError):
                    run.error([item])
                    continue
                run.seen += 1
                if limit is not None and run.seen > limit:
                    raise FileProblem(
                        [
                            RowError(
                                filename or "request",
                                item.row,
                                "",
                                "",
                                f"more than {limit:,} reports in one batch; split it",
                            )
                        ]
                    )
                outcome = item if isinstance(item, Prepared) else prepare(item, run.normaliser)
                _take(session, run, outcome)
                if len(run.pending) >= CHUNK:
                    _flush(session, run, batch, streaming)
                    if on_progress is not None:
                        on_progress(run.seen)
            _flush(session, run, batch, streaming)
    except FileProblem as exc:
        return _reject(session, run, caller, batch, fatal=exc.errors)
    if on_progress is not None:
        on_progress(run.seen)
    if run.failed and not keep_valid:
        return _reject(session, run, caller, batch, fatal=[])
    run.claim(session)  # a streaming import committed its last chunk: the batch row is a write
    _link(session, run)
    result = run.result
    result.rejected = run.seen - result.accepted
    result.status = "committed" if not run.failed else "partial" if result.accepted else "rejected"
    _finish(batch, run)
    session.commit()
    log.info("batch %s by %s: %s", batch.id, caller.actor, result.status)
    return result


def _take(session: Session, run: _Run, prepared: Prepared) -> None:
    errors = prepared.errors
    if prepared.normal is not None:
        errors = errors + _check_shares(session, run, prepared.normal.share_with, prepared)
        if not errors:
            run.pending.append(prepared.normal)
            return
    else:
        errors = errors + _check_shares(session, run, prepared.shares, prepared)
    run.error(errors)


def _check_shares(
    session: Session, run: _Run, share_with: Sequence[str], where: Prepared
) -> list[RowError]:
    if not share_with:
        return []
    if run.agencies is None:
        # Agencies are tens of rows: read once per batch, so a wrong code can be answered
        # with the codes that exist, not an example that may not.
        query = select(Agency.code, Agency.id, Agency.kind)
        run.agencies = {code: (agency_id, kind) for code, agency_id, kind in session.execute(query)}
    errors = []
    for code in share_with:
        found = run.agencies.get(code)
        if found is None:
            reason = f"no agency with code {code}; {_codes_hint(code, run.agencies)}"
        elif found[1] not in MEMBER_KINDS:
            # Amber is never shown to partners and observers, whatever share_with says: naming
            # one would hide the report from every member and show it to no one new.
            reason = (
                f"{code} is {with_article(found[1])}, and amber reports are shown only "
                "to member agencies and the secretariat; to share the report with it, mark "
                "it green and leave share_with empty"
            )
        else:
            run.agency_ids[code] = found[0]
            continue
        errors.append(RowError(where.file, where.row, "share_with", code, reason))
    return errors


def _codes_hint(code: str, agencies: dict[str, tuple[int, str]]) -> str:
    members = sorted(c for c, (_, kind) in agencies.items() if kind in MEMBER_KINDS)
    close = difflib.get_close_matches(code, members, n=3, cutoff=0.6)
    if close:
        return f"did you mean {' or '.join(close)}? Separate codes with ';'"
    shown = ", ".join(members[:20]) + (
        f" and {len(members) - 20:,} more" if len(members) > 20 else ""
    )
    return f"the agencies a report can be shared with are: {shown}. Separate codes with ';'"


def _flush(session: Session, run: _Run, batch: ImportBatch, streaming: bool) -> None:
    chunk, run.pending = run.pending, []
    if not chunk:
        return
    run.result.accepted += len(chunk)
    if run.failed and not run.keep_valid:
        return  # the batch will be rolled back: keep validating, stop writing
    run.claim(session)
    written = write_chunk(
        session,
        agency_id=batch.agency_id,
        batch_id=batch.id,
        reports=chunk,
        share_ids=run.agency_ids,
        known=run.known,
    )
    run.unlinked.extend(written.report_ids)
    run.ahead.add(session, written.report_ids, written.rewritten)
    run.result.created += written.created
    run.result.updated += written.updated
    for section, count in written.kept.items():
        run.result.kept[section] = run.result.kept.get(section, 0) + count
    run.result.shares_removed += len(written.shares_removed)
    room = SHARES_LISTED - len(run.result.shares_removed_refs)
    run.result.shares_removed_refs.extend(written.shares_removed[: max(0, room)])
    run.result.report_ids.extend(written.report_ids)
    for report in chunk:
        if report.estimated:
            run.result.estimated += 1
            if len(run.result.estimated_refs) < SHARES_LISTED:
                run.result.estimated_refs.append(report.external_ref)
        v = report.values
        day = stand_in_day(v["fx_date"], v["incident_at"], v["reported_at"], v["country"])
        if day is not None:
            month = (day.year, day.month)
            run.result.stand_ins[month] = run.result.stand_ins.get(month, 0) + 1
    committing = streaming and run.keep_valid
    if committing or len(run.unlinked) >= LINK_GROUP:
        _link(session, run)
    if committing:
        _finish(batch, run)
        session.commit()
        run.claimed = False  # other writers go between chunks: the next one claims again


def _link(session: Session, run: _Run) -> None:
    """Put the reports written since the last call in their clusters; the caller commits."""
    ids, run.unlinked = run.unlinked, []
    ahead, run.ahead = run.ahead, ReadAhead()
    if not ids:
        return
    # Imported here: linking loads numpy, scipy and igraph (~0.4 s), which the commands
    # that only import the CLI (and imports that store nothing) need not pay for.
    from counterscam.link.incremental import link_reports

    link_reports(session, ids, ahead=ahead)
    # Alerts after linking: a value these reports make a busy hub is on the stop-list only
    # now, and raised before, its alerts told every pair of agencies of an exchange's wallet.
    for start in range(0, len(ids), CHUNK):
        raise_alerts(session, ids[start : start + CHUNK], done=run.alerted)


def _finish(batch: ImportBatch, run: _Run) -> None:
    result = run.result
    batch.status = result.status
    batch.accepted, batch.rejected = result.accepted, run.seen - result.accepted
    batch.created, batch.updated = result.created, result.updated
    batch.kept_identifiers = result.kept.get("identifiers", 0)
    batch.kept_parties = result.kept.get("parties", 0)
    batch.kept_places = result.kept.get("places", 0)
    batch.shares_removed = result.shares_removed
    # A reference holds no line break (an invisible character in one is refused).
    batch.shares_removed_refs = "\n".join(result.shares_removed_refs)
    batch.estimated = result.estimated
    batch.estimated_refs = "\n".join(result.estimated_refs)
    listed = list(result.errors)
    if run.unlisted:
        listed.append(RowError("", 0, "", "", f"and {run.unlisted:,} more errors not listed"))
    batch.rejections_csv = rejections_csv(listed) if listed else ""


def _reject(
    session: Session, run: _Run, caller: Caller, batch: ImportBatch, *, fatal: list[RowError]
) -> BatchResult:
    session.rollback()
    run.claimed = False
    begin_write(session, patient=run.patient)
    if fatal:
        # A file problem lists every bad key or column it found: a JSON batch of 100,000 keys
        # beside "reports" answered 100,000 errors (16 MB), past the limit row errors keep.
        run.unlisted += max(0, len(fatal) - MAX_ERRORS)
        fatal = fatal[:MAX_ERRORS]
        run.result.errors = fatal + run.result.errors[: MAX_ERRORS - len(fatal)]
    result = BatchResult(
        batch_id=None, status="rejected", accepted=0, rejected=run.seen, errors=run.result.errors
    )
    run.result = result
    record = ImportBatch(
        agency_id=caller.agency_id,
        user_id=caller.user_id,
        source=batch.source,
        filename=batch.filename,
        status="rejected",
    )
    _finish(record, run)
    session.add(record)
    session.commit()
    result.batch_id = record.id
    return result


def get_batch(session: Session, caller: Caller, batch_id: int) -> BatchResult:
    """Return a batch the caller's agency submitted; BatchNotFound for any other."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None or caller.agency_id is None or batch.agency_id != caller.agency_id:
        raise BatchNotFound(f"no batch {batch_id} submitted by your agency")
    rows = session.execute(
        select(Report.id, Report.fx_date, Report.incident_at, Report.reported_at, Report.country)
        .where(Report.batch_id == batch.id)
        .order_by(Report.id)
    ).all()
    # Not stored with the batch but read from its reports, so its page and GET answer say what
    # the upload's answer said (the page, reached by a redirect, left the note out) and stop
    # saying it once `counterscam fx revalue` has given a loss its own month's rate.
    stand_ins: dict[tuple[int, int], int] = {}
    for _, fx_date, incident_at, reported_at, country in rows:
        if (day := stand_in_day(fx_date, incident_at, reported_at, country)) is not None:
            stand_ins[(day.year, day.month)] = stand_ins.get((day.year, day.month), 0) + 1
    return BatchResult(
        batch_id=batch.id,
        status=batch.status,
        accepted=batch.accepted,
        rejected=batch.rejected,
        created=batch.created,
        updated=batch.updated,
        errors=parse_rejections_csv(batch.rejections_csv) if batch.rejections_csv else [],
        report_ids=[row[0] for row in rows],
        kept={
            section: count
            for section, count in (
                ("identifiers", batch.kept_identifiers),
                ("parties", batch.kept_parties),
                ("places", batch.kept_places),
            )
            if count
        },
        shares_removed=batch.shares_removed,
        shares_removed_refs=batch.shares_removed_refs.split("\n") if batch.shares_removed else [],
        stand_ins=stand_ins,
        estimated=batch.estimated,
        estimated_refs=batch.estimated_refs.split("\n") if batch.estimated else [],
    )


def rejections_for(session: Session, caller: Caller, batch_id: int) -> str:
    """Return the rejection CSV of a batch the caller's agency submitted."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None or caller.agency_id is None or batch.agency_id != caller.agency_id:
        raise BatchNotFound(f"no batch {batch_id} submitted by your agency")
    # Written anew, so a file stored before carriage returns were quoted comes out quoted too.
    return rejections_csv(parse_rejections_csv(batch.rejections_csv or ""))
