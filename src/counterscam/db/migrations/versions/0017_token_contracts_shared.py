"""identifiers: the stablecoins' contract addresses flagged as shared

A receipt or an explorer's page often gives USDT's or USDC's contract address instead of the
wallet that received the money, and every report that pasted it shared one "wallet". Intake now
flags these contracts ``shared_platform`` (``identifiers.shared.token_contract``: they link no
reports and raise no alerts), but an identifier row stored before keeps the flag it was stored
with, as intake never rewrites one. This revision flags the stored ones by the same rule;
clusters drawn through them go at the next ``counterscam link --rebuild``.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 23:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counterscam.identifiers.shared import token_contract

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_PAGE = 10_000  # identifiers read at a time, so a large store is never held whole


def upgrade() -> None:
    connection = op.get_bind()
    identifier = sa.table(
        "identifier",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("value", sa.String),
        sa.column("shared_platform", sa.Boolean),
    )
    flag = (
        sa.update(identifier)
        .where(identifier.c.id.in_(sa.bindparam("ids", expanding=True)))
        .values(shared_platform=True)
    )
    last = 0
    while True:
        rows = connection.execute(
            sa.select(identifier.c.id, identifier.c.value)
            .where(
                identifier.c.id > last,
                identifier.c.kind == "crypto_wallet",
                identifier.c.shared_platform == sa.false(),
            )
            .order_by(identifier.c.id)
            .limit(_PAGE)
        ).all()
        if not rows:
            break
        last = rows[-1][0]
        ids = [row_id for row_id, value in rows if token_contract(value) is not None]
        if ids:
            connection.execute(flag, {"ids": ids})


def downgrade() -> None:
    pass  # the flag only withholds links the contracts never meant: nothing to undo
