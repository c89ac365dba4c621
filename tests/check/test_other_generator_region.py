"""A region from another generator, through the real entry points, agrees with its ground truth.

tests/check/other_region.py writes ten national centres' files with their own habits (columns in
their own order, optional ones left out, local numbers, accounts, amounts and dates, Viet Nam's
as a workbook). They go in as an operator would take them: ``counterscam init``, ``agency add``,
``import --agency-from-folder``, then checks (API and CLI), alerts (API), ``link --rebuild
--persons``, ``export clusters`` and the dashboard's pages, each compared with the truth.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.api.app import create_app
from counterscam.cli.main import app
from counterscam.config import Settings
from counterscam.db.models import Agency, Alert, Identifier, Party, Report
from tests.check import other_region as other
from tests.web.conftest import sign_in

PASSWORD = "correct-horse-battery"
AGENCIES = (*other.MEMBERS, (other.SECRETARIAT, "MY"))


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, other.Truth]:
    out = tmp_path_factory.mktemp("other-region")
    return out, other.write(out)


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output)
    return result.output


@pytest.fixture
def imported(
    runner: CliRunner, region: tuple[Path, other.Truth]
) -> Iterator[tuple[CliRunner, other.Truth, str]]:
    """The region imported as an operator would: init, agencies and users, one import."""
    out, truth = region
    _run(runner, "init")
    for code, cc in AGENCIES:
        kind = "secretariat" if code == other.SECRETARIAT else "member"
        _run(
            runner,
            "agency",
            "add",
            code,
            "--name",
            f"{code} centre",
            "--country",
            cc,
            "--kind",
            kind,
        )
        _run(runner, "user", "add", f"u-{code.lower()}", "--agency", code, "--password", PASSWORD)
    folders = sorted(str(p) for p in out.iterdir())
    yield runner, truth, _run(runner, "import", *folders, "--agency-from-folder")


@pytest.fixture
def client(engine: Engine, imported: tuple[CliRunner, other.Truth, str]) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


def _token(runner: CliRunner, code: str) -> dict[str, str]:
    output = _run(runner, "token", "issue", f"u-{code.lower()}")
    secret = re.search(r"(cs_[A-Za-z0-9_\-]+|[A-Za-z0-9_\-]{30,})", output)
    assert secret, output
    return {"Authorization": f"Bearer {secret.group(1)}"}


def _cluster_of(runner: CliRunner, tmp: Path) -> dict[tuple[str, str], str]:
    """Each report's cluster key as the secretariat's export writes it."""
    path = tmp / "clusters.csv"
    _run(runner, "export", "clusters", "--out", str(path), "--agency", other.SECRETARIAT)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    return {(r[0], r[1]): r[2] for r in rows[1:]}


def _expected_loss(reports: list[other.ReportTruth]) -> Decimal:
    return sum((r.loss_usd for r in reports if r.loss_usd is not None), Decimal("0"))


def test_the_region_is_what_was_meant(region: tuple[Path, other.Truth]) -> None:
    _, truth = region
    assert 300 <= len(truth.reports) <= 1000
    assert {r.country for r in truth.reports.values()} == set(other.COUNTRY.values())
    crossing = truth.cross_border()
    assert len(crossing) > 40
    assert any(len({r.country for r in rs}) >= 3 for rs in crossing.values())


def test_intake_checks_alerts_and_dashboards_agree_with_the_truth(
    session: Session,
    runner: CliRunner,
    client: TestClient,
    imported: tuple[CliRunner, other.Truth, str],
) -> None:
    """One import per database serves every comparison: it is the slow part."""
    _every_row_is_accepted_and_stored_as_written(session, imported)
    _every_cross_border_identifier_hits_with_countries_counts_and_losses(runner, client, imported)
    _a_number_checked_as_an_officer_writes_it_hits_across_borders(imported)
    _alerts_are_raised_for_both_agencies_of_every_cross_border_match(session, imported)
    _the_alerts_api_gives_each_agency_its_own_alerts(runner, client, imported)
    _dashboards_count_every_country_and_loss(client, imported)


def test_links_briefs_and_persons_agree_with_the_truth(
    session: Session,
    runner: CliRunner,
    client: TestClient,
    tmp_path: Path,
    imported: tuple[CliRunner, other.Truth, str],
) -> None:
    """Clusters as intake leaves them, then rebuilt, then rebuilt with persons resolved."""
    _cluster_briefs_give_each_syndicates_figures_and_where_it_operates(
        runner, client, tmp_path, imported
    )
    _shared_and_spoofed_numbers_glue_no_syndicates_together(tmp_path, imported)
    _persons_in_other_romanisations_resolve_and_link_their_reports(session, tmp_path, imported)


def _every_row_is_accepted_and_stored_as_written(
    session: Session, imported: tuple[CliRunner, other.Truth, str]
) -> None:
    _, truth, output = imported
    total = len(truth.reports)
    assert f"Total: {total} accepted, 0 rejected, {total} created, 0 updated" in output
    stored = {
        (code, ref): (country, usd)
        for code, ref, country, usd in session.execute(
            select(Agency.code, Report.external_ref, Report.country, Report.loss_usd).join(
                Agency, Agency.id == Report.agency_id
            )
        )
    }
    assert set(stored) == set(truth.reports)
    for key, want in truth.reports.items():
        assert stored[key] == (want.country, want.loss_usd), key


def _every_cross_border_identifier_hits_with_countries_counts_and_losses(
    runner: CliRunner, client: TestClient, imported: tuple[CliRunner, other.Truth, str]
) -> None:
    _, truth, _ = imported
    headers = _token(runner, "LA-ECD")
    values = [*truth.cross_border(), other.Ident("phone", truth.hotline, "MY")]
    for ident in values:
        answer = client.get(
            "/api/v1/check", params={"kind": ident.kind, "value": ident.canonical}, headers=headers
        )
        assert answer.status_code == 200, answer.text
        got = answer.json()
        naming = truth.naming(ident)
        where = f"{ident.kind}:{ident.canonical}"
        assert got["hit"] is True, where
        assert got["value"] == ident.canonical, where
        assert got["reports"] == len(naming), where
        assert sorted(got["countries"]) == sorted({r.country for r in naming}), where
        assert Decimal(str(got["loss_usd"])) == _expected_loss(naming), where
        assert got["reports_with_loss"] == sum(r.loss_usd is not None for r in naming), where


def _a_number_checked_as_an_officer_writes_it_hits_across_borders(
    imported: tuple[CliRunner, other.Truth, str],
) -> None:
    runner, truth, _ = imported
    phones = [i for i in truth.cross_border() if i.kind == "phone"]
    assert phones
    for ident in phones[:5]:
        code, _, _ = other.PHONE_PLAN[ident.country]
        nsn = ident.canonical.removeprefix(f"+{code}")
        local = nsn if ident.country in ("SG", "BN") else f"0{nsn}"
        output = _run(
            runner,
            "check",
            "phone",
            local,
            "--country",
            ident.country,
            "--agency",
            "MY-JSJK",
            "--json",
        )
        got = json.loads(output)
        naming = truth.naming(ident)
        assert (got["hit"], got["value"], got["reports"]) == (True, ident.canonical, len(naming))
        assert sorted(got["countries"]) == sorted({r.country for r in naming})


def _expected_alerts(truth: other.Truth) -> set[tuple[str, str, str, str]]:
    out: set[tuple[str, str, str, str]] = set()
    for ident, reports in truth.cross_border().items():
        agencies = {(r.agency, r.country) for r in reports}
        for mine, my_country in agencies:
            for theirs, their_country in agencies:
                if my_country != their_country:
                    out.add((mine, ident.kind, ident.canonical, theirs))
    return out


def _alerts_are_raised_for_both_agencies_of_every_cross_border_match(
    session: Session, imported: tuple[CliRunner, other.Truth, str]
) -> None:
    _, truth, _ = imported
    rows = session.execute(
        select(Agency.code, Identifier.kind, Identifier.value, Alert.other_agency_id)
        .join(Alert, Alert.agency_id == Agency.id)
        .join(Identifier, Identifier.id == Alert.identifier_id)
    ).all()
    codes: dict[int, str] = {i: c for i, c in session.execute(select(Agency.id, Agency.code))}
    got = {(a, k, v, codes[o]) for a, k, v, o in rows}
    assert got == _expected_alerts(truth)


def _the_alerts_api_gives_each_agency_its_own_alerts(
    runner: CliRunner, client: TestClient, imported: tuple[CliRunner, other.Truth, str]
) -> None:
    _, truth, _ = imported
    want = _expected_alerts(truth)
    for code in ("TH-TCSD", "KH-ACD"):
        headers = _token(runner, code)
        got: set[tuple[str, str, str, str]] = set()
        page = 1
        while True:
            answer = client.get(
                "/api/v1/alerts", params={"page": page, "per_page": 200}, headers=headers
            )
            assert answer.status_code == 200, answer.text
            items = answer.json()["items"]
            got |= {(code, a["kind"], a["value"], a["other_agency_code"]) for a in items}
            if len(items) < 200:
                break
            page += 1
        assert got == {a for a in want if a[0] == code}, code


def _glued(clusters: dict[tuple[str, str], str], truth: other.Truth) -> list[set[str]]:
    """The groups each cluster holds, where it holds more than one (or a lone report)."""
    held: dict[str, set[str]] = {}
    for key, cluster in clusters.items():
        if cluster:
            group = truth.reports[key].group or f"lone {key}"
            held.setdefault(cluster, set()).add(group)
    return [g for g in held.values() if len(g) > 1]


def _shared_and_spoofed_numbers_glue_no_syndicates_together(
    tmp_path: Path, imported: tuple[CliRunner, other.Truth, str]
) -> None:
    runner, truth, _ = imported
    assert _glued(_cluster_of(runner, tmp_path), truth) == []
    _run(runner, "link", "--rebuild")
    clusters = _cluster_of(runner, tmp_path)
    assert _glued(clusters, truth) == []
    for group, members in truth.groups().items():
        if group.startswith("P-"):
            continue  # linked by persons only: see below
        keys = {clusters[m] for m in members}
        assert len(keys) == 1 and "" not in keys, (group, Counter(clusters[m] for m in members))


def _cluster_briefs_give_each_syndicates_figures_and_where_it_operates(
    runner: CliRunner,
    client: TestClient,
    tmp_path: Path,
    imported: tuple[CliRunner, other.Truth, str],
) -> None:
    _, truth, _ = imported
    clusters = _cluster_of(runner, tmp_path)
    headers = _token(runner, "SG-SPF")
    for key, _, _, phone_cc, _, _ in other.SYNDICATES:
        members = truth.groups()[key]
        brief = client.get(f"/api/v1/clusters/{clusters[min(members)]}", headers=headers).json()
        reports = [truth.reports[m] for m in members]
        assert brief["total_reports"] == len(reports), key
        assert Decimal(brief["total_loss_usd"]) == _expected_loss(reports), key
        assert sorted(v["name"] for v in brief["victim_countries"]) == sorted(
            {r.country for r in reports}
        )
        # The bank's hotline written down as the caller and the spoofed police number are no
        # operator's: Malaysia was an operation country of every syndicate naming either.
        compounds = {c["country"] for c in brief["compounds"]}
        assert brief["operation_countries"] == sorted({phone_cc} | compounds), key


def _persons_in_other_romanisations_resolve_and_link_their_reports(
    session: Session, tmp_path: Path, imported: tuple[CliRunner, other.Truth, str]
) -> None:
    runner, truth, _ = imported
    _run(runner, "link", "--rebuild", "--persons")
    clusters = _cluster_of(runner, tmp_path)
    assert _glued(clusters, truth) == []
    person = {
        (code, ref, name): pid
        for code, ref, name, pid in session.execute(
            select(Agency.code, Report.external_ref, Party.full_name, Party.person_id)
            .join(Report, Report.id == Party.report_id)
            .join(Agency, Agency.id == Report.agency_id)
        )
    }
    for p in truth.persons:
        ids = {person[k] for k in p.parties}
        assert len(ids) == 1 and None not in ids, (p.key, ids)
        keys = {clusters[(a, r)] for a, r, _ in p.parties}
        assert len(keys) == 1 and "" not in keys, (p.key, keys)


def _dashboards_count_every_country_and_loss(
    client: TestClient, imported: tuple[CliRunner, other.Truth, str]
) -> None:
    _, truth, _ = imported
    sign_in(client, "u-rsec", PASSWORD)
    assert client.get("/").status_code == 200
    answer = client.get("/dashboard/by-country.csv")
    assert answer.status_code == 200, answer.text
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    by_country: dict[str, list[other.ReportTruth]] = {}
    for r in truth.reports.values():
        by_country.setdefault(r.country, []).append(r)
    got = {row[0]: (int(row[2]), Decimal(row[3])) for row in rows[1:]}
    assert got == {
        cc: (len(reports), _expected_loss(reports)) for cc, reports in by_country.items()
    }
    months = list(csv.reader(io.StringIO(client.get("/dashboard/by-month.csv").text)))
    per_month = Counter(f"{r.day:%Y-%m}" for r in truth.reports.values())
    assert {m[0]: int(m[1]) for m in months[1:] if int(m[1])} == dict(per_month)


def test_a_reports_file_with_camel_case_headings_is_read(
    session: Session, runner: CliRunner, tmp_path: Path
) -> None:
    # Java, JavaScript and C# systems name their fields so; every such file was refused as
    # "not one of the intake files" (externalref, reportedat, ...).
    _run(runner, "agency", "add", "PH-ACG", "--name", "PH", "--country", "PH", "--kind", "member")
    (tmp_path / "reports.csv").write_text(
        "externalRef,reportedAt,scamType,channel,lossAmount,lossCurrency,victimAgeBand,mark\n"
        'PH-1,2026-03-01 10:00,investment,facebook,"5,000.00",PHP,25-34,green\n',
        encoding="utf-8",
    )
    (tmp_path / "identifiers.csv").write_text(
        "ExternalRef,Kind,Value,Role\nPH-1,phone,0917-123-4567,caller\n", encoding="utf-8"
    )
    output = _run(runner, "import", str(tmp_path), "--agency", "PH-ACG")
    assert "Total: 1 accepted, 0 rejected" in output
    stored = session.scalars(select(Report)).one()
    assert (stored.loss_amount, stored.victim_age_band) == (Decimal("5000.00"), "25_34")
    assert session.scalars(select(Identifier.value)).all() == ["+639171234567"]


def test_a_json_field_in_camel_case_is_refused_naming_the_field_to_write(
    runner: CliRunner, tmp_path: Path
) -> None:
    # It was told only "unknown field; the fields are: ..." beside "external_ref: required".
    _run(runner, "agency", "add", "PH-ACG", "--name", "PH", "--country", "PH", "--kind", "member")
    report = {
        "externalRef": "PH-1",
        "reported_at": "2026-03-01 10:00",
        "scam_type": "investment",
        "channel": "facebook",
        "mark": "green",
        "identifiers": [{"kind": "phone", "value": "0917-123-4567", "role": "caller"}],
    }
    path = tmp_path / "reports.json"
    path.write_text(json.dumps({"reports": [report]}), encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--agency", "PH-ACG"])
    assert result.exit_code == 1
    assert 'externalRef: unknown field: write external_ref for "externalRef"; the fields' in (
        result.output
    )
