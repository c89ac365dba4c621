"""True persons of the region: their names, birth dates, documents and look-alike relatives."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from counterscam.identifiers.ewallet import thai_id_check_digit
from counterscam.synth import names as n
from counterscam.synth.phones import MOBILE, Phone, mobile

Token = tuple[str, ...]

STYLE_OF = {
    "VN": "vn",
    "TH": "th",
    "MM": "mm",
    "KH": "kh",
    "LA": "la",
    "BN": "malay",
    "ID": "id",
    "PH": "ph",
    "CN": "cn",
    "IN": "in",
    "KE": "ke",
    "LK": "lk",
}
# (family, male given tokens, female given tokens) per style; Malay and Burmese build theirs.
STOCK: dict[str, tuple[tuple[Token, ...], tuple[Token, ...], tuple[Token, ...]]] = {
    "vn": (n.VN_FAMILY, n.VN_GIVEN_M, n.VN_GIVEN_F),
    "th": (n.TH_FAMILY, n.TH_GIVEN_M, n.TH_GIVEN_F),
    "kh": (n.KH_FAMILY, n.KH_GIVEN_M, n.KH_GIVEN_F),
    "la": (n.LA_FAMILY, n.LA_GIVEN_M, n.LA_GIVEN_F),
    "chinese": (n.CHINESE_FAMILY, n.CHINESE_GIVEN_M, n.CHINESE_GIVEN_F),
    "cn": (n.CN_FAMILY, n.CN_GIVEN_M, n.CN_GIVEN_F),
    "id": (n.ID_SECOND, n.ID_GIVEN_M, n.ID_GIVEN_F),
    "ph": (n.PH_FAMILY, n.PH_GIVEN_M, n.PH_GIVEN_F),
    "in": (n.IN_FAMILY, n.IN_GIVEN_M, n.IN_GIVEN_F),
    "ke": (n.KE_FAMILY, n.KE_GIVEN_M, n.KE_GIVEN_F),
    "lk": (n.LK_FAMILY, n.LK_GIVEN_M, n.LK_GIVEN_F),
}
# Passport number shapes: "#" a digit, "?" a letter, anything else literal.
PASSPORT = {
    "MY": "A########",
    "SG": "K#######?",
    "TH": "A?#######",
    "PH": "P#######?",
    "ID": "C#######",
    "VN": "C#######",
    "KH": "N########",
    "LA": "P#######",
    "MM": "M?######",
    "BN": "B#######",
    "CN": "E########",
    "IN": "?#######",
    "KE": "AK#######",
    "LK": "N#######",
}
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


@dataclass
class Person:
    """One real (synthetic) human being, however many reports name them."""

    pid: int
    nationality: str
    gender: str
    style: str
    family: Token
    given: tuple[Token, ...]
    dob: date
    father: tuple[Token, ...] = ()
    suffix: str = ""
    passports: list[tuple[str, date]] = field(default_factory=list)
    national_id: str = ""
    phone: Phone | None = None
    relation: str = ""  # how this person was made to look like another: twin, sibling...
    related_to: int | None = None


def _zipf(rng: random.Random, items: tuple[Token, ...]) -> Token:
    # Heavier head than uniform, so the commonest names recur (namesakes).
    return (
        items[min(int(rng.paretovariate(1.1)) - 1, len(items) - 1)]
        if rng.random() < 0.6
        else rng.choice(items)
    )


def _shape(rng: random.Random, shape: str) -> str:
    return "".join(
        rng.choice("0123456789") if ch == "#" else rng.choice(LETTERS) if ch == "?" else ch
        for ch in shape
    )


def _national_id(rng: random.Random, nat: str, dob: date, gender: str) -> str:
    if nat == "MY":  # MyKad: birth date, state of birth, serial with odd last digit for men
        last = rng.choice("13579" if gender == "male" else "02468")
        return f"{dob:%y%m%d}-{rng.randint(1, 14):02d}-{rng.randint(0, 999):03d}{last}"
    if nat == "TH":
        digits = [rng.randint(1, 8)] + [rng.randint(0, 9) for _ in range(11)]
        return "".join(map(str, digits)) + str(thai_id_check_digit(digits))
    if nat == "ID":  # NIK: region, birth day (+40 for women), month, year, serial
        day = dob.day + (40 if gender == "female" else 0)
        return (
            f"{rng.randint(11, 94):02d}{rng.randint(1, 79):02d}{rng.randint(1, 40):02d}"
            f"{day:02d}{dob:%m%y}{rng.randint(1, 2999):04d}"
        )
    return ""


class Population:
    """Every person drawn so far, so new ones can be made relatives or namesakes of old ones."""

    def __init__(self, rng: random.Random, *, start: date, end: date) -> None:
        self.rng = rng
        self.start, self.end = start, end
        self.people: list[Person] = []
        self._by_nat: dict[str, list[int]] = {}

    def _given(self, style: str, gender: str) -> tuple[Token, ...]:
        rng = self.rng
        male = gender == "male"
        if style == "malay":
            lead = _zipf(rng, n.MALAY_LEAD_M if male else n.MALAY_LEAD_F)
            given = _zipf(rng, n.MALAY_GIVEN_M if male else n.MALAY_GIVEN_F)
            if given[0] == lead[0]:  # not "Ahmad Ahmad"
                given = n.MALAY_GIVEN_M[2] if male else n.MALAY_GIVEN_F[2]
            return (lead, given)
        if style == "mm":
            stock = n.MM_SYLLABLE_M if male else n.MM_SYLLABLE_F
            return tuple(_zipf(rng, stock) for _ in range(rng.choice((2, 2, 3, 3, 3))))
        _, given_m, given_f = STOCK[style]
        first = _zipf(rng, given_m if male else given_f)
        if style == "vn":
            middle = _zipf(rng, n.VN_MIDDLE_M if male else n.VN_MIDDLE_F)
            return (middle, first)
        return (first,)

    def _family(self, style: str) -> Token:
        if style in ("malay", "mm"):
            return ()
        return _zipf(self.rng, STOCK[style][0])

    def _style(self, nat: str) -> str:
        if nat in ("MY", "SG"):
            return "chinese" if self.rng.random() < (0.35 if nat == "MY" else 0.75) else "malay"
        return STYLE_OF.get(nat, "in")

    def _documents(self, p: Person) -> None:
        rng = self.rng
        issued = self.start - timedelta(days=rng.randint(30, 3000))
        p.passports = [(_shape(rng, PASSPORT.get(p.nationality, "?#######")), issued)]
        if rng.random() < 0.2:  # renewed during the period: a new number, the same person
            renewed = self.start + timedelta(days=rng.randint(0, (self.end - self.start).days))
            p.passports.append((_shape(rng, PASSPORT.get(p.nationality, "?#######")), renewed))
        p.national_id = _national_id(rng, p.nationality, p.dob, p.gender)
        if p.nationality in MOBILE and rng.random() < 0.6:
            p.phone = mobile(rng, p.nationality)

    def _fresh(self, nat: str, age: tuple[int, int]) -> Person:
        rng = self.rng
        gender = "male" if rng.random() < 0.6 else "female"
        style = self._style(nat)
        dob = self.start - timedelta(days=rng.randint(age[0] * 365, age[1] * 365))
        family = self._family(style)
        if style == "id" and rng.random() < 0.3:
            family = ()  # many Indonesians have a single name
        father: tuple[Token, ...] = ()
        if style == "malay":
            father = (_zipf(rng, n.MALAY_FATHER),)
        return Person(0, nat, gender, style, family, self._given(style, gender), dob, father)

    def _relative(self, base: Person) -> Person:
        rng = self.rng
        gender = "male" if rng.random() < 0.5 else "female"
        kind = rng.choices(("twin", "sibling", "child", "namesake"), (2, 3, 3, 3))[0]
        p = replace(
            base,
            gender=gender,
            relation=kind,
            related_to=base.pid,
            suffix="",
            passports=[],
            phone=None,
        )
        youngest = self.start - timedelta(days=16 * 365)  # every relative is an adult
        if kind == "namesake":  # the same name, someone else entirely
            p.gender = base.gender
            p.dob = base.dob + timedelta(days=rng.choice((-1, 1)) * rng.randint(200, 9000))
            p.dob = min(p.dob, youngest - timedelta(days=rng.randint(0, 3000)))
            return p
        for _ in range(10):
            p.given = self._given(base.style, gender)
            if p.given != base.given:
                break
        if kind == "sibling":
            p.dob = base.dob + timedelta(days=rng.choice((-1, 1)) * rng.randint(400, 3000))
        elif kind == "child" and (self.start - base.dob).days > 40 * 365:
            p.dob = base.dob + timedelta(days=rng.randint(20 * 365, 22 * 365))
            if base.style == "malay" and base.gender == "male":
                p.father = (base.given[-1],)  # bin <father's name>
            elif base.style in ("ph", "id", "in", "ke", "lk") and base.gender == "male":
                p.given, p.gender, p.suffix = base.given, "male", "Jr"
        elif kind == "child":  # the base is young: the new person is the parent
            p.relation = "parent"
            p.dob = base.dob - timedelta(days=rng.randint(20 * 365, 32 * 365))
            if base.style == "malay" and base.father:
                p.given, p.gender = (base.father[0],), "male"
                p.father = (_zipf(rng, n.MALAY_FATHER),)
            elif base.style in ("ph", "id", "in", "ke", "lk") and base.gender == "male":
                p.given, p.gender = base.given, "male"  # the father of a Jr
        if base.style == "mm" and kind != "child":
            p.given = (base.given[0], *p.given[1:])  # siblings often share a syllable
        if p.dob > youngest:
            p.dob = youngest - timedelta(days=rng.randint(0, 400))
        return p

    def new(self, nat: str, *, age: tuple[int, int] = (19, 50)) -> Person:
        """Return a new person of nationality ``nat``; some are look-alikes of earlier ones."""
        rng = self.rng
        pool = self._by_nat.get(nat, [])
        if pool and rng.random() < 0.1:
            p = self._relative(self.people[pool[rng.randrange(len(pool))]])
        else:
            p = self._fresh(nat, age)
        p.pid = len(self.people) + 1
        self._documents(p)
        self.people.append(p)
        self._by_nat.setdefault(nat, []).append(p.pid - 1)
        return p
