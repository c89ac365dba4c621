"""Values an agency's file or its administrators typed, hostile to the pages and downloads."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from html import unescape

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import Engine, select, update

from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Agency, ImportBatch, Report
from counterscam.link.rebuild import rebuild
from tests.factories import PolicyRegion, make_report
from tests.link.region import add_compound, add_party
from tests.web.conftest import csrf_of, upload
from tests.web.test_check_bulk_page import CARRIED
from tests.web.test_check_bulk_page import _post as _post_list

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: the text after it is drawn backwards
# One unbroken run, as a pasted form address or a name in a script without spaces.
LONG_RUN = "https://contact.example/" + "x" * 200
LONG_NAME = "N" * 250

CSV_HEAD = "external_ref,reported_at,scam_type,channel,mark\n"


def _spreadsheet_rows(text: str) -> list[list[str]]:
    # Excel and LibreOffice end a row at a carriage return outside quotes, as at a line feed.
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def test_a_carriage_return_in_a_rejected_cell_neither_breaks_the_page_nor_runs(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    bad = CSV_HEAD + 'CR-1,2026-03-01,"x\r=SUM(1+1)*cmd|calc",sms,amber\n'
    response = upload(client, "reports.csv", bad.encode())
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    assert "Nothing was saved" in page.text and "scam_type" in page.text

    download = client.get(response.headers["location"] + "/rejections.csv").text
    rows = _spreadsheet_rows(download)
    # Quoted after the carriage return too: where a spreadsheet splits at ";" the quotes around
    # the cell do not open its field, and the row ends there.
    assert [r[3] for r in rows[1:]] == ["x\r'=SUM(1+1)*cmd|calc"]
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "@")]


def test_a_rejection_file_stored_before_carriage_returns_were_quoted_still_opens(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    client = client_for("MY-NSRC")
    old_row = CSV_HEAD + "OLD-1,2026-03-01,x,sms,amber\n"
    location = upload(client, "reports.csv", old_row.encode()).headers["location"]
    old = "file,row,column,value,reason\nreports.csv,2,scam_type,x\r=SUM(1+1),not a type\n"
    with engine.begin() as conn:
        conn.execute(update(ImportBatch).values(rejections_csv=old))

    page = client.get(location)
    assert page.status_code == 200 and "not a type" in page.text
    rows = _spreadsheet_rows(client.get(location + "/rejections.csv").text)
    assert [r[3] for r in rows[1:]] == ["x\r'=SUM(1+1)"]


def _semicolon_locale_formulas(text: str) -> list[str]:
    """Return the cells Excel runs as formulas opening ``text`` where the decimal mark is a
    comma (Indonesia, Viet Nam): it splits rows at ";", and a quote not opening a field is text.
    """
    fields = [f for line in text.lstrip("\ufeff").splitlines() for f in line.split(";")]
    return [f for f in fields if f.lstrip(' "')[:1] in ("=", "+", "-", "@")]


def test_a_formula_after_a_semicolon_runs_in_no_download(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    hostile = "x;=cmd|' /C calc'!A0;"
    rejected = CSV_HEAD + f"SEMI-1,2026-03-01,{hostile},sms,amber\n"
    location = upload(client, "reports.csv", rejected.encode()).headers["location"]
    download = client.get(location + "/rejections.csv").text
    assert _semicolon_locale_formulas(download) == []
    # Read as CSV, the cell is the value sent, the quote after the ";" aside; the page shows
    # the value as sent.
    assert [r[3] for r in _spreadsheet_rows(download)[1:]] == ["x;'=cmd|' /C calc'!A0;"]
    assert "x;=cmd|&#39; /C calc&#39;!A0;" in client.get(location).text

    stored = CSV_HEAD + "SEMI-2;=HYPERLINK(A1),2026-03-01,investment,sms,amber\n"
    assert upload(client, "reports.csv", stored.encode()).status_code == 303
    listed = client.get("/reports.csv").text
    assert "SEMI-2;'=HYPERLINK(A1)" in listed
    assert _semicolon_locale_formulas(listed) == []


@pytest.fixture
def linked(engine: Engine, region: PolicyRegion) -> dict[str, str]:
    """Link the region: the cluster of its phone, and of two reports naming one passport."""
    session = session_factory(engine)()
    session.execute(update(Agency).values(contact=f"Ask at {LONG_RUN}"))
    add_party(session, region.reports["green"].id, LONG_NAME, "suspect")
    docs = [
        make_report(session, agency_id=region.users["MY-NSRC"].agency_id, ref=ref, mark="green")
        for ref in ("MY-DOC-1", "MY-DOC-2")
    ]
    for report in docs:
        add_party(
            session,
            report.id,
            f"{RLO}ilA nib damhA",
            "suspect",
            id_number="A1234567",
            id_kind="passport",
            nationality="MY",
        )
    # A rescue naming the cluster's compound is tied to it, quoting the compound's name.
    rescue = make_report(
        session, agency_id=region.users["MY-NSRC"].agency_id, ref="MY-RESCUE", mark="green"
    )
    add_party(session, rescue.id, "Aung Aung", "victim_of_trafficking")
    for report in (docs[0], rescue):
        add_compound(session, report.id, f"{RLO}KRAP KK", "MM")
    sg = make_report(
        session,
        agency_id=region.users["SG-ASCOM"].agency_id,
        ref="SG-RED",
        mark="red",
        country="SG",
        phone=region.phone,
    )
    hidden = [
        make_report(
            session,
            agency_id=region.users["MY-NSRC"].agency_id,
            ref=ref,
            mark="red",
            phone="+60123450077",
        )
        for ref in ("MY-RED-1", "MY-RED-2")
    ]
    raise_alerts(session, [sg.id])
    rebuild(session)
    session.commit()
    keys = {
        name: session.scalar(
            select(Cluster.key)
            .join(ClusterReport, ClusterReport.cluster_id == Cluster.id)
            .where(ClusterReport.report_id == report_id)
        )
        for name, report_id in (
            ("phone", region.reports["green"].id),
            ("passport", docs[0].id),
            ("red", hidden[0].id),
        )
    }
    session.close()
    assert all(keys.values()), keys
    return {name: str(key) for name, key in keys.items()}


def _cell_of(html: str, text: str) -> str:
    """Return the opening <td> tag of the cell holding ``text``."""
    at = html.index(text)
    return html[html.rindex("<td", 0, at) : html.index(">", html.rindex("<td", 0, at)) + 1]


def test_long_contacts_names_and_reasons_wrap_inside_their_cells(
    client_for: Callable[[str], TestClient], linked: dict[str, str], region: PolicyRegion
) -> None:
    # SG sees MY's green reports and is told who holds the red ones: the holder's contact,
    # one long run, pushed the table wider than its box (scrolling sideways at 1280 px).
    sg = client_for("SG-ASCOM")
    brief = sg.get(f"/clusters/{linked['phone']}").text
    assert 'class="cell-long"' in _cell_of(brief, LONG_RUN)
    assert 'class="cell-long"' in _cell_of(brief, LONG_NAME)  # the persons table
    refused = sg.get(f"/clusters/{linked['red']}")
    assert refused.status_code == 403 and 'class="cell-long"' in _cell_of(refused.text, LONG_RUN)
    check = sg.get(f"/check?kind=phone&value={region.phone}").text
    assert 'class="cell-long"' in _cell_of(check, LONG_RUN)

    my = client_for("MY-NSRC")
    alerts = my.get("/alerts").text
    assert "SG-ASCOM" in alerts and 'class="cell-long"' in _cell_of(alerts, LONG_RUN)

    token = csrf_of(my.get("/stop-list").text)
    reason = "hotline" + "!" * 200
    my.post(
        "/stop-list",
        data={"kind": "phone", "value": "03-2345 6789", "reason": reason, "csrf_token": token},
    )
    assert 'class="cell-long"' in _cell_of(my.get("/stop-list").text, reason)


def test_a_right_to_left_override_in_an_agency_name_stays_inside_it(
    client_for: Callable[[str], TestClient],
    linked: dict[str, str],
    region: PolicyRegion,
    engine: Engine,
) -> None:
    # An administrator typed it in; ", Singapore" after the alert's agency name and
    # "(Malaysia)" after the holder of a report one may not open were drawn backwards.
    with engine.begin() as conn:
        conn.execute(update(Agency).values(name=f"Centre {RLO}ertneC"))
    pages = [
        client_for("MY-NSRC").get("/alerts").text,
        client_for("AU-AFP").get(f"/reports/{region.reports['amber'].id}").text,
    ]
    for page in pages:
        html = page[page.index("<main") :]  # the header's tooltip holds the name alone
        overrides = [m.start() for m in re.finditer(RLO, html)]
        assert overrides
        for at in overrides:
            assert html.rfind("<bdi>", 0, at) > html.rfind("</bdi>", 0, at), html[at - 200 : at]


def _cells_linking(html: str, text: str) -> list[str]:
    """Return the opening <td> tags of the cells holding a link that reads ``text``."""
    starts = [
        html.rindex("<td", 0, m.start()) for m in re.finditer(f">{re.escape(text)}</a>", html)
    ]
    return [html[at : html.index(">", at) + 1] for at in starts]


def test_long_references_wrap_inside_their_cells(
    client_for: Callable[[str], TestClient],
    linked: dict[str, str],
    region: PolicyRegion,
    engine: Engine,
) -> None:
    # A reference may hold 100 characters; as a link it was kept on one line, and one such run
    # pushed the alert inbox's last columns (and its "Mark as read") off the side of the page.
    suffix = "-" + "CASE" * 20
    with engine.begin() as conn:
        conn.execute(update(Report).values(external_ref=Report.external_ref + suffix))
    green = region.reports["green"].external_ref + suffix
    sg = client_for("SG-ASCOM")
    pages = {
        "MY's inbox (its own report)": client_for("MY-NSRC").get("/alerts").text,
        "SG's inbox (its own and MY's report)": sg.get("/alerts").text,
        "SG's check": sg.get(f"/check?kind=phone&value={region.phone}").text,
        "the network table": sg.get(f"/clusters/{linked['phone']}/network/table").text,
    }
    for name, html in pages.items():
        cells = [
            c
            for m in re.finditer(r">([A-Za-z-]+" + suffix + ")</a>", html)
            for c in _cells_linking(html, m.group(1))
        ]
        assert cells, name
        assert all("cell-long" in c for c in cells), (name, cells)
    assert _cells_linking(pages["SG's check"], green)


def _between(html: str, start: str, end: str) -> str:
    at = html.index(start)
    return html[at : html.index(end, at)]


def test_a_right_to_left_override_in_a_name_stays_inside_it(
    client_for: Callable[[str], TestClient], linked: dict[str, str]
) -> None:
    # Two reports naming the same passport are linked by it, and the explanation quotes the
    # name: the override turned "(Suspect, the same day)" after it into "(yad emas eht ,tcepsuS)".
    # The rescue tied by a compound quoted its name the same way before "(compound ...)".
    brief = client_for("MY-NSRC").get(f"/clusters/{linked['passport']}").text
    for sentences in (
        _between(brief, '<ol class="link-list"', "</ol>"),
        _between(brief, "Rescue and recruitment reports tied", "</ul>"),
    ):
        assert RLO in sentences
        for at in [m.start() for m in re.finditer(RLO, sentences)]:
            assert sentences.rindex("<bdi>", 0, at) > sentences.rfind("</bdi>", 0, at), sentences


def test_a_control_character_in_a_checked_list_still_downloads_as_a_workbook(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # An escape pasted with a list made "Download Excel" fail (500): a workbook's XML cannot
    # hold it. It is shown as U+FFFD there; the CSV download keeps it as sent.
    client = client_for("MY-NSRC")
    page = _post_list(client, values="x\x1by\n0123456789", country="MY").text
    carried = CARRIED.search(page)
    assert carried
    form = {"csrf_token": csrf_of(page), "items": unescape(carried.group(1)), "country": "MY"}
    response = client.post("/check/bulk.xlsx", data=form)
    assert response.status_code == 200, response.text
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "x\ufffdy" in values and "0123456789" in values
    listed = client.post("/check/bulk.csv", data=form).text
    assert "x\x1by" in listed
