"""The rules that decide when a shared identifier is evidence of a common operator."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from counterscam import reference


@dataclass(frozen=True)
class LinkRules:
    """Tunable linking rules; the defaults were tuned on synthetic regions (docs/link.md).

    Attributes:
        window_days: two reports link through an identifier only when their dates (incident,
            else reported) are at most this many days apart; operators rotate numbers,
            accounts and sites every few weeks, so an old number seen again is a new lead.
        hub_reports: an identifier seen in more reports than this within one window run is a
            hub (a payment aggregator, an exchange wallet, a spoofing service) and never links.
        hub_span_days: an identifier in continuous use for longer than this is a hub too:
            an operator's own infrastructure rotates, a hotline or aggregator does not. Some
            operators keep a number or a mule account for months: on a region from another
            generator where 30 % of syndicates keep them 60-330 days, 150 days made hubs of
            their lanes and halved recall (0.45; 0.82 at 250 days, precision 0.960 to 0.966),
            while on ours 250 days kept precision at 0.9993-0.9998 and raised recall.
        split_above: connected groups larger than this, and than ``split_share`` of all
            reports, are split by Leiden community detection; smaller ones are kept whole
            (they are what a chain of evidence gives).
        split_share: the share of all reports above which a connected group is a *giant*
            component, the blob false bridges make. Large syndicates are large in absolute
            terms (the synthetic million has 126 above 2,000 reports, the largest 33,000, 3.3 %)
            and modularity cuts them into periods joined by one or two identifiers, exactly
            what a false bridge looks like; a blob glued by bridges holds a far larger share
            (plain connected components: 65-81 %). At 200,000 reports, splitting above 2,000
            reports kept 84 % of the reachable recall, above 5 % of reports 99.9 %, at the
            same precision (0.9999); with the life-span hub rule off (many false bridges) both
            split the blob alike (P 0.61 against 0.02 unsplit).
        resolution: Leiden's modularity resolution; higher splits more.
        rejoin_identifiers: a Leiden cut crossed by at least this many distinct identifiers
            is undone: periods of one long-lived syndicate share many, false bridges few.
    """

    window_days: int = 60
    hub_reports: int = 150
    hub_span_days: int = 250
    split_above: int = 2000
    split_share: float = 0.05
    resolution: float = 0.3
    rejoin_identifiers: int = 3
    seed: int = 7

    def giant_above(self, reports: int) -> float:
        """Return the size above which a cluster among ``reports`` is a giant component."""
        return max(self.split_above, self.split_share * reports)


DEFAULT_RULES = LinkRules()


@lru_cache(maxsize=1)
def operator_roles() -> frozenset[str]:
    """Return the sighting roles that are evidence of the operator (reference data)."""
    return frozenset(r.code for r in reference.sighting_roles() if r.evidence_of_operator)
