"""link: parties as evidence (cluster_link.via, party_a, party_b), party_document keys

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 10:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("cluster_link", schema=None) as batch_op:
        batch_op.alter_column("identifier_id", existing_type=ID, nullable=True)
        batch_op.add_column(
            sa.Column("via", sa.String(length=16), server_default="identifier", nullable=False)
        )
        batch_op.add_column(sa.Column("party_a", ID, nullable=True))
        batch_op.add_column(sa.Column("party_b", ID, nullable=True))

    op.create_table(
        "party_document",
        sa.Column("party_id", ID, nullable=False),
        sa.Column("report_id", ID, nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["party.id"],
            name=op.f("fk_party_document_party_id_party"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_party_document_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("party_id", name=op.f("pk_party_document")),
    )
    with op.batch_alter_table("party_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_document_key"), ["key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_party_document_report_id"), ["report_id"], unique=False
        )

    # The keys of the parties already stored (counterscam.link.party_evidence.document_key,
    # frozen here): suspects, mules and recruiters with a number of five characters or more.
    number = "upper(replace(replace(id_number, ' ', ''), '-', ''))"
    op.execute(
        "INSERT INTO party_document (party_id, report_id, key, role) "
        f"SELECT id, report_id, {number} || ':' || coalesce(nullif(nationality, ''), id_kind), "
        "role FROM party WHERE role IN ('mule', 'recruiter', 'suspect') "
        f"AND length({number}) >= 5"
    )


def downgrade() -> None:
    with op.batch_alter_table("party_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_document_report_id"))
        batch_op.drop_index(batch_op.f("ix_party_document_key"))

    op.drop_table("party_document")
    op.execute("DELETE FROM cluster_link WHERE identifier_id IS NULL")
    with op.batch_alter_table("cluster_link", schema=None) as batch_op:
        batch_op.drop_column("party_b")
        batch_op.drop_column("party_a")
        batch_op.drop_column("via")
        batch_op.alter_column("identifier_id", existing_type=ID, nullable=False)
