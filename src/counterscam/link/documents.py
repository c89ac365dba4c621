"""One reading of ID and passport numbers, so persons and report linking agree on a document.

Letters and digits only, upper case: case, spaces, dashes, dots, slashes and brackets are how
a number was typed, not part of it (``900615-14-5671`` and ``900615145671`` are one MyKad,
``1-2345-67890-12-1`` one Thai ID, ``3171.0123.4567.0001`` one NIK). Full-width characters
and digits of other scripts (Thai ๑๒๓, Lao, Khmer, Burmese) are read as ASCII, and a Myanmar
NRC in Burmese script as its Latin form (``documents_nrc``). The issuing country written
before a passport number is taken off (see ``read_document``), and so is a label typed before
the number (``Passport No.: B1234567``, ``NRIC: 850505-14-5678``, ``Số CCCD:``; labels in Thai,
Lao, Khmer or Burmese script fall away with the other non-Latin letters), after it
(``B1234567 (passport)``) or between the country and the number (``VNM Passport B1234567``).
A number has a digit: ``unknown``, ``none`` or ``tiada`` is a placeholder (``is_document``).
"""

from __future__ import annotations

import re
import unicodedata

from counterscam.link.documents_nrc import burmese_nrc, latin_nrc

# ISO 3166-1 alpha-3 codes of the countries in reference/data/countries.yaml: the issuing
# state as a passport's machine-readable zone writes it, which some lists put before the number.
ALPHA3 = {
    "BN": "BRN", "KH": "KHM", "ID": "IDN", "LA": "LAO", "MY": "MYS", "MM": "MMR", "PH": "PHL",
    "SG": "SGP", "TH": "THA", "VN": "VNM", "AU": "AUS", "CA": "CAN", "CN": "CHN", "GB": "GBR",
    "IN": "IND", "JP": "JPN", "KR": "KOR", "NZ": "NZL", "RU": "RUS", "US": "USA", "TL": "TLS",
    "PG": "PNG",
}  # fmt: skip
_ISSUER = {code: country for country, code in ALPHA3.items()}
# A passport number has at most 9 characters (ICAO 9303); longer with letters means a prefix.
PASSPORT_MAX = 9
# Shorter "numbers" are placeholders (n/a, nil, -) rather than documents.
MIN_DOCUMENT = 5
_NOT_ALNUM = re.compile(r"[^0-9A-Z]")
_NOT_ALNUM_RUN = re.compile(r"[^0-9A-Z]+")
_DIGIT = re.compile(r"[0-9]")
# Words of a label typed before the number, read case-folded and without accents: English,
# Malay, Indonesian, Filipino and Vietnamese. Each must be followed by something that is not a
# letter or digit, so a number that merely begins with these letters keeps them. Bare ID
# only before a colon: "ID-B1234567" may be Indonesia's code, which read_document weighs.
_LABEL_WORDS = (
    r"PASS\s*PORTS?|PASPORT|PASPOR|PASAPORTE|PP|PPT|TRAVEL|DOCUMENTS?|DOC|"
    r"NO|NOS|NUMBER|NUM|NR|NOMBOR|NOMOR|NUMERO|NG|BLG|BILANG|SO|IDENTITAS|"
    r"ID\s*(?:NO|NUMBER|NUM|CARD)|ID(?=\s*[:#.])|IDENTITY|IDENTIFICATION|NATIONAL|CITIZENS?|"
    r"CARD|SMART|THAI|E\s*-?\s*KTP|"
    r"I\s*/\s*C|IC|NRIC|FIN|MYKAD|MYKAS|MYPR|K\s*/\s*P|KP|KAD|PENGENALAN|"
    r"KTP|NIK|KITAS|PHILSYS|PHILID|PSN|PCN|UMID|NRC|NIC|NID|"
    r"CCCD|CMND|CMT|CAN\s*CUOC|CONG\s*DAN|CHUNG\s*MINH|NHAN\s*DAN|DINH\s*DANH|CA\s*NHAN|"
    r"HO\s*CHIEU"
)
# These never begin a number, so they are taken off even when the digits follow at once
# ("KTP3171012345670001").
_GLUED_WORDS = r"PASS\s*PORT|PASPORT|PASPOR|PASAPORTE|NRIC|MYKAD|KTP|NIK|CCCD|CMND"
_LABEL = re.compile(
    rf"(?:[^0-9A-Z]*(?:(?:{_LABEL_WORDS})(?:[^0-9A-Z]+|$)|(?:{_GLUED_WORDS})(?=[0-9])))+"
)
# After the number only words set apart by a space or a sign ("B1234567 (passport)").
_LABEL_AFTER = re.compile(rf"(?:[^0-9A-Z]+(?:{_LABEL_WORDS}))+[^0-9A-Z]*$")
# The issuing country, then a label ("VNM Passport B1234567", "MY IC 850505-14-5678"): the
# label tells that the letters are a country, two of them as well as three.
_COUNTRY_LABEL = re.compile(rf"[^0-9A-Z]*([A-Z]{{2,3}})(?=[^0-9A-Z]){_LABEL.pattern}")


