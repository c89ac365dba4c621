"""The cluster brief as tables and charts: each table drawn as HTML, downloadable as CSV."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from counterscam.link.brief import ClusterBrief, CountryFigure, IdentifierUse, PersonUse
from counterscam.web import charts
from counterscam.web.check_views import check_address
from counterscam.web.formatting import label
from counterscam.web.tables import Column, Table

IDENTIFIERS_SHOWN = 10  # per kind on the page; the CSV has them all
LINKS_PER_PAGE = 50
OPERATOR_ROLES = ("suspect", "mule", "recruiter")
FIGURE_COLUMNS = (
    Column("reports", "Reports", "count"),
    Column("loss_usd", "Loss (USD)", "loss"),
    # The CSV keeps the sum (0.00 from none) and says how many reports gave it, as the check's.
    Column("reports_with_loss", "Reports giving a loss", "count", html=False),
)
NO_LOSS_GIVEN = "No loss given"


@dataclass(frozen=True)
class PersonGroups:
    """The persons of a brief, never mixing victims of trafficking with suspects."""

    operators: list[PersonUse]
    victims: list[PersonUse]
    others: list[PersonUse]


def check_href(use: IdentifierUse) -> str:
    """Return the check page's address for an identifier."""
    return check_address(use.kind, use.value)


def person_groups(brief: ClusterBrief) -> PersonGroups:
    """Split the persons into suspects/mules/recruiters, victims, and witnesses or others."""
    return PersonGroups(
        operators=[p for p in brief.persons if not p.is_victim and p.role in OPERATOR_ROLES],
        victims=[p for p in brief.persons if p.is_victim],
        others=[p for p in brief.persons if not p.is_victim and p.role not in OPERATOR_ROLES],
    )


def months(timeline: list[CountryFigure]) -> list[CountryFigure]:
    """Return the monthly figures with the months without a report filled in as zero."""
    if not timeline:
        return []
    found = {f.name: f for f in timeline}
    year, month = (int(x) for x in timeline[0].name.split("-"))
    out = []
    while True:
        name = f"{year:04d}-{month:02d}"
        out.append(found.get(name, CountryFigure(name, 0, Decimal("0.00"), 0)))
        if name >= timeline[-1].name:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _figure_table(
    figures: list[CountryFigure], *, caption: str, key_label: str, vocabulary: str, csv_name: str
) -> Table:
    rows = [
        {
            "key": f.name,
            "name": label(f.name, vocabulary) if vocabulary else f.name,
            "reports": f.reports,
            "loss_usd": f.loss_usd,
            "reports_with_loss": f.reports_with_loss,
        }
        for f in figures
    ]
    columns: tuple[Column, ...] = (Column("name", key_label), *FIGURE_COLUMNS)
    if vocabulary:
        columns = (Column("key", "Code", html=False), *columns)
    totals = {
        "reports": sum(f.reports for f in figures),
        "loss_usd": sum((f.loss_usd for f in figures), Decimal(0)),
        "reports_with_loss": sum(f.reports_with_loss for f in figures),
    }
    return Table(caption=caption, columns=columns, rows=rows, csv_name=csv_name, totals=totals)


def _person_rows(persons: list[PersonUse]) -> list[dict[str, object]]:
    return [
        {
            "name": p.name,
            "role": p.role,
            "standing": "Victim" if p.is_victim else "",
            "nationality": p.nationality,
            "reports": p.reports,
            "person": f"P-{p.person_id}" if p.person_id is not None else "",
        }
        for p in persons
    ]


