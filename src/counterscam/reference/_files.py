"""Read reference data files and pull typed fields out of them with clear errors."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ReferenceDataError(ValueError):
    """A reference data file is missing, malformed or inconsistent."""


_ABBREVIATION_MARKS = frozenset("ฯຯ")


def normalize_name(text: str) -> str:
    """Return ``text`` reduced for alias matching: case-folded letters and digits only.

    Accents and tone marks are dropped (Vietnamese is often typed without them: "Ngoai
    thuong" is "Ngoại thương"), and so are the combining vowel signs of Thai, Lao, Khmer and
    Burmese, on aliases and on what people write alike. So is the abbreviation mark of Thai
    and Lao (``ฯ``, ``ຯ``): "ธ.กรุงเทพฯ" is Bangkok Bank, and Unicode counts the mark a letter.
    """
    folded = unicodedata.normalize("NFKD", text).casefold().replace("đ", "d")
    return "".join(ch for ch in folded if ch.isalnum() and ch not in _ABBREVIATION_MARKS)


def read_file(name: str, data_dir: Path | None = None) -> dict[str, Any]:
    """Load one YAML data file and check its ``version`` field."""
    path = (data_dir or DATA_DIR) / name
    try:
        # libyaml's loader reads the files ~6x faster: every CLI process loads them.
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as exc:
        raise ReferenceDataError(f"{name}: cannot read the file ({exc})") from exc
    except yaml.YAMLError as exc:
        raise ReferenceDataError(f"{name}: not valid YAML ({exc})") from exc
    if not isinstance(doc, dict):
        found = "is empty" if doc is None else "holds no keys and values"
        raise ReferenceDataError(
            f"{name}: the file {found}; it must start with `version: 1`, then its keys"
        )
    if "version" not in doc:
        # "`version` must be a whole number" sent people looking for a version they had written.
        raise ReferenceDataError(
            f"{name}: the file has no `version:` line; add `version: 1` at the top"
        )
    version = doc["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        shown = repr(version) if len(repr(version)) <= 40 else f"{repr(version)[:40]}…"
        raise ReferenceDataError(
            f"{name}: `version` must be a whole number of 1 or more, not {shown} "
            "(write `version: 1`)"
        )
    return doc


class Fields:
    """Typed access to one mapping of a data file, naming the place in errors."""

    def __init__(self, item: Any, where: str) -> None:
        if not isinstance(item, dict):
            raise ReferenceDataError(f"{where}: expected a mapping, found {item!r}")
        self.item: dict[str, Any] = item
        self.where = where

    def fail(self, message: str) -> ReferenceDataError:
        """Return an error located at this mapping."""
        return ReferenceDataError(f"{self.where}: {message}")

    def text(self, key: str, default: str | None = None) -> str:
        """Return a required (or defaulted) non-empty string field."""
        value = self.item.get(key, default)
        if isinstance(value, int | float) and not isinstance(value, bool):
            # YAML reads 18_24 as the number 1824: refuse rather than guess.
            raise self.fail(f"`{key}` is read as a number ({value!r}); put it in quotes")
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"`{key}` must be a non-empty text")
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        """Return a string field or None when absent."""
        return None if self.item.get(key) is None else self.text(key)

    def flag(self, key: str, default: bool | None = None) -> bool:
        """Return a boolean field."""
        value = self.item.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"`{key}` must be true or false")
        return value

    def integer(self, key: str, *, optional: bool = False) -> int | None:
        """Return an integer field (None allowed when ``optional``)."""
        value = self.item.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"`{key}` must be a whole number")
        return value

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        """Return a list-of-strings field as a tuple."""
        value = self.item.get(key)
        if value is None and not required:
            return ()
        if not isinstance(value, list) or (required and not value):
            raise self.fail(f"`{key}` must be a non-empty list")
        out = []
        for entry in value:
            if not isinstance(entry, str) or not entry.strip():
                raise self.fail(f"`{key}` has an empty or non-text entry {entry!r}")
            out.append(entry.strip())
        return tuple(out)

    def integers(self, key: str) -> tuple[int, ...]:
        """Return an optional list-of-integers field as a tuple."""
        value = self.item.get(key) or []
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise self.fail(f"`{key}` must be a list of whole numbers")
        return tuple(value)


def entries(doc: dict[str, Any], key: str, name: str) -> list[Fields]:
    """Return the list under ``key`` as located Fields."""
    value = doc.get(key)
    if not isinstance(value, list) or not value:
        raise ReferenceDataError(f"{name}: `{key}` must be a non-empty list")
    return [Fields(item, f"{name}: {key}[{i}]") for i, item in enumerate(value)]


def check_unique(codes: list[str], what: str, name: str) -> None:
    """Raise when a code appears twice."""
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise ReferenceDataError(f"{name}: duplicate {what} {code!r}")
        seen.add(code)
