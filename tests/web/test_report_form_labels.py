"""The report form's repeated rows: a screen reader tells one person's boxes from another's."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of


def _label(page: str, field: str) -> str:
    match = re.search(rf'<label class="label" for="{field}">(.*?)</label>', page)
    assert match, field
    return re.sub(r"<[^>]+>", "", match.group(1))


def test_every_box_of_a_second_person_and_place_says_whose_it_is(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/reports/new").text)
    page = client.post(
        "/reports/new",
        data={"csrf_token": token, "parties-0-full_name": "Aung Kyaw", "add": "parties"},
    ).text
    # Two boxes read "Date of birth", two "Nationality": which person's, a reader could not tell.
    assert _label(page, "parties-0-birth_date") == "Date of birth of person 1"
    assert _label(page, "parties-1-birth_date") == "Date of birth of person 2"
    for box in ("nationality", "id_kind", "id_number", "phone"):
        assert _label(page, f"parties-1-{box}").endswith(" of person 2"), box
    for box in ("latitude", "longitude", "address"):
        assert _label(page, f"places-0-{box}").endswith(" of place 1"), box
    assert _label(page, "places-0-country") == "Country of the place 1"
    # Sighted users read the short label; the rest is for screen readers.
    assert '<span class="visually-hidden"> of person 2</span>' in page
