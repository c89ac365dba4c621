"""access: API tokens expire

A token copied into a script or a colleague's notes worked until someone remembered to revoke
it. Tokens issued from this revision on carry an expiry (``COUNTERSCAM_TOKEN_LIFETIME_DAYS``);
those issued before it keep working until revoked, as they were issued.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import counterscam.db.base

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_token", recreate="never") as batch:
        batch.add_column(
            sa.Column("expires_at", counterscam.db.base.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("api_token", recreate="never") as batch:
        batch.drop_column("expires_at")
