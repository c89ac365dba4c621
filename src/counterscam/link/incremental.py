"""Link newly stored reports at once: join, found or merge clusters with a few statements.

Only the new reports' identifiers are read, with their other sightings; the rules are the
rebuild's (roles, shared platforms, stop-list, time window, hubs), so on data Leiden does not
split the result equals a rebuild. Merged clusters fold into the largest one, which keeps its
key; figures are added up rather than recomputed, so a giant cluster costs no more than a
small one (only the clusters resubmitted reports leave are recomputed, from their members).
Leiden splits, and splits where a resubmitted report was a bridge, only happen at the next
rebuild.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import NamedTuple, cast

import numpy as np
from sqlalchemy import Select, Table, bindparam, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from counterscam.db.base import utcnow
from counterscam.db.data_version import mark_changed
from counterscam.db.dialect import epoch_seconds_in
from counterscam.db.link_models import Cluster, ClusterLink, ClusterReport
from counterscam.db.models import Report
from counterscam.link.conditions import DAY
from counterscam.link.figures import GROWTH_DAYS, Figures
from counterscam.link.graph import components
from counterscam.link.leaving import Left, leave_clusters, retire, write_figures
from counterscam.link.named import IN_CHUNK, named_identifiers
from counterscam.link.party_evidence import Node, PartyLink, party_links, store_party_links
from counterscam.link.rules import DEFAULT_RULES, LinkRules
from counterscam.link.sightings import Facts, ReadAhead, Seen, report_facts, sightings_of
from counterscam.link.stoplist import stop_hubs
from counterscam.link.writes import insert_rows, key_for


class _Hub(NamedTuple):
    """An identifier the rules found to be a hub while linking new reports."""

    ident: int
    reports: int  # the most reports in one window run
    span: int  # days between its first and last sighting


def _links(
    seen: list[Seen], new: set[int], rules: LinkRules
) -> tuple[list[tuple[Seen, Seen]], list[_Hub]]:
    """Return the chain links (earlier, later) that touch a new report, and the new hubs.

    Whether an identifier is a hub is decided on everything known once the new reports are
    stored, as a rebuild decides it: an identifier that is a hub by then links none of them,
    however early in the batch they come. The new reports are otherwise taken as if they
    arrived one at a time, in id order, so a batch makes the links that linking each report
    as it arrives makes whenever no identifier crosses a hub rule part-way. (A report linked
    alone, before its identifier became a hub, keeps that link until the next rebuild: only a
    rebuild splits.)
    """
    by_ident: dict[int, dict[int, Seen]] = defaultdict(dict)
    for s in seen:
        by_ident[abs(s.ident)].setdefault(s.report, s)
    found: list[tuple[Seen, Seen]] = []
    hubs: list[_Hub] = []
    for ident, items in by_ident.items():
        if len(items) < 2:
            continue
        chain = sorted(items.values(), key=_place)
        if chain[0].ident > 0 and (hub := _hub(ident, chain, rules)) is not None:
            hubs.append(hub)  # an analyst's allow entry makes ident negative: never a hub
            continue
        found.extend(_arrivals(chain, new, rules))
    return found, hubs


# A sighting's place in its identifier's chain: by day, then report (a C-level key).
_place = attrgetter("day", "report")


def _arrivals(chain: list[Seen], new: set[int], rules: LinkRules) -> list[tuple[Seen, Seen]]:
    """Return the links of one identifier's sightings as its new reports arrive in id order."""
    placed = [s for s in chain if s.report not in new]
    arriving = sorted((s for s in chain if s.report in new), key=lambda s: s.report)
    found: list[tuple[Seen, Seen]] = []
    for s in arriving:
        at = bisect_right(placed, _place(s), key=_place)
        placed.insert(at, s)
        if at > 0 and s.day - placed[at - 1].day <= rules.window_days:
            found.append((placed[at - 1], s))
        if at + 1 < len(placed) and placed[at + 1].day - s.day <= rules.window_days:
            found.append((s, placed[at + 1]))
    return found


def _hub(ident: int, chain: list[Seen], rules: LinkRules) -> _Hub | None:
    """Return the hub an identifier's dated sightings make (too long, or too many), or None."""
    span = chain[-1].day - chain[0].day
    busiest = size = 1
    for a, b in zip(chain, chain[1:], strict=False):
        size = 1 if b.day - a.day > rules.window_days else size + 1
        busiest = max(busiest, size)
    if span > rules.hub_span_days or busiest > rules.hub_reports:
        return _Hub(ident, busiest, span)
    return None


