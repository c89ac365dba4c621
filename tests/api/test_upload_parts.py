"""Upload parts a script can send and a browser does not, and empty JSON bodies, said plainly."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import only_item
from tests.intake.test_api import client
from tests.web.conftest import multipart

__all__ = ["client"]

SECRET_ROW = b"external_ref,reported_at\nMY-SECRET-77,2026-03-01\n"


def _send(client: TestClient, headers: dict[str, str], disposition: str) -> Any:
    body, content_type = multipart(disposition, SECRET_ROW)
    return client.post(
        "/api/v1/uploads", content=body, headers={**headers, "Content-Type": content_type}
    )


@pytest.mark.parametrize(
    ("disposition", "said"),
    [
        # The answer quoted the file's contents as the part's "input".
        ('name="files"', "files[0] must be a file: send each file as a part"),
        # Read as a file called "upload", whose errors named no file the client had.
        ('name="files"; filename=""', "files[0] has an empty file name; send each file"),
        (
            f'name="files"; filename="{"r" * 296}.csv"',
            "is too long (300 characters); rename the file to at most 255 characters",
        ),
    ],
)
def test_a_file_part_without_a_usable_name_is_refused_without_its_contents(
    client: TestClient, my: dict[str, str], disposition: str, said: str
) -> None:
    answer = _send(client, my, disposition)
    item = only_item(answer)
    assert item["loc"] == ["body", "files", 0] and said in item["msg"]
    assert item["input"] is None and "MY-SECRET-77" not in answer.text


def test_a_file_name_of_thousands_of_characters_is_named_as_the_problem(
    client: TestClient, my: dict[str, str]
) -> None:
    # Past 4 kB the form parser gives up on the part: it said "Invalid multipart data.".
    item = only_item(_send(client, my, f'name="files"; filename="{"r" * 5000}.csv"'))
    assert item["type"] == "multipart_invalid"
    assert item["msg"].startswith("The file name is too long (over 4,000 bytes); rename the file")


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ("/api/v1/reports", "send one report, a JSON object {...}"),
        ("/api/v1/reports/batch", 'send {"reports": [REPORT, ...]}'),
    ],
)
@pytest.mark.parametrize("body", [b"", b" \r\n"])
def test_an_empty_body_is_called_empty(
    client: TestClient, my: dict[str, str], path: str, wanted: str, body: bytes
) -> None:
    # It was "not valid JSON ... it looks cut short (an interrupted download or copy)".
    answer = client.post(path, content=body, headers={**my, "Content-Type": "application/json"})
    assert answer.status_code == 422
    (error,) = answer.json()["errors"]
    assert error["reason"].startswith(f"the body is empty: {wanted}")
    assert "cut short" not in error["reason"]
