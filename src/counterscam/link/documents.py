"""One reading of ID and passport numbers, so persons and report linking agree on a document.

Letters and digits only, upper case: case, spaces, dashes, dots, slashes and brackets are how
a number was typed, not part of it (``900615-14-5671`` and ``900615145671`` are one MyKad,
``1-2345-67890-12-1`` one Thai ID, ``3171.0123.4567.0001`` one NIK). Full-width characters
and digits of other scripts (Thai ๑๒๓, Lao, Khmer, Burmese) are read as ASCII. The issuing
country written before a passport number is taken off (see ``read_document``), and so is a
label typed before the number (``Passport No.: B1234567``, ``NRIC: 850505-14-5678``, ``Số CCCD:``;
labels in Thai, Lao, Khmer or Burmese script fall away with the other non-Latin letters).
"""

from __future__ import annotations

import re
import unicodedata

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


def _unlabelled(typed: str) -> str:
    """Return the number without a label typed before it; the whole when nothing follows."""
    label = _LABEL.match(typed)
    if label is None or not _NOT_ALNUM.sub("", typed[label.end() :]):
        return typed
    return typed[label.end() :]


def read_document(raw: str, countries: tuple[str | None, ...] = ()) -> tuple[str, str | None]:
    """Return (the number as compared, the issuing country written before it or None).

    "VNM B1234567", "VN-B1234567" and "B1234567" are one passport. A three-letter code is
    taken off whoever lists the passport (a Malaysian's, listed in Singapore without a
    nationality); a two-letter one only when it is one of ``countries`` (the record's
    nationality or country), as more numbers begin with two letters. Only when the whole is
    longer than a passport number can be, and the rest must still look like a document number.
    The number may be shorter than ``MIN_DOCUMENT``: the caller decides what a placeholder is.
    """
    clean = _NOT_ALNUM.sub("", _unlabelled(_typed(raw)))
    if len(clean) <= PASSPORT_MAX or clean.isdigit():
        return clean, None
    prefixes = [clean[:3]] if clean[:3] in _ISSUER else []
    prefixes += [c for c in countries if c and clean.startswith(c)]
    for prefix in prefixes:
        rest = clean[len(prefix) :]
        # a national ID number may follow the code too ("MYS 900615-14-5671")
        number = rest.isdigit() or len(rest) <= PASSPORT_MAX and any(c.isdigit() for c in rest)
        if len(rest) >= 6 and number:
            return rest, _ISSUER.get(prefix, prefix)
    return clean, None


def document_number(raw: str, countries: tuple[str | None, ...] = ()) -> str:
    """Return the number as compared (see ``read_document``)."""
    return read_document(raw, countries)[0]
