"""Sorting a paged list in SQL: named sorts from a whitelist, each with a stable tiebreak.

A list sorted in the browser sorts only the page it shows; these orders go into the query, so
page 2 continues page 1. A request names a sort; only the names here reach the SQL.

Rows with no value in a nullable column come last both ways: a user sorting by "largest loss"
or "smallest loss" wants the known values first. The databases disagree by default (SQLite puts
NULL first ascending, PostgreSQL first descending), so the orders say NULLS LAST explicitly.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Column, ColumnElement, nulls_last
from sqlalchemy.orm import QueryableAttribute

Order = tuple[ColumnElement[Any], ...]
Sortable = ColumnElement[Any] | QueryableAttribute[Any]


class BadSort(ValueError):
    """The sort asked for is not one the list offers."""


def checked(sort: str, allowed: Collection[str]) -> str:
    """Return ``sort`` when it is one of ``allowed``; raise BadSort naming them otherwise."""
    if sort not in allowed:
        raise BadSort(f"unknown sort {sort!r}; use one of {', '.join(allowed)}")
    return sort


def either_way(columns: Mapping[str, Sortable], tiebreak: Sortable) -> dict[str, Order]:
    """Return sorts by each column both ways: ``name`` ascending and ``-name`` descending.

    Rows equal in the column follow ``tiebreak`` (a unique column, the id) the same way, so
    the order, and so every page, is the same on each request and on both databases. Rows with
    no value come last both ways.
    """
    orders: dict[str, Order] = {}
    for name, column in columns.items():
        up, down = column.asc(), column.desc()
        if _may_be_null(column):
            up, down = nulls_last(up), nulls_last(down)
        orders[name] = (up, tiebreak.asc())
        orders[f"-{name}"] = (down, tiebreak.desc())
    return orders


def _may_be_null(column: Sortable) -> bool:
    """Tell whether ``column`` may hold NULL: false only for a table column declared NOT NULL.

    NULLS LAST on a NOT NULL column changes no order, but PostgreSQL then cannot read a
    descending order from the column's index (it yields NULLS FIRST) and sorts the whole
    table for every page of "newest first"; so it is left off where no NULL can occur.
    An expression (a subquery, say) is taken to allow NULL.
    """
    expression = column.expression if isinstance(column, QueryableAttribute) else column
    return not (isinstance(expression, Column) and not expression.nullable)


def order_by(sort: str, orders: Mapping[str, Order]) -> Order:
    """Return the ORDER BY of a sort named in ``orders``; raise BadSort for any other name."""
    return orders[checked(sort, orders)]
