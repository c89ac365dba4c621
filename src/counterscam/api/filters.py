"""List filters of the API read as the reference data writes them, or refused saying why.

A filter naming no known country or scam type (``country=Malaysia``, ``scam_type=romance
scam``) matched nothing and answered an empty page, which a client took for "no reports".
"""

from __future__ import annotations

from fastapi.exceptions import RequestValidationError

from counterscam.intake import vocab


def _refused(name: str, given: str, why: str) -> RequestValidationError:
    return RequestValidationError(
        [{"type": "enum", "loc": ("query", name), "msg": why, "input": given}]
    )


def country_filter(given: str | None) -> str | None:
    """Return the ISO alpha-2 code a ``country`` filter names (alpha-2 or a listed country's
    alpha-3, any case), None for no filter."""
    if given is None or not given.strip():
        return None
    code = vocab.iso_country(given)
    if code is None:
        raise _refused(
            "country",
            given,
            f"country must be an ISO 3166 alpha-2 country code, like MY, TH or KH (or a listed "
            f"country's alpha-3 code, like MYS); “{given[:40]}” is not one.",
        )
    return code


def scam_type_filter(given: str | None) -> str | None:
    """Return the scam type code a ``scam_type`` filter names, None for no filter."""
    if given is None or not given.strip():
        return None
    code = vocab.fold_code(given)
    if code not in vocab.code_set("scam_type"):
        allowed = ", ".join(vocab.codes("scam_type"))
        raise _refused(
            "scam_type",
            given,
            f"scam_type must be one of: {allowed}; “{given[:40]}” is not one.",
        )
    return code
