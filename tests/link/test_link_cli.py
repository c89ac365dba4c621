"""`counterscam link`: clusters from the store, person links on ask, and the stop-list."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.db.link_models import StopEntry
from counterscam.db.models import Party
from tests.factories import build_policy_region
from tests.link.region import add_party, add_report, groups, make_region

OTHERS = [
    ("Somchai Jaidee", date(1979, 1, 2)),
    ("Nguyen Thi Lan", date(1992, 7, 9)),
    ("Aung Ko Ko", date(1985, 11, 30)),
    ("Siti Nurhaliza binti Omar", date(1990, 5, 5)),
    ("Juan dela Cruz", date(1981, 2, 14)),
    ("Sok Dara", date(1995, 9, 21)),
]


def test_persons_flag_resolves_parties_and_links_reports_naming_the_same_mule(
    runner: CliRunner, session: Session
) -> None:
    region = make_region(session)
    born = date(1988, 3, 14)
    r0 = add_report(session, region, "R0", day=0, names=[("phone", "+60123450001", "caller")])
    r1 = add_report(session, region, "R1", day=20, names=[("phone", "+60123450002", "caller")])
    add_party(session, r0, "Muhammad Hafiz bin Ismail", "mule", nationality="MY", birth_date=born)
    add_party(session, r1, "Mohd Hafiz Ismail", "mule", nationality="MY", birth_date=born)
    for i, (name, dob) in enumerate(OTHERS):
        rid = add_report(
            session, region, f"X{i}", day=40 + i, names=[("phone", f"+6019876{i:04d}", "caller")]
        )
        add_party(session, rid, name, "suspect", birth_date=dob)
    session.commit()

    plain = runner.invoke(app, ["link", "--rebuild"])
    assert plain.exit_code == 0, plain.output
    session.expire_all()
    assert frozenset({"R0", "R1"}) not in groups(session, region)

    resolved = runner.invoke(app, ["link", "--rebuild", "--persons"])
    assert resolved.exit_code == 0, resolved.output
    assert "parties resolved into" in resolved.output
    session.expire_all()
    assert frozenset({"R0", "R1"}) in groups(session, region)
    persons = {name: pid for name, pid in session.execute(select(Party.full_name, Party.person_id))}
    assert persons["Muhammad Hafiz bin Ismail"] == persons["Mohd Hafiz Ismail"]
    assert len(set(persons.values())) == len(OTHERS) + 1


def test_the_stop_list_piped_keeps_a_long_value_and_reason_whole_on_their_row(
    runner: CliRunner, session: Session
) -> None:
    build_policy_region(session)
    url = "https://maybank2u-secure-login.example/verify/account/update?session=[abc]" + "7" * 40
    reason = "phishing kit copied onto many unrelated sites; links nothing by itself"
    added = runner.invoke(app, ["link", "stop", "add", "url", url, "--reason", reason])
    assert added.exit_code == 0, added.output
    stored = session.scalars(select(StopEntry.value)).one()
    assert len(stored) > 80 and "[abc]" in stored
    assert stored in added.output.replace("\n", "")  # the confirmation shows it as written

    listed = runner.invoke(app, ["link", "stop", "list"])
    assert listed.exit_code == 0, listed.output
    assert "…" not in listed.output
    line = next(ln for ln in listed.output.splitlines() if "phishing kit" in ln)
    assert all(v in line for v in ("url", stored, "stop", reason, "ASEANAPOL"))
