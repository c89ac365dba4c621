"""How one person's name and details are written, differently in each report that names them."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from counterscam.synth import phones
from counterscam.synth.names import MM_HONORIFIC
from counterscam.synth.people import Person, Token

FAMILY_FIRST = {"vn", "kh", "chinese", "cn"}


@dataclass(frozen=True)
class Written:
    """A party as one report records it (the columns of parties.csv after the role)."""

    full_name: str
    given_name: str
    family_name: str
    birth_date: str
    gender: str
    nationality: str
    id_number: str
    id_kind: str
    phone: str


def _pick(rng: random.Random, token: Token, p_variant: float, index: int | None = None) -> str:
    if index is not None and index < len(token):
        return token[index]
    if len(token) > 1 and rng.random() < p_variant:
        return token[rng.randrange(1, len(token))]
    return token[0]


def _typo(rng: random.Random, text: str) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 4:
        return text
    i = letters[rng.randrange(1, len(letters) - 1)]
    kind = rng.randrange(3)
    if kind == 0 and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def _names(rng: random.Random, p: Person, on: date) -> tuple[str, str, str]:
    """Return (full name, given name, family name) as written this time."""
    variant = 0.25
    diacritics = 1 if p.style == "vn" and rng.random() < 0.4 else None
    given = " ".join(_pick(rng, t, variant, diacritics) for t in p.given)
    family = (
        _pick(rng, p.family, 0.3 if p.style == "chinese" else variant, diacritics)
        if p.family
        else ""
    )
    if p.style == "malay":
        father = " ".join(_pick(rng, t, variant) for t in p.father)
        link = "bin" if p.gender == "male" else "binti"
        r = rng.random()
        link = (
            link
            if r < 0.6
            else ("b." if p.gender == "male" else "bt.")
            if r < 0.8
            else link.upper()
            if r < 0.85
            else "binte"
            if p.gender == "female"
            else "B."
        )
        r = rng.random()
        if r < 0.75:
            full = f"{given} {link} {father}"
        elif r < 0.88:
            full = f"{given} {father}"
        else:
            full = given
        return full, given, father if rng.random() < 0.5 else ""
    if p.style == "mm":
        full = given
        if rng.random() < 0.4:
            old = (on.year - p.dob.year) > 35
            titles = MM_HONORIFIC[p.gender]
            title = titles[0] if old else titles[-1] if p.gender == "female" else titles[1]
            full = f"{title} {given}"
        if rng.random() < 0.05:
            full = full.replace(" ", "")
        return full, given, ""
    if not family:
        return given, given, ""
    suffix = f" {p.suffix}" if p.suffix and rng.random() < 0.7 else ""
    r = rng.random()
    if p.style in FAMILY_FIRST:
        if r < 0.15:
            full = f"{given} {family}"
        elif r < 0.25 and p.style in ("cn", "chinese"):
            full = f"{family.upper()} {given}"
        else:
            full = f"{family} {given}"
    elif p.style == "ph" and r < 0.12:
        full = f"{family.upper()}, {given}{suffix}"
    elif r < 0.1:
        full = f"{family} {given}"
    elif p.style in ("in", "id") and r < 0.18:
        full = given
    else:
        full = f"{given} {family}{suffix}"
    return full, given, family


def _birth_date(rng: random.Random, dob: date) -> str:
    r = rng.random()
    if r < 0.3:
        return ""
    if r < 0.34 and dob.day <= 12 and dob.day != dob.month:
        return f"{dob.year:04d}-{dob.day:02d}-{dob.month:02d}"  # day and month swapped
    return dob.isoformat()


def _document(rng: random.Random, p: Person, on: date) -> tuple[str, str]:
    r = rng.random()
    if r < 0.5:
        current = [num for num, issued in p.passports if issued <= on] or [p.passports[0][0]]
        return current[-1], "passport"
    if r < 0.65 and p.national_id:
        return p.national_id, "national_id"
    return "", ""


def write_person(rng: random.Random, p: Person, *, on: date, agency_country: str) -> Written:
    """Return how a report dated ``on`` by an agency of ``agency_country`` records ``p``."""
    full, given, family = _names(rng, p, on)
    if rng.random() < 0.04:
        full = _typo(rng, full)
    split = rng.random() < 0.5
    id_number, id_kind = _document(rng, p, on)
    phone = ""
    if p.phone is not None and rng.random() < 0.3:
        style = rng.random()
        if p.phone.region != agency_country:
            style = 0.5 + style * 0.44  # an international form when the number is foreign
        phone = phones.write(p.phone, style)[0]
    return Written(
        full_name=full,
        given_name=given if split else "",
        family_name=family if split else "",
        birth_date=_birth_date(rng, p.dob),
        gender=p.gender if rng.random() < 0.6 else "",
        nationality=p.nationality if rng.random() < 0.8 else "",
        id_number=id_number,
        id_kind=id_kind,
        phone=phone,
    )