def _parts(pairs: Iterable[tuple[Node, Node]]) -> list[list[Node]]:
    """Return the connected groups of nodes the pairs make, in order of first appearance.

    Nodes are ("c", cluster id) or ("r", report id) for unclustered reports. SciPy's
    components over integer indexes (as a rebuild finds them): a Python union-find over the
    node tuples took a tenth of a large import's final linking round, which runs alone on one
    core.
    """
    index: dict[Node, int] = {}
    # Streamed: a node is kept once, however many pairs name it.
    ends = np.fromiter(
        (index.setdefault(node, len(index)) for pair in pairs for node in pair), dtype=np.int64
    )
    # Numbered in order of each group's lowest index: of its node seen first.
    labels = components(len(index), ends[0::2], ends[1::2])
    count = int(labels.max()) + 1 if len(labels) else 0
    parts: list[list[Node]] = [[] for _ in range(count)]
    for node, label in zip(index, labels.tolist(), strict=True):
        parts[label].append(node)
    return parts


def _node(s: Seen) -> Node:
    return ("c", s.cluster) if s.cluster is not None else ("r", s.report)


_OLD_LINKS = delete(ClusterLink).where(
    or_(
        ClusterLink.report_a.in_(bindparam("ids", expanding=True)),
        ClusterLink.report_b.in_(bindparam("ids", expanding=True)),
    )
)


def link_reports(
    session: Session,
    report_ids: list[int],
    *,
    rules: LinkRules = DEFAULT_RULES,
    ahead: ReadAhead | None = None,
) -> None:
    """Put newly stored (or resubmitted) reports in their clusters; the caller commits.

    A resubmitted report (one already in a cluster) first leaves it (``link.leaving``): it is
    linked by what it names now, so a corrected number no longer holds it where the mistyped
    one put it. It rejoins that cluster when something still links it there. The cluster's
    figures are recomputed without it and a cluster left with fewer than two reports is
    deleted, as a rebuild does; a cluster it bridged is not split until the next rebuild.

    ``ahead``: the sightings the caller read as it stored these reports (``link.sightings``),
    with no linking, so no stop-list or cluster change, in between.
    """
    if not report_ids:
        return
    mark_changed(session)
    ids = sorted(set(report_ids))
    # Resubmitted reports leave their clusters, to be linked as new reports by what they name
    # now ...
    left = leave_clusters(session, ids, growth_since=lambda: growth_window_start(session))
    # ... and their old links go. Only a report that was in a cluster has links: new reports
    # (nearly all of a large import) skip this delete.
    for start in range(0, len(left.reports), IN_CHUNK):
        chunk = left.reports[start : start + IN_CHUNK]
        session.connection().execute(_OLD_LINKS, {"ids": chunk})
    if ahead is not None:
        seen = ahead.seen(left.reports)
    else:
        seen = sightings_of(session, named_identifiers(session, ids))
    links, hubs = _links(seen, set(ids), rules)
    if hubs:
        stop_hubs(session, [(h.ident, h.reports, h.span) for h in hubs], rules)
    by_party = party_links(session, ids, rules=rules)
    if links or by_party:
        pairs = chain(
            ((_node(a), _node(b)) for a, b in links), ((p.node_a, p.node_b) for p in by_party)
        )
        _apply(session, links, _parts(pairs), by_party, left, ahead)
    if left.clusters:
        retire(session, left.clusters)


