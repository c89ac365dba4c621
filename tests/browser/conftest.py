"""Browser tests: Playwright drives Debian's Chromium against the app served by uvicorn.

Chromium is never downloaded (no ``playwright install``): the tests use /usr/bin/chromium.
Without it they skip with the reason, except under CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine

from counterscam.access import accounts
from counterscam.db.engine import make_engine
from counterscam.db.migrate import upgrade
from tests.browser.seed import seed
from tests.browser.server import serving

CHROMIUM = os.environ.get("COUNTERSCAM_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def _chromium_problem() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM}: install Debian's chromium (make browser-deps)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"Playwright for Python is not installed: {exc}"
    return None


@contextmanager
def fresh_database(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Engine]:
    """A migrated SQLite database of its own, for a site built and served for some tests."""
    path = tmp_path_factory.mktemp(name) / "counterscam.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with pytest.MonkeyPatch.context() as mp:
        # Cheap argon2 while the site is up (production cost is ~50 ms a hash).
        mp.setattr(
            accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        )
        yield engine
    engine.dispose()


@contextmanager
def window(chromium: Any, url: str, width: int, timeout: int = 15_000) -> Iterator[Any]:
    """A fresh tab (no cookies) on ``url`` in a window ``width`` px wide and 900 px high."""
    context = chromium.new_context(viewport={"width": width, "height": 900}, base_url=url)
    context.set_default_timeout(timeout)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Chromium for the whole session."""
    problem = _chromium_problem()
    if problem:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but the browser tests cannot run: {problem}")
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A temporary SQLite region served on a free local port: its URL and report ids."""
    with fresh_database(tmp_path_factory, "browser") as engine:
        ids = seed(engine, reports=300)
        with serving(engine) as base_url:
            yield {"url": base_url, "ids": ids}


@pytest.fixture
def page(chromium: Any, demo: dict[str, Any]) -> Iterator[Any]:
    """A fresh browser tab (no cookies) at 1280 px wide."""
    with window(chromium, demo["url"], 1280) as tab:
        yield tab
