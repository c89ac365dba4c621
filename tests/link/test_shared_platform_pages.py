"""A page on a shared platform (a Facebook profile, a short link) links; the platform does not.

Intake stores such a URL with ``shared_platform`` set (it is hosted on facebook.com), which the
linking queries once took for the platform itself: a scam page reported in two countries then
raised its alerts but never joined its reports.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.check.alerts import raise_alerts
from counterscam.db.models import Alert, Identifier
from counterscam.link.incremental import link_reports
from counterscam.link.rebuild import rebuild
from tests.link.region import Region, add_report, clusters_by_ref, make_region

PROFILE = "https://www.facebook.com/profile.php?id=100087654321"
OTHER = "https://www.facebook.com/profile.php?id=100011112222"
FRONT = "https://www.facebook.com/"
SHARED = (PROFILE, OTHER, FRONT, "facebook.com")


def _pages(session: Session) -> Region:
    region = make_region(session)
    for i, agency in enumerate(("MY-NSRC", "SG-ASCOM", "MY-NSRC")):
        add_report(
            session,
            region,
            f"PAGE{i}",
            day=i * 5,
            agency=agency,
            names=[("url", PROFILE, "social_profile"), ("domain", "facebook.com", "website")],
            shared=SHARED,
        )
    # Other pages on the same platform, and the platform's front page, join nothing.
    for i, page in enumerate((OTHER, FRONT, FRONT)):
        add_report(
            session,
            region,
            f"ELSE{i}",
            day=i,
            agency=("MY-NSRC", "SG-ASCOM")[i % 2],
            names=[("url", page, "social_profile"), ("domain", "facebook.com", "website")],
            shared=SHARED,
        )
    return region


def _expected(keys: dict[str, str | None]) -> None:
    assert keys["PAGE0"] is not None
    assert keys["PAGE0"] == keys["PAGE1"] == keys["PAGE2"]
    assert keys["ELSE0"] is None and keys["ELSE1"] is None and keys["ELSE2"] is None


def test_rebuild_joins_reports_of_one_page_on_a_shared_platform(session: Session) -> None:
    region = _pages(session)
    rebuild(session)
    _expected(clusters_by_ref(session, region))


def test_intake_links_reports_of_one_page_on_a_shared_platform(session: Session) -> None:
    region = _pages(session)
    for report_id in region.reports.values():
        link_reports(session, [report_id])
    _expected(clusters_by_ref(session, region))


def test_front_page_of_a_shared_platform_raises_no_alert(session: Session) -> None:
    region = _pages(session)
    raise_alerts(session, list(region.reports.values()))
    alerted = set(session.scalars(select(Identifier.value).join(Alert)))
    assert alerted == {PROFILE}
