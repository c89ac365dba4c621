"""The bulk check page reads a list's workbook as intake does: a value or kind merged down
several rows is answered on each row, saying why it was not checked, and a list only on a
hidden sheet is refused, not checked unseen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.check.test_list_merged_and_hidden import NO_HIT
from tests.factories import PolicyRegion
from tests.web.conftest import sign_in
from tests.web.test_check_bulk_page import _rows, _upload
from tests.workbooks import workbook

PHONE = "+60123456789"  # the region's shared phone: a hit


@pytest.fixture
def client(engine: Engine, region: PolicyRegion) -> Iterator[TestClient]:
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app) as c:
        sign_in(c, region.users["SG-ASCOM"].username)
        yield c


def test_a_merged_kind_is_answered_on_each_row_saying_why(client: TestClient) -> None:
    rows = [["kind", "value"], ["phone", PHONE], [None, NO_HIT]]
    book = workbook({"list": rows}, lambda s: s["list"].merge_cells("A2:A3"))
    response = _upload(client, "list.xlsx", book)
    assert response.status_code == 200, response.text
    answers = _rows(response.text)
    assert [(g, c[0]) for g, c in answers] == [("hit", "2"), ("invalid", "3")]
    said = " ".join(response.text.split())
    assert "cells A2:A3 are merged: the spreadsheet shows the value of A2 in each of them" in said


def test_a_list_only_on_a_hidden_sheet_is_refused(client: TestClient) -> None:
    def hide(made: dict[str, Worksheet]) -> None:
        made["old"].sheet_state = "hidden"

    sheets = {"notes": [["notes"]], "old": [["value"], [PHONE]]}
    response = _upload(client, "list.xlsx", workbook(sheets, hide))
    assert response.status_code == 400
    said = " ".join(response.text.split())
    assert "list.xlsx, sheet &#39;old&#39;: the sheet is hidden" in said
    assert "answer-row" not in response.text
