"""Served under a proxy's path prefix (``uvicorn --root-path /counterscam``), nothing leaves it.

The server puts the prefix in ``root_path`` and at the start of ``path``, as uvicorn does; the
test client does the same when each address is written with the prefix. Every link, form,
asset, redirect and API answer was written for the root of a host name: a click on "Reports"
left the prefix for the proxy's 404, and an API error came back as a web page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urldefrag

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.api.security_headers import DOCS_POLICY
from counterscam.config import Settings
from counterscam.web.paths import TEMPLATES_DIR
from tests.factories import PASSWORD, PolicyRegion
from tests.web.conftest import csrf_of, region
from tests.web.test_alerts_page import _sg_report_with_the_same_phone
from tests.web.test_cluster_pages import keys

__all__ = ["keys", "region"]

PREFIX = "/counterscam"
ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "data-src", "data-history-url")
# Each page of the site, reached by following links from the dashboard alone.
PAGES = (
    r"/",
    r"/check",
    r"/check/bulk",
    r"/reports",
    r"/reports\?page=1",
    r"/reports\?sort=.*",
    r"/reports/\d+",
    r"/reports/\d+/edit",
    r"/reports/new",
    r"/reports\.csv.*",
    r"/upload",
    r"/api/v1/templates/reports\.xlsx",
    r"/alerts.*",
    r"/clusters",
    r"/clusters/[^/]+",
    r"/clusters/[^/]+/network",
    r"/clusters/[^/]+/network/table",
    r"/clusters/[^/]+/graph\.json",
    r"/clusters/[^/]+/identifiers\.csv",
    r"/stop-list",
    r"/public/check",
    r"/static/app\.css",
    r"/static/app\.js",
    r"/static/network\.js",
)


class _Addresses(HTMLParser):
    """Every address a page gives the browser, and the forms with their fields."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ADDRESS_ATTRIBUTES and value is not None:
                self.addresses.append(value)
                if name in ("href", "src", "data-src"):
                    self.links.append(value)


def _addresses(html: str) -> _Addresses:
    parsed = _Addresses()
    parsed.feed(html)
    return parsed


def _outside(addresses: list[str]) -> list[str]:
    """Return the addresses that leave the prefix (a fragment stays on the page)."""
    return [a for a in addresses if not a.startswith(("#", f"{PREFIX}/"))]


@pytest.fixture
def browser(engine: Engine) -> Iterator[TestClient]:
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app, root_path=PREFIX) as client:
        yield client


def _form_action(html: str, ends: str) -> str:
    # A fragment (the check's "#verdict", where the answer is) is no part of the address.
    actions = [a for a in re.findall(r'action="([^"#]+)[^"]*"', html) if a.endswith(ends)]
    assert actions, f"no form posting to ...{ends}"
    return str(actions[0]).replace("&amp;", "&")


