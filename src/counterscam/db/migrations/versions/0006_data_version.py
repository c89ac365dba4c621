"""web: a data token, so the dashboard and cluster list can reuse figures until data changes

One row, rewritten with a random token by every transaction that changes reports, their
shares, or clusters (``db.data_version``). Nothing is written per report.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 09:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )


def downgrade() -> None:
    op.drop_table("data_version")
