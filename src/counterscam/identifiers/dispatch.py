"""Route a (kind, raw) pair to its canonicaliser; the only door other modules use."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from counterscam.identifiers._types import KINDS, Canonical, InvalidIdentifier
from counterscam.identifiers.bank_account import canonicalize_bank_account
from counterscam.identifiers.crypto_wallet import canonicalize_crypto
from counterscam.identifiers.domain import canonicalize_domain
from counterscam.identifiers.email import canonicalize_email
from counterscam.identifiers.ewallet import canonicalize_ewallet
from counterscam.identifiers.handle import canonicalize_handle
from counterscam.identifiers.ip import canonicalize_ip
from counterscam.identifiers.phone import canonicalize_phone
from counterscam.identifiers.shared import names_no_one
from counterscam.identifiers.shortcode import canonicalize_sender, canonicalize_shortcode
from counterscam.identifiers.url import canonicalize_url

log = logging.getLogger(__name__)
Handler = Callable[[str, str | None, str | None], Canonical]

_HANDLERS: dict[str, Handler] = {
    "phone": lambda raw, country, _q: canonicalize_phone(raw, country),
    "bank_account": canonicalize_bank_account,
    "ewallet": canonicalize_ewallet,
    "crypto_wallet": lambda raw, _c, qualifier: canonicalize_crypto(raw, qualifier),
    "url": lambda raw, country, _q: canonicalize_url(raw, country),
    "domain": lambda raw, _c, _q: canonicalize_domain(raw),
    "email": lambda raw, _c, _q: canonicalize_email(raw),
    "handle": canonicalize_handle,
    "ip": lambda raw, _c, _q: canonicalize_ip(raw),
    "shortcode": lambda raw, country, _q: canonicalize_shortcode(raw, country),
    "sender_id": lambda raw, country, _q: canonicalize_sender(raw, country),
}
assert tuple(_HANDLERS) == KINDS


def canonicalize(
    kind: str, raw: str, *, country: str | None = None, qualifier: str | None = None
) -> Canonical:
    """Return the canonical form of ``raw`` read as ``kind``.

    Args:
        kind: one of KINDS.
        raw: the identifier as the user or source wrote it.
        country: the reporting agency's country (default region for phones, banks, short codes).
        qualifier: the bank, e-wallet provider, crypto chain or platform given separately.

    Returns:
        The Canonical record; its kind may differ from ``kind`` (a short code, a WhatsApp link).

    Raises:
        InvalidIdentifier: for any input that cannot be read; ``reason`` says how to fix it.
    """
    handler = _HANDLERS.get(kind) if isinstance(kind, str) else None
    text = raw if isinstance(raw, str) else repr(raw)
    if handler is None:
        raise InvalidIdentifier(
            str(kind), text, f"unknown identifier kind {kind!r}; use one of {', '.join(KINDS)}"
        )
    if country is not None and not isinstance(country, str):
        raise InvalidIdentifier(kind, text, "the country must be an ISO code like MY")
    if qualifier is not None and not isinstance(qualifier, str):
        raise InvalidIdentifier(kind, text, "the qualifier must be text")
    try:
        found = handler(raw, country, qualifier)
    except InvalidIdentifier:
        raise
    except Exception as exc:  # a safety net: callers rely on one error type for any input
        log.exception("canonicalize(%r) failed unexpectedly", kind)
        raise InvalidIdentifier(
            kind, text, f"{text[:60]!r} could not be read as a {kind.replace('_', ' ')}"
        ) from exc
    # Here, not in the phone reader: a wa.me link or a QR payload gives a phone too. A bank's
    # published hotline, which scammers spoof, is kept, linking nothing (shared.py).
    if found.kind == "phone" and not found.shared_platform and names_no_one("phone", found.value):
        return replace(found, shared_platform=True)
    return found