def _typed(raw: str) -> str:
    """Return the number as typed in ASCII upper case, its separators kept.

    NFKD reads full-width forms as ASCII and parts accents from their letters; digits of other
    scripts become ASCII digits, and letters of other scripts (a Thai or Khmer label) a space.
    """
    if raw.isascii():
        return raw.upper()
    kept: list[str] = []
    for ch in unicodedata.normalize("NFKD", raw.replace("đ", "d").replace("Đ", "D")):
        if ch.isascii():
            kept.append(ch.upper())
        elif (digit := unicodedata.decimal(ch, -1)) >= 0:
            kept.append(str(digit))
        elif not unicodedata.combining(ch):
            kept.append(" ")
    return "".join(kept)


def _has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def _unlabelled(typed: str) -> str:
    """Return the number without a label typed before or after it; as typed when the label
    is all there is (the number must keep a digit)."""
    label = _LABEL.match(typed)
    if label is not None and _has_digit(typed[label.end() :]):
        typed = typed[label.end() :]
    last = next((word for word in reversed(_NOT_ALNUM_RUN.split(typed)) if word), "")
    # most numbers end with a digit or a letter glued to one: no label to look for
    after = None if _has_digit(last) else _LABEL_AFTER.search(typed)
    if after is not None and _has_digit(typed[: after.start()]):
        typed = typed[: after.start()]
    return typed


def _country_labelled(typed: str) -> tuple[str, str] | None:
    """Return (the number, the country) when a label stands between them."""
    found = _COUNTRY_LABEL.match(typed)
    if found is None or not _has_digit(rest := typed[found.end() :]):
        return None
    code = found.group(1)
    country = _ISSUER.get(code) or (code if code in ALPHA3 else None)
    return (rest, country) if country else None


def is_document(number: str) -> bool:
    """Tell a document number from a placeholder (``N/A``, ``nil``, ``unknown``, ``tiada``).

    Every ID and passport number of the region has a digit, and at least ``MIN_DOCUMENT``
    characters; a word in the field is what was written for "none".
    """
    return len(number) >= MIN_DOCUMENT and _has_digit(number)


def read_document(raw: str, countries: tuple[str | None, ...] = ()) -> tuple[str, str | None]:
    """Return (the number as compared, the issuing country written before it or None).

    "VNM B1234567", "VN-B1234567" and "B1234567" are one passport. A three-letter code is
    taken off whoever lists the passport (a Malaysian's, listed in Singapore without a
    nationality); a two-letter one only when it is one of ``countries`` (the record's
    nationality or country), as more numbers begin with two letters. Only when the whole is
    longer than a passport number can be, and the rest must still look like a document number.
    A label between code and number ("MY IC 850505-14-5678") tells a code of two letters too.
    The number may be a placeholder: the caller asks ``is_document``.
    """
    typed = _unlabelled(_typed(burmese_nrc(raw)))
    if (labelled := _country_labelled(typed)) is not None:
        return _NOT_ALNUM.sub("", latin_nrc(labelled[0])), labelled[1]
    clean = _NOT_ALNUM.sub("", latin_nrc(typed))
    if len(clean) <= PASSPORT_MAX or clean.isdigit():
        return clean, None
    prefixes = [clean[:3]] if clean[:3] in _ISSUER else []
    prefixes += [c for c in countries if c and clean.startswith(c)]
    for prefix in prefixes:
        rest = clean[len(prefix) :]
        # a national ID number may follow the code too ("MYS 900615-14-5671")
        number = rest.isdigit() or len(rest) <= PASSPORT_MAX and _has_digit(rest)
        if len(rest) >= 6 and number:
            return rest, _ISSUER.get(prefix, prefix)
    return clean, None


def document_number(raw: str, countries: tuple[str | None, ...] = ()) -> str:
    """Return the number as compared (see ``read_document``)."""
    return read_document(raw, countries)[0]
