"""The check pages tell a loss not given from a loss of nothing.

"Total reported loss USD 0.00" read as "these scams cost nothing" when none of the reports
the caller may see gave a loss; a report giving a loss of 0 (a failed attempt) read the same.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.db.engine import session_factory
from tests.check.helpers import add_losses
from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of

Client = Callable[[str], TestClient]
NONE_GIVEN, SOME_GIVEN, ZERO_GIVEN, ONE_NONE = (f"+6012345000{i}" for i in range(1, 5))
LOSS_ROW = re.compile(r"<dt>Total reported loss</dt><dd>(.*?)</dd>", re.S)
ROW = re.compile(r'<tr class="answer-row answer-row--\w+">(.*?)</tr>', re.S)
TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def losses(engine: Engine, region: PolicyRegion) -> None:
    with session_factory(engine)() as session:
        add_losses(
            session,
            {
                NONE_GIVEN: (None, None, None),
                SOME_GIVEN: ("1000", None, "234"),
                ZERO_GIVEN: ("0",),
                ONE_NONE: (None,),
            },
        )
        session.commit()


def _text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


@pytest.mark.parametrize(
    ("phone", "said"),
    [
        (NONE_GIVEN, "Not given in any of the 3 reports you may see"),
        (SOME_GIVEN, "USD 1,234.00 (from 2 of 3 reports)"),
        (ZERO_GIVEN, "USD 0.00"),
        (ONE_NONE, "Not given in the report you may see"),
    ],
)
def test_the_check_page_says_whether_a_loss_was_given(
    client_for: Client, losses: None, phone: str, said: str
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/check").text)
    page = client.post("/check", data={"csrf_token": token, "kind": "phone", "value": phone}).text
    found = LOSS_ROW.search(page)
    assert found, "the page has no loss row"
    assert _text(found.group(1)) == said


def test_the_list_check_and_its_download_say_whether_a_loss_was_given(
    client_for: Client, losses: None
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/check/bulk").text)
    values = "\n".join((NONE_GIVEN, SOME_GIVEN, ZERO_GIVEN))
    page = client.post("/check/bulk", data={"csrf_token": token, "values": values}).text
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in ROW.findall(page)]
    by_value = {_text(c[2]): _text(c[9]) for c in cells}
    assert by_value == {
        NONE_GIVEN: "Not given in any of the 3 reports you may see",
        SOME_GIVEN: "1,234.00 (from 2 of 3 reports)",
        ZERO_GIVEN: "0.00",
    }
    carried = re.search(r'name="items" value="([^"]*)"', page)
    assert carried
    download = client.post(
        "/check/bulk.csv",
        data={"csrf_token": csrf_of(page), "items": html.unescape(carried.group(1))},
    )
    assert download.status_code == 200, download.text
    rows = list(csv.DictReader(io.StringIO(download.text.lstrip("\ufeff"))))
    got = {r["value"]: (r["loss_usd"], r["reports_with_loss"]) for r in rows}
    assert got == {
        NONE_GIVEN: ("0.00", "0"),
        SOME_GIVEN: ("1234.00", "2"),
        ZERO_GIVEN: ("0.00", "1"),
    }


def test_the_list_check_sorts_a_loss_not_given_apart_from_a_loss_of_nothing(
    client_for: Client, losses: None
) -> None:
    # The browser sorts on data-sort; an empty key goes last (app.js): a key of 0 sorted the
    # hits whose reports give no loss among the failed attempts, as though nothing was lost.
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/check/bulk").text)
    values = "\n".join((NONE_GIVEN, SOME_GIVEN, ZERO_GIVEN, "+60198765432"))
    page = client.post("/check/bulk", data={"csrf_token": token, "values": values}).text
    keys = {}
    for row in ROW.findall(page):
        cells = re.findall(r"<td([^>]*)>(.*?)</td>", row, re.S)
        found = re.search(r'data-sort="([^"]*)"', cells[9][0])
        assert found, "the loss cell has no sort key"
        keys[_text(cells[2][1])] = found.group(1)
    assert keys == {NONE_GIVEN: "", SOME_GIVEN: "1234.00", ZERO_GIVEN: "0.00", "+60198765432": ""}