def _apply(
    session: Session,
    links: list[tuple[Seen, Seen]],
    parts: list[list[Node]],
    by_party: list[PartyLink],
    left: Left,
    ahead: ReadAhead | None = None,
) -> None:
    cluster_ids = sorted({n[1] for p in parts for n in p if n[0] == "c"})
    existing = _cluster_figures(session, cluster_ids)
    loose = sorted({n[1] for p in parts for n in p if n[0] == "r"})
    known = ahead.facts if ahead is not None else {}
    facts = {**known, **report_facts(session, [r for r in loose if r not in known])}
    growth_since = growth_window_start(session)
    now = utcnow()
    targets: list[int | None] = []
    figures: list[Figures] = []
    merges: list[dict[str, int]] = []
    for part in parts:
        own = sorted(
            (n[1] for n in part if n[0] == "c"), key=lambda c: (-existing[c].report_count, c)
        )
        figs = [existing[c] for c in own]
        loose_facts = [facts[n[1]] for n in part if n[0] == "r"]
        if loose_facts:
            figs.append(_loose_figures(loose_facts, growth_since))
        figures.append(_combine(figs))
        targets.append(own[0] if own else None)
        merges += [{"old": c, "new": own[0]} for c in own[1:]]
    if left.vacated:
        taken = set(cluster_ids)
        for i, part in enumerate(parts):
            if targets[i] is not None:
                continue
            reused = left.reuse([n[1] for n in part if n[0] == "r"], taken)
            if reused is not None:
                targets[i] = reused
                taken.add(reused)
    fresh = [i for i, t in enumerate(targets) if t is None]
    if fresh:
        table = cast(Table, Cluster.__table__)
        new_ids = (
            session.connection()
            .scalars(
                insert(table).returning(table.c.id, sort_by_parameter_order=True),
                [{"key": f"new-{i}", "created_at": now, "updated_at": now} for i in fresh],
            )
            .all()
        )
        for i, cluster_id in zip(fresh, new_ids, strict=True):
            targets[i] = int(cluster_id)
    table = cast(Table, Cluster.__table__)
    if fresh:
        session.connection().execute(
            update(table).where(table.c.id == bindparam("cid")).values(key=bindparam("new_key")),
            [{"cid": targets[i], "new_key": key_for(int(targets[i] or 0))} for i in fresh],
        )
    write_figures(session, {int(t or 0): f for t, f in zip(targets, figures, strict=True)})
    if merges:
        for model in (ClusterReport, ClusterLink):
            table = cast(Table, model.__table__)
            session.connection().execute(
                update(table)
                .where(table.c.cluster_id == bindparam("old"))
                .values(cluster_id=bindparam("new")),
                merges,
            )
        session.connection().execute(
            delete(Cluster).where(Cluster.id.in_([m["old"] for m in merges]))
        )
    target_of = {n: targets[i] for i, part in enumerate(parts) for n in part}
    store_party_links(session, by_party, lambda node: target_of[node])
    # Rows in key order: SQLite then inserts along its indexes instead of all over them, and
    # on a store of a million reports the index pages an insert needs are then mostly cached
    # (a batch's links insert ~15 % faster sorted on their earlier report).
    insert_rows(
        session,
        ClusterReport,
        ("report_id", "cluster_id"),
        sorted((n[1], target_of[n]) for part in parts for n in part if n[0] == "r"),
    )
    insert_rows(
        session,
        ClusterLink,
        ("report_a", "cluster_id", "report_b", "identifier_id", "role_a", "role_b", "days_apart"),
        sorted(
            (
                a.report,
                target_of[_node(a)],
                b.report,
                abs(a.ident),
                a.role,
                b.role,
                b.day - a.day,
            )
            for a, b in links
        ),
    )


def _cluster_figures(session: Session, cluster_ids: list[int]) -> dict[int, Figures]:
    found: dict[int, Figures] = {}
    for start in range(0, len(cluster_ids), IN_CHUNK):
        rows = session.connection().execute(
            select(
                Cluster.id,
                Cluster.report_count,
                Cluster.country_count,
                Cluster.countries,
                Cluster.total_loss_usd,
                Cluster.first_seen,
                Cluster.last_seen,
                Cluster.growth_30d,
            ).where(Cluster.id.in_(cluster_ids[start : start + IN_CHUNK]))
        )
        for cid, count, n_countries, countries, loss, first, last, growth in rows:
            # Every stored cluster has dates; the fallback only satisfies the type.
            first = first or datetime.now(UTC)
            found[cid] = Figures(count, n_countries, countries, loss, first, last or first, growth)
    return found


def _loose_figures(facts: list[Facts], growth_since: int) -> Figures:
    """Return the figures of unclustered reports taken together, as if each were a cluster."""
    countries = sorted({f.country for f in facts})
    return Figures(
        report_count=len(facts),
        country_count=len(countries),
        countries=",".join(countries),
        # Each report's loss rounded to the cent first, as a cluster of one stores it.
        total_loss_usd=sum((Decimal(f"{f.loss_usd:.2f}") for f in facts), start=Decimal(0)),
        first_seen=datetime.fromtimestamp(min(f.link_time for f in facts), UTC),
        last_seen=datetime.fromtimestamp(max(f.link_time for f in facts), UTC),
        growth_30d=sum(f.reported_time >= growth_since for f in facts),
    )


@lru_cache(maxsize=4)
def _newest_query(dialect: str) -> Select[int]:
    return (
        select(epoch_seconds_in(dialect, Report.reported_at))
        .order_by(Report.reported_at.desc())
        .limit(1)
    )


def growth_window_start(session: Session) -> int:
    """Return when the growth window of cluster figures starts (Unix seconds): the figures
    count a cluster's growth since then."""
    connection = session.connection()
    newest = connection.scalar(_newest_query(connection.dialect.name))
    now = int(datetime.now(UTC).timestamp())
    return min(now, int(newest or now)) - GROWTH_DAYS * DAY


def _combine(figs: list[Figures]) -> Figures:
    countries = sorted({code for f in figs for code in f.countries.split(",") if code})
    return Figures(
        report_count=sum(f.report_count for f in figs),
        country_count=len(countries),
        countries=",".join(countries),
        total_loss_usd=sum((f.total_loss_usd for f in figs), start=Decimal(0)),
        first_seen=min(f.first_seen for f in figs),
        last_seen=max(f.last_seen for f in figs),
        growth_30d=sum(f.growth_30d for f in figs),
    )
