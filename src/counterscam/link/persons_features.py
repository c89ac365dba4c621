"""Turn person records into the comparison columns the Splink model reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from counterscam.identifiers import InvalidIdentifier, canonicalize
from counterscam.intake.dates import buddhist_era_year
from counterscam.link.documents import document_number, is_document
from counterscam.link.persons_abroad import abroad_keys
from counterscam.link.persons_marks import marked_vowels
from counterscam.link.persons_names import (
    LOCAL_SPELLING,
    compact,
    given_name_classes,
    join_particles,
    phonetic,
    split_name,
    surname_classes,
    syllables,
    without_middle_initials,
)
from counterscam.link.persons_scripts import (
    class_keys,
    hanzi_reading_name,
    script_keys,
    script_name,
)


@dataclass(frozen=True)
class PersonRecord:
    """One mention of a person, as a report or a partner's list records it."""

    record_id: str
    full_name: str
    given_name: str = ""
    family_name: str = ""
    birth_date: date | str | None = None
    nationality: str = ""
    id_number: str = ""
    phone: str = ""
    country: str = ""


# Columns of the feature table, in order; list columns hold arrays of strings.
FEATURE_COLUMNS = (
    "unique_id",
    "name_sorted",
    "name_keys",
    "name_tokens",
    "first_tok",
    "last_tok",
    "father",
    "generation",
    "dob",
    "dob_swapped",
    "dob_year",
    "nationality",
    "id_clean",
    "id_kind",
    "phone_canon",
    "script_name",
    "name_elements",
    "marked_vowels",
    "culture",
    "child",
)
LIST_COLUMNS = frozenset({"name_keys", "name_tokens"})
MAX_KEYS = 8
# Readings of a Chinese name with its given-name syllables in any dialect's spelling.
DIALECT_KEYS = 6
_MYKAD = re.compile(r"^(\d{2})(\d{2})(\d{2})\d{6}$")
_NIK = re.compile(r"^\d{6}(\d{2})(\d{2})(\d{2})\d{4}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _common_era(year: int, text: str) -> int:
    """Return a birth year in the common era; raise ValueError for one after this year.

    Thai (and Lao, Khmer) records count years in the Buddhist era, 543 ahead: no one was born
    in 2518, so it is read as 1975. Intake refuses such a date with this hint; a partner's
    list is resolved as it is written.
    """
    if year <= date.today().year:
        return year
    era = buddhist_era_year(year)
    if era is not None and era <= date.today().year:
        return era
    raise ValueError(f"{text!r} is in the future: check the year of birth")


def parse_birth_date(value: date | str | None) -> tuple[str | None, int | None]:
    """Return (ISO date or None, year or None); raise ValueError if the text is no date."""
    if value is None or value == "":
        return None, None
    text = value.isoformat() if isinstance(value, date) else value.strip()
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date: write YYYY-MM-DD (or YYYY alone)")
    year = _common_era(int(match.group(1)), text)
    if match.group(3) is None:
        return None, year  # year (and month) only: compared on the year
    month, day = int(match.group(2)), int(match.group(3))
    # A day/month swap is a plausible error in the source, so "1990-25-03" is kept as written
    # day-first and compared; only impossible dates either way are rejected.
    for m, d in ((month, day), (day, month)):
        try:
            found = date(year, m, d)
        except ValueError:
            continue
        if found > date.today():
            raise ValueError(f"{text!r} is in the future: check the birth date")
        return found.isoformat(), year
    raise ValueError(f"{text!r} is not a date: month {month} or day {day} is out of range")


def _swapped(iso: str | None) -> str | None:
    if iso is None:
        return None
    y, m, d = iso.split("-")
    if int(d) > 12 or m == d:
        return None
    return f"{y}-{d}-{m}"


def _id_fields(
    raw: str, nationality: str | None, country: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """Return (clean number, kind 'nid' or 'pp', birth date encoded in a national ID)."""
    clean = document_number(raw, (nationality, country))
    if not is_document(clean):
        return None, None, None
    if not clean.isdigit():
        return clean, "pp", None
    dob: str | None = None
    mykad, nik = _MYKAD.match(clean), _NIK.match(clean)
    if mykad and nationality in (None, "MY"):
        yy, mm, dd = (int(g) for g in mykad.groups())
        dob = _century_date(yy, mm, dd)
    elif nik and nationality in (None, "ID"):
        dd, mm, yy = (int(g) for g in nik.groups())
        dob = _century_date(yy, mm, dd - 40 if dd > 40 else dd)
    return clean, "nid", dob


def _century_date(yy: int, mm: int, dd: int) -> str | None:
    year = 2000 + yy if yy <= date.today().year % 100 else 1900 + yy
    try:
        return date(year, mm, dd).isoformat()
    except ValueError:
        return None


def _phone(raw: str, country: str | None) -> str | None:
    if not raw.strip():
        return None
    try:
        return canonicalize("phone", raw, country=country or None).value
    except InvalidIdentifier:
        digits = re.sub(r"\D", "", raw)
        return digits or None


def _surname_positions(own: list[str], family: list[str]) -> list[int]:
    """Return which token indexes may be the Chinese surname (family column first)."""
    if family and family[0] in own and surname_classes(family[0]):
        return [own.index(family[0])]
    candidates = [i for i in (0, len(own) - 1) if surname_classes(own[i])]
    # "Jason Tan Wei Ming": a Western first name before the Chinese name. Not a surname first:
    # "Tan Soo Hock" is no Western Tan before a surname Soo (苏), or Lim Soo Hock shared its key.
    if (
        len(own) >= 3
        and syllables(own[0]) is None
        and not surname_classes(own[0])
        and surname_classes(own[1])
    ):
        candidates.append(1)
    return sorted(set(candidates))


def _chinese_given(rest: list[str]) -> list[str]:
    """Return the given-name tokens of a Chinese name without a Western name beside them.

    "Jason Tan Wei Ming", "TAN WEI MING JASON": one token that is no Chinese syllable at
    either end is left out, so the dialect keys read Wei Ming.
    """
    if len(rest) >= 2 and syllables(rest[0]) is None:
        return rest[1:]
    if len(rest) >= 2 and syllables(rest[-1]) is None:
        return rest[:-1]
    return rest


def _chinese_given_tokens(
    own: list[str], father: list[str], family: list[str], culture: str
) -> list[str]:
    """Return the given-name syllable tokens of a Chinese name, or [] if it is not one."""
    # Vietnamese names are Sino-Vietnamese, but romanised in their own way.
    if father or culture == "VN" or len(own) < 2:
        return []
    for pos in _surname_positions(own, family):
        given = _chinese_given(own[:pos] + own[pos + 1 :])
        if given_name_classes(given, 1):
            return given
    return []


def _name_keys(own: list[str], father: list[str], family: list[str], culture: str) -> list[str]:
    """Return name keys: two records whose key sets intersect name the same person."""
    ph = [phonetic(t, culture) for t in own]
    fa = [phonetic(t, culture) for t in father]
    keys = {"s:" + " ".join(sorted(ph + fa)), "c:" + compact(own + father, culture)}
    keys.update(script_keys(own + father, culture))
    vietnamese = _vietnamese_order(own) if culture in SHORT_NAME_CULTURES else None
    if vietnamese:  # "An Nguyen Van", "Van An Nguyen" beside "NguyenVanAn"
        keys.add("c:" + compact(vietnamese + father, culture))
    if _single_name_twice(own, father, ph, culture):
        keys.update({"s:" + ph[0], "c:" + ph[0]})
    dialect: set[str] = set()
    for pos in _surname_positions(own, family) if len(own) >= 2 else []:
        rest = own[:pos] + own[pos + 1 :]
        joined = compact(rest + father, culture)
        for cls in surname_classes(own[pos]):
            keys.add(f"c:#{cls}|{joined}")
        for cls in surname_classes(own[pos]):
            keys.add("s:" + " ".join(sorted([f"#{cls}", *ph[:pos], *ph[pos + 1 :], *fa])))
        # Vietnamese names are Sino-Vietnamese, but romanised in their own way.
        chinese = not father and culture != "VN"
        given = given_name_classes(_chinese_given(rest), DIALECT_KEYS) if chinese else []
        for cls in surname_classes(own[pos]):
            dialect.update(f"g:#{cls}|{form}" for form in given)
    plain = _plain_keys(own, father, culture) - keys
    # The spelling keys first: the dialect readings only add to them, within the cap.
    spelled = sorted(plain) + sorted(keys)[: MAX_KEYS - len(plain)]
    return spelled + class_keys(own + father, culture) + sorted(dialect)[:DIALECT_KEYS]


_VOWELS = re.compile(r"[aeiou]+")


def _single_name_twice(own: list[str], father: list[str], ph: list[str], culture: str) -> bool:
    """Tell whether the name is one name written twice, as a passport writes an Indonesian's
    single name in both of its fields (`SUHARTO SUHARTO`).

    Not a Burmese name, where a syllable repeated is the name (`Kyaw Kyaw` is not `Kyaw`),
    nor a one-syllable word (Burmese listed abroad without a nationality, Chinese `Li Li`).
    """
    return (
        len(own) == 2
        and not father
        and own[0] == own[1]
        and own[0].isascii()
        and culture != "MM"
        and len(_VOWELS.findall(ph[0])) >= 2
    )


def _plain_keys(own: list[str], father: list[str], culture: str) -> set[str]:
    """Return the keys the name has without its country's spelling rules.

    The local rules change a key rather than add one (Indonesian j is y, Korean g is k, Khmer
    ie is e), and the same name recorded abroad without a nationality is read without them:
    `Joko Widodo` of Indonesia and `Joko Widodo` listed in Malaysia, born the same day, shared
    no key and were never compared. Old and new Indonesian spellings meet through them too:
    `Djoko` read the old way and `Joko` read the new way are both `coko`.
    """
    if culture not in LOCAL_SPELLING:
        return set()
    tokens = own + father
    return {"s:" + " ".join(sorted(phonetic(t) for t in tokens)), "c:" + compact(tokens)}


# In a Vietnamese given name one letter more or less makes another name (An and Anh, Lan and
# Lam, Hung and Huong), and so does one syllable of a Chinese given name (Guoliang and
# Guoqiang, brothers sharing the generation syllable): not a typo. In ``name_sorted`` every
# letter of such a given name is written twice, so a change there costs two edits and the
# model's one-typo level does not pair twins named so. Only the given name: twins share the
# family and middle names, and a typo there (Pham Dcu Anh) stays one edit. Equality, which
# blocking and the exact level test, is unchanged; a record of the same person without a
# nationality or country still meets these on the name keys, and dialect spellings of one
# Chinese name (Wei Ming, Wai Ming) on the dialect keys.
SHORT_NAME_CULTURES = frozenset({"VN"})
# Japanese, Korean and Khmer names are short words where one vowel or final letter makes
# another name (Yuki and Yuka, Min-ji and Min-ju, Vanna and Vannak: twins were merged so),
# and either order is written (Tanaka Hiroshi, Hiroshi Tanaka): every token is distinctive.
# Their customary spellings (Satou, Satoh; Choi, Choe; Sokhar, Sokha) meet on the keys.
# Burmese names too: siblings share all but one syllable (Khin Myat Noe, Khin Myat Thu; Zaw
# Min Htut, Zaw Min Htet), and Htun/Tun, Moe/Mo, Kyaw/Kyau meet on the keys. And Thai: of
# the Latin spellings in tests/link/thai_names.py, 41 pairs of different names are one typo
# apart (Siriporn, Siriphan; Somchai, Sommai; Sompon, Sompong) against 14 spellings of one
# name that meet on no key (Lumduan, Lamduan), which now need a document or a phone. Lao
# names are built as Thai ones are: Souksavanh and Souksavath, Sisavath and Sisavanh are two
# names one letter apart (ສຸກສະຫວັນ, ສຸກສະຫວາດ), and the Lao spellings of one name meet on
# the keys (Souksavanh, Souksavan; Phommachanh, Phommachan).
WHOLE_NAME_CULTURES = frozenset({"JP", "KR", "KH", "LA", "MM", "TH"})
VN_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh"
    # also common, and never a given name (unlike Mai, Ha, Lam, Giang, Chau: left out)
    " truong trinh luong doan vuong quach luu cao ta ton thach khuc".split()
)


def _vietnamese_order(own: list[str]) -> list[str] | None:
    """Return a Vietnamese name family name first, or None if no family name is known.

    "Nguyen Van An", "An Nguyen Van" (given name first) and "Van An Nguyen" (family name
    last) all give Nguyen Van An.
    """
    at = next((i for i, t in enumerate(own) if t in VN_SURNAMES), None)
    if at is None or len(own) < 2:
        return None
    if at == len(own) - 1:
        return [own[at], *own[:at]]
    return own[at:] + own[:at]


def _doubled(token: str) -> str:
    return "".join(ch + ch for ch in token)


def _sorted_name(tokens: list[str], distinctive: set[str]) -> str | None:
    return " ".join(_doubled(t) if t in distinctive else t for t in tokens) or None


def _distinctive(own: list[str], chinese: list[str], culture: str) -> set[str]:
    """Return the phonetic keys of given-name tokens where one letter makes another name.

    ``chinese`` is the given name of a Chinese name (``_chinese_given_tokens``), else [].
    """
    if culture in WHOLE_NAME_CULTURES and not chinese:
        # A Chinese name recorded in Cambodia keeps the Chinese rule: its surname may be typed.
        return {phonetic(t, culture) for t in own}
    vietnamese = _vietnamese_order(own) if culture in SHORT_NAME_CULTURES else None
    given = [vietnamese[-1]] if vietnamese else chinese
    if culture in SHORT_NAME_CULTURES and not vietnamese and len(own) >= 3:
        # No family name known, as when it is mistyped (Ngyuen Xuan Phuc): a full name is read
        # in its own order, family name first. Before, only the record spelt right had its
        # given name written twice, and the family name's one typo cost a dozen edits. Two
        # tokens (Lan Mai, Mai Lan) say no order.
        given = [own[-1]]
    return {phonetic(t, culture) for t in given}


def _subset_tokens(tokens: list[str], chinese: list[str], culture: str) -> list[str]:
    """Return the tokens the subset level compares: a Chinese name's also say how many
    syllables its given name has, a Burmese name's how many syllables it has.

    Li Wei and Li Wei Ming, born the same day, are two people (伟 and 伟明 are two given
    names, not one name short of a syllable), as Chen Wei and Chen Weiming were already. A
    name that adds a Western name (Jason Tan Wei Ming), a father's name (Ahmad bin Ismail,
    not read as Chinese) or a Vietnamese middle name (Nguyen Van Hung) to the shorter one's
    tokens still reaches the level, and so does a name without its surname (Wei Ming).
    A Burmese name has no family or middle name to leave out: every syllable is the name, and
    siblings share all but one (Kyaw Moe and Aung Kyaw Moe, Khin Mar and Khin Mar Aye, born
    the same day, were one person on this level). Titles are dropped before (U, Daw, Ko).
    """
    if culture == "MM" and not chinese:
        return sorted([*tokens, f"#mm{len(tokens)}"])
    if not chinese:
        return tokens
    count = sum(len(syllables(t) or (t,)) for t in chinese)
    return sorted([*tokens, f"#{count}"])


def features(record: PersonRecord) -> dict[str, Any]:
    """Return the comparison columns of one record (raises ValueError on a bad birth date)."""
    nationality = (record.nationality or "").strip().upper()[:2] or None
    country = (record.country or "").strip().upper()[:2] or None
    dob, year = parse_birth_date(record.birth_date)
    id_clean, id_kind, id_dob = _id_fields(record.id_number or "", nationality, country)
    if dob is None and id_dob is not None:
        dob, year = id_dob, int(id_dob[:4])
    culture = nationality or country or ""
    written = record.full_name or f"{record.given_name} {record.family_name}"
    parts = split_name(written, culture)
    written_own = join_particles(parts.tokens, culture)  # the clustering reads initials too
    own = without_middle_initials(written_own)
    family = list(split_name(record.family_name, culture).tokens) if record.family_name else []
    tokens = sorted(phonetic(t, culture) for t in own + list(parts.father))
    chinese = _chinese_given_tokens(own, list(parts.father), family, culture)
    keys = _name_keys(own, list(parts.father), family, culture) if tokens else []
    if nationality is None and tokens:
        read = [*parts.tokens, *parts.father]
        keys += [k for k in abroad_keys(written, read, culture) if k not in keys]
    return {
        "unique_id": record.record_id,
        "name_sorted": _sorted_name(tokens, _distinctive(own, chinese, culture)),
        "name_keys": keys,
        "name_tokens": _subset_tokens(tokens, chinese, culture),
        "first_tok": tokens[0] if tokens else None,
        "last_tok": tokens[-1] if tokens else None,
        # "Abd Rahman" and "Rahman" name the same father
        "father": " ".join(phonetic(t, culture) for t in parts.father if t != "abdul") or None,
        "generation": parts.generation or None,
        "dob": dob,
        "dob_swapped": _swapped(dob),
        "dob_year": year,
        "nationality": nationality,
        "id_clean": id_clean,
        "id_kind": id_kind,
        "phone_canon": _phone(record.phone or "", country),
        "script_name": script_name(own + list(parts.father))
        or hanzi_reading_name(parts.hanzi, own),
        "name_elements": " ".join(written_own + list(parts.father)) or None,
        "marked_vowels": marked_vowels(record.full_name or ""),
        # whose naming customs the clustering applies (persons_cluster)
        "culture": culture or None,
        "child": parts.child or None,
    }
