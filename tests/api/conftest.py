"""JSON API fixtures: the intake tests' agencies, and a member's bearer token."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from tests.intake.conftest import agencies
from tests.intake.test_api import auth

__all__ = ["agencies"]


@pytest.fixture
def my(session: Session, agencies: dict[str, Caller]) -> dict[str, str]:
    """Headers of a user of MY-NSRC, a member agency."""
    return auth(session, "MY-NSRC")


def only_item(answer: Any) -> dict[str, Any]:
    """Return the one error item of a 422 in FastAPI's list shape."""
    assert answer.status_code == 422, answer.text
    detail = answer.json()["detail"]
    assert isinstance(detail, list) and len(detail) == 1, detail
    item: dict[str, Any] = detail[0]
    return item
