"""The TLP access policy of DESIGN.md, implemented once, as SQL and as a check on one row.

Both forms must agree; tests compare them on every (caller kind, mark) pair.

| mark         | who sees the content                                              |
| clear        | every account holder (the public check page gets hit/no-hit only) |
| green        | all agencies, partners and observers                              |
| amber        | members and the secretariat; narrowed by the owner to named       |
|              | agencies (the secretariat keeps access: it runs the exchange)     |
| amber+strict | the owner agency and the secretariat                              |
| red          | the owner agency only                                             |
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true

from counterscam.access.caller import Caller
from counterscam.db.models import Report, ReportShare

MARKS = ("clear", "green", "amber", "amber+strict", "red")
MEMBER_KINDS = ("member", "secretariat")


def report_visible(caller: Caller) -> ColumnElement[bool]:
    """Return the SQL condition under which ``caller`` may see a report's content."""
    if caller.is_public or caller.agency_id is None:
        return false()
    conditions: list[ColumnElement[bool]] = [
        Report.mark.in_(("clear", "green")),
        Report.agency_id == caller.agency_id,
    ]
    if caller.agency_kind == "secretariat":
        conditions.append(Report.mark.in_(("amber", "amber+strict")))
    elif caller.agency_kind == "member":
        narrowed = exists(select(ReportShare.report_id).where(ReportShare.report_id == Report.id))
        named = exists(
            select(ReportShare.report_id).where(
                ReportShare.report_id == Report.id, ReportShare.agency_id == caller.agency_id
            )
        )
        conditions.append(and_(Report.mark == "amber", or_(~narrowed, named)))
    return or_(*conditions)


def contributes(caller: Caller) -> bool:
    """Tell whether ``caller`` may change the region's shared data: submit reports, edit the
    hub stop-list. Member agencies and the secretariat do; partners and observers only read."""
    return caller.agency_id is not None and caller.agency_kind in MEMBER_KINDS


def can_see_report(
    caller: Caller, *, owner_agency_id: int, mark: str, shared_with: Collection[int] = ()
) -> bool:
    """Tell whether ``caller`` may see one report's content (the row form of the policy)."""
    if caller.is_public or caller.agency_id is None:
        return False
    if owner_agency_id == caller.agency_id or mark in ("clear", "green"):
        return True
    if caller.agency_kind == "secretariat":
        return mark in ("amber", "amber+strict")
    if caller.agency_kind == "member" and mark == "amber":
        return not shared_with or caller.agency_id in shared_with
    return False


def public_visible() -> ColumnElement[bool]:
    """Return the condition for what the public check page may count: clear reports only."""
    return Report.mark == "clear"


def any_visible() -> ColumnElement[bool]:
    """Return the condition matching every report: matching always runs over all data."""
    return true()
