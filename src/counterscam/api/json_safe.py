"""Error details made fit for JSON: what a request sent is echoed back in its error."""

from __future__ import annotations

import math

from counterscam.intake.chars import lone_surrogate


def json_safe(value: object) -> object:
    """Return ``value`` with what JSON cannot carry (1e999 read as inf, "\\ud800") as text."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str) and lone_surrogate(value) is not None:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {json_safe(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    return value
