"""The served OpenAPI description lists the error answers a client will meet, not only 422:
a client generated from it had no type for the 401, the 403 naming a record's holder or a 404."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from counterscam.api.app import create_app
from counterscam.config import Settings

ERROR = "#/components/schemas/ErrorOut"


@pytest.fixture(scope="module")
def described() -> Iterator[dict[str, Any]]:
    # The description needs no database: an empty in-memory one is never queried.
    engine = create_engine("sqlite://")
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        yield client.get("/api/v1/openapi.json").json()


def _answers(described: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    found: dict[str, Any] = described["paths"][f"/api/v1{path}"][method]["responses"]
    return found


def _error_schema(answer: dict[str, Any]) -> str:
    return str(answer["content"]["application/json"]["schema"]["$ref"])


@pytest.mark.parametrize(
    ("method", "path", "codes"),
    [
        ("get", "/check", {401}),
        ("post", "/check/bulk", {401, 413}),
        ("get", "/reports", {401}),
        ("get", "/reports/{report_id}", {401, 403, 404}),
        ("post", "/reports", {401, 403, 408, 413}),
        ("post", "/reports/batch", {401, 403, 408, 413}),
        ("post", "/uploads", {401, 403, 408, 413}),
        ("get", "/batches/{batch_id}", {401, 404}),
        ("get", "/batches/{batch_id}/rejections.csv", {401, 404}),
        ("get", "/templates/{name}.csv", {404}),
        ("get", "/alerts", {401}),
        ("post", "/alerts/{alert_id}/read", {401, 404}),
        ("get", "/clusters", {401}),
        ("get", "/clusters/{key}", {401, 403, 404}),
        ("get", "/clusters/{key}/graph", {401, 403, 404}),
    ],
)
def test_each_route_lists_its_error_answers_in_the_error_shape(
    described: dict[str, Any], method: str, path: str, codes: set[int]
) -> None:
    answers = _answers(described, method, path)
    for code in codes:
        assert str(code) in answers, f"{method.upper()} {path} does not list {code}"
        assert _error_schema(answers[str(code)]) == ERROR
        assert answers[str(code)]["description"]


def test_the_error_shape_is_described(described: dict[str, Any]) -> None:
    shape = described["components"]["schemas"]["ErrorOut"]
    assert shape["required"] == ["detail"] and shape["properties"]["detail"]["description"]


def test_templates_and_health_ask_no_credentials(described: dict[str, Any]) -> None:
    for path in ("/health", "/templates/reports.xlsx", "/templates/{name}.csv"):
        assert "401" not in _answers(described, "get", path)


def test_the_token_scheme_is_described_and_required_where_a_route_answers_401(
    described: dict[str, Any],
) -> None:
    # Without it /api/docs had no Authorize button: no signed-in route could be tried there.
    scheme = described["components"]["securitySchemes"]["ApiToken"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert _operation(described, "get", "/reports")["security"] == [{"ApiToken": []}]
    assert _operation(described, "post", "/check/bulk")["security"] == [{"ApiToken": []}]
    # The single check answers the public too: no credentials is one of its choices.
    assert _operation(described, "get", "/check")["security"] == [{}, {"ApiToken": []}]
    for path in ("/health", "/templates/reports.xlsx"):
        assert "security" not in _operation(described, "get", path)


def _operation(described: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    found: dict[str, Any] = described["paths"][f"/api/v1{path}"][method]
    return found


@pytest.mark.parametrize(
    ("method", "path", "own"),
    [
        ("get", "/check", "CheckOut"),
        ("post", "/reports", "BatchOut"),
        ("post", "/reports/batch", "BatchOut"),
        ("post", "/uploads", "BatchOut"),
    ],
)
def test_a_422_that_is_the_routes_answer_also_describes_the_list_of_invalid_input(
    described: dict[str, Any], method: str, path: str, own: str
) -> None:
    # GET /check?value= is answered with the list, not a CheckOut; so is an unknown parameter.
    schema = _answers(described, method, path)["422"]["content"]["application/json"]["schema"]
    refs = {alt["$ref"].rsplit("/", 1)[-1] for alt in schema["anyOf"]}
    assert refs == {own, "HTTPValidationError"}
