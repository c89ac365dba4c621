"""identifiers: an account written with a Malaysian Islamic bank's BIC is its group bank's

``MBISMYKL 564012345678`` (Maybank Islamic's BIC) was stored as ``MY:MBIS:564012345678`` while
``Maybank Islamic 564012345678`` was ``MY:MBBE:564012345678``: one account, two values that never
met. Intake now reads the Islamic arms' BICs as their group's bank (banks.yaml v9,
``other_codes``). This revision moves the accounts stored under the six Islamic codes to the
group bank's code, merging into the account when it exists, with their alerts, cluster links
and stop-list entries; the upgrade says to run ``counterscam link --rebuild`` when it moved any.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 16:05:00.000000
"""

from __future__ import annotations

import sys

import sqlalchemy as sa
from alembic import op

from counterscam.db.identifier_moves import move_identifiers

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# The Islamic arm's institution code -> its group bank's code, as banks.yaml v9 gives them;
# written here so that the revision does not follow later reference data.
_GROUP = {
    "MBIS": "MBBE",  # Maybank Islamic -> Maybank
    "CTBB": "CIBB",  # CIMB Islamic -> CIMB Bank
    "PUIB": "PBBE",  # Public Islamic -> Public Bank
    "RHBA": "RHBB",  # RHB Islamic -> RHB Bank
    "HLIB": "HLBB",  # Hong Leong Islamic -> Hong Leong Bank
    "AISL": "ARBK",  # AmBank Islamic -> AmBank
}


def _names(value: sa.ColumnClause[str]) -> sa.ColumnElement[bool]:
    return sa.or_(*(value.startswith(f"MY:{code}:") for code in _GROUP))


def _group_form(value: str, raw: str, country: str | None) -> str | None:
    """The group bank's form of a stored Islamic-arm account (every sighting moves)."""
    _, code, number = value.split(":", 2)
    return f"MY:{_GROUP[code]}:{number}"


def upgrade() -> None:
    moved = move_identifiers(op.get_bind(), "bank_account", _names, _group_form)
    if moved:
        sys.stderr.write(
            f"Accounts written with a Malaysian Islamic bank's BIC now read as the group's "
            f"bank: {moved:,} account(s) moved (MY:MBIS:... is MY:MBBE:..., and so on). Run "
            "`counterscam link --rebuild` so that clusters join the reports that now share "
            "an account.\n"
        )


def downgrade() -> None:
    pass  # the old reading joined nothing the new one parts: nothing to undo
