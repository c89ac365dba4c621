"""The dashboard tells the secretariat when the FX table lacks the current month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient

from counterscam import reference
from counterscam.web.routes import dashboard
from tests.factories import PolicyRegion
from tests.web.conftest import client_for, region

__all__ = ["client_for", "region"]  # the fixtures, used by name


def test_the_secretariat_sees_that_the_fx_table_lacks_this_month(
    client_for: Callable[[str], TestClient],
    region: PolicyRegion,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # November 2026, a month the bundled table covers, whatever the machine's clock says.
    monkeypatch.setattr(dashboard, "fx_gap", lambda: reference.fx_gap(date(2026, 11, 20)))
    assert 'id="fx-gap"' not in client_for("ASEANAPOL").get("/").text
    # January 2027, past the bundled table's last month.
    monkeypatch.setattr(dashboard, "fx_gap", lambda: reference.fx_gap(date(2027, 1, 5)))
    page = client_for("ASEANAPOL").get("/").text
    assert 'id="fx-gap"' in page
    assert "The FX table has no rates for 2027-01 (its last month is 2026-12)" in page
    # An analyst of a member agency can do nothing about it: no notice.
    assert 'id="fx-gap"' not in client_for("MY-NSRC").get("/").text
