"""Cyrillic and Greek letters drawn like Latin ones, in values whose alphabet is Latin only.

A wallet address or a Telegram username has Latin letters and digits only. One typed on a
Russian or Greek keyboard layout, read by OCR from a screenshot, or copied from a chat that
"fixed" it, carries a Cyrillic "е" or "о" that looks the same; read as written it was "no
wallet address in it". Folded, the address's checksum still says whether it is the one meant.
"""

from __future__ import annotations

# Only letters every common font draws as the Latin one: not Cyrillic "п" or Greek "α", which
# a reader would not take for n or a.
_FOLD = str.maketrans(
    {
        **dict(zip("АВЕКМНОРСТХУЅІЈԚԜҮ", "ABEKMHOPCTXYSIJQWY", strict=True)),
        **dict(zip("аеорсухѕіјԁԛԝһ", "aeopcyxsijdqwh", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο", "ABEZHIKMNOPTYXo", strict=True)),
    }
)


def fold_lookalikes(text: str) -> str:
    """Return ``text`` with Cyrillic and Greek letters that look Latin written as Latin."""
    return text if text.isascii() else text.translate(_FOLD)


def has_lookalike(text: str) -> bool:
    """Tell whether ``text`` has a letter :func:`fold_lookalikes` would change."""
    return not text.isascii() and text.translate(_FOLD) != text
