"""`counterscam demo`: what `make demo` runs, once on a fresh database and again on a built one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from counterscam.db.engine import make_engine, session_factory
from counterscam.db.link_models import ClusterLink, ClusterReport
from counterscam.db.models import Party, Report, User


def _demo(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "COUNTERSCAM_DEMO": "1",
        "COUNTERSCAM_DATA_DIR": str(tmp_path / "data"),
        "COLUMNS": "200",
    }
    return subprocess.run(
        [sys.executable, "-m", "counterscam.cli.main", "demo", "--reports", "1500"]
        + ["--dir", str(tmp_path / "demo-data")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_demo_builds_a_linked_region_with_sign_ins_and_is_not_built_twice(tmp_path: Path) -> None:
    first = _demo(tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Demo region built: 1,500 reports (0 rejected)" in first.stdout
    for username in ("analyst.my", "secretariat", "partner.au", "observer.tl"):
        assert username in first.stdout
    assert "http://127.0.0.1:8000" in first.stdout
    assert "counterscam serve" in first.stdout  # the command alone serves nothing: say how

    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'counterscam.db'}")
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 1500
        assert session.scalar(select(func.count()).select_from(ClusterReport)) > 100
        assert session.scalar(select(func.count()).select_from(ClusterLink)) > 100
        resolved = session.scalar(select(func.count()).where(Party.person_id.is_not(None)))
        assert resolved == session.scalar(select(func.count()).select_from(Party)) > 0
        users = session.scalar(select(func.count()).select_from(User))

    again = _demo(tmp_path)
    assert again.returncode == 0, again.stderr
    assert "already built (1,500 reports)" in again.stdout
    # It names the database to empty, not "the data folder", which a custom URL is not in.
    assert f"delete {tmp_path / 'data' / 'counterscam.db'} to build it again" in " ".join(
        again.stdout.split()
    )
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 1500
        assert session.scalar(select(func.count()).select_from(User)) == users
    engine.dispose()
