"""identifiers: banks' published hotlines flagged as shared

Scammers spoof the caller ID of banks' published hotlines (Maybank's 1-300-88-6688, KBank's
02-888-8888), and victims name them when they called to check: every such report shared one
"phone". Intake now flags the numbers in reference/data/hotlines.yaml ``shared_platform`` (they
link no reports and raise no alerts), but an identifier row stored before keeps the flag it was
stored with, as intake never rewrites one. This revision flags the stored ones by the same
rule; clusters drawn through them go at the next ``counterscam link --rebuild``.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 01:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counterscam.reference.hotlines import hotlines

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    numbers = sorted(hotlines())
    if not numbers:
        return
    identifier = sa.table(
        "identifier",
        sa.column("kind", sa.String),
        sa.column("value", sa.String),
        sa.column("shared_platform", sa.Boolean),
    )
    op.get_bind().execute(
        sa.update(identifier)
        .where(
            identifier.c.kind == "phone",
            identifier.c.value.in_(numbers),
            identifier.c.shared_platform == sa.false(),
        )
        .values(shared_platform=True)
    )


def downgrade() -> None:
    pass  # the flag only withholds links the hotlines never meant: nothing to undo
