"""Canonical identifiers: one module per kind, pure functions over the reference data.

Every other module codes against exactly this API::

    canonicalize(kind, raw, *, country=None, qualifier=None) -> Canonical
    guess_kind(raw, *, country=None) -> str | None
    unguessed_reason(raw, *, country=None) -> str
"""

from counterscam.identifiers._types import KINDS, Canonical, InvalidIdentifier
from counterscam.identifiers.dispatch import canonicalize
from counterscam.identifiers.guess import guess_kind, unguessed_reason

__all__ = [
    "KINDS",
    "Canonical",
    "InvalidIdentifier",
    "canonicalize",
    "guess_kind",
    "unguessed_reason",
]
