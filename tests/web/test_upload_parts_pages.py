"""The two upload pages (reports, a list to check) say alike what is wrong with a file's part:
a file name too long, a part without a name beside files; never quoting what it held."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of, multipart_parts

REPORTS = (
    b"external_ref,reported_at,scam_type,channel,mark\n"
    b"MY-PART-1,2026-03-01,investment,telegram,amber\n"
)
VALUES = b"value\n+60123456789\n"
SECRET = b"external_ref,reported_at\nMY-SECRET-77,2026-03-01\n"
# Each page: its address, its file box and what a good file for it holds.
PAGES = {"upload": ("/upload", "files", REPORTS), "list": ("/check/bulk", "file", VALUES)}


def _send(client: TestClient, path: str, parts: list[tuple[str, bytes]]) -> httpx.Response:
    token = csrf_of(client.get(path).text)
    body, content_type = multipart_parts(parts, token=token)
    response: httpx.Response = client.post(
        path, content=body, headers={"Content-Type": content_type}, follow_redirects=False
    )
    return response


@pytest.mark.parametrize("which", PAGES)
def test_a_long_file_name_is_said_beside_the_file_box_of_either_page(
    client_for: Callable[[str], TestClient], region: PolicyRegion, which: str
) -> None:
    # The list check took a 300-character name without a word, and past 4 kB it answered "the
    # form could not be read" on a page without the form.
    path, box, content = PAGES[which]
    client = client_for("MY-NSRC")
    response = _send(client, path, [(f'name="{box}"; filename="{"r" * 296}.csv"', content)])
    assert response.status_code == 400
    assert (
        f'href="#{box}">The file name “{"r" * 40}…” is too long (300 characters); rename the '
        "file to at most 255 characters and upload it again" in response.text
    )
    assert "HIT" not in response.text  # nothing was checked
    response = _send(client, path, [(f'name="{box}"; filename="{"r" * 5000}.csv"', content)])
    assert response.status_code == 400
    assert (
        f'href="#{box}">The file name is too long (over 4,000 bytes); rename the file to at '
        "most 255 characters and upload it again" in response.text
    )
    assert "The form could not be read" not in response.text
    assert f'id="{box}"' in response.text and 'name="csrf_token"' in response.text


@pytest.mark.parametrize("which", PAGES)
def test_a_part_without_a_file_name_beside_a_file_is_named_and_nothing_is_read(
    client_for: Callable[[str], TestClient], region: PolicyRegion, which: str
) -> None:
    # The upload saved the named file and dropped the other without a word; the list check
    # quoted the nameless part's text as "a problem with the address".
    path, box, content = PAGES[which]
    client = client_for("MY-NSRC")
    for nameless in (f'name="{box}"', f'name="{box}"; filename=""'):
        response = _send(
            client, path, [(f'name="{box}"; filename="a.csv"', content), (nameless, SECRET)]
        )
        assert response.status_code == 400, nameless
        assert f'href="#{box}">File 2 of the 2 sent has no file name, so nothing was read' in (
            response.text
        )
        assert (
            "MY-SECRET-77" not in response.text and "problem with the address" not in response.text
        )
        assert "HIT" not in response.text
    assert "MY-PART-1" not in client.get("/reports").text


def test_a_part_without_a_file_name_alone_asks_for_the_list_without_quoting_it(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    response = _send(client_for("MY-NSRC"), "/check/bulk", [('name="file"', SECRET)])
    assert response.status_code == 400
    assert "Paste the values to check, one a line, or choose a file" in response.text
    assert "MY-SECRET-77" not in response.text and "problem with the address" not in response.text


def test_two_files_for_one_list_are_refused_not_one_dropped(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # The last file was checked and the first dropped without a word.
    parts = [('name="file"; filename="a.csv"', VALUES), ('name="file"; filename="b.csv"', VALUES)]
    response = _send(client_for("MY-NSRC"), "/check/bulk", parts)
    assert response.status_code == 400
    assert 'href="#file">A list is checked from one file and 2 were sent' in response.text


def test_a_refused_upload_keeps_the_keep_valid_rows_box_as_it_was_sent(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # It came back unticked: the file chosen again was then refused whole for one bad row.
    client = client_for("MY-NSRC")
    ticked = _send(client, "/upload", [('name="keep_valid"', b"true"), ('name="files"', SECRET)])
    assert ticked.status_code == 400
    assert 'name="keep_valid" type="checkbox" value="true" checked>' in ticked.text
    unticked = _send(client, "/upload", [('name="files"', SECRET)])
    assert 'name="keep_valid" type="checkbox" value="true">' in unticked.text
