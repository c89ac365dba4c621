"""Usernames that read as another's: one account per name, whatever its Unicode spelling."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from counterscam.access.accounts import (
    AccountError,
    authenticate,
    create_user,
    issue_token,
    user_by_name,
)
from counterscam.access.users import set_user_active
from counterscam.db.models import User
from tests.factories import PASSWORD, build_policy_region

# Escapes, never the characters: the test must show what it types.
FULL_WIDTH = "\uff55\uff53\uff45\uff52-my-nsrc"  # user-my-nsrc in full-width letters
NFD_JOSE = unicodedata.normalize("NFD", "jos\u00e9.santos")


@pytest.mark.parametrize(
    "spelling",
    [FULL_WIDTH, "USER-MY-NSRC", "\uff35\uff33\uff25\uff32-MY-NSRC", " user-my-nsrc\u3000"],
)
def test_a_name_that_reads_as_a_taken_one_is_refused_as_taken(
    session: Session, spelling: str
) -> None:
    build_policy_region(session)
    with pytest.raises(AccountError, match="user user-my-nsrc already exists"):
        create_user(session, username=spelling, password=PASSWORD, agency_code="SG-ASCOM")


def test_the_accent_typed_as_a_mark_or_as_a_letter_is_one_account(session: Session) -> None:
    build_policy_region(session)
    create_user(session, username=NFD_JOSE, password=PASSWORD, agency_code="MY-NSRC")
    with pytest.raises(AccountError, match="already exists"):
        create_user(session, username="jos\u00e9.santos", password=PASSWORD, agency_code="MY-NSRC")
    # Signed in with the other spelling, as a keyboard of another system types it.
    signed_in = authenticate(session, username="jos\u00e9.santos", password=PASSWORD)
    assert isinstance(signed_in, User) and signed_in.username == "jos\u00e9.santos"


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("user-my-nsrc\u200b", "U+200B ZERO WIDTH SPACE"),
        ("user-my-nsrc\u00ad", "U+00AD SOFT HYPHEN"),
        ("user\u202e-crsn", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("user-my-nsrc\u3164", "U+1160 HANGUL JUNGSEONG FILLER"),  # NFKC of U+3164
        ("user-my-nsrc\ufe0f", "U+FE0F VARIATION SELECTOR-16"),
        ("user\u2010my-nsrc", "U+2010 HYPHEN"),
        ("a\x00b", "U+0000"),
        ("a\x07b", "U+0007"),
        ("aisyah rahman", "spaces"),
    ],
)
def test_invisible_control_and_look_alike_characters_are_refused_by_name(
    session: Session, name: str, said: str
) -> None:
    build_policy_region(session)
    with pytest.raises(AccountError, match="letters, digits and signs") as refused:
        create_user(session, username=name, password=PASSWORD, agency_code="MY-NSRC")
    assert f"it holds {said}" in str(refused.value)


def test_a_latin_name_with_a_cyrillic_letter_is_refused(session: Session) -> None:
    build_policy_region(session)
    with pytest.raises(AccountError, match="mixes Cyrillic and Latin letters"):
        create_user(session, username="\u0430dmin", password=PASSWORD, agency_code="MY-NSRC")


@pytest.mark.parametrize(
    "name",
    [
        "\u0e2a\u0e21\u0e0a\u0e32\u0e22",
        "somchai.\u0e2a\u0e21\u0e0a\u0e32\u0e22",
        "a.b@police.gov.my",
        "o'neil+ops",
        "[red]ann",
    ],
)
def test_names_of_one_script_or_of_thai_and_latin_are_kept(session: Session, name: str) -> None:
    build_policy_region(session)
    user = create_user(session, username=name, password=PASSWORD, agency_code="TH-CCIB")
    assert user.username == name


def test_an_account_stored_under_an_older_form_is_still_found(session: Session) -> None:
    region = build_policy_region(session)
    # As created before names were normalised: in full-width letters.
    session.execute(
        update(User).where(User.id == region.users["MY-NSRC"].id).values(username=FULL_WIDTH)
    )
    session.commit()
    assert isinstance(authenticate(session, username=FULL_WIDTH, password=PASSWORD), User)
    assert user_by_name(session, FULL_WIDTH).id == region.users["MY-NSRC"].id
    assert set_user_active(session, username=FULL_WIDTH, active=False).changed
    with pytest.raises(AccountError, match="disabled"):
        issue_token(session, username=FULL_WIDTH)


def test_a_name_holding_nul_names_no_user_on_any_database(session: Session) -> None:
    build_policy_region(session)
    with pytest.raises(AccountError, match="no user"):
        user_by_name(session, "user-my-nsrc\x00")
