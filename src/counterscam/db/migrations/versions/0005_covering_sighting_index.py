"""check: the identifier index of sightings covers the report and the role

A check and linking read, for an identifier, every sighting's report and role: with the index
on ``identifier_id`` alone each row cost a look-up in the sighting table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 22:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


# Plain index operations, not a batch: on SQLite a batch could copy the whole table.
def upgrade() -> None:
    op.create_index(
        "ix_sighting_identifier_report", "sighting", ["identifier_id", "report_id", "role"]
    )
    op.drop_index("ix_sighting_identifier", table_name="sighting")


def downgrade() -> None:
    op.create_index("ix_sighting_identifier", "sighting", ["identifier_id"])
    op.drop_index("ix_sighting_identifier_report", table_name="sighting")
