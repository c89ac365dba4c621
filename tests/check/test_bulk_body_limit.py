"""COUNTERSCAM_MAX_UPLOAD_BYTES holds for the bulk check's JSON body too (docs/configuration.md)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.check.conftest import PHONE, CheckRegion


def test_a_bulk_check_body_past_the_upload_limit_is_413(
    engine: Engine, session: Session, region: CheckRegion
) -> None:
    token = issue_token(session, username="user-sg-ascom")
    session.commit()
    headers = {"Authorization": f"Bearer {token.secret}"}
    app = create_app(settings=Settings(demo=True, max_upload_bytes=2_000), engine=engine)
    with TestClient(app) as c:
        small = c.post("/api/v1/check/bulk", json={"items": [{"value": PHONE}]}, headers=headers)
        # A few values padded past the limit: it was read whole and answered 200.
        padded = {"items": [{"kind": "phone", "value": PHONE}], "country": "MY" + " " * 3_000}
        big = c.post("/api/v1/check/bulk", json=padded, headers=headers)
    assert small.status_code == 200 and small.json()["checked"] == 1
    assert big.status_code == 413
    assert "larger than 2,000 bytes" in big.json()["detail"]
    assert "COUNTERSCAM_MAX_UPLOAD_BYTES" in big.json()["detail"]
