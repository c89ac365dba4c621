"""Create an empty database with the schema and the region's agencies (not timed)."""

from __future__ import annotations

import sys
from pathlib import Path

from counterscam.access.accounts import create_user
from counterscam.access.agency_file import add_region_agencies
from counterscam.db.engine import make_engine, session_scope
from counterscam.db.migrate import upgrade

BENCH_USER = "bench.analyst"
BENCH_PASSWORD = "bench-password-1"


def main(url: str, region: Path) -> None:
    """Migrate ``url`` and add the agencies listed in the region, plus one analyst."""
    engine = make_engine(url)
    upgrade(engine)
    with session_scope(engine) as session:
        add_region_agencies(session, region)
        create_user(session, username=BENCH_USER, password=BENCH_PASSWORD, agency_code="MY-NSRC")
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
