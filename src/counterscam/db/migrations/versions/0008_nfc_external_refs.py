"""intake: report references in Unicode NFC, the form intake now stores and compares them in

A Vietnamese reference typed as letters with combining accents ("Hà" as "Ha" + U+0300) and the
same reference with one code point a letter were two references: resubmitting it from another
keyboard made a second report. Intake now reads every reference as NFC; stored ones that are
not NFC are rewritten so, unless their NFC form is another stored reference of the same agency
(or that of another reference rewritten here): both reports are then left as they are, for the
agency to merge, rather than one of them being silently renamed onto the other.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 23:00:00.000000
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_PAGE = 10_000  # reports read at a time, so a large store is never held whole
_REF_CHARS = 100  # report.external_ref


def upgrade() -> None:
    connection = op.get_bind()
    report = sa.table(
        "report",
        sa.column("id", sa.Integer),
        sa.column("agency_id", sa.Integer),
        sa.column("external_ref", sa.String),
    )
    renamed: dict[tuple[int, str], list[int]] = {}  # (agency, NFC form) -> reports not NFC
    last = 0
    while True:
        rows = connection.execute(
            sa.select(report.c.id, report.c.agency_id, report.c.external_ref)
            .where(report.c.id > last)
            .order_by(report.c.id)
            .limit(_PAGE)
        ).all()
        if not rows:
            break
        last = rows[-1][0]
        for report_id, agency_id, ref in rows:
            if ref.isascii() or (nfc := unicodedata.normalize("NFC", ref)) == ref:
                continue
            if len(nfc) <= _REF_CHARS:  # NFC may lengthen a letter the column would not hold
                renamed.setdefault((agency_id, nfc), []).append(report_id)
    taken = sa.select(report.c.id).where(
        report.c.agency_id == sa.bindparam("agency"), report.c.external_ref == sa.bindparam("ref")
    )
    rename = (
        sa.update(report)
        .where(report.c.id == sa.bindparam("report"))
        .values(external_ref=sa.bindparam("ref"))
    )
    for (agency_id, nfc), ids in renamed.items():
        if len(ids) > 1 or connection.execute(taken, {"agency": agency_id, "ref": nfc}).first():
            continue
        connection.execute(rename, {"report": ids[0], "ref": nfc})


def downgrade() -> None:
    pass  # the NFC form is the same reference: nothing to undo
