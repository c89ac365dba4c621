"""JSON: ``{"reports": [REPORT, ...]}`` or a bare list of reports; one REPORT for one report."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from counterscam.intake import code_pages, columns
from counterscam.intake.chars import unstorable
from counterscam.intake.records import (
    SHARES,
    FileProblem,
    RawChild,
    RawReport,
    RowError,
    agency_note,
    file_problem,
    ref_of,
    text_of,
    type_name,
)
from counterscam.intake.tables import (
    MAX_HEADER_ERRORS,
    Limits,
    Source,
    too_many_linked_for_batch,
    too_many_linked_for_report,
)
from counterscam.intake.xlsx_files import EXCEL_DIGITS

LINKED = ("identifiers", "parties", "places")


def read_json(
    source: Source,
    limits: Limits,
    on_total: Callable[[int], None] | None = None,
    *,
    root_path: str = "",
) -> Iterator[RawReport | RowError]:
    """Yield the reports of a JSON file; ``root_path`` as ``reports_of`` takes it."""
    data = source.content if source.content is not None else source.path.read_bytes()  # type: ignore[union-attr]
    document = parse(data, file=source.name, max_values=max_values(limits))
    yield from reports_of(
        document, file=source.name, limits=limits, on_total=on_total, root_path=root_path
    )


class _Repeated(dict[str, Any]):
    """A JSON object that gave a key more than once; ``repeated`` lists those keys."""

    repeated: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    # json.loads keeps the last value of a repeated key without a word; a report that names
    # its external_ref twice would be stored under one of them, so say so instead.
    repeated = _Repeated(found)
    repeated.repeated = []
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            repeated.repeated.append(key)
        seen.add(key)
    return repeated


class _WrittenNumber(float):
    """A JSON number with a fraction or exponent, which reads as text as it was written.

    Read as a float, ``"external_ref": 2026.10`` was stored as the reference "2026.1" (and
    1e5 as "100000.0"), so sending it again as the text "2026.10" made a second report.
    """

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> _WrittenNumber:
        number = super().__new__(cls, text)
        number.text = text
        return number

    def __str__(self) -> str:
        return self.text

    def __getnewargs__(self) -> tuple[str]:  # type: ignore[override]  # pickled as written
        return (self.text,)


def _float(text: str) -> float | Decimal:
    # 1e400 overflows a float to inf, and was refused as "'inf' is not an amount", a value
    # no one sent; kept as written, it is refused as too large.
    value = float(text)
    if math.isinf(value):
        return Decimal(text)
    # One of 10^15 or more is refused where text is due (_inexact), echoed as Python reads it.
    return _WrittenNumber(text) if abs(value) < EXCEL_DIGITS else value


# Python holds each parsed JSON value in 50-130 bytes (an empty object 64, a number with a
# fraction 24 plus its text), so 50 MB of "[[],[],...]" or "0.5,0.5,..." took 1.0-1.3 GB to
# parse, and 3,000,000 keys in one report 5 GB and three minutes to answer. A batch at the
# limits holds fewer: a report's fields, its lists and a few share_with codes; a linked
# row's fields (a party has eleven).
REPORT_VALUES = 32
ROW_VALUES = 16
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


def max_values(limits: Limits) -> int | None:
    """Return how many JSON values a batch within ``limits`` may hold, None for no limit."""
    if limits.max_reports is None or limits.max_batch_linked is None:
        return None
    return limits.max_reports * REPORT_VALUES + limits.max_batch_linked * ROW_VALUES


def _values(data: bytes, most: int) -> int | None:
    """Return about how many values a JSON document holds when that is more than ``most``."""
    # Each list or object holds one value more than it has commas, but for an empty one.
    # Counted in the raw bytes (milliseconds) the commas and brackets inside text count too,
    # never fewer, so only a document past the limit so is counted again without its text.
    count = _count(data)
    if count <= most:
        return None
    count = _count(_STRING.sub(b"", data))
    return count if count > most else None


def _count(data: bytes) -> int:
    opened = data.count(b"[") + data.count(b"{") - data.count(b"[]") - data.count(b"{}")
    return 1 + data.count(b",") + opened


EMPTY = (
    "the file is empty (or holds only spaces): a JSON file holds the reports as "
    '{"reports": [REPORT, ...]} or [REPORT, ...], as docs/formats.md describes'
)


def parse(data: bytes | str, *, file: str, max_values: int | None = None) -> Any:
    """Parse a JSON document; FileProblem saying what is wrong where it cannot be read.

    ``max_values`` refuses a document of more values than that before parsing it.
    """
    if not data.strip():
        # json.loads calls nothing at all "Expecting value", which read as a file cut short.
        raise file_problem(file, EMPTY)
    # Each value takes a byte at least, so a short document needs no counting.
    if max_values is not None and len(data) > max_values:
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        if (found := _values(raw, max_values)) is not None:
            raise file_problem(
                file,
                f"the JSON holds about {found:,} values (texts, numbers, lists and objects); "
                f"a batch within the limits holds at most {max_values:,}. Split it into "
                "several batches, and leave out any fields not in docs/formats.md",
            )
    try:
        return json.loads(data, object_pairs_hook=_object, parse_float=_float)
    except UnicodeDecodeError as exc:
        raise _not_utf8(exc, file) from None
    except json.JSONDecodeError as exc:
        raise file_problem(
            file,
            f"not valid JSON at line {exc.lineno} column {exc.colno}: {_decode_problem(exc)}",
            row=exc.lineno,
        ) from None
    except RecursionError:
        raise file_problem(
            file,
            "the JSON is nested too deeply to read; a batch is "
            '{"reports": [REPORT, ...]} with lists of objects inside (see docs/formats.md)',
        ) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise file_problem(
            file, "a number in the JSON has thousands of digits; no field takes such a number"
        ) from None


def _decode_problem(exc: json.JSONDecodeError) -> str:
    """Say what stops a JSON document, naming JSON Lines, which json.loads calls "Extra data"."""
    if exc.msg.startswith("Invalid control character"):
        return _control_problem(exc.doc[exc.pos : exc.pos + 1])
    if exc.msg != "Extra data":
        return exc.msg + _decode_hint(exc)
    if not exc.doc.startswith("{", exc.pos):
        return "more text follows the end of the JSON document; delete it"
    # One object a line, as mongoexport, Elasticsearch and log tools export records.
    return (
        "a second report object follows the first; one report per line (JSON Lines) is not "
        'read: put the reports in a list, [REPORT, REPORT, ...] or {"reports": [...]}, with '
        "commas between them"
    )


# The control characters people type into text, and how JSON writes them.
_ESCAPES = {
    "\n": ("a line break", "\\n"),
    "\r": ("a carriage return", "\\r"),
    "\t": ("a tab", "\\t"),
}


def _control_problem(char: str) -> str:
    # json.loads says only "Invalid control character at": a line break typed into a narrative
    # by a tool that writes its JSON by hand, or a NUL a database export padded a value with.
    code = ord(char) if char else 0
    name, escape = _ESCAPES.get(char, (f"a control character (U+{code:04X})", f"\\u{code:04x}"))
    return (
        f"{name} inside a text value; JSON text holds it only escaped, as {escape}: write it "
        "so (a JSON library does), or remove it"
    )


def _decode_hint(exc: json.JSONDecodeError) -> str:
    """Name the usual causes json.loads words only as what it expected."""
    if exc.msg.startswith("Unterminated string"):  # its position is where the string starts
        return (
            " there, and never closed: a quote is missing, or the file was cut short (an "
            "interrupted download or copy), so send the whole file again"
        )
    if not exc.doc[exc.pos :].strip():
        return (
            "; the file ends inside the JSON document: it looks cut short (an interrupted "
            "download or copy), so send the whole file again"
        )
    if exc.doc.startswith(("}", "]"), exc.pos) and exc.doc[: exc.pos].rstrip().endswith(","):
        # JavaScript and Python lists allow it, and hand-edited files have it.
        return f"; a comma before {exc.doc[exc.pos]!r} (after the last item) is not JSON: delete it"
    if exc.doc.startswith(("//", "/*"), exc.pos):
        # JSON5, JavaScript and hand-kept configuration files allow them; "Expecting value"
        # named no cause.
        return "; a comment (// or /* */) is not JSON: delete it"
    if exc.doc.startswith("'", exc.pos):
        # Python's print() of a list of dicts writes its text so: the file was printed, not
        # written by a JSON library.
        return (
            "; JSON writes text and field names in double quotes (\"), never single quotes ('), "
            "as Python's print() writes a dict: write the file with a JSON library (json.dump)"
        )
    return ""


def _not_utf8(exc: UnicodeDecodeError, file: str) -> FileProblem:
    """Name the line and byte a JSON file stops being UTF-8 at, and its likely code page."""
    data = exc.object
    if exc.encoding != "utf-8" or not isinstance(data, bytes):
        return file_problem(file, "the file is not UTF-8; save it as UTF-8")
    line_no = data.count(b"\n", 0, exc.start) + 1
    start = data.rfind(b"\n", 0, exc.start) + 1
    end = data.find(b"\n", exc.start)
    page = code_pages.likely(data[start : end if end >= 0 else len(data)])
    saved = f"It was probably saved as {page.label}" if page else "It is in another code page"
    return file_problem(
        file,
        f"the file is not UTF-8: byte 0x{data[exc.start]:02X} on line {line_no} cannot be "
        f"read. {saved}; save it as UTF-8",
        row=line_no,
    )


def reports_of(
    document: Any,
    *,
    file: str,
    limits: Limits,
    on_total: Callable[[int], None] | None = None,
    root_path: str = "",
) -> Iterator[RawReport | RowError]:
    """Yield the raw reports of a parsed JSON batch document.

    ``root_path`` is the prefix a proxy serves the API under (api/prefix.py), for the API
    addresses a message names; "" where there is none, or no request (the CLI's import).
    """
    if isinstance(document, _Repeated) and "reports" in document.repeated:
        raise file_problem(file, 'the key "reports" is given twice; give one list of reports')
    if isinstance(document, dict) and "reports" in document:
        items = document["reports"]
        # Keys beside "reports" were dropped without a word, an "agency" naming another
        # agency among them: the submitter took the batch as filed for that agency.
        others = [key for key in document if key != "reports"]
        if others:
            raise FileProblem(
                [
                    RowError(
                        file,
                        0,
                        key,
                        text_of(document[key]),
                        'unknown field beside "reports"; a batch is {"reports": [REPORT, ...]} '
                        f"and nothing else{agency_note(key)}",
                    )
                    for key in others
                ]
            )
    else:
        items = document
    if not isinstance(items, list):
        raise file_problem(file, _not_a_batch(document, root_path))
    if limits.max_reports is not None and len(items) > limits.max_reports:
        raise file_problem(
            file,
            f"the batch has {len(items):,} reports; at most {limits.max_reports:,} are "
            "accepted in one batch. Split it into several batches",
        )
    _count_linked(items, file, limits)
    if on_total is not None:
        on_total(len(items))
    first_row: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        yield report_of(item, file=file, row=number, first_row=first_row)


def _count_linked(items: list[Any], file: str, limits: Limits) -> None:
    """Refuse a report, or a batch, of more linked rows than the limits, before building any.

    The document is parsed already (within the upload limit), but each linked row built from
    it takes 2-3 KB more until the batch commits (tables.Limits).
    """
    report_limit, batch_limit = limits.max_report_linked, limits.max_batch_linked
    if report_limit is None and batch_limit is None:
        return
    total = 0
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            continue
        count = sum(len(v) for name in LINKED if isinstance(v := item.get(name), list))
        if report_limit is not None and count > report_limit:
            ref = ref_of(item.get("external_ref"))
            raise too_many_linked_for_report(file, number, ref, report_limit, count=count)
        total += count
        if batch_limit is not None and total > batch_limit:
            raise too_many_linked_for_batch(file, number, batch_limit, json=True)


def _not_a_batch(document: Any, root_path: str) -> str:
    """Say why a document is no batch, naming what it holds when that shows the fix."""
    shape = 'a batch is {"reports": [REPORT, ...]} or a list of reports; see docs/formats.md'
    if not isinstance(document, dict):
        return shape
    if "reports" in document:
        return f'"reports" must be a list of reports, not {type_name(document["reports"])}; {shape}'
    for key in document:
        if key.strip().lower() == "reports":
            return f'the key is "reports", in lower case and without spaces (got {key!r}); {shape}'
    if "external_ref" in document:
        return (
            f"this is one report, not a batch: send it to POST {root_path}/api/v1/reports, or "
            f'put it in a list as {{"reports": [REPORT]}}; {shape}'
        )
    for key, value in document.items():
        # APIs and exporters wrap their records as {"data": [...]} or {"items": [...]}.
        if isinstance(value, list) and value and isinstance(value[0], dict):
            if "external_ref" in value[0]:
                return (
                    f'the reports are under the key {key!r}; a batch names them "reports": '
                    f'rename {key!r} to "reports" (and remove any other key), or send the '
                    f"list alone; {shape}"
                )
    return f"got an object with the keys {', '.join(repr(k) for k in list(document)[:10])}; {shape}"


def report_of(
    item: Any, *, file: str, row: int, first_row: dict[str, int] | None = None
) -> RawReport:
    """Return one JSON report as a raw report; ``first_row`` finds repeated external_refs."""
    if not isinstance(item, dict):
        raw = RawReport(data={}, file=file, row=row, readable=False)
        raw.problems.append(
            RowError(
                file,
                row,
                "",
                text_of(item),
                f"a report must be a JSON object {{...}}, not {type_name(item)}; "
                "see docs/formats.md",
            )
        )
        return raw
    item, unread = _storable_keys(item, file, row, "")
    item, unknown = _known(item, file, row, "", "reports")
    data = {k: v for k, v in item.items() if k not in LINKED}
    # A key left out (or null, as serialisers write an unset list) keeps a resubmitted
    # report's stored rows of its kind; a list, even [], replaces them. share_with alike.
    given = frozenset(name for name in (*LINKED, SHARES) if item.get(name) is not None)
    raw = RawReport(data=data, file=file, row=row, given=given)
    raw.problems.extend(unread + unknown)
    raw.problems.extend(_text_problems(item, file, row, ""))
    for name in LINKED:
        children = item.get(name) or []
        if not isinstance(children, list):
            raw.problems.append(RowError(file, row, name, "", f"{name} must be a list of objects"))
            continue
        if wrong := [i for i, c in enumerate(children) if not isinstance(c, dict)]:
            raw.problems.append(_not_an_object(file, row, name, children, wrong))
            continue
        for i, whole in enumerate(children):
            prefix = f"{name}[{i}]."
            whole, unread = _storable_keys(whole, file, row, prefix)
            c, unknown = _known(whole, file, row, prefix, name)
            child = RawChild(data=c, file=file, row=row, prefix=prefix)
            child.problems.extend(unread + unknown)
            child.problems.extend(_text_problems(c, file, row, child.prefix))
            getattr(raw, name).append(child)
    ref = ref_of(data.get("external_ref"))
    if first_row is not None and ref:
        earlier = first_row.setdefault(ref, row)
        if earlier != row:
            raw.problems.append(duplicate(file, row, ref, earlier))
    return raw


def _not_an_object(
    file: str, row: int, name: str, children: list[Any], wrong: list[int]
) -> RowError:
    """Refuse a linked list holding items that are no objects, naming the first by position.

    It was "identifiers must be a list of objects", leaving the sender to search a list of
    hundreds for the null or the text among them.
    """
    first = wrong[0]
    more = f" (and {len(wrong) - 1:,} more of its items)" if len(wrong) > 1 else ""
    return RowError(
        file,
        row,
        f"{name}[{first}]",
        text_of(children[first]),
        f"must be an object {{...}} with the fields of its row, not {type_name(children[first])}"
        f"{more}; {name} is a list of objects",
    )


def _storable_keys(
    item: dict[str, Any], file: str, row: int, prefix: str
) -> tuple[dict[str, Any], list[RowError]]:
    """Return an object without the keys no text can hold (a NUL, a lone surrogate), and
    their errors.

    Such a key made the schema refuse the whole object in its own words ("Input should be a
    valid string, unable to parse raw data as a unicode string"), naming no field.
    """
    if unstorable("".join(item)) is None:  # one pass over every key: the usual object
        return item, []
    kept: dict[str, Any] = {}
    problems = []
    for key, value in item.items():
        reason = unstorable(key)
        if reason is None:
            kept[key] = value
            continue
        problems.append(
            RowError(file, row, f"{prefix}{key}", text_of(value), f"the field name {reason}")
        )
    if isinstance(item, _Repeated):
        kept = _Repeated(kept)
        kept.repeated = [k for k in item.repeated if k in kept]
    return kept, problems


def _known(
    item: dict[str, Any], file: str, row: int, prefix: str, kind: str
) -> tuple[dict[str, Any], list[RowError]]:
    """Return an object with at most MAX_HEADER_ERRORS unknown keys, and the count of the rest.

    Each unknown key is an error of its own, so a report of a million made a million errors
    (and an answer of hundreds of megabytes); as with a CSV header's columns, the first are
    named and the rest counted.
    """
    # A child's external_ref is refused by validation in words of its own.
    fields = [*columns.names(kind), *LINKED] if kind == "reports" else columns.names(kind)[1:]
    known = {*fields, "external_ref"}
    unknown = [key for key in item if key not in known]
    if len(unknown) <= MAX_HEADER_ERRORS:
        return item, []
    named = set(unknown[:MAX_HEADER_ERRORS])
    kept = {k: v for k, v in item.items() if k in known or k in named}
    if isinstance(item, _Repeated):
        kept = _Repeated(kept)
        kept.repeated = [k for k in item.repeated if k in kept]
    where = prefix.rstrip(".")
    error = RowError(
        file,
        row,
        where,
        "",
        f"and {len(unknown) - MAX_HEADER_ERRORS:,} more unknown fields"
        f"{' in ' + where if where else ''}; the fields are: {', '.join(fields)}",
    )
    return kept, [error]


def _text_problems(item: dict[str, Any], file: str, row: int, prefix: str) -> list[RowError]:
    """Return the errors of keys given twice and of text no column can hold, in one object."""
    problems = [
        RowError(
            file,
            row,
            f"{prefix}{key}",
            text_of(item[key]),
            "this field is given twice in one object; give it once (only the last value "
            "would be kept)",
        )
        for key in dict.fromkeys(getattr(item, "repeated", ()))
    ]
    for key, value in item.items():
        # Each code of a share_with list is named by its position, as its other errors are.
        listed = key == SHARES and isinstance(value, list)
        for i, text in enumerate(value if listed else [value]):
            reason = unstorable(text) if isinstance(text, str) else _inexact(key, text)
            if reason is not None:
                column = f"{prefix}{key}[{i}]" if listed else f"{prefix}{key}"
                problems.append(RowError(file, row, column, text_of(text), reason))
    return problems


# The fields that take a number; every other field takes a JSON number as the text it reads.
_NUMBER_FIELDS = frozenset({"loss_amount", "latitude", "longitude"})


def _inexact(key: str, value: Any) -> str | None:
    """Say why a JSON number cannot stand for text, or None when it can.

    A float of 15 digits or more has lost digits as an XLSX number cell has, and NaN, Infinity
    and 1e400 are no text at all: as text, a phone value 1e+20 was stored as the SMS sender
    name "1E+20", and an external_ref NaN as the reference "nan".
    """
    if key in _NUMBER_FIELDS or not isinstance(value, (float, Decimal)):
        return None
    number = float(value)  # a Decimal is one only past a float's range: inf here
    if math.isfinite(number) and abs(number) < EXCEL_DIGITS:
        return None
    return (
        "is a JSON number too large to keep all its digits, or no number at all; send the "
        'value as a JSON string, as written ("0123456789")'
    )


def duplicate(file: str, row: int, ref: str, earlier: int) -> RowError:
    """Return the error for an external_ref given twice in one batch."""
    # Shortened as every value an error shows: a reference of 10,000 characters, twice in a
    # file, made a rejection-file line of 20,000.
    shown = text_of(ref)
    return RowError(
        file,
        row,
        "external_ref",
        shown,
        f"{shown} is also on row {earlier} of this batch; give "
        "each report once (to change it later, resubmit it in a new batch)",
    )
