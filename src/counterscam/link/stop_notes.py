"""What a stop-list entry does besides stopping links, in the words the page and CLI show."""

from __future__ import annotations

from counterscam.link.stoplist import StopView

# What each automatic entry does to alerts (link.conditions.silenced), by the rule it broke,
# and a line saying why.
RULES = {
    "busy": (
        "Busy hub: alerts silenced",
        "Many reports in a short run (an aggregator, a deposit wallet): no cross-border "
        "alert, no public-check hit",
    ),
    "span": (
        "Long-lived: still alerts",
        "In use a long time with few reports (perhaps a mule account): still alerts, "
        "still a public-check hit",
    ),
}


def rule_note(entry: StopView) -> tuple[str, str]:
    """Return what an entry does to alerts, in words, and a line saying why.

    A withheld automatic entry says neither: which rule it broke would tell how many of the
    hidden reports ran how long, the figures its reason leaves out. Nor does one whose value
    the caller sees in some reports only (``figures_withheld``), for the same reason.
    """
    if entry.action != "stop":
        return "Allowed: links and alerts as usual", ""
    if entry.automatic and entry.withheld:
        return "Not shown: found in reports you may not see", ""
    if entry.automatic and entry.figures_withheld:
        return "Not shown: found also in reports you may not see", ""
    if entry.automatic and entry.rule in RULES:
        return RULES[entry.rule]
    if entry.automatic:  # listed before entries recorded their rule: silenced as a busy one
        return "Hub: alerts silenced", "No cross-border alert, no public-check hit"
    return "Analyst's entry: alerts silenced", "No cross-border alert, no public-check hit"
