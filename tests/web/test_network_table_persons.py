"""The network's table names a person joining reports as a person, in people's words."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.link.test_party_pages import key  # noqa: F401  (fixture: two reports, one suspect)

Client = Callable[[str], TestClient]


def test_a_person_row_reads_person_and_their_roles(
    client_for: Client,
    key: str,  # noqa: F811
) -> None:
    # The row read "person", the name set as code, and "suspect, mule": the codes of the data.
    table = client_for("MY-NSRC").get(f"/clusters/{key}/network/table").text
    row = next(r for r in re.findall(r"<tr>.*?</tr>", table, re.S) if "Tan Wei" in r)
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td.*?</td>", row, re.S)]
    assert cells[0] == "Person (suspect, mule, recruiter)"
    assert cells[2] == "Money mule, Suspect"
    assert "<code>" not in row.split("</td>")[1]