def _field(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert found, f"no field {name}"
    return found.group(1).replace("&amp;", "&")


def _sign_in(browser: TestClient, username: str) -> None:
    first = browser.get(f"{PREFIX}/", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == f"{PREFIX}/sign-in?next=%2F"
    page = browser.get(first.headers["location"]).text
    assert not _outside(_addresses(page).addresses)
    signed = browser.post(
        _form_action(page, "/sign-in"),
        data={"username": username, "password": PASSWORD, "csrf_token": csrf_of(page), "next": "/"},
        follow_redirects=False,
    )
    assert signed.status_code == 303 and signed.headers["location"] == f"{PREFIX}/"
    cookie = signed.headers["set-cookie"]
    # Under a prefix the sign-in goes to this application alone, not to the whole host.
    assert f"path={PREFIX};" in cookie


def _walk(browser: TestClient, *starts: str, limit: int = 400) -> dict[str, httpx.Response]:
    """Follow every link inside the prefix from ``starts``; return the answers by address."""
    seen: dict[str, httpx.Response] = {}
    queue = list(starts)
    while queue and len(seen) < limit:
        address = queue.pop(0)
        if address in seen:
            continue
        answer = browser.get(address, follow_redirects=False)
        seen[address] = answer
        # The cluster fixture stores a bank account too short to canonicalise: its "Check"
        # link answers the check page's 400, which is still a page under the prefix.
        expected = (200, 400) if address.startswith(f"{PREFIX}/check?") else (200,)
        if answer.is_redirect:
            assert answer.headers["location"].startswith(f"{PREFIX}/"), address
            queue.append(answer.headers["location"])
            continue
        assert answer.status_code in expected, (address, answer.status_code, answer.text[:300])
        kind = answer.headers.get("content-type", "")
        if "text/html" in kind:
            found = _addresses(answer.text)
            assert not _outside(found.addresses), (address, _outside(found.addresses))
            for link in found.links:
                target = urldefrag(link.replace("&amp;", "&")).url
                if target and "/sign-out" not in target:
                    queue.append(target)
        if "text/css" in kind:
            # An absolute url() in the stylesheet loads a font from outside the prefix.
            assert not re.findall(r'url\("?/', answer.text), address
    return seen


def test_a_signed_in_walk_through_every_page_stays_under_the_prefix(
    browser: TestClient, engine: Engine, region: PolicyRegion, keys: dict[str, str]
) -> None:
    _sg_report_with_the_same_phone(engine, region)
    _sign_in(browser, region.users["MY-NSRC"].username)
    # A page past the end links back to the last page (the pagination's address); the
    # public check is linked for visitors only.
    seen = _walk(browser, f"{PREFIX}/", f"{PREFIX}/reports?page=9", f"{PREFIX}/public/check")

    assert all(a.startswith(f"{PREFIX}/") for a in seen)
    reached = [a[len(PREFIX) :] for a in seen]
    missing = [p for p in PAGES if not any(re.fullmatch(p, a) for a in reached)]
    assert not missing, f"the walk reached no {missing}"

    # The assets may be cached as at the root; the pages, holding records, may not.
    assert "no-store" not in seen[f"{PREFIX}/static/app.css"].headers.get("cache-control", "")
    assert seen[f"{PREFIX}/reports"].headers["cache-control"] == "no-store"

    graph = next(a for a in seen if a.endswith("/graph.json"))
    hrefs = [n["href"] for n in seen[graph].json()["nodes"] if "href" in n]
    assert hrefs and all(h.startswith(f"{PREFIX}/reports/") for h in hrefs)


def test_forms_post_and_come_back_under_the_prefix(
    browser: TestClient, engine: Engine, region: PolicyRegion
) -> None:
    _sg_report_with_the_same_phone(engine, region)
    _sign_in(browser, region.users["MY-NSRC"].username)

    page = browser.get(f"{PREFIX}/check").text
    checked = browser.post(
        _form_action(page, "/check"),
        data={"csrf_token": csrf_of(page), "kind": "phone", "value": region.phone},
    )
    assert checked.status_code == 200 and "SG-ASCOM" in checked.text
    history = re.search(r'data-history-url="([^"]+)"', checked.text)
    assert history and history.group(1).startswith(f"{PREFIX}/check?")

    page = browser.get(f"{PREFIX}/alerts").text
    read = browser.post(
        _form_action(page, "/read"), data={"csrf_token": csrf_of(page)}, follow_redirects=False
    )
    assert read.status_code == 303 and read.headers["location"].startswith(f"{PREFIX}/alerts?")

    page = browser.get(f"{PREFIX}/stop-list").text
    stopped = browser.post(
        _form_action(page, "/stop-list"),
        data={
            "csrf_token": csrf_of(page),
            "kind": "phone",
            "value": "+60123450077",
            "reason": "a bank's hotline, spoofed",
        },
        follow_redirects=False,
    )
    assert stopped.status_code == 303, stopped.text
    assert stopped.headers["location"] == f"{PREFIX}/stop-list"

    page = browser.get(f"{PREFIX}/reports/new").text
    saved = browser.post(
        _form_action(page, "/reports/new"),
        data={
            "csrf_token": csrf_of(page),
            "external_ref": "MY-PREFIX-1",
            "reported_at": "2026-03-02",
            "scam_type": "phishing",
            "channel": "website",
            "mark": "green",
            "identifiers-0-kind": "phone",
            "identifiers-0-value": "012-345 6700",
            "identifiers-0-role": "caller",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    assert re.fullmatch(rf"{PREFIX}/reports/\d+\?saved=new", saved.headers["location"])
    report = browser.get(saved.headers["location"])
    assert report.status_code == 200 and "MY-PREFIX-1" in report.text

    page = browser.get(f"{PREFIX}/upload").text
    uploaded = browser.post(
        _form_action(page, "/upload"),
        data={"csrf_token": csrf_of(page)},
        files={"files": ("r.csv", b"external_ref,reported_at\nMY-PREFIX-2,2026-03-02\n")},
        follow_redirects=False,
    )
    assert uploaded.status_code == 303, uploaded.text
    assert re.fullmatch(rf"{PREFIX}/upload/batches/\d+", uploaded.headers["location"])
    batch = browser.get(uploaded.headers["location"])
    assert batch.status_code == 200 and not _outside(_addresses(batch.text).addresses)

    page = browser.get(f"{PREFIX}/").text
    out = browser.post(
        _form_action(page, "/sign-out"), data={"csrf_token": csrf_of(page)}, follow_redirects=False
    )
    assert out.status_code == 303 and out.headers["location"] == f"{PREFIX}/sign-in"


def test_a_page_that_needs_a_sign_in_comes_back_to_itself_under_the_prefix(
    browser: TestClient, region: PolicyRegion
) -> None:
    first = browser.get(f"{PREFIX}/reports?mark=red", follow_redirects=False)
    assert first.headers["location"] == f"{PREFIX}/sign-in?next=%2Freports%3Fmark%3Dred"
    page = browser.get(first.headers["location"]).text
    signed = browser.post(
        _form_action(page, "/sign-in"),
        data={
            "username": region.users["MY-NSRC"].username,
            "password": PASSWORD,
            "csrf_token": csrf_of(page),
            "next": _field(page, "next"),
        },
        follow_redirects=False,
    )
    assert signed.headers["location"] == f"{PREFIX}/reports?mark=red"


def test_api_answers_stay_json_under_the_prefix(browser: TestClient, region: PolicyRegion) -> None:
    # Each was the web pages' HTML error page under a prefix: a script read no "detail".
    for address, status in (
        ("/api/v1/reports/999999", 401),
        ("/api/v1/check?kind=phone&value=%00", 422),
        ("/api/v1/no-such-route", 404),
        ("/api/v1/reports?page=0", 401),
    ):
        answer = browser.get(PREFIX + address)
        assert answer.status_code == status, address
        assert answer.headers["content-type"] == "application/json", address
        assert "detail" in answer.json()
    posted = browser.post(
        f"{PREFIX}/api/v1/check",
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        content=b"{}",
    )
    assert posted.status_code == 415 and posted.headers["content-type"] == "application/json"
    # A web page's error stays a page.
    missing = browser.get(f"{PREFIX}/no-such-page")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]


def test_the_api_reference_works_under_the_prefix(browser: TestClient) -> None:
    page = browser.get(f"{PREFIX}/api/docs")
    assert page.status_code == 200
    # Swagger UI starts from an inline script: the pages' policy left it blank.
    assert page.headers["content-security-policy"] == DOCS_POLICY
    assert f"'{PREFIX}/api/v1/openapi.json'" in page.text
    for asset in re.findall(r'(?:href|src)="([^"]+)"', page.text):
        assert asset.startswith(f"{PREFIX}/"), asset
        assert browser.get(asset).status_code == 200, asset
    schema = browser.get(f"{PREFIX}/api/v1/openapi.json").json()
    assert schema["servers"] == [{"url": PREFIX}]  # "Try it out" calls the prefixed API
    for usual, served in (("/docs", "/api/docs"), ("/openapi.json", "/api/v1/openapi.json")):
        moved = browser.get(PREFIX + usual, follow_redirects=False)
        assert moved.headers["location"] == PREFIX + served


def test_without_a_prefix_nothing_changes(engine: Engine, region: PolicyRegion) -> None:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as plain:
        page = plain.get("/sign-in")
        assert 'action="/sign-in"' in page.text and 'href="/static/app.css"' in page.text
        assert "path=/;" in page.headers["set-cookie"]
        assert plain.get("/", follow_redirects=False).headers["location"] == "/sign-in?next=%2F"


def test_no_template_writes_an_address_without_the_prefix() -> None:
    # The walk reaches the pages the test data shows; a link on a page it does not reach (an
    # empty state, a role's notice) would still leave the prefix. Macros see ``root_path``
    # only when imported "with context".
    unprefixed = re.compile(r'\b(?:href|src|action|formaction)="/(?!/)')
    bare_import = re.compile(r'{%-? from "[^"]+" import (?:(?!with context).)*?-?%}')
    wrong = [
        f"{template.name}: {found.group(0)}"
        for template in sorted(TEMPLATES_DIR.glob("*.html"))
        for pattern in (unprefixed, bare_import)
        for found in pattern.finditer(template.read_text())
    ]
    assert not wrong, wrong
