"""intake: the resubmitted amber reports of a batch whose share list it emptied

A correction sent with an empty share_with makes an amber report narrowed to named agencies
visible to every member agency; the batch's page is drawn from this row, so it could not say
so, as the CLI and API answer do. Batches stored before this revision removed none.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 05:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


# Never recreated on SQLite (as 0009): report rows point at this table.
def upgrade() -> None:
    with op.batch_alter_table("import_batch", recreate="never") as batch:
        batch.add_column(
            sa.Column("shares_removed", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("shares_removed_refs", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("import_batch", recreate="never") as batch:
        batch.drop_column("shares_removed_refs")
        batch.drop_column("shares_removed")
