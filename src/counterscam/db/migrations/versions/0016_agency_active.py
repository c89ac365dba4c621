"""access: an agency can be disabled as a whole

An agency whose membership is suspended, or whose systems leaked a token, was stopped only by
disabling each of its users. ``agency disable`` now refuses all of them at once, and ``agency
enable`` brings them back as they were; every agency is enabled at the upgrade.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 16:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agency", recreate="never") as batch:
        batch.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("agency", recreate="never") as batch:
        batch.drop_column("active")
