"""Sorting a paged list in SQL: named sorts from a whitelist, each with a stable tiebreak.

A list sorted in the browser sorts only the page it shows; these orders go into the query, so
page 2 continues page 1. A request names a sort; only the names here reach the SQL.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import ColumnElement
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
    the order, and so every page, is the same on each request and on both databases.
    """
    orders: dict[str, Order] = {}
    for name, column in columns.items():
        orders[name] = (column.asc(), tiebreak.asc())
        orders[f"-{name}"] = (column.desc(), tiebreak.desc())
    return orders


def order_by(sort: str, orders: Mapping[str, Order]) -> Order:
    """Return the ORDER BY of a sort named in ``orders``; raise BadSort for any other name."""
    return orders[checked(sort, orders)]
