"""Parties imported by several national centres, spelled their own ways, resolved as persons."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from counterscam.link.persons import resolve_parties
from tests.link.region import add_party, add_report, make_region


def test_parties_in_other_scripts_and_spellings_resolve_to_one_person(session: Session) -> None:
    region = make_region(session)
    my = add_report(session, region, "MY-1", day=0, names=[], agency="MY-NSRC")
    sg = add_report(session, region, "SG-1", day=5, names=[], agency="SG-ASCOM")
    au = add_report(session, region, "AU-1", day=9, names=[], agency="AU-AFP")
    born = date(1978, 8, 8)
    chan = add_party(session, my, "Chan Tai Man", "suspect", nationality="MY", birth_date=born)
    hanzi = add_party(session, sg, "陳大文", "recruiter", nationality="MY", birth_date=born)
    pinyin = add_party(session, au, "CHEN, Da Wen", "mule", nationality="MY", birth_date=born)
    # the same name, another man: born eight years later
    namesake = add_party(session, au, "Chan Tai Man", "mule", birth_date=date(1986, 1, 2))
    ali = add_party(session, my, "Mohammed Ali bin Abubakar", "mule", id_number="A12345678")
    mohd = add_party(session, sg, "Muhd Ali b. Abu Bakar", "suspect", id_number="MYS A12345678")
    other = add_party(session, au, "Mohd Ali bin Abu Bakar", "suspect", id_number="A87654321")
    person = resolve_parties(session)
    assert person[chan] == person[hanzi] == person[pinyin] == str(chan)
    assert person[namesake] != person[chan]
    assert person[ali] == person[mohd]
    assert person[other] != person[ali]
