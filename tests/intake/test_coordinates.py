"""Coordinates written in other notations are refused with the decimal degrees to write."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Place
from counterscam.intake.coordinates import coordinate_hint
from tests.intake.conftest import REPORTS_CSV, doc_report
from tests.intake.test_files import reports_count, upload
from tests.intake.test_service import count, send


@pytest.mark.parametrize(
    ("written", "axis", "fix"),
    [
        ("16°38'49\"N", "latitude", "in degrees, minutes and seconds: write 16.646944"),
        ("S 6°12'31.7\"", "latitude", "write -6.208806"),
        ("106°50′44″W", "longitude", "write -106.845556"),
        ("16,6469", "latitude", "has a decimal comma: write 16.6469"),
        ("N16.6469", "latitude", "with a hemisphere letter: write 16.6469"),
        ("6.2088 S", "latitude", "write -6.2088"),
        ("98.5155 E", "latitude", "is not a latitude (latitude takes N or S)"),
    ],
)
def test_other_notations_are_told_the_decimal_degrees(written: str, axis: str, fix: str) -> None:
    assert fix in coordinate_hint(written, axis)


@pytest.mark.parametrize("written", ["200", "nan", "16.6469 N S", "abc", "1e400", ""])
def test_no_hint_where_no_reading_is_seen(written: str) -> None:
    assert coordinate_hint(written, "latitude") == ""


def test_a_places_file_with_degrees_and_minutes_names_the_value_to_write(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Police exports write 16°38'49"N; the reason said only "decimal degrees, like 16.6469".
    places = (
        "external_ref,kind,name,latitude,longitude\n"
        'MY-1,compound,KK Park,"16°38\'49""N","98°30\'56""E"\n'
    )
    files = {"reports.csv": REPORTS_CSV.encode(), "places.csv": places.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    got = {e.column: e.reason for e in result.errors}
    assert "write 16.646944" in got["latitude"] and "write 98.515556" in got["longitude"]


def test_true_and_false_in_json_coordinates_are_refused_not_stored_as_1_and_0(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "latitude": true, "longitude": false was stored as a compound at 1°N 0°E.
    place = {"kind": "compound", "name": "KK Park", "latitude": True, "longitude": False}
    result = send(session, agencies["MY-NSRC"], [doc_report(places=[place])])
    assert result.status == "rejected" and count(session, Place) == 0
    reasons = {e.column: e.reason for e in result.errors}
    assert reasons["places[0].latitude"] == (
        "true/false is not a latitude; write it in decimal degrees, like 16.6469"
    )
    assert "not a longitude" in reasons["places[0].longitude"]
