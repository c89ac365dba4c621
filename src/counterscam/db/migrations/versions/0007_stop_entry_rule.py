"""link: which rule made an automatic stop-list entry, so that only busy hubs silence alerts

``rule`` is ``busy`` (more reports in one window run than the hub limit), ``span`` (in use
longer than the life-span limit, with fewer reports) or empty (an analyst's entry). Entries
made before this revision did not record it and are taken as ``busy``: they keep silencing
alerts as they did until a rebuild finds their rule again.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stop_entry") as batch:
        batch.add_column(sa.Column("rule", sa.String(length=8), nullable=False, server_default=""))
    op.execute("UPDATE stop_entry SET rule = 'busy' WHERE added_by = 'auto'")


def downgrade() -> None:
    with op.batch_alter_table("stop_entry") as batch:
        batch.drop_column("rule")
