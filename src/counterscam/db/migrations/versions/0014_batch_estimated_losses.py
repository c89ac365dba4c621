"""intake: the reports of a batch whose loss was written as an estimate

A loss written ``~RM500`` or ``approx. 500`` is stored as the figure it gives, and the upload's
answer (CLI, API) says which reports gave one; the batch's page is drawn from this row, so it
could not say so. Batches stored before this revision count none.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 15:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


# Never recreated on SQLite (as 0009): report rows point at this table.
def upgrade() -> None:
    with op.batch_alter_table("import_batch", recreate="never") as batch:
        batch.add_column(sa.Column("estimated", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("estimated_refs", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("import_batch", recreate="never") as batch:
        batch.drop_column("estimated_refs")
        batch.drop_column("estimated")
