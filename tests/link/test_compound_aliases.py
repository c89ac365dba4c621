"""A compound known by several names is one compound (reference/data/compounds.yaml): Shwe
Kokko is also Yatai New City, and is written in Burmese script and in Chinese; a compound a
report names without a country is the listed one of that name. Two places never merge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy.orm import Session

from counterscam import reference
from counterscam.config import Settings, get_settings
from counterscam.db.models import Place
from counterscam.link import compound_names
from counterscam.link.brief import cluster_brief
from counterscam.link.compound_names import compound_identity
from counterscam.link.listing import list_clusters
from counterscam.link.rebuild import rebuild
from counterscam.reference import ReferenceDataError, load_all
from counterscam.reference._files import DATA_DIR
from tests.link.region import Region, add_party, add_report, clusters_by_ref, make_region

PHONE = "+60123450001"
# Shwe Kokko in Burmese script, Yatai New City in Chinese, KK Park in Thai script.
SHWE_KOKKO_MY = "\u101b\u103d\u103e\u1031\u1000\u102f\u1000\u1039\u1000\u102d\u102f"
YATAI_ZH = "\u4e9a\u592a\u65b0\u57ce"
KK_PARK_TH = "\u0e40\u0e04\u0e40\u0e04 \u0e1b\u0e32\u0e23\u0e4c\u0e04"


@pytest.mark.parametrize("compound", reference.compounds(), ids=lambda c: f"{c.country}-{c.name}")
def test_every_listed_name_is_its_compound(compound: reference.Compound) -> None:
    for name in compound.names:
        for country in (compound.country, None):
            identity = compound_identity(name, country)
            assert (identity.label, identity.country) == (compound.name, compound.country), name


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Yatai New City", "MM"),
        ("yatai new city", None),
        (YATAI_ZH, None),
        (SHWE_KOKKO_MY, "MM"),
        ("Shwe Koko", None),
        ("Shwe Kokko (Myawaddy)", "mm"),
    ],
)
def test_other_names_of_shwe_kokko_are_shwe_kokko(name: str, country: str | None) -> None:
    assert compound_identity(name, country) == compound_identity("Shwe Kokko", "MM")


def test_other_places_stay_apart() -> None:
    shwe_kokko = compound_identity("Shwe Kokko", "MM")
    kk_park = compound_identity("KK Park", "MM")
    assert kk_park != shwe_kokko
    assert compound_identity(KK_PARK_TH, "MM") == kk_park
    assert compound_identity("KK Park Myawaddy", None) == kk_park
    # A listed name given with another country is another place; so is a near name.
    assert compound_identity("KK Park", "TH") != kk_park
    assert compound_identity("KK Park 2", "MM") != kk_park
    assert compound_identity("Dongmei Park", None) not in (kk_park, shwe_kokko)
    # Kings Romans is a casino inside the Golden Triangle zone, not the zone.
    assert compound_identity("Kings Romans", "LA").label is None
    # A name the list does not know, given without a country, stays apart from one with.
    assert compound_identity("Nowhere Park", None) != compound_identity("Nowhere Park", "TH")


def _place(session: Session, report_id: int, name: str, country: str | None) -> None:
    session.add(Place(report_id=report_id, kind="compound", name=name, country=country))


def _region(session: Session, rescues: list[tuple[str, str, str | None]]) -> Region:
    """A syndicate naming Shwe Kokko twice (once by its developer's name, with no country) and
    one rescue report per (ref, compound, country)."""
    region = make_region(session)
    a1 = add_report(session, region, "A1", day=0, names=[("phone", PHONE, "caller")])
    a2 = add_report(session, region, "A2", day=3, names=[("phone", PHONE, "caller")])
    _place(session, a1, "Shwe Kokko", "MM")
    _place(session, a2, "Yatai New City", None)
    for day in (5, 6):
        other = add_report(
            session, region, f"B{day}", day=day, names=[("phone", "+60123450999", "caller")]
        )
        _place(session, other, "KK Park", "MM")
    for k, (ref, name, country) in enumerate(rescues):
        rescue = add_report(session, region, ref, day=100 + 10 * k, names=[])
        add_party(session, rescue, f"Victim {k}", "victim_of_trafficking")
        _place(session, rescue, name, country)
    rebuild(session)
    return region


def test_rescues_naming_the_compound_by_another_name_are_tied(session: Session) -> None:
    region = _region(
        session,
        [
            ("R-BURMESE", SHWE_KOKKO_MY, None),
            ("R-CHINESE", YATAI_ZH, "MM"),
            ("R-KK", "KK Park", "MM"),
            ("R-ELSEWHERE", "Shwe Kokko", "TH"),
            ("R-NEAR", "Dongmei Park", None),
        ],
    )
    key = clusters_by_ref(session, region)["A1"]
    assert key is not None
    brief = cluster_brief(session, region.caller(session, "MY-NSRC"), key)
    tied = {(r.report, r.shared) for r in brief.trafficking.tied_reports}
    # Before: neither was tied; the Burmese and Chinese names were other compounds.
    assert tied == {("R-BURMESE", SHWE_KOKKO_MY), ("R-CHINESE", YATAI_ZH)}
    assert brief.trafficking.identified_victims == 2
    # One compound, named by both reports, in Myanmar (the list's country for the one
    # report that gave none); before, two compounds, one with no country.
    assert [(c.name, c.country, c.reports) for c in brief.compounds] == [("Shwe Kokko", "MM", 2)]
    assert brief.trafficking.compounds == ["Shwe Kokko"]


def test_a_compound_with_no_country_meets_the_listed_one(session: Session) -> None:
    region = make_region(session)
    for ref, phone, name, country in (
        ("A", PHONE, "KK Park", "MM"),
        ("B", "+60123450999", "Nowhere Park", "TH"),
    ):
        for day in (0, 3):
            report = add_report(
                session, region, f"{ref}{day}", day=day, names=[("phone", phone, "caller")]
            )
            _place(session, report, name, country)
    for ref, name in (("R-LISTED", "kk park compound"), ("R-UNLISTED", "Nowhere Park")):
        rescue = add_report(session, region, ref, day=50, names=[])
        add_party(session, rescue, "Victim", "victim_of_trafficking")
        _place(session, rescue, name, None)
    rebuild(session)
    clusters = clusters_by_ref(session, region)
    me = region.caller(session, "MY-NSRC")
    listed, unlisted = (cluster_brief(session, me, clusters[r] or "") for r in ("A0", "B0"))
    assert [t.report for t in listed.trafficking.tied_reports] == ["R-LISTED"]
    # Which Nowhere Park a report without a country means, nothing says: not tied.
    assert unlisted.trafficking.tied_reports == []


@pytest.mark.parametrize(
    "asked", ["Shwe Koko", "shwe-kokko", "Yatai", "yatai new city", YATAI_ZH, SHWE_KOKKO_MY]
)
def test_the_cluster_list_finds_a_compound_by_any_of_its_names(
    session: Session, asked: str
) -> None:
    region = _region(session, [])
    page = list_clusters(session, region.caller(session, "MY-NSRC"), compound=asked)
    key = clusters_by_ref(session, region)["A1"]
    # Before: "Shwe Koko" found nothing, "Yatai" only the report writing Yatai New City.
    assert [c.key for c in page.items] == [key]
    assert page.items[0].compounds == ["Shwe Kokko"]


def test_the_cluster_list_keeps_other_compounds_apart(session: Session) -> None:
    region = _region(session, [])
    me = region.caller(session, "MY-NSRC")
    clusters = clusters_by_ref(session, region)
    assert [c.key for c in list_clusters(session, me, compound="KK Park").items] == [clusters["B5"]]
    assert list_clusters(session, me, compound="Dongmei").total == 0


def _data(tmp_path: Path) -> Path:
    for path in DATA_DIR.glob("*.yaml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "      - Yatai New City\n",
            "      - Yatai New City\n      - KK Park\n",
            r"'KK Park' \(MM\) is a name of both 'KK Park' and 'Shwe Kokko'",
        ),
        ("  - name: Jinbei\n    country: KH", "  - name: Jinbei\n    country: XX", "'XX'"),
        ("aliases: [Jinbei Casino,", "aliases: ['--', Jinbei Casino,", "no letters or digits"),
    ],
)
def test_a_compounds_file_merging_two_places_is_refused(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    data = _data(tmp_path)
    path = data / "compounds.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=message) as caught:
        load_all(data)
    assert "compounds.yaml" in str(caught.value)


@pytest.fixture
def own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "own-compounds.yaml"
    monkeypatch.setenv("COUNTERSCAM_COMPOUNDS_FILE", str(path))
    yield path
    monkeypatch.delenv("COUNTERSCAM_COMPOUNDS_FILE", raising=False)
    _reload()


def _reload() -> None:
    get_settings.cache_clear()
    reference.reference.cache_clear()
    compound_names._listed.cache_clear()
    compound_names.compound_identity.cache_clear()


def test_an_agency_adds_an_alias_and_a_compound_in_its_own_file(own_file: Path) -> None:
    own_file.write_text(
        "version: 1\ncompounds:\n"
        "  - {name: Shwe Kokko, country: MM, aliases: [Yatai City]}\n"
        "  - {name: Golden Fortune, country: KH, town: Sihanoukville, aliases: [GF Park]}\n",
        encoding="utf-8",
    )
    _reload()
    assert compound_identity("Yatai City", None) == compound_identity("Shwe Kokko", "MM")
    assert compound_identity("Yatai New City", None) == compound_identity("Shwe Kokko", "MM")
    assert compound_identity("GF Park", None) == compound_identity("Golden Fortune", "KH")


def test_an_own_file_merging_two_places_is_refused_at_start(own_file: Path) -> None:
    own_file.write_text(
        "version: 1\ncompounds:\n  - {name: KK Park, country: MM, aliases: [Yatai New City]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match="'Yatai New City' \\(MM\\) is a name of both"):
        Settings()
    own_file.write_text("version: 1\ncompounds: []\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="`compounds` must be a non-empty list"):
        Settings()
