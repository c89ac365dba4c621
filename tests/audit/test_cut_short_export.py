"""An export stopped half-way has handed out the rows written so far: the log must say so."""

from __future__ import annotations

import errno
import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.db.models import AuditEvent
from counterscam.link.export import export_clusters
from counterscam.link.rebuild import rebuild
from tests.factories import build_policy_region


class _CutShort(io.StringIO):
    """A file that takes ``lines`` lines, then fails as ``error`` says (Ctrl-C, a full disk)."""

    def __init__(self, lines: int, error: BaseException) -> None:
        super().__init__()
        self.lines, self.error = lines, error

    def write(self, text: str) -> int:
        if self.getvalue().count("\n") >= self.lines:
            raise self.error
        return super().write(text)


@pytest.mark.parametrize(
    "error", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device")]
)
def test_an_export_cut_short_is_audited_with_the_rows_written(
    session: Session, error: BaseException
) -> None:
    # The row was added only after the last line: Ctrl-C half-way through a million-report
    # export left half a million references in the file and nothing in the log.
    region = build_policy_region(session)
    rebuild(session)
    session.commit()
    out = _CutShort(lines=3, error=error)  # the heading and two reports
    with pytest.raises(type(error)):
        export_clusters(session, region.caller("MY-NSRC"), out)
    session.rollback()  # what the command's session scope does on the way out
    rows = session.execute(select(AuditEvent.action, AuditEvent.actor, AuditEvent.hits)).all()
    assert [tuple(r) for r in rows] == [("export_clusters", "user-my-nsrc@MY-NSRC", 2)]
    assert len(out.getvalue().splitlines()) == 3
