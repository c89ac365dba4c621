"""The country and scam-type filters of the lists, read from the address as the API reads them.

Any case is read (``scam_type=Investment``, ``country=th``), as the API's filters are. A value
naming no country or scam type matched no record, and the empty list read as "no such
reports"; it is said beside its box instead, and left out, so the list shown is the one the
filter boxes say. ``MYX`` was cut to ``MY``; it is refused whole.
"""

from __future__ import annotations

from starlette.datastructures import QueryParams

from counterscam.intake import vocab
from counterscam.web.formatting import member_countries
from counterscam.web.forms import FormErrors
from counterscam.web.tables import address_part

_CHOOSE = "Choose one from the list and apply the filters again."


def country_and_scam_type(
    country: str, scam_type: str, errors: FormErrors, query: QueryParams | None = None
) -> tuple[str, str]:
    """Return the country code and scam type to filter by ("" for none), errors added.

    ``query``, the page's address: a filter it gives twice with different values is refused
    and left out, as the API refuses it (the page read the last one and said nothing).
    """
    twice = {name for name in ("country", "scam_type") if _repeated(query, name, errors)}
    if "country" in twice:
        country = ""
    if "scam_type" in twice:
        scam_type = ""
    code = country.strip().upper()
    if code and code not in {c for c, _name in member_countries()}:
        errors.add(
            "country", f"{_quoted('country', country)} is not a reporting country. {_CHOOSE}"
        )
        code = ""
    kind = vocab.fold_code(scam_type)
    if kind and kind not in vocab.code_set("scam_type"):
        errors.add("scam_type", f"{_quoted('scam_type', scam_type)} is not a scam type. {_CHOOSE}")
        kind = ""
    return code, kind


def _repeated(query: QueryParams | None, name: str, errors: FormErrors) -> bool:
    # Compared as the filter reads them: "MY" and "my" twice are one filter.
    given = list({v.strip().lower(): v for v in query.getlist(name)}.values()) if query else []
    if len(given) < 2:
        return False
    quoted = " and ".join(address_part(name, value) for value in given)
    errors.add(name, f"{quoted} in the address: the list takes one. {_CHOOSE}")
    return True


def refused(errors: FormErrors) -> str:
    """Return the errors as one sentence, for a download that has no page to show them on."""
    return " ".join(e.message for e in errors.items)


def _quoted(name: str, value: str) -> str:
    return f"{address_part(name, value)} in the address"
