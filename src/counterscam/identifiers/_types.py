"""The canonical identifier record and the one error every canonicaliser raises."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS: tuple[str, ...] = (
    "phone",
    "bank_account",
    "ewallet",
    "crypto_wallet",
    "url",
    "domain",
    "email",
    "handle",
    "ip",
    "shortcode",
    "sender_id",
)


@dataclass(frozen=True)
class Canonical:
    """One identifier in its canonical form, with the identifiers derived from it.

    ``variants`` are other values of the same kind that a check answers for together with
    ``value``, because the input did not tell them apart: a URL written without a scheme is
    ``https://...``, and also the ``http://...`` form earlier versions stored it as (or a
    report gave explicitly). They are never stored, nor part of the identifier's identity:
    two records of one value are equal whatever the input's writing left unsure.
    """

    kind: str
    value: str
    country: str | None
    related: tuple[Canonical, ...] = ()
    shared_platform: bool = False
    variants: tuple[str, ...] = field(default=(), compare=False)


class InvalidIdentifier(ValueError):
    """The input cannot be read as an identifier of the kind; ``reason`` says how to fix it."""

    def __init__(self, kind: str, raw: str, reason: str) -> None:
        self.kind = kind
        self.raw = raw
        self.reason = reason
        super().__init__(reason)


def shown(raw: str, limit: int = 60) -> str:
    """Return ``raw`` quoted and shortened for an error message."""
    text = raw if len(raw) <= limit else raw[: limit - 1] + "…"
    return repr(text)
