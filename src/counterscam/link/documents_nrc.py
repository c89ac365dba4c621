"""One reading of a Myanmar NRC, however its township and citizenship are written.

An NRC is a state number, the township's abbreviation, the citizenship and a serial:
``12/MaYaKa(N)123456``, in Burmese script ``၁၂/မရက(နိုင်)၁၂၃၄၅၆``. The township is what tells
two holders of one serial apart, so the Burmese letters are read as the Latin syllables NRCs
are written with (not dropped with the other Burmese letters), and the Latin spellings of one
letter that are in use meet: ``HpaKaNa`` and ``PhaKaNa`` (ဖကန), ``HsaDaNa`` and ``SaDaNa``
(ဆဒန), ``(Naing)`` and ``(N)``. Letters the Latin NRCs commonly write alike (ဆ and စ both
Sa, ဗ and ဘ both Ba, ရ and ယ both Ya, ဃ and ဂ both Ga) read alike in script too; letters they
write apart (Ka and Kha, Ta and Tha) stay apart. The initials-only form (``12/MYK(N)123456``)
is left as written: its ``K`` may be Ka or Kha, and townships of one state differ by that
alone (5/KhaTaNa and 5/KaThaNa).
"""

from __future__ import annotations

import re
import unicodedata

# Each Burmese letter as township abbreviations write it in Latin (ရ is Ya: 12/MaYaKa is
# မရက, Mayangone). ၀ is the digit zero, typed for the letter ဝ it looks like (ပ၀န PaWaNa);
# ဉ the letter nya, typed for the vowel ဥ it looks like (ဉကမ for ဥကမ, North Okkalapa).
_SYLLABLE = dict(
    zip(
        "ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝ၀သဟဠအဥဉ",
        "KA KHA GA GA NGA SA SA ZA ZA NYA TA HTA DA DA NA TA HTA DA DA NA PA PHA BA BA MA YA YA "
        "LA WA WA THA HA LA AH OU OU".split(),
        strict=True,
    )
)
# The citizenship in brackets: Naing (citizen), Eh (associate), Pyu (naturalised), Thathana
# (clergy), Yayi (temporary), Sa; also written by their first letter.
_CITIZENSHIP = {
    "နိုင်": "N", "နုိင်": "N", "န": "N", "ဧည့်": "E", "ဧ": "E", "ပြု": "P", "ပ": "P", "သာသနာ": "T",
    "သာ": "T", "ယာယီ": "Y", "ယ": "Y", "စ": "S",
    "NAING": "N", "EH": "E", "PYU": "P", "THATHANA": "T", "TH": "T", "YAYI": "Y",
}  # fmt: skip
# Latin spellings in use for one letter, read as the one the Burmese letters give.
_SPELLING = {"HPA": "PHA", "HSA": "SA", "BHA": "BA", "GHA": "GA", "DHA": "DA", "ZYA": "ZA",
             "RA": "YA", "AA": "AH", "OO": "OU"}  # fmt: skip
_LATIN_SYLLABLE = re.compile(
    r"KHA|KA|GHA|GA|NGA|NYA|HSA|SA|ZYA|ZA|HTA|THA|TA|DHA|DA|NA|PHA|HPA|PA|BHA|BA|MA|YA|RA|"
    r"LA|WA|HA|AH|AA(?!H)|OU|OO"
)
_DIGIT = "0-9\u1040-\u1049"
_BURMESE = re.compile(
    rf"([{_DIGIT}]{{1,2}})\s*/\s*([{''.join(_SYLLABLE)}]{{1,4}})\s*\(\s*([^()]{{1,12}}?)\s*\)"
    rf"\s*([{_DIGIT}]{{5,6}})"
)
_LATIN = re.compile(r"(\d{1,2})\s*/\s*([A-Z]{2,12})\s*\(\s*([A-Z]{1,8})\s*\)\s*(\d{5,6})")


def _latin(match: re.Match[str]) -> str:
    state, township, citizenship, serial = match.groups()
    return (
        f"{state}/{''.join(_SYLLABLE[c] for c in township)}"
        f"({_CITIZENSHIP.get(mark := unicodedata.normalize('NFC', citizenship), mark)}){serial}"
    )


def burmese_nrc(raw: str) -> str:
    """Return ``raw`` with an NRC in Burmese script written in Latin letters, digits kept."""
    return _BURMESE.sub(_latin, raw) if "/" in raw else raw


def _syllables(township: str) -> str:
    if _LATIN_SYLLABLE.sub("", township):
        return township  # not a string of syllables (initials only): left as written
    return "".join(_SPELLING.get(s, s) for s in _LATIN_SYLLABLE.findall(township))


def _one_spelling(match: re.Match[str]) -> str:
    state, township, citizenship, serial = match.groups()
    return f"{state}/{_syllables(township)}({_CITIZENSHIP.get(citizenship, citizenship)}){serial}"


def latin_nrc(typed: str) -> str:
    """Return ``typed`` (ASCII upper case) with an NRC's spellings read as one."""
    return _LATIN.sub(_one_spelling, typed) if "(" in typed else typed
