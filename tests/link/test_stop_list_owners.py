"""An analyst's stop-list entry is its agency's: only it, or the secretariat, changes it."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.db.link_models import StopEntry
from counterscam.db.models import Agency
from counterscam.link.stoplist import (
    StopListForbidden,
    add_stop,
    list_stops,
    may_change,
    remove_stop,
)
from tests.factories import PolicyRegion, build_policy_region, make_hub, make_report

HOTLINE = "+60323456789"  # named in no report: every account sees it
HIDDEN = "+60199990003"  # named only in a red MY-NSRC report
ASK_MY = "MY-NSRC listed this phone; ask MY-NSRC or the secretariat to change or remove the entry"


def _entry(session: Session, value: str) -> tuple[str, str, str]:
    entry = session.scalars(select(StopEntry).where(StopEntry.value == value)).one()
    return entry.action, entry.reason, entry.added_by


@pytest.fixture
def region(session: Session) -> PolicyRegion:
    region = build_policy_region(session)
    add_stop(session, region.caller("MY-NSRC"), kind="phone", value=HOTLINE, reason="hotline")
    return region


def test_another_member_may_neither_remove_nor_take_over_an_agencys_entry(
    session: Session, region: PolicyRegion
) -> None:
    for other in ("SG-ASCOM", "TH-CCIB"):
        caller = region.caller(other)
        with pytest.raises(StopListForbidden) as removed:
            remove_stop(session, caller, kind="phone", value=HOTLINE)
        assert str(removed.value) == ASK_MY
        with pytest.raises(StopListForbidden) as taken:
            add_stop(session, caller, kind="phone", value=HOTLINE, reason="mine now")
        assert str(taken.value) == ASK_MY
    assert _entry(session, HOTLINE) == ("stop", "hotline", "user-my-nsrc@MY-NSRC")


def test_the_owner_updates_its_reason_and_the_secretariat_changes_any_entry(
    session: Session, region: PolicyRegion
) -> None:
    owner = region.caller("MY-NSRC")
    add_stop(session, owner, kind="phone", value=HOTLINE, reason="genuine Maybank hotline")
    assert _entry(session, HOTLINE) == ("stop", "genuine Maybank hotline", "user-my-nsrc@MY-NSRC")
    secretariat = region.caller("ASEANAPOL")
    add_stop(session, secretariat, kind="phone", value=HOTLINE, reason="checked with Maybank")
    assert _entry(session, HOTLINE)[1:] == ("checked with Maybank", "user-aseanapol@ASEANAPOL")
    assert remove_stop(session, secretariat, kind="phone", value=HOTLINE) is None
    assert list_stops(session, owner, channel="cli") == []


def test_the_owner_removes_its_own_entry(session: Session, region: PolicyRegion) -> None:
    assert remove_stop(session, region.caller("MY-NSRC"), kind="phone", value=HOTLINE) is None
    assert session.scalars(select(StopEntry)).all() == []


def test_a_partner_and_an_observer_still_only_read(session: Session, region: PolicyRegion) -> None:
    for agency in ("AU-AFP", "TL-PNTL"):
        caller = region.caller(agency)
        with pytest.raises(StopListForbidden, match="only member agencies and the secretariat"):
            remove_stop(session, caller, kind="phone", value=HOTLINE)
        with pytest.raises(StopListForbidden, match="only member agencies and the secretariat"):
            add_stop(session, caller, kind="phone", value=HOTLINE, reason="x")
        assert not any(may_change(caller, e) for e in list_stops(session, caller, channel="web"))
    assert _entry(session, HOTLINE) == ("stop", "hotline", "user-my-nsrc@MY-NSRC")


def test_an_automatic_entry_is_no_agencys_until_a_member_overrules_it(
    session: Session, region: PolicyRegion
) -> None:
    hub = "+60199990001"
    make_hub(session, hub, "green")
    sg = region.caller("SG-ASCOM")
    allowed = remove_stop(session, sg, kind="phone", value=hub, reason="a real mule account")
    assert allowed is not None and allowed.action == "allow"
    # Overruled, it is SG-ASCOM's allow entry: another member may not turn it back into a stop.
    with pytest.raises(StopListForbidden, match="SG-ASCOM listed this phone; ask SG-ASCOM"):
        add_stop(session, region.caller("MY-NSRC"), kind="phone", value=hub, reason="hub")
    assert _entry(session, hub) == ("allow", "a real mule account", "user-sg-ascom@SG-ASCOM")
    add_stop(session, region.caller("ASEANAPOL"), kind="phone", value=hub, reason="a hub")
    assert _entry(session, hub) == ("stop", "a hub", "user-aseanapol@ASEANAPOL")


def test_an_automatic_entry_may_be_taken_over_by_a_member(
    session: Session, region: PolicyRegion
) -> None:
    hub = "+60199990002"
    make_hub(session, hub, "green")
    add_stop(session, region.caller("TH-CCIB"), kind="phone", value=hub, reason="aggregator")
    assert _entry(session, hub) == ("stop", "aggregator", "user-th-ccib@TH-CCIB")


def test_an_entry_withheld_from_the_secretariat_is_refused_without_naming_the_lister(
    session: Session, region: PolicyRegion
) -> None:
    owner = session.scalar(select(Agency.id).where(Agency.code == "MY-NSRC"))
    assert owner is not None
    make_report(session, agency_id=owner, ref="MY-red-listed", mark="red", phone=HIDDEN)
    add_stop(session, region.caller("MY-NSRC"), kind="phone", value=HIDDEN, reason="red case")
    for agency in ("ASEANAPOL", "SG-ASCOM"):
        with pytest.raises(StopListForbidden) as refused:
            remove_stop(session, region.caller(agency), kind="phone", value=HIDDEN)
        said = str(refused.value)
        assert f"named only in reports {agency} may not see" in said and "MY-NSRC" not in said
    assert _entry(session, HIDDEN) == ("stop", "red case", "user-my-nsrc@MY-NSRC")


def _cli(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["link", "stop", *args])
    return result.exit_code, " ".join(result.stderr.split())


def test_the_cli_refuses_another_members_change_on_stderr(
    runner: CliRunner, session: Session
) -> None:
    build_policy_region(session)
    listed = ("phone", "03-2345 6789", "--reason", "hotline", "--agency", "MY-NSRC")
    assert _cli(runner, "add", *listed) == (0, "")
    for args in (
        ("remove", "phone", HOTLINE, "--agency", "SG-ASCOM"),
        ("add", "phone", HOTLINE, "--reason", "mine now", "--agency", "SG-ASCOM"),
    ):
        code, err = _cli(runner, *args)
        assert code == 1 and ASK_MY in err, (args, err)
    code, err = _cli(runner, "remove", "phone", HOTLINE, "--agency", "AU-AFP")
    assert code == 1 and "only member agencies and the secretariat" in err
    assert _cli(runner, "add", *listed[:2], "--reason", "still ours", "--agency", "MY-NSRC") == (
        0,
        "",
    )
    session.expire_all()
    assert _entry(session, HOTLINE) == ("stop", "still ours", "cli-admin@MY-NSRC")
    # The secretariat, the CLI's default identity, runs the hub and may remove it.
    assert _cli(runner, "remove", "phone", HOTLINE) == (0, "")
    session.expire_all()
    assert session.scalars(select(StopEntry)).all() == []
