"""Correcting a report on the web form: what was not changed stays, only the holder may edit."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from counterscam.db.engine import session_factory
from counterscam.db.models import AuditEvent
from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of

BASE = {
    "external_ref": "MY-EDIT-1",
    "reported_at": "2026-03-02",
    "scam_type": "job_task",
    "channel": "telegram",
    "mark": "amber",
    "loss_amount": "12,500.50",
    "loss_currency": "MYR",
    "narrative": "ถูกหลอกไปทำงาน · ကျွန်ုပ်ကို လိမ်လည်ခဲ့သည် · ខ្ញុំត្រូវបានបោកប្រាស់ · Tôi bị lừa đảo",
    "identifiers-0-kind": "phone",
    "identifiers-0-value": "012-345 6789",
    "identifiers-0-role": "caller",
    "identifiers-1-kind": "bank_account",
    "identifiers-1-value": "514123456789",
    "identifiers-1-qualifier": "Maybank",
    "identifiers-1-role": "beneficiary_account",
    "parties-0-role": "victim_of_trafficking",
    "parties-0-full_name": "Nguyễn Thị Hoa",
    "parties-0-birth_date": "1999-04-30",
    "parties-0-nationality": "CN",
    "parties-0-id_kind": "passport",
    "parties-0-id_number": "E12345678",
    "places-0-kind": "compound",
    "places-0-name": "ឃ្លាំង Golden Fortune",
    "places-0-country": "KH",
    "places-0-latitude": "11.5564",
    "places-0-longitude": "104.9282",
    "places-0-address": "Street 7, Sihanoukville",
}


class _Fields(HTMLParser):
    """The values a browser would send back from a page's report form."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name", "")
        if tag == "input" and name and a.get("type") != "submit":
            self.values[name] = a.get("value", "")
        elif tag == "select":
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data


def _fields(page: str) -> dict[str, str]:
    parser = _Fields()
    parser.feed(page)
    parser.values.pop("csrf_token", None)
    return parser.values


def _post(
    client: TestClient, url: str, fields: dict[str, str], form: str = "/reports/new"
) -> object:
    token = csrf_of(client.get(form).text)
    return client.post(url, data={"csrf_token": token, **fields}, follow_redirects=False)


