"""identifiers: private and local network addresses and burn wallets flagged as shared

Every home router is 192.168.1.1 and thousands of unrelated senders pay 0x...dEaD: intake now
flags such values ``shared_platform`` (they link no reports and raise no alerts), but an
identifier row stored before keeps the flag it was stored with, as intake never rewrites one.
This revision flags the stored ones by the same rules (``identifiers.shared``); clusters drawn
through them go at the next ``counterscam link --rebuild``.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 08:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counterscam.identifiers.shared import names_no_one

revision = "0011"
down_revision = "0010"
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
    # Only a link on an address (a digit or an IPv6 bracket after the scheme) can be local.
    on_address = sa.or_(
        *(
            identifier.c.value.startswith(f"{scheme}://{first}")
            for scheme in ("http", "https")
            for first in "0123456789["
        )
    )
    candidates = sa.or_(
        identifier.c.kind.in_(("ip", "crypto_wallet")),
        sa.and_(identifier.c.kind == "url", on_address),
    )
    flag = (
        sa.update(identifier)
        .where(identifier.c.id.in_(sa.bindparam("ids", expanding=True)))
        .values(shared_platform=True)
    )
    last = 0
    while True:
        rows = connection.execute(
            sa.select(identifier.c.id, identifier.c.kind, identifier.c.value)
            .where(identifier.c.id > last, candidates, identifier.c.shared_platform == sa.false())
            .order_by(identifier.c.id)
            .limit(_PAGE)
        ).all()
        if not rows:
            break
        last = rows[-1][0]
        ids = [row_id for row_id, kind, value in rows if names_no_one(kind, value)]
        if ids:
            connection.execute(flag, {"ids": ids})


def downgrade() -> None:
    pass  # the flag only withholds links the values never meant: nothing to undo
