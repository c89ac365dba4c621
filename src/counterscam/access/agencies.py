"""Changing what an agency is: a member that becomes a dialogue partner, an observer admitted,
an agency disabled as a whole and enabled again.

What a caller may see is decided from its agency's kind on every request (the kind is read
with the token or the web sign-in), so a change holds from the next request of every user of
the agency, in every running server; nothing is signed in again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import agency_by_code, agency_kind
from counterscam.access.users import end_sign_ins
from counterscam.db.models import User


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


@dataclass(frozen=True)
class StateChange:
    """An agency enabled or disabled, and the web sign-ins disabling it ended."""

    code: str
    changed: bool  # False: it already was so
    sign_ins_ended: int = 0


def set_agency_active(session: Session, *, code: str, active: bool) -> StateChange:
    """Enable or disable an agency as a whole (its membership suspended, or a token leaked).

    While it is disabled none of its users signs in, and their API tokens are refused from
    the next request, whichever process serves it (the state is read with the token or the
    web sign-in). Its reports stay in the region's data: matches still name it as their
    holder, so other agencies learn what it holds. Its users are not changed: enabled again,
    those enabled before work again (their tokens too, unless revoked meanwhile) and those
    disabled one by one stay disabled. Disabling ends their web sign-ins, as disabling a user
    does: a browser signed in on a leaked machine must not come back with the agency.

    Raises:
        AccountError: when no agency has this code.
    """
    agency = agency_by_code(session, code)
    if agency.active == active:
        return StateChange(code=agency.code, changed=False)
    agency.active = active
    ended = 0
    if not active:
        ended = end_sign_ins(session, select(User.id).where(User.agency_id == agency.id))
    return StateChange(code=agency.code, changed=True, sign_ins_ended=ended)
