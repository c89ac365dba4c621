"""Signing in and out, the sign-in wall, and CSRF protection of every form."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.factories import PASSWORD, PolicyRegion
from tests.web.conftest import csrf_of, sign_in


def test_pages_ask_for_sign_in_and_come_back_after(
    app_client: TestClient, region: PolicyRegion
) -> None:
    response = app_client.get("/reports?country=MY", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=%2Freports%3Fcountry%3DMY"

    page = app_client.get(response.headers["location"]).text
    response = app_client.post(
        "/sign-in",
        data={
            "username": "user-my-nsrc",
            "password": PASSWORD,
            "next": "/reports?country=MY",
            "csrf_token": csrf_of(page),
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/reports?country=MY"
    home = app_client.get("/").text
    assert "MY-NSRC" in home and "Sign out" in home


def test_wrong_password_shows_the_error_summary(
    app_client: TestClient, region: PolicyRegion
) -> None:
    token = csrf_of(app_client.get("/sign-in").text)
    response = app_client.post(
        "/sign-in",
        data={"username": "user-my-nsrc", "password": "wrong-password", "csrf_token": token},
    )
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert '<a href="#username">Enter a correct username and password</a>' in response.text
    assert app_client.get("/", follow_redirects=False).status_code == 303


def test_empty_fields_are_named_beside_each_field(
    app_client: TestClient, region: PolicyRegion
) -> None:
    token = csrf_of(app_client.get("/sign-in").text)
    response = app_client.post("/sign-in", data={"csrf_token": token})
    assert 'href="#username">Enter your username' in response.text
    assert 'id="password-error"' in response.text


def test_post_without_the_session_token_is_refused(
    app_client: TestClient, region: PolicyRegion
) -> None:
    app_client.get("/sign-in")
    response = app_client.post(
        "/sign-in", data={"username": "user-my-nsrc", "password": PASSWORD, "csrf_token": "x"}
    )
    assert response.status_code == 403
    assert "This form has expired" in response.text
    assert app_client.get("/", follow_redirects=False).status_code == 303


def test_forms_of_a_signed_in_user_need_the_token_too(
    app_client: TestClient, region: PolicyRegion
) -> None:
    sign_in(app_client, "user-my-nsrc")
    response = app_client.post("/check", data={"value": "+60123456789"})
    assert response.status_code == 403
    response = app_client.post("/sign-out", data={}, follow_redirects=False)
    assert response.status_code == 403
    assert app_client.get("/", follow_redirects=False).status_code == 200


def test_sign_out_ends_the_session(app_client: TestClient, region: PolicyRegion) -> None:
    sign_in(app_client, "user-my-nsrc")
    token = csrf_of(app_client.get("/").text)
    response = app_client.post("/sign-out", data={"csrf_token": token}, follow_redirects=False)
    assert response.headers["location"] == "/sign-in"
    assert app_client.get("/", follow_redirects=False).status_code == 303


def test_next_never_leaves_the_site(app_client: TestClient, region: PolicyRegion) -> None:
    token = csrf_of(app_client.get("/sign-in").text)
    response = app_client.post(
        "/sign-in",
        data={
            "username": "user-my-nsrc",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/x",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"
