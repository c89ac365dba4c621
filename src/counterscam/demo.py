"""Build the synthetic demo region: schema, agencies, one account per role, reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func, select

from counterscam.access.accounts import admin_caller, create_user
from counterscam.access.agency_file import add_region_agencies
from counterscam.config import get_settings
from counterscam.db.engine import session_factory, session_scope
from counterscam.db.migrate import upgrade
from counterscam.db.models import Report, User
from counterscam.intake.files import read_batch
from counterscam.intake.service import submit
from counterscam.intake.tables import Limits, Source
from counterscam.link.party_evidence import store_person_ids
from counterscam.link.persons import resolve_parties
from counterscam.link.rebuild import STEPS as REBUILD_STEPS
from counterscam.link.rebuild import rebuild
from counterscam.synth import generate

DEMO_PASSWORD = "counterscam-demo"


@dataclass(frozen=True)
class DemoUser:
    """A demo sign-in and what it shows."""

    username: str
    agency: str
    role: str
    sees: str


DEMO_USERS = (
    DemoUser("analyst.my", "MY-NSRC", "analyst", "member: own, and others' clear/green/amber"),
    DemoUser("analyst.th", "TH-AOC", "analyst", "member (Thailand)"),
    DemoUser("analyst.ph", "PH-CICC", "analyst", "member (the Philippines)"),
    DemoUser("secretariat", "ASEANAPOL", "admin", "secretariat: amber and amber+strict too"),
    DemoUser("partner.au", "AU-AFP", "analyst", "dialogue partner: clear and green only"),
    DemoUser("observer.tl", "TL-PNTL", "analyst", "observer: clear and green only"),
)


@dataclass
class DemoSummary:
    """What the demo build did."""

    reports: int
    already_built: bool
    rejected: int = 0
    users: tuple[DemoUser, ...] = DEMO_USERS
    notes: list[str] = field(default_factory=list)


def build_demo(
    *,
    engine: Engine,
    reports: int,
    seed: int,
    folder: Path,
    on_stage: Callable[[str, int | None], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> DemoSummary:
    """Create the demo database once; a second run finds it built and changes nothing.

    Args:
        reports: size of the synthetic region.
        folder: where the generated files go (kept, so they can be imported by hand too).
        on_stage: told each stage's name and its size, for a progress display.
        on_progress: told how many items the current stage has done since the last call.
    """
    stage = on_stage or (lambda _name, _total: None)
    tick = on_progress or (lambda _n: None)
    upgrade(engine)
    with session_scope(engine) as session:
        existing = session.scalar(select(func.count()).select_from(Report)) or 0
        if existing and session.scalar(select(User).where(User.username == "analyst.my")):
            return DemoSummary(reports=existing, already_built=True)
    if not (folder / "agencies.csv").exists():
        stage("Generating the synthetic region", reports)
        generate(reports=reports, seed=seed, out=folder, progress=tick)
    with session_scope(engine) as session:
        codes = set(add_region_agencies(session, folder))
        for user in DEMO_USERS:
            if session.scalar(select(User).where(User.username == user.username)) is None:
                create_user(
                    session,
                    username=user.username,
                    password=DEMO_PASSWORD,
                    agency_code=user.agency,
                    role=user.role,
                )
    settings = get_settings()
    limits = Limits(max_unzipped_bytes=20 * settings.max_upload_bytes)
    rejected = 0
    folders = sorted(p for p in folder.iterdir() if p.name in codes and p.is_dir())
    stage("Importing the reports of each agency", reports)
    session = session_factory(engine)()
    try:
        for agency_dir in folders:
            caller = admin_caller(session, agency_dir.name)
            sources = [Source(name=p.name, path=p) for p in sorted(agency_dir.glob("*.csv"))]
            done = 0

            def progress(n: int) -> None:
                nonlocal done
                tick(n - done)
                done = n

            result = submit(
                session,
                caller,
                reports=read_batch(sources, limits),
                source="cli",
                filename=agency_dir.name,
                keep_valid=True,
                settings=settings,
                streaming=True,
                on_progress=progress,
            )
            rejected += result.rejected
        # Persons first, so that the rebuild also links reports naming the same suspect, mule
        # or recruiter under another spelling (docs/persons.md).
        stage("Resolving persons across spellings", 1)
        store_person_ids(session, resolve_parties(session))
        session.commit()
        tick(1)
        # Intake links each chunk as it arrives; one rebuild afterwards applies the hub
        # rules and community splitting over the whole region (docs/link.md).
        stage("Linking reports into clusters", len(REBUILD_STEPS))
        rebuild(session, progress=lambda _name, done, _total: tick(1) if done else None)
        session.commit()
        total = session.scalar(select(func.count()).select_from(Report)) or 0
    finally:
        session.close()
    return DemoSummary(reports=total, already_built=False, rejected=rejected)
