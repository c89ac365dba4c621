"""Check: every role learns exactly the facts and holdings the policy allows."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import PUBLIC
from counterscam.check.results import CheckItem
from counterscam.check.service import TooManyValues, check, check_bulk
from counterscam.db.link_models import StopEntry
from counterscam.db.models import AuditEvent
from counterscam.link.stoplist import add_stop, remove_stop
from tests.check.conftest import PHONE, CheckRegion
from tests.check.helpers import add_report
from tests.factories import EXPECTED_VISIBLE

MY_LABELS = ("clear", "green", "amber", "amber+strict", "red", "amber-to-SG")
MARK_OF = {label: label.replace("-to-SG", "") for label in MY_LABELS}


@pytest.mark.parametrize("agency", sorted(EXPECTED_VISIBLE))
def test_each_role_learns_facts_of_visible_matches_and_holders_of_the_rest(
    session: Session, region: CheckRegion, agency: str
) -> None:
    caller = region.policy.caller(agency)
    result = check(session, caller, kind="phone", value="012-345 6789", country="MY", channel="api")

    assert result.hit and result.error is None
    assert (result.kind, result.value) == ("phone", PHONE)
    my_seen = EXPECTED_VISIBLE[agency] & set(MY_LABELS)
    th_seen = agency == "TH-CCIB"
    refs = {f"MY-{label}" for label in my_seen} | {"SG-green"} | ({"TH-red"} if th_seen else set())
    assert {m.external_ref for m in result.matches} == refs
    assert result.reports == len(refs)
    assert result.countries == sorted({"MY", "SG"} | ({"TH"} if th_seen else set()))
    assert result.scam_types == sorted({"investment", "romance"} | ({"job"} if th_seen else set()))
    expected_loss = 1000 * len(my_seen) + 200 + (9999 if th_seen else 0)
    assert result.loss_usd == Decimal(expected_loss)
    assert result.first_seen == datetime(2025, 11, 2, tzinfo=UTC)
    last = datetime(2026, 6, 1, tzinfo=UTC) if th_seen else datetime(2026, 3, 1, tzinfo=UTC)
    assert result.last_seen == last

    hidden = Counter(MARK_OF[label] for label in set(MY_LABELS) - my_seen)
    expected = {("MY-NSRC", mark, n) for mark, n in hidden.items()}
    if not th_seen:
        expected.add(("TH-CCIB", "red", 1))
    assert {(h.agency_code, h.mark, h.reports) for h in result.holdings} == expected
    assert all(h.contact for h in result.holdings)

    sg = next(m for m in result.matches if m.external_ref == "SG-green")
    assert sg.roles == ("caller", "messaging_contact")


def test_partner_learns_who_holds_amber_and_red_but_not_their_content(
    session: Session, region: CheckRegion
) -> None:
    result = check(
        session,
        region.policy.caller("AU-AFP"),
        kind="phone",
        value=PHONE,
        country=None,
        channel="web",
    )
    held = {(h.agency_code, h.mark): h.reports for h in result.holdings}
    assert held == {
        ("MY-NSRC", "amber"): 2,
        ("MY-NSRC", "amber+strict"): 1,
        ("MY-NSRC", "red"): 1,
        ("TH-CCIB", "red"): 1,
    }
    # Facts come from the clear and green reports only: no job scam, no 9,999 USD.
    assert result.scam_types == ["investment", "romance"]
    assert result.loss_usd == Decimal("2200")
    assert result.hidden_reports == 5


def test_public_learns_hit_or_no_hit_over_clear_reports_only(
    session: Session, region: CheckRegion
) -> None:
    result = check(session, PUBLIC, kind="phone", value=PHONE, country=None, channel="web")
    assert result.hit
    assert (result.reports, result.matches, result.holdings, result.countries) == (0, [], [], [])
    assert result.loss_usd == 0 and result.first_seen is None and result.scam_types == []
    # Only in a green report: the public is told no hit.
    green_only = check(
        session, PUBLIC, kind="phone", value="+6591234567", country=None, channel="web"
    )
    assert not green_only.hit
    agency = check(
        session,
        region.policy.caller("AU-AFP"),
        kind="phone",
        value="+6591234567",
        country=None,
        channel="web",
    )
    assert agency.hit and agency.reports == 1


def test_unknown_value_is_no_hit(session: Session, region: CheckRegion) -> None:
    result = check(
        session,
        region.policy.caller("MY-NSRC"),
        kind="phone",
        value="+60198765432",
        country=None,
        channel="api",
    )
    assert not result.hit and result.reports == 0 and result.holdings == []


def test_invalid_value_answers_with_the_reason(session: Session, region: CheckRegion) -> None:
    result = check(
        session,
        region.policy.caller("MY-NSRC"),
        kind="phone",
        value="12",
        country="MY",
        channel="api",
    )
    assert not result.hit and result.value is None
    assert result.error
    unknown_kind = check(
        session,
        region.policy.caller("MY-NSRC"),
        kind="fax",
        value="12",
        country="MY",
        channel="api",
    )
    assert unknown_kind.error and "phone" in unknown_kind.error


def test_every_check_is_audited(session: Session, region: CheckRegion) -> None:
    caller = region.policy.caller("SG-ASCOM")
    check(session, caller, kind="phone", value=PHONE, country=None, channel="api")
    check(session, caller, kind="phone", value="12", country=None, channel="cli")
    check(session, PUBLIC, kind="phone", value=PHONE, country=None, channel="web")
    rows = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "check").order_by(AuditEvent.id)
    ).all()
    assert [(r.actor, r.channel, r.hits) for r in rows] == [
        ("user-sg-ascom@SG-ASCOM", "api", 8),
        ("user-sg-ascom@SG-ASCOM", "cli", 0),
        ("public", "web", 1),
    ]
    assert PHONE in rows[0].query


def test_bulk_answers_each_value_in_order_with_one_audit_row(
    session: Session, region: CheckRegion
) -> None:
    caller = region.policy.caller("AU-AFP")
    items = [
        CheckItem(kind="phone", value="012 345 6789"),
        CheckItem(kind="phone", value="+60 12"),
        CheckItem(kind="phone", value="+6591234567"),
        CheckItem(kind="phone", value="+60198765432"),
        CheckItem(kind="email", value="Nobody@Example.com"),
    ]
    result = check_bulk(session, caller, items=items, country="MY", channel="api")
    assert (result.checked, result.hits, result.invalid) == (5, 2, 1)
    assert [r.hit for r in result.items] == [True, False, True, False, False]
    assert result.items[1].error
    assert result.items[0].loss_usd == Decimal("2200")
    assert {h.agency_code for h in result.items[0].holdings} == {"MY-NSRC", "TH-CCIB"}
    assert result.items[4].value == "nobody@example.com"
    rows = session.scalars(select(AuditEvent).where(AuditEvent.action == "bulk_check")).all()
    assert [(r.hits, "5 values" in r.query) for r in rows] == [(2, True)]


def test_bulk_refuses_more_than_the_limit(session: Session, region: CheckRegion) -> None:
    items = [CheckItem(kind="phone", value=PHONE)] * 3
    with pytest.raises(TooManyValues, match="at most 2"):
        check_bulk(
            session,
            region.policy.caller("AU-AFP"),
            items=items,
            country=None,
            channel="api",
            limit=2,
        )


def test_public_bulk_gets_hit_or_no_hit_only(session: Session, region: CheckRegion) -> None:
    items = [CheckItem(kind="phone", value=PHONE), CheckItem(kind="phone", value="+6591234567")]
    result = check_bulk(session, PUBLIC, items=items, country=None, channel="web")
    assert [r.hit for r in result.items] == [True, False]
    assert all(r.reports == 0 and r.holdings == [] for r in result.items)


def test_url_matches_itself_and_shows_its_domain_as_context(
    session: Session, region: CheckRegion
) -> None:
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-url",
        identifiers=[
            ("url", "https://evil-bank.com/login", "website"),
            ("domain", "evil-bank.com", "website"),
        ],
    )
    add_report(
        session,
        agency="TH-CCIB",
        ref="TH-domain",
        identifiers=[
            ("url", "https://evil-bank.com/otp", "website"),
            ("domain", "evil-bank.com", "website"),
        ],
    )
    add_report(
        session,
        agency="TH-CCIB",
        ref="TH-fb",
        shared_platform=True,
        identifiers=[("domain", "facebook.com", "website")],
    )
    session.commit()
    caller = region.policy.caller("MY-NSRC")
    same = check(
        session,
        caller,
        kind="url",
        value="hxxps://evil-bank[.]com/login#top",
        country=None,
        channel="api",
    )
    assert same.hit and same.value == "https://evil-bank.com/login" and same.reports == 1
    [domain] = same.related
    assert (domain.kind, domain.value, domain.hit, domain.reports) == (
        "domain",
        "evil-bank.com",
        True,
        2,
    )
    other_page = check(
        session,
        caller,
        kind="url",
        value="https://evil-bank.com/unseen",
        country=None,
        channel="api",
    )
    assert not other_page.hit and other_page.related[0].hit
    platform = check(
        session,
        caller,
        kind="url",
        value="https://www.facebook.com/some-page",
        country=None,
        channel="api",
    )
    assert not platform.hit
    [fb] = platform.related
    assert fb.shared_platform and not fb.hit and fb.reports == 0


def test_kind_is_guessed_when_not_given(session: Session, region: CheckRegion) -> None:
    result = check(
        session,
        region.policy.caller("SG-ASCOM"),
        kind=None,
        value=PHONE,
        country=None,
        channel="web",
    )
    assert result.kind == "phone" and result.hit


TRON_WALLET = "tron:TKvKx5UKG2EpZEsVQanV18hgDMgqs3rima"


@pytest.mark.parametrize(
    "pasted",
    [
        "https://tronscan.org/#/address/TKvKx5UKG2EpZEsVQanV18hgDMgqs3rima",
        "hxxps://tronscan[.]org/#/address/TKvKx5UKG2EpZEsVQanV18hgDMgqs3rima",
    ],
)
def test_an_explorer_page_without_kind_is_checked_as_its_wallet(
    session: Session, region: CheckRegion, pasted: str
) -> None:
    # Guessed to be a URL, it was checked as https://tronscan.org/ (the fragment dropped):
    # "no hit" for a wallet the region had reported.
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-usdt",
        identifiers=[("crypto_wallet", TRON_WALLET, "wallet")],
    )
    session.commit()
    caller = region.policy.caller("SG-ASCOM")
    result = check(session, caller, kind=None, value=pasted, country=None, channel="web")
    assert (result.kind, result.value, result.hit) == ("crypto_wallet", TRON_WALLET, True)


def test_an_address_in_a_scam_site_s_own_link_stays_its_url(
    session: Session, region: CheckRegion
) -> None:
    link = "https://evil-pay.example/pay/0x07213a2ac1a1016bb89094b0f204046b375b8fa2"
    result = check(
        session,
        region.policy.caller("SG-ASCOM"),
        kind=None,
        value=link,
        country=None,
        channel="web",
    )
    assert result.kind == "url"


@pytest.mark.parametrize(
    ("value", "country", "said"),
    [
        # A bank named: the account's reason, not a check of the digits as a phone number.
        ("BCA 0812 3456 7890", "ID", "a BCA account number has 10 digits"),
        # A number alone that is no phone: said so, and asked for its bank or the kind.
        ("1234567890", "TH", "write the bank or provider before the number"),
    ],
)
def test_a_value_without_kind_that_does_not_read_says_why(
    session: Session, region: CheckRegion, value: str, country: str, said: str
) -> None:
    result = check(
        session,
        region.policy.caller("SG-ASCOM"),
        kind=None,
        value=value,
        country=country,
        channel="web",
    )
    assert not result.hit and result.value is None
    assert result.error and said in result.error


HOTLINE = "+60321234567"  # a bank's genuine number, which scammers spoof


def _public_hit(session: Session, value: str) -> bool:
    return check(session, PUBLIC, kind="phone", value=value, country=None, channel="web").hit


def test_public_is_not_warned_off_a_bank_hotline_a_scammer_spoofed(
    session: Session, region: CheckRegion
) -> None:
    # The public page says "do not send money" on a hit: a clear report naming the bank's own
    # number as the one impersonated, or the victim's own account, is no reason to say it.
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-spoofed",
        mark="clear",
        identifiers=[("phone", HOTLINE, "impersonated_entity")],
    )
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-victim",
        mark="clear",
        identifiers=[("phone", "+60198765432", "victim_account")],
    )
    assert not _public_hit(session, HOTLINE)
    assert not _public_hit(session, "+60198765432")
    member = check(
        session,
        region.policy.caller("MY-NSRC"),
        kind="phone",
        value=HOTLINE,
        country=None,
        channel="web",
    )
    assert member.hit and member.matches[0].roles == ("impersonated_entity",)


def test_public_is_not_warned_off_a_stop_listed_value_while_it_is_listed(
    session: Session, region: CheckRegion
) -> None:
    # A genuine hotline reported by mistake as the caller: the analysts put it on the stop-list.
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-mistake",
        mark="clear",
        identifiers=[("phone", HOTLINE, "caller")],
    )
    assert _public_hit(session, HOTLINE)
    admin = region.policy.caller("MY-NSRC")
    add_stop(session, admin, kind="phone", value=HOTLINE, reason="Maybank's genuine hotline")
    assert not _public_hit(session, HOTLINE)
    assert check(session, admin, kind="phone", value=HOTLINE, country=None, channel="web").hit
    remove_stop(session, admin, kind="phone", value=HOTLINE, reason="it was the scammer's")
    assert _public_hit(session, HOTLINE)


@pytest.mark.parametrize(("rule", "warned"), [("busy", False), ("span", True)])
def test_public_is_warned_of_a_long_lived_hub_but_not_a_busy_one(
    session: Session, region: CheckRegion, rule: str, warned: bool
) -> None:
    # A busy hub is an exchange's deposit wallet or an aggregator; a hub found only by its life
    # span, a mule account kept for a year, which a victim should hear about.
    value = "+60198765400"
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-hub",
        mark="clear",
        identifiers=[("phone", value, "caller")],
    )
    session.add(StopEntry(kind="phone", value=value, reason="hub", added_by="auto", rule=rule))
    session.commit()
    assert _public_hit(session, value) is warned
