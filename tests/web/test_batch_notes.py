"""An upload's page says every note the CLI and API give of the batch, together, as they do.

The page picked the notes it knew (kept as stored, share list removed): an upload valued at a
stand-in FX rate was told so by ``counterscam import`` and the API's answer, never on the page,
which is read again from the store after the upload's redirect.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from fastapi.testclient import TestClient

from counterscam.web.formatting import code_spans
from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of, upload

HEAD = "external_ref,reported_at,incident_at,scam_type,channel,loss_amount,loss_currency,mark"
# The FX table starts in 2023-01: a loss of 2022-06 is valued at the nearest month's rate.
REPORTS = (
    f"{HEAD},share_with\n"
    "N-1,2026-03-01,2026-02-10,investment,sms,1000,MYR,amber,SG-ASCOM\n"
    "N-2,2026-03-01,2026-02-11,investment,sms,1000,MYR,amber,\n"
)
IDENTIFIERS = "external_ref,kind,value,role\nN-1,phone,012-345 6789,caller\n"
# The reports again without their identifiers, N-1's share list emptied, N-2's incident old.
AGAIN = (
    f"{HEAD},share_with\n"
    "N-1,2026-03-01,2026-02-10,investment,sms,1000,MYR,amber,\n"
    "N-2,2026-03-01,2022-06-11,investment,sms,1000,MYR,amber,\n"
)
NOTE = re.compile(r'<p class="notice( notice--warning)?" role="note">(.*?)</p>', re.S)


def _notes(page: str) -> list[tuple[bool, str]]:
    """Return the page's notes of the batch: whether each warns, and its words as text."""
    return [(bool(w), unescape(re.sub("<[^>]+>", "", t))) for w, t in NOTE.findall(page)]


def test_the_batch_page_says_every_note_the_api_gives(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    first = client.post(
        "/upload",
        data={"csrf_token": csrf_of(client.get("/upload").text)},
        files=[
            ("files", ("reports.csv", REPORTS.encode(), "text/csv")),
            ("files", ("identifiers.csv", IDENTIFIERS.encode(), "text/csv")),
        ],
    )
    assert "Upload complete" in first.text and _notes(first.text) == []

    response = upload(client, "reports.csv", AGAIN.encode())
    page = client.get(response.headers["location"]).text
    notes = _notes(page)
    said = [text for _, text in notes]
    assert [s.split(":")[0] for s in said] == [
        "Kept as stored",
        "Share list removed",
        "Stand-in FX rate",
    ], said
    # Only the widened share list warns; the others tell what was done.
    assert [warns for warns, _ in notes] == [False, True, False]
    assert said[2].startswith("Stand-in FX rate: the loss of 1 report (2022-06) was valued")
    # The command to run is set as code, not shown with its backticks.
    assert "<code>counterscam fx revalue</code>" in page and "`" not in said[2]

    # The same words as the API's answer of the batch, in the same order.
    batch = response.headers["location"].rsplit("/", 1)[-1]
    answer = client.get(f"/api/v1/batches/{batch}").json()
    assert answer["note"].replace("`", "") == ". ".join(s.removesuffix(".") for s in said)


def test_a_note_shows_its_commands_as_code_and_its_values_escaped() -> None:
    assert code_spans("run `counterscam fx revalue` <now>") == (
        "run <code>counterscam fx revalue</code> &lt;now&gt;"
    )
    # Backticks typed in the references a note quotes open no code span.
    assert code_spans("reports A`1 and B`2 kept") == "reports A`1 and B`2 kept"


def test_the_batch_page_says_which_losses_were_estimates(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # The note was counted while the upload ran and never stored: the upload's answer (CLI,
    # API) said "~RM500" was taken as RM500, the page the upload redirects to did not.
    client = client_for("MY-NSRC")
    reports = (
        f"{HEAD}\n"
        "E-1,2026-03-01,2026-02-10,investment,sms,~RM500,MYR,amber\n"
        "E-2,2026-03-01,2026-02-10,investment,sms,approx. 1200,MYR,amber\n"
        "E-3,2026-03-01,2026-02-10,investment,sms,300,MYR,amber\n"
    )
    response = upload(client, "reports.csv", reports.encode())
    page = client.get(response.headers["location"]).text
    assert _notes(page) == [
        (
            False,
            "Estimated losses: the losses of 2 reports (E-1, E-2) were written as estimates "
            "('~', 'approx.'), and stored as the figure given; where the exact amount becomes "
            "known, resubmit the report with it.",
        )
    ]
    batch = response.headers["location"].rsplit("/", 1)[-1]
    assert client.get(f"/api/v1/batches/{batch}").json()["note"].startswith("Estimated losses")
