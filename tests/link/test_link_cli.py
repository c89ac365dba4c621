"""`counterscam link`: clusters from the store, person links on ask, and the stop-list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token, revoke_token
from counterscam.cli.main import app
from counterscam.db.link_models import Cluster, StopEntry
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


@pytest.mark.parametrize("token", ["partner", "revoked", "made-up"])
@pytest.mark.parametrize("persons", [[], ["--persons"]])
def test_a_rebuild_is_refused_while_a_token_signs_the_cli_in(
    runner: CliRunner,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    token: str,
    persons: list[str],
) -> None:
    # The rebuild ignored COUNTERSCAM_TOKEN: with a partner's, a revoked or a made-up token it
    # rewrote every agency's clusters and printed the region's counts ("4 of 4 reports").
    region = build_policy_region(session)
    partner = issue_token(session, username=region.users["AU-AFP"].username)
    revoked = issue_token(session, username=region.users["MY-NSRC"].username)
    revoke_token(session, token_id=revoked.id)
    session.commit()
    secrets = {"partner": partner.secret, "revoked": revoked.secret, "made-up": "cs_made_up"}
    monkeypatch.setenv("COUNTERSCAM_TOKEN", secrets[token])

    refused = runner.invoke(app, ["link", "--rebuild", *persons])
    assert refused.exit_code == 1
    said = " ".join(refused.output.split())
    assert "--rebuild' recomputes the clusters of every agency's reports" in said
    assert "unset COUNTERSCAM_TOKEN to run it" in said
    assert "reports (" not in said and "persons" not in said  # no region-wide counts
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Cluster)) == 0

    # The operator, with no token, rebuilds as before.
    monkeypatch.delenv("COUNTERSCAM_TOKEN")
    done = runner.invoke(app, ["link", "--rebuild", *persons])
    assert done.exit_code == 0, done.output
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Cluster)) == 1


def test_a_token_still_acts_as_its_user_on_the_stop_list_and_the_export(
    runner: CliRunner, session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Only the region-wide rebuild is the operator's: the other `link` commands act as the
    # token's user, under the policy.
    region = build_policy_region(session)
    issued = issue_token(session, username=region.users["MY-NSRC"].username)
    session.commit()
    monkeypatch.setenv("COUNTERSCAM_TOKEN", issued.secret)
    added = runner.invoke(app, ["link", "stop", "add", "phone", "+60129990000", "--reason", "hub"])
    assert added.exit_code == 0, added.output
    assert session.scalars(select(StopEntry.added_by)).one() == "user-my-nsrc@MY-NSRC"
    listed = runner.invoke(app, ["link", "stop", "list"])
    assert listed.exit_code == 0 and "+60129990000" in listed.output
    out = tmp_path / "clusters.csv"
    exported = runner.invoke(app, ["export", "clusters", "--out", str(out)])
    assert exported.exit_code == 0, exported.output
