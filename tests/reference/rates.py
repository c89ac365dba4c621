"""Point the process at a rates file (COUNTERSCAM_FX_RATES_FILE) and read the tables again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest

from counterscam import reference
from counterscam.config import get_settings
from counterscam.intake import vocab


class UseRates(Protocol):
    """Write a rates file under a name and make it the process's."""

    def __call__(self, text: str, name: str = "rates.csv") -> Path: ...


def reload_rates() -> None:
    """Forget what was read once per process, as a new process would."""
    get_settings.cache_clear()
    reference.reference.cache_clear()
    vocab.currencies.cache_clear()
    vocab.currency_set.cache_clear()


@pytest.fixture
def use_rates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[UseRates]:
    """Write a rates file and set COUNTERSCAM_FX_RATES_FILE to it; undone after the test."""

    def use(text: str, name: str = "rates.csv") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("COUNTERSCAM_FX_RATES_FILE", str(path))
        reload_rates()
        return path

    yield use
    monkeypatch.delenv("COUNTERSCAM_FX_RATES_FILE", raising=False)
    reload_rates()