def brief_tables(brief: ClusterBrief) -> dict[str, Table]:
    """Return every table of the brief by its CSV slug."""
    key = brief.key
    idents = [use for uses in brief.identifiers.values() for use in uses]
    return {
        "countries": _figure_table(
            brief.victim_countries,
            caption="Reports and losses by reporting (victim-side) country",
            key_label="Country",
            vocabulary="country",
            csv_name=f"{key}-countries.csv",
        ),
        "timeline": _figure_table(
            months(brief.timeline),
            caption="Reports and losses by month reported",
            key_label="Month",
            vocabulary="",
            csv_name=f"{key}-timeline.csv",
        ),
        "scam-types": _figure_table(
            brief.scam_types,
            caption="Reports and losses by scam type",
            key_label="Scam type",
            vocabulary="scam_type",
            csv_name=f"{key}-scam-types.csv",
        ),
        "identifiers": Table(
            caption="Identifiers of the operation",
            columns=(
                Column("kind", "Kind", vocabulary="kind"),
                Column("value", "Identifier", "identifier"),
                Column("country", "Country"),
                Column("roles", "Roles"),
                Column("reports", "Reports", "count"),
            ),
            rows=[
                {
                    "kind": u.kind,
                    "value": u.value,
                    "country": u.country,
                    "roles": "; ".join(u.roles),
                    "reports": u.reports,
                }
                for u in idents
            ],
            csv_name=f"{key}-identifiers.csv",
        ),
        "compounds": Table(
            caption="Compounds named in the reports",
            columns=(
                Column("name", "Compound"),
                Column("country", "Country", vocabulary="country"),
                Column("latitude", "Latitude"),
                Column("longitude", "Longitude"),
                Column("reports", "Reports", "count"),
            ),
            rows=[vars(c) for c in brief.compounds],
            csv_name=f"{key}-compounds.csv",
        ),
        "persons": Table(
            caption="Persons named in the reports",
            columns=(
                Column("name", "Name as written"),
                Column("role", "Role", vocabulary="party_role"),
                Column("standing", "Victim"),
                Column("nationality", "Nationality", vocabulary="country"),
                Column("reports", "Reports", "count"),
                Column("person", "Resolved person"),
            ),
            rows=_person_rows(brief.persons),
            csv_name=f"{key}-persons.csv",
        ),
        "links": Table(
            caption="Why the reports are linked",
            columns=(
                Column("sentence", "Explanation"),
                Column("report_a", "Report A"),
                Column("report_b", "Report B"),
                Column("via", "Joined by"),
                Column("kind", "Kind", vocabulary="kind"),
                Column("value", "Shared identifier, person or document"),
                Column("role_a", "Role in A"),
                Column("role_b", "Role in B"),
                Column("days_apart", "Days apart", "count"),
            ),
            rows=[vars(link) for link in brief.links],
            csv_name=f"{key}-links.csv",
        ),
        "holdings": Table(
            caption="Reports held by other agencies",
            columns=(
                Column("agency_code", "Agency", whole=True),
                Column("agency_name", "Agency name"),
                Column("country", "Country", vocabulary="country"),
                Column("mark", "Mark", "mark"),
                Column("reports", "Reports", "count"),
                Column("contact", "How to request them"),
            ),
            rows=[vars(h) for h in brief.holdings],
            csv_name=f"{key}-held-by-others.csv",
        ),
    }


def brief_charts(brief: ClusterBrief) -> dict[str, Markup]:
    """Return the brief's charts: losses by country and by scam type, reports per month."""
    by_month = months(brief.timeline)
    return {
        "country_loss": charts.bar_chart(
            [
                charts.Point(
                    label(f.name, "country"),
                    float(f.loss_usd),
                    text="" if f.reports_with_loss else NO_LOSS_GIVEN,
                )
                for f in brief.victim_countries
            ],
            title="Loss in US dollars by reporting country",
            money=True,
            colour=charts.BAR_ALT,
        ),
        "timeline": charts.line_chart(
            charts.points([(f.name, f.reports) for f in by_month]),
            title="Reports per month",
            height=200,
        ),
        "scam_types": charts.bar_chart(
            charts.points([(label(f.name, "scam_type"), f.reports) for f in brief.scam_types]),
            title="Reports by scam type",
        ),
    }
