"""Export the clusters as CSV: one row per report, through the access policy."""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Agency, Report
from counterscam.spreadsheet import safe_cell

COLUMNS = ("agency", "external_ref", "cluster")
log = logging.getLogger(__name__)


def cluster_rows(session: Session, caller: Caller) -> Iterator[tuple[str, str, str]]:
    """Yield (agency code, external reference, cluster key or '') for every visible report."""
    query = (
        select(Agency.code, Report.external_ref, Cluster.key)
        .join(Agency, Agency.id == Report.agency_id)
        .outerjoin(ClusterReport, ClusterReport.report_id == Report.id)
        .outerjoin(Cluster, Cluster.id == ClusterReport.cluster_id)
        .where(report_visible(caller))
        .order_by(Agency.code, Report.external_ref)
        .execution_options(yield_per=10_000)
    )
    for code, ref, key in session.execute(query):
        # A reference is the submitting centre's text: "=HYPERLINK(...)" must not run when
        # the export is opened in a spreadsheet.
        yield code, safe_cell(ref), key or ""


def export_clusters(session: Session, caller: Caller, out: TextIO, *, channel: str = "cli") -> int:
    """Write the CSV of reports and their clusters to ``out``; return the rows; audited.

    An export cut short (Ctrl-C, a full disk) is audited too, with the rows written so far,
    and that row queued or committed: the caller's unit of work ends rolled back. Its row is
    queued as other reads' are (``audit.record_read``), so an export during an import is
    written, not refused after its rows have gone out; a command writes it before it ends.
    """
    writer = csv.writer(out)
    n = 0
    try:
        writer.writerow(COLUMNS)
        for row in cluster_rows(session, caller):
            writer.writerow(row)
            n += 1
    except BaseException:
        # The rows already written are in the file: recorded only at the end, an export
        # stopped half-way left hundreds of thousands of references out and no trace of it.
        _audit_cut_short(session, caller, channel, n)
        raise
    audit.record_read(session, caller, channel=channel, action="export_clusters", hits=n)
    return n


def _audit_cut_short(session: Session, caller: Caller, channel: str, rows: int) -> None:
    try:
        session.rollback()  # the read may have failed the transaction: audit in a new one
        audit.record_read(session, caller, channel=channel, action="export_clusters", hits=rows)
        session.commit()
    except Exception:  # the export's own error is the one to tell; say this one in the log
        session.rollback()
        log.exception("the audit row of an export cut short after %d rows was not written", rows)