def _save_new(client: TestClient, fields: dict[str, str]) -> str:
    response = _post(client, "/reports/new", fields)
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    return str(response.headers["location"]).split("?")[0]  # type: ignore[attr-defined]


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_correcting_one_field_keeps_everything_else(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Correcting meant typing the whole report again under its reference: whatever the officer
    # did not retype (a person, a place, the Khmer name) was silently dropped.
    client = client_for("MY-NSRC")
    url = _save_new(client, BASE)
    before = _text(client.get(url).text)
    assert "Correct this report" in client.get(url).text

    form = _fields(client.get(f"{url}/edit").text)
    assert form["parties-0-nationality"] == "CN" and form["places-0-address"]
    form["narrative"] = BASE["narrative"] + " Corrected."
    form["external_ref"] = "SOMETHING-ELSE"  # the reference names the report: it is kept
    response = _post(client, f"{url}/edit", form, form=f"{url}/edit")
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.headers["location"] == f"{url}?saved=updated"  # type: ignore[attr-defined]

    after = _text(client.get(url).text)
    assert "Corrected." in after
    for kept in (
        "MY-EDIT-1",
        "MYR 12,500.50",
        "+60123456789",
        "012-345 6789",
        "Nguyễn Thị Hoa",
        "1999-04-30",
        "E12345678",
        "ឃ្លាំង Golden Fortune",
        "11.5564",
        "104.9282",
        "Street 7, Sihanoukville",
        "ถูกหลอกไปทำงาน",
        "ကျွန်ုပ်ကို",
    ):
        assert kept in after, kept
    assert before.count("514123456789") == after.count("514123456789") > 0
    assert "SOMETHING-ELSE" not in client.get("/reports").text


def test_emptying_a_row_removes_it_and_an_added_identifier_raises_an_alert(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    singapore = client_for("SG-ASCOM")
    _save_new(
        singapore,
        {
            **BASE,
            "external_ref": "SG-1",
            "identifiers-0-value": "+65 8123 4567",
            "identifiers-1-value": "",
        },
    )
    client = client_for("MY-NSRC")
    url = _save_new(client, BASE)
    assert "+6581234567" not in client.get("/alerts").text

    form = _fields(client.get(f"{url}/edit").text)
    form.update({"places-0-name": "", "places-0-latitude": "", "places-0-longitude": ""})
    form.update({"places-0-address": "", "places-0-country": ""})
    form.update({"identifiers-2-kind": "phone", "identifiers-2-value": "+65 8123 4567"})
    form["identifiers-2-role"] = "caller"
    assert _post(client, f"{url}/edit", form, form=f"{url}/edit").status_code == 303  # type: ignore[attr-defined]

    page = _text(client.get(url).text)
    assert "No places named." in page and "+6581234567" in page
    assert "+6581234567" in client.get("/alerts").text


def test_only_the_sending_agency_may_correct_a_report(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    green, red = region.reports["green"], region.reports["red"]
    singapore = client_for("SG-ASCOM")
    page = singapore.get(f"/reports/{green.id}")
    assert page.status_code == 200 and "Correct this report" not in page.text
    refused = singapore.get(f"/reports/{green.id}/edit")
    assert refused.status_code == 403 and "Only MY-NSRC" in refused.text
    form = {"csrf_token": csrf_of(singapore.get("/").text), "narrative": "hijacked"}
    assert singapore.post(f"/reports/{green.id}/edit", data=form).status_code == 403
    assert singapore.get(f"/reports/{red.id}/edit").status_code == 403
    assert singapore.get("/reports/999999/edit").status_code == 404
    assert client_for("AU-AFP").get(f"/reports/{green.id}/edit").status_code == 403
    mine = client_for("MY-NSRC").get(f"/reports/{green.id}")
    assert "hijacked" not in mine.text and "Correct this report" in mine.text
    with session_factory(engine)() as session:  # every read, the refused edits too, is logged
        reads = session.scalars(
            select(AuditEvent.record_ref).where(
                AuditEvent.action == "read_report", AuditEvent.channel == "web"
            )
        ).all()
    assert reads.count(f"report:{green.id}") >= 4


def test_add_another_grows_the_form_without_saving(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # The form held three identifiers, one person and one place: a case with a fourth mule
    # account or two compounds could not be entered.
    client = client_for("MY-NSRC")
    fields = {**BASE, "identifiers-2-kind": "phone", "identifiers-2-role": "caller"}
    fields["identifiers-2-value"] = "013-222 3333"
    page = _post(client, "/reports/new", {**fields, "add": "identifiers"})
    assert page.status_code == 200  # type: ignore[attr-defined]
    assert 'id="identifiers-3-value"' in page.text  # type: ignore[attr-defined]
    assert "MY-EDIT-1" not in client.get("/reports").text

    page = _post(client, "/reports/new", {**fields, "add": "places"})
    assert 'id="places-1-name"' in page.text  # type: ignore[attr-defined]
    page = _post(client, "/reports/new", {**fields, "add": "parties"})
    assert 'id="parties-1-full_name"' in page.text  # type: ignore[attr-defined]

    fields.update({"identifiers-3-kind": "phone", "identifiers-3-role": "caller"})
    fields["identifiers-3-value"] = "014-333 4444"
    fields.update({"parties-1-role": "recruiter", "parties-1-full_name": "Mg Aung Ko"})
    fields.update({"places-1-kind": "compound", "places-1-name": "KK Park"})
    url = _save_new(client, fields)
    shown = _text(client.get(url).text)
    for value in ("+60132223333", "+60143334444", "Mg Aung Ko", "KK Park", "Nguyễn Thị Hoa"):
        assert value in shown, value


def test_coordinates_are_read_as_people_paste_them(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    pasted = {
        "11.5564, 104.9282": ("11.5564", "104.9282"),
        "11°33'23\"N 104°55'41\"E": ("11.556389", "104.928056"),
        "https://www.google.com/maps/place/KK+Park/@16.6,98.5,15z/data=!3m1!3d16.6469!4d98.5155": (
            "16.6469",
            "98.5155",
        ),
    }
    for i, (text, (lat, lon)) in enumerate(pasted.items()):
        fields = {**BASE, "external_ref": f"MY-PLACE-{i}", "places-0-latitude": text}
        fields["places-0-longitude"] = ""
        shown = _text(client.get(_save_new(client, fields)).text)
        assert f" {lat} " in shown and f" {lon} " in shown, text


def test_row_messages_name_the_box_and_keep_what_was_typed(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    fields = {**BASE, "parties-0-full_name": "", "loss_currency": "RINGGIT"}
    response = _post(client, "/reports/new", fields)
    page = response.text  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert 'href="#parties-0-full_name">Person 1: Enter the name as written</a>' in page
    assert "Required; fill it in" not in page
    assert "loss_currency" not in _text(page) and "write MYR" in page
    assert 'value="E12345678"' in page and 'value="RINGGIT"' in page
    # A trafficking victim's nationality outside ASEAN is offered and kept.
    assert '<option value="CN" selected>' in page
    link = {**BASE, "places-0-latitude": "https://maps.app.goo.gl/AbC123", "places-0-longitude": ""}
    page = _post(client, "/reports/new", link).text  # type: ignore[attr-defined]
    assert "Place 1: This map link holds no coordinates: open it in a browser" in page


def test_a_narrative_pasted_whole_is_refused_beside_its_box_and_kept(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # 200,000 Thai letters passed the form parser's 1 MB a field: the officer got "There is a
    # problem with the address" and lost the form.
    client = client_for("MY-NSRC")
    narrative = "ถูกหลอก" * 30_000
    response = _post(client, "/reports/new", {**BASE, "narrative": narrative})
    assert response.status_code == 400  # type: ignore[attr-defined]
    page = response.text  # type: ignore[attr-defined]
    assert 'href="#narrative">What happened: Too long: at most 20,000 characters' in page
    assert narrative in page and "problem with the address" not in page


def test_emptying_the_share_list_says_every_member_agency_now_sees_the_report(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # Emptying "Share only with" widened an amber report to every member agency with no word,
    # where an upload doing the same says so.
    client = client_for("MY-NSRC")
    url = _save_new(client, {**BASE, "share_with": "SG-ASCOM"})
    edit = client.get(f"{url}/edit").text
    hint = "Now shared only with SG-ASCOM. Emptied, the report is shown to every member"
    assert hint in re.sub(r"<[^>]+>", "", edit)

    form = _fields(edit)
    form["narrative"] = "Corrected."  # a correction that keeps the list says nothing
    response = _post(client, f"{url}/edit", form, form=f"{url}/edit")
    assert response.headers["location"] == f"{url}?saved=updated"  # type: ignore[attr-defined]
    assert "Share list removed" not in client.get(f"{url}?saved=updated").text

    form["share_with"] = ""
    response = _post(client, f"{url}/edit", form, form=f"{url}/edit")
    location = response.headers["location"]  # type: ignore[attr-defined]
    page = _text(client.get(location).text)
    assert "Share list removed: amber report MY-EDIT-1 was saved with an empty" in page
    assert "now visible to every member agency, not only the agencies it was narrowed to" in page
    assert "SG-ASCOM" not in page  # it is no longer narrowed
    assert "Now shared only with" not in client.get(f"{url}/edit").text

    # Narrowed again, the old address no longer claims the report is widened.
    form["share_with"] = "SG-ASCOM; TH-CCIB"
    _post(client, f"{url}/edit", form, form=f"{url}/edit")
    assert "Share list removed" not in client.get(location).text
