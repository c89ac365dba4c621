"""Remove what a sentence or a mail puts around a pasted link: <...>, quotes, a full stop."""

from __future__ import annotations

_PAIRS = {"<": ">", "(": ")", "[": "]", "{": "}", '"': '"', "'": "'", "“": "”", "‘": "’"}
_TRAILING = ".,;:!?"


def unwrap(text: str) -> str:
    """Remove what a sentence or a mail put around a link: <...>, quotes, brackets, a full stop.

    Closing brackets stay when the link opened them (wiki/Foo_(bar)), as link detectors do.
    """
    while text:
        first, last = text[0], text[-1]
        if len(text) > 1 and _PAIRS.get(first) == last:
            text = text[1:-1].strip()
        elif last in _TRAILING or (
            last in ")]}>\"'”’" and text.count(last) > text.count(_opening(last))
        ):
            text = text[:-1].rstrip()
        else:
            return text
    return text


def _opening(closing: str) -> str:
    return next((o for o, c in _PAIRS.items() if c == closing), closing)
