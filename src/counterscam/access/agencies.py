"""Changing what an agency is: a member that becomes a dialogue partner, an observer admitted.

What a caller may see is decided from its agency's kind on every request (the kind is read
with the token or the web sign-in), so a change holds from the next request of every user of
the agency, in every running server; nothing is signed in again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from counterscam.access.accounts import agency_by_code, agency_kind


@dataclass(frozen=True)
class KindChange:
    """An agency's kind before and after a change (the same when nothing changed)."""

    code: str
    was: str
    now: str

    @property
    def changed(self) -> bool:
        """Tell whether the kind is a new one."""
        return self.was != self.now


def set_agency_kind(session: Session, *, code: str, kind: str) -> KindChange:
    """Give an agency another kind (member, secretariat, partner or observer).

    Its reports stay its own, with their marks; what its users see and may write follows the
    new kind at their next request (a partner sees no amber report, also one named to it, and
    writes nothing).

    Raises:
        AccountError: when no agency has this code, or the kind is not one of the four.
    """
    new = agency_kind(kind)
    agency = agency_by_code(session, code)
    change = KindChange(code=agency.code, was=agency.kind, now=new)
    agency.kind = new
    return change
