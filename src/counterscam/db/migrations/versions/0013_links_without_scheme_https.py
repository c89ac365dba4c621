"""identifiers: a link written without a scheme is its https:// site

A link typed as an address bar shows it (``scam-shop.com/pay``: browsers hide ``https://``) was
stored as ``http://scam-shop.com/pay`` and never met the same link pasted with ``https://``.
Intake now reads it as ``https://...``. This revision moves the sightings stored under the old
reading (their value as written reads, today, as the https:// form of the http:// identifier
they name) to the https:// identifier, creating it or merging into it; an http:// identifier
left with no sighting goes. Alerts and cluster links follow the sightings they were drawn from,
and the stop-list entry of a moved http:// value is copied to its https:// form. Reports that
now share a link, or no longer do, are linked so at the next ``counterscam link --rebuild``,
which the upgrade says when it moved anything.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 12:45:00.000000
"""

from __future__ import annotations

import sys
from functools import lru_cache

from alembic import op

from counterscam.db.identifier_moves import move_identifiers
from counterscam.identifiers import InvalidIdentifier, canonicalize

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


@lru_cache(maxsize=65_536)
def _read_now(raw: str, country: str | None) -> str | None:
    """Return the URL ``raw`` is read as today, None when it is no URL now."""
    try:
        found = canonicalize("url", raw, country=country)
    except InvalidIdentifier:
        return None
    return found.value if found.kind == "url" else None


def _https_form(value: str, raw: str, country: str | None) -> str | None:
    """The https:// form of an http:// link when its value as written reads so today; None
    when it was written with http://, or is read so for another reason: it stays."""
    https_value = "https://" + value.removeprefix("http://")
    return https_value if _read_now(raw, country) == https_value else None


def upgrade() -> None:
    moved = move_identifiers(
        op.get_bind(), "url", lambda value: value.startswith("http://"), _https_form
    )
    if moved:
        sys.stderr.write(
            f"Links written without a scheme now read as https://: sightings of {moved:,} "
            "http:// link(s) moved to their https:// form. Run `counterscam link --rebuild` "
            "so that clusters join the reports that now share a link.\n"
        )


def downgrade() -> None:
    pass  # the old reading joined nothing the new one parts: nothing to undo
