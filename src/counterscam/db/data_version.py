"""A token that changes whenever the data behind the region's figures changes.

Pages that aggregate over a million reports (the dashboard, the cluster list) keep their
figures per visibility class (``access.figures_cache``) and reuse them while this token stays
the same. It must therefore change with every committed change to reports, their marks and
shares, the places and identifiers they name, and clusters:

- the writers that use Core statements (intake's ``write_chunk``, the link rebuild,
  incremental linking and ``fx revalue``) call :func:`mark_changed`;
- writes through the ORM (``session.add`` of a report, ``session.execute(update(Report))``)
  are noticed on their own, so code and tests that write that way need do nothing.

The token is written in the same transaction as the change, as its last statement (just
before COMMIT), so a reader never sees new data under an old token and a writer holds the
token's row lock only for an instant: two writers never wait on each other here for longer
than a commit, and none can deadlock on it. Each change writes a new random token, never a
counter: a counter restarts when the table is emptied or a backup restored, and an old
figure could come back under a number used before. No row (a fresh store) means "unknown":
figures are then computed on every request, never cached.

Changes made outside counterscam (SQL typed into psql) do not change the token; restart the
server, or make any change through counterscam, after such an edit.
"""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlalchemy import Integer, String, Table, event, select
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, SessionTransaction, mapped_column

from counterscam.db.base import Base
from counterscam.db.dialect import insert_for

_ROW = 1
_FLAG = "counterscam.data_changed"
# Tables whose rows the cached figures are computed from (see the module docstring).
WATCHED = frozenset(
    {"report", "report_share", "sighting", "place", "identifier", "cluster", "cluster_report"}
)


class DataVersion(Base):
    """The one row holding the current data token (see ``db.data_version``)."""

    __tablename__ = "data_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32))


def mark_changed(session: Session) -> None:
    """Record that this transaction changed watched data: its commit writes a new token."""
    session.info[_FLAG] = True


def current(session: Session) -> str | None:
    """Return the token of the data this session reads, or None when none was written yet.

    Read it before the figures it keys: a change committed in between then shows in the
    figures (kept under the older token, which no later request asks for), never the reverse.
    """
    return session.scalar(select(DataVersion.token).where(DataVersion.id == _ROW))


def _table_of(instance: object) -> str:
    table = getattr(instance, "__table__", None)
    return str(getattr(table, "name", ""))


@event.listens_for(Session, "before_flush")
def _notice_flush(session: Session, _context: Any, _instances: Any) -> None:
    for instance in (*session.new, *session.dirty, *session.deleted):
        if _table_of(instance) in WATCHED:
            mark_changed(session)
            return


@event.listens_for(Session, "do_orm_execute")
def _notice_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if getattr(table, "name", "") in WATCHED:
            mark_changed(state.session)


@event.listens_for(Session, "before_commit")
def _write_token(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the outer transaction writes the token when it commits
    # The commit flushes after this hook: flush first, so pending reports are noticed.
    session.flush()
    if not session.info.pop(_FLAG, False):
        return
    table = cast(Table, DataVersion.__table__)
    token = uuid.uuid4().hex
    statement = insert_for(session, table).values(id=_ROW, token=token)
    session.execute(statement.on_conflict_do_update(index_elements=["id"], set_={"token": token}))


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    # Rolled back or closed without a commit: nothing changed, no token to write.
    if transaction.parent is None:
        session.info.pop(_FLAG, None)
