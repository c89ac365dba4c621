"""The hub stop-list as the page and its CSV download show it, read once through the gateway."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.link.stoplist import StopView, list_stops
from counterscam.web.tables import Column, Table

# The CSV keeps codes (kind, action, rule, "auto") as the other downloads do; a withheld entry
# has an empty identifier and rule and says so, as the page does.
CSV_COLUMNS = (
    Column("kind", "Kind"),
    Column("value", "Identifier"),
    Column("withheld", "Withheld"),
    Column("action", "Action"),
    Column("rule", "Rule"),
    Column("reason", "Why"),
    Column("added_by", "Listed by"),
    Column("added_at", "Added", "moment"),
)


@dataclass(frozen=True)
class StopListView:
    """Every entry the caller's page lists, counted, and the same entries as a table."""

    entries: list[StopView]
    table: Table

    @property
    def analysts(self) -> int:
        """Return how many entries an analyst made (the others the hub rules found)."""
        return sum(1 for e in self.entries if not e.automatic)


def read_stop_list(session: Session, caller: Caller) -> StopListView:
    """Return the stop-list as the caller may see it, its audit row queued or committed."""
    entries = list_stops(session, caller, channel="web")
    # The listing's audit row when rows are written through: the request's session ends
    # rolled back. Queued, it is not in the session, and nothing waits for an import.
    session.commit()
    return StopListView(entries=entries, table=stop_table(entries))


def stop_table(entries: Sequence[StopView]) -> Table:
    """Return the entries as a table: values withheld from the caller stay empty."""
    rows = [
        {
            "kind": e.kind,
            "value": e.value,
            "withheld": "yes" if e.withheld else "no",
            "action": e.action,
            "rule": e.rule,
            "reason": e.reason,
            "added_by": e.added_by,
            "added_at": e.added_at,
        }
        for e in entries
    ]
    return Table(caption="Hub stop-list", columns=CSV_COLUMNS, rows=rows, csv_name="stop-list.csv")
