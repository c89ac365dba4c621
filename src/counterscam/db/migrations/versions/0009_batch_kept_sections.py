"""intake: how many resubmitted reports of a batch kept their stored linked rows, per section

A resubmission replaces only the linked sections it carries (identifiers, parties, places);
the batch's page is drawn from this row, so it could not say that the others were kept, as
the CLI and API answer do. Batches stored before this revision kept none.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 23:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_COLUMNS = ("kept_identifiers", "kept_parties", "kept_places")


# Never recreated on SQLite (it has ADD and DROP COLUMN): a copy of the table, which report
# rows point at, failed their foreign keys on the way down.
def upgrade() -> None:
    with op.batch_alter_table("import_batch", recreate="never") as batch:
        for name in _COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("import_batch", recreate="never") as batch:
        for name in _COLUMNS:
            batch.drop_column(name)
