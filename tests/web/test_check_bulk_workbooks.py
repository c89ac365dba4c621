"""The bulk check page reads an XLSX list with intake's guards: a damaged shared string, or a
sheet of more rows and cells than the check's limit of values needs, is refused saying so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.check.test_list_workbooks import NO_HIT, padded, pointing_to_strings, workbook
from tests.factories import PolicyRegion
from tests.web.conftest import sign_in
from tests.web.test_check_bulk_page import _rows, _upload

PHONE = "+60123456789"  # the region's shared phone: a hit


@pytest.fixture
def client(engine: Engine, region: PolicyRegion) -> Iterator[TestClient]:
    # Three values a check: room for 240 rows and cells in the list's sheet.
    app = create_app(settings=Settings(demo=True, max_bulk_check=3), engine=engine)
    with TestClient(app) as c:
        sign_in(c, region.users["SG-ASCOM"].username)
        yield c


def test_a_cell_pointing_to_a_missing_shared_string_is_refused_naming_it(
    client: TestClient,
) -> None:
    page = _upload(client, "list.xlsx", pointing_to_strings({"A2": 0, "A3": 1})).text
    assert [(g, c[2]) for g, c in _rows(page)] == [("hit", PHONE), ("nohit", NO_HIT)]
    # openpyxl read string -1 as the last one: A3 was answered HIT for a phone not in the list.
    response = _upload(client, "list.xlsx", pointing_to_strings({"A2": 0, "A3": -1}))
    assert response.status_code == 400
    assert (
        "list.xlsx, sheet &#39;Sheet&#39;: cell A3 points to shared string -1, which does not "
        "exist (the file holds 2)"
    ) in response.text
    assert "Re-save the file from your spreadsheet program" in response.text
    assert "answer-row" not in response.text


def test_a_sheet_of_blank_cells_past_the_limit_is_refused_before_it_is_read(
    client: TestClient,
) -> None:
    # Millions of empty cells kept for their formatting pack within the zip-bomb ratio and
    # took a minute to read before the values above them were checked. 3,000 here.
    blank = b"".join(b'<row r="%d">' % n + b'<c s="1"/>' * 20 + b"</row>" for n in range(3, 153))
    response = _upload(
        client, "list.xlsx", padded(workbook({"list": [["value"], [PHONE]]}), 1, blank)
    )
    assert response.status_code == 400
    said = " ".join(response.text.split())
    assert "list.xlsx, sheet &#39;list&#39;: the sheet holds more than 240 rows and cells" in said
    assert "a check takes at most 3 values" in said
    assert "delete the empty rows and columns past the values" in said
    assert "answer-row" not in response.text


def test_a_full_list_of_wide_rows_and_a_large_sheet_before_it_are_read(
    client: TestClient,
) -> None:
    # The limit's worth of values in rows of ten text cells is within the room a value has,
    # and a sheet without the header (a case export beside the list) is not counted.
    cases = [[f"case {n}", *(f"note {i}" for i in range(9))] for n in range(40)]
    values = [
        [f"name {n}", *(f"detail {i}" for i in range(8)), v]
        for n, v in enumerate([PHONE, NO_HIT, PHONE])
    ]
    header = ["name", *(f"column {i}" for i in range(8)), "value"]
    book = workbook({"cases": [["case", "notes"], *cases], "to check": [header, *values]})
    response = _upload(client, "list.xlsx", book)
    assert response.status_code == 200, response.text
    assert [(g, c[0]) for g, c in _rows(response.text)] == [
        ("hit", "2"),
        ("hit", "4"),
        ("nohit", "3"),
    ]
