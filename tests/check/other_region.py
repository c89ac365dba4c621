"""A region written as other national centres fill the import templates, with its ground truth.

Written apart from ``counterscam synth`` and from the project's code: every canonical value,
USD figure and expected match below is worked out here from docs/formats.md, DESIGN.md and the
reference files alone. Each country has its own habits: its columns in its own order, optional
columns left out, headings with spaces, numbers, accounts, amounts and dates written as its
officers write them, foreign numbers given in international form or with a country column.
Viet Nam sends an XLSX workbook, the others CSV sets, one folder per agency.

What must come out (``Truth``): every identifier two countries name as the operator's, with its
countries, report count and loss in USD; the syndicates (groups of reports that must share one
cluster, and never a cluster with another syndicate); the persons whose parties must resolve
into one; and the values that must glue nothing (a bank's hotline reported as the caller, a
number spoofed by unrelated syndicates over a year, shared trafficking victims, namesakes).
"""

from __future__ import annotations

import csv
import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import yaml
from openpyxl import Workbook

import counterscam.reference

FX_FILE = Path(counterscam.reference.__file__).parent / "data" / "fx_rates.yaml"

SECRETARIAT = "RSEC"
# code, country: one member agency per country, named as no synthetic region names them.
MEMBERS = (
    ("MY-JSJK", "MY"),
    ("SG-SPF", "SG"),
    ("TH-TCSD", "TH"),
    ("ID-BARES", "ID"),
    ("VN-C06", "VN"),
    ("PH-ACG", "PH"),
    ("KH-ACD", "KH"),
    ("LA-ECD", "LA"),
    ("MM-CID", "MM"),
    ("BN-CCID", "BN"),
)
COUNTRY = dict(MEMBERS)
AGENCY_OF = {cc: code for code, cc in MEMBERS}

# National significant numbers: (country code, prefix, digits after it).
PHONE_PLAN = {
    "MY": ("60", "12", 7),
    "SG": ("65", "93", 6),
    "TH": ("66", "8", 8),
    "ID": ("62", "812", 8),
    "VN": ("84", "91", 7),
    "PH": ("63", "917", 7),
    "KH": ("855", "1", 7),
    "LA": ("856", "205", 7),
    "MM": ("95", "979", 7),
    "BN": ("673", "7", 6),
}
# A bank per country: BIC institution code, the name officers write, account digits.
BANK = {
    "MY": ("MBBE", "Maybank", 12),
    "SG": ("DBSS", "DBS", 10),
    "TH": ("KASI", "KBank", 10),
    "ID": ("CENA", "BCA", 10),
    "VN": ("BFTV", "Vietcombank", 13),
    "PH": ("BNOR", "BDO", 12),
    "KH": ("ABAA", "ABA", 9),
    "LA": ("COEB", "BCEL", 15),
    "MM": ("KBZB", "KBZ", 17),
    "BN": ("BIBD", "BIBD", 11),
}
# (currency, how the country writes an amount of it: the sign it puts in the cell)
MONEY = {
    "MY": "MYR",
    "SG": "SGD",
    "TH": "THB",
    "ID": "IDR",
    "VN": "VND",
    "PH": "PHP",
    "KH": "USD",
    "LA": "LAK",
    "MM": "MMK",
    "BN": "BND",
}
SCAM_WRITTEN = {
    "investment": {
        "MY": "Penipuan pelaburan",
        "ID": "penipuan investasi",
        "TH": "\u0e2b\u0e25\u0e2d\u0e01\u0e25\u0e07\u0e17\u0e38\u0e19",
        "VN": "l\u1eeba \u0111\u1ea3o \u0111\u1ea7u t\u01b0",
    },
    "job_task": {
        "MY": "kerja sambilan",
        "ID": "penipuan lowongan kerja",
        "VN": "vi\u1ec7c nh\u1eb9 l\u01b0\u01a1ng cao",
        "PH": "task scam",
    },
    "romance": {"MY": "Love scam", "SG": "Internet love scam", "KH": "pig butchering"},
    "impersonation_official": {"MY": "Macau scam", "VN": "gi\u1ea3 danh c\u00f4ng an"},
}
CHANNEL_WRITTEN = {
    "MY": {"whatsapp": "WA", "phone_call": "telefon"},
    "ID": {"phone_call": "telepon", "website": "situs web"},
    "TH": {"phone_call": "\u0e42\u0e17\u0e23\u0e28\u0e31\u0e1e\u0e17\u0e4c"},
    "VN": {"phone_call": "\u0111i\u1ec7n tho\u1ea1i", "website": "trang web"},
    "PH": {"facebook": "FB", "telegram": "TG"},
    "SG": {"telegram": "Telegram Messenger", "whatsapp": "Whats App"},
}
GENDER_WRITTEN = {
    "MY": ("P", "L"),
    "ID": ("perempuan", "laki-laki"),
    "PH": ("babae", "lalaki"),
    "VN": ("N\u1eef", "Nam"),
    "TH": ("\u0e2b\u0e0d\u0e34\u0e07", "\u0e0a\u0e32\u0e22"),
}
AGE_WRITTEN = (("25-34", "25_34"), ("35-44", "35_44"), ("65+", "65_plus"), ("18-24", "18_24"))

# Columns each country leaves out, and whether it writes headings with spaces.
LEFT_OUT = {
    "MY": {"share_with"},
    "SG": {"victim_age_band", "victim_gender", "share_with"},
    "TH": {"incident_at", "share_with"},
    "ID": {"victim_country", "share_with"},
    "VN": {"share_with", "narrative"},
    "PH": {"victim_country", "victim_age_band", "share_with"},
    "KH": {"incident_at", "victim_age_band", "victim_gender", "victim_country", "share_with"},
    "LA": {"narrative", "victim_gender", "share_with", "incident_at"},
    "MM": {"victim_country", "victim_gender", "victim_age_band", "share_with"},
    "BN": {"share_with"},
}
SPACED = {"MY", "ID", "BN"}
REPORT_COLUMNS = (
    "external_ref",
    "reported_at",
    "incident_at",
    "scam_type",
    "channel",
    "loss_amount",
    "loss_currency",
    "victim_age_band",
    "victim_gender",
    "victim_country",
    "narrative",
    "mark",
    "share_with",
)
IDENT_COLUMNS = ("external_ref", "kind", "value", "role", "qualifier", "country")
PARTY_COLUMNS = (
    "external_ref",
    "role",
    "full_name",
    "given_name",
    "family_name",
    "birth_date",
    "gender",
    "nationality",
    "id_number",
    "id_kind",
    "phone",
)
PLACE_COLUMNS = ("external_ref", "kind", "name", "country", "latitude", "longitude", "address")

# Maybank's hotline, in the hotlines reference file: reported as the caller by mistake.
BANK_HOTLINE = "+601300886688"
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _b58check(payload: bytes) -> str:
    check = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(payload + check, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    pad = len(payload + check) - len((payload + check).lstrip(b"\0"))
    return "1" * pad + out


@dataclass(frozen=True)
class Ident:
    """An identifier: its canonical form (worked out here) and its country."""

    kind: str
    canonical: str
    country: str


@dataclass
class ReportTruth:
    agency: str
    ref: str
    country: str
    loss_usd: Decimal | None
    day: date
    group: str  # syndicate key, or "" for a report that links to nothing
    operator: set[Ident] = field(default_factory=set)  # named in a role of the operator
    named: set[Ident] = field(default_factory=set)  # named in any role


@dataclass
class Person:
    """Parties (agency, ref, full_name) that are one person."""

    key: str
    parties: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Truth:
    reports: dict[tuple[str, str], ReportTruth] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    # values that link nothing: must never glue two groups
    never_glue: list[Ident] = field(default_factory=list)
    hotline: str = BANK_HOTLINE
    spoofed: str = ""
    trafficking_refs: list[tuple[str, str]] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)

    def naming(self, ident: Ident) -> list[ReportTruth]:
        return [r for r in self.reports.values() if ident in r.named]

    def cross_border(self) -> dict[Ident, list[ReportTruth]]:
        """Operator identifiers named in two countries or more."""
        out: dict[Ident, list[ReportTruth]] = {}
        for r in self.reports.values():
            for ident in r.operator:
                out.setdefault(ident, []).append(r)
        return {
            i: rs
            for i, rs in out.items()
            if len({r.country for r in rs}) > 1 and i.canonical not in self.silent()
        }

    def silent(self) -> set[str]:
        return {BANK_HOTLINE}

    def groups(self) -> dict[str, set[tuple[str, str]]]:
        out: dict[str, set[tuple[str, str]]] = {}
        for key, r in self.reports.items():
            if r.group:
                out.setdefault(r.group, set()).add(key)
        return out


class Fx:
    """Monthly USD rates of the FX reference file."""

    def __init__(self) -> None:
        data = yaml.safe_load(FX_FILE.read_text(encoding="utf-8"))
        self.rates: dict[str, dict[str, float]] = data["rates"]

    def usd(self, amount: Decimal, currency: str, day: date) -> Decimal:
        rate = Decimal(str(self.rates[f"{day.year}-{day.month:02d}"][currency]))
        return (amount * rate).quantize(Decimal("0.01"), ROUND_HALF_EVEN)


@dataclass
class Rows:
    reports: list[dict[str, str]] = field(default_factory=list)
    identifiers: list[dict[str, str]] = field(default_factory=list)
    parties: list[dict[str, str]] = field(default_factory=list)
    places: list[dict[str, str]] = field(default_factory=list)


def _group3(digits: str, sep: str) -> str:
    return sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))


class Region:
    """Builds the ten agencies' files and the truth behind them."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fx = Fx()
        self.truth = Truth()
        self.rows: dict[str, Rows] = {code: Rows() for code, _ in MEMBERS}
        self.serial: dict[str, int] = {}
        self.used: set[str] = set()

    # identifiers -----------------------------------------------------------------------
    def phone(self, cc: str) -> Ident:
        code, prefix, n = PHONE_PLAN[cc]
        while True:
            nsn = prefix + "".join(self.rng.choice("23456789") for _ in range(n))
            e164 = f"+{code}{nsn}"
            if e164 not in self.used:
                self.used.add(e164)
                return Ident("phone", e164, cc)

    def account(self, cc: str) -> Ident:
        bic, _, n = BANK[cc]
        digits = "".join(self.rng.choice("0123456789") for _ in range(n - 1))
        digits = self.rng.choice("123456789") + digits
        return Ident("bank_account", f"{cc}:{bic}:{digits}", cc)

    def tron(self) -> Ident:
        body = bytes([0x41]) + self.rng.randbytes(20)
        return Ident("crypto_wallet", f"tron:{_b58check(body)}", "")

    def site(self, n: int) -> Ident:
        word = self.rng.choice(("vault", "yield", "bourse", "apex", "prime"))
        return Ident("url", f"https://{word}-trade{n}.com/login", "")

    def handle(self, n: int) -> Ident:
        return Ident("handle", f"telegram:hr_desk_{n}", "")

    def written_phone(self, ident: Ident, by: str) -> tuple[str, str]:
        """The value and the country column as the reporting country writes the number."""
        code, _, _ = PHONE_PLAN[ident.country]
        nsn = ident.canonical.removeprefix(f"+{code}")
        if ident.canonical == BANK_HOTLINE:
            return ("1300 88 6688", "") if by == "MY" else ("+60 1300 88 6688", "")
        style = 0 if ident.country == by else self.rng.randrange(3)
        if style == 1:
            return f"00{code}{nsn}", ""
        if style == 2:
            return f"+{code} {nsn[:2]} {nsn[2:5]} {nsn[5:]}", ""
        local = nsn if ident.country in ("SG", "BN") else "0" + nsn
        forms = {
            "MY": f"{local[:3]}-{local[3:6]} {local[6:]}",
            "SG": f"{local[:4]} {local[4:]}",
            "TH": f"{local[:3]}-{local[3:6]}-{local[6:]}",
            "ID": f"{local[:4]}-{local[4:8]}-{local[8:]}",
            "VN": f"{local[:4]} {local[4:7]} {local[7:]}",
            "PH": f"{local[:4]}-{local[4:7]}-{local[7:]}",
            "KH": f"{local[:3]} {local[3:6]} {local[6:]}",
            "LA": f"{local[:3]} {local[3:7]} {local[7:]}",
            "MM": f"{local[:2]} {local[2:5]} {local[5:8]} {local[8:]}",
            "BN": f"{local[:3]} {local[3:]}",
        }
        return forms[ident.country], "" if ident.country == by else ident.country

    def written_account(self, ident: Ident, by: str) -> tuple[str, str, str]:
        """Value, qualifier and country as the reporting country writes the account."""
        cc, bic, digits = ident.canonical.split(":")
        name = BANK[cc][1]
        style = self.rng.randrange(3)
        country = "" if cc == by else cc
        if style == 0:
            return f"{name} {_group3(digits, '-')}", "", country
        if style == 1:
            return _group3(digits, " "), name, country
        return f"{bic}{cc}XX {digits}", "", ""

    # money and time --------------------------------------------------------------------
    def amount(self, cc: str) -> tuple[str, str, Decimal, str]:
        """(cell, loss_currency cell, amount, currency) as the country writes a loss."""
        cur = MONEY[cc]
        if self.rng.random() < 0.08:
            whole = self.rng.randrange(100, 20000)
            return f"{whole} USDT", "", Decimal(whole), "USDT"
        big = {"IDR": 1000, "VND": 1000, "LAK": 1000, "MMK": 100, "KHR": 100}
        if cur in big:
            whole = self.rng.randrange(200, 60000) * big[cur]
            dotted = f"{whole:,}".replace(",", ".")
            cell = {
                "IDR": f"Rp {dotted},-",
                "VND": f"{dotted}\u0111",
                "LAK": f"{dotted} kip",
                "MMK": f"K {whole:,}",
            }[cur]
            return cell, "", Decimal(whole), cur
        cents = Decimal(self.rng.randrange(5000, 5_000_000)) / 100
        text = f"{cents:,.2f}"
        cell = {
            "MYR": f"RM {text}",
            "SGD": f"S${text}",
            "THB": f"\u0e3f{text}",
            "PHP": f"\u20b1{text}",
            "USD": f"${text}",
            "BND": f"B${text}",
        }[cur]
        if cc == "MY" and self.rng.random() < 0.3:
            return text, "MYR", cents, cur  # a bare figure beside its code
        return cell, "", cents, cur

    def when(self, cc: str, day: date, hour: int, minute: int) -> str:
        forms = {
            "MY": f"{day.isoformat()} {hour:02d}:{minute:02d}",
            "SG": f"{day.isoformat()}T{hour:02d}:{minute:02d}:00+08:00",
            "TH": f"{day.isoformat()} {hour:02d}:{minute:02d} \u0e19.",
            "ID": f"{day.isoformat()} {hour:02d}.{minute:02d} WIB",
            "VN": f"{day.year}/{day.month}/{day.day} {hour}:{minute:02d}",
            "PH": f"{day.isoformat()} {hour:02d}:{minute:02d} PHT",
            "KH": f"{day.isoformat()} {hour:02d}:{minute:02d} ICT",
            "LA": day.isoformat(),
            "MM": f"{day.isoformat()} {hour:02d}:{minute:02d} MMT",
            "BN": f"{day.year}.{day.month}.{day.day} {hour:02d}:{minute:02d}",
        }
        return forms[cc]

    # reports ---------------------------------------------------------------------------
    def report(
        self,
        cc: str,
        day: date,
        scam: str,
        channel: str,
        group: str,
        idents: list[tuple[Ident, str]],
        *,
        ref: str | None = None,
        loss: tuple[str, str, Decimal, str] | None = None,
    ) -> ReportTruth:
        agency = AGENCY_OF[cc]
        if ref is None:
            self.serial[cc] = self.serial.get(cc, 0) + 1
            ref = f"{cc}/{2026}/{self.serial[cc]:05d}"
        incident = day - timedelta(days=self.rng.randrange(0, 4))
        if loss is None and self.rng.random() < 0.9:
            loss = self.amount(cc)
        usd = None
        if loss is not None:
            when = incident if "incident_at" not in LEFT_OUT[cc] else day
            usd = self.fx.usd(loss[2], loss[3], when)
        female = self.rng.random() < 0.55
        genders = GENDER_WRITTEN.get(cc, ("F", "M"))
        row = {
            "external_ref": ref,
            "reported_at": self.when(cc, day, self.rng.randrange(8, 20), self.rng.randrange(60)),
            "incident_at": incident.isoformat(),
            "scam_type": SCAM_WRITTEN.get(scam, {}).get(cc, scam),
            "channel": CHANNEL_WRITTEN.get(cc, {}).get(channel, channel),
            "loss_amount": loss[0] if loss else "",
            "loss_currency": loss[1] if loss else "",
            "victim_age_band": self.rng.choice(AGE_WRITTEN)[0],
            "victim_gender": genders[0] if female else genders[1],
            "victim_country": self.rng.choice((cc, {"MY": "MYS", "TH": "THA"}.get(cc, cc))),
            "narrative": f"Victim reported a {scam} case; paid as instructed.",
            "mark": self.rng.choice(("green", "amber", "amber")),
            "share_with": "",
        }
        self.rows[agency].reports.append(row)
        truth = ReportTruth(agency, ref, cc, usd, day, group)
        for ident, role in idents:
            self.sight(cc, ref, ident, role)
            # A URL's registered domain is stored beside it (DESIGN.md), in the same role.
            also = (
                [Ident("domain", ident.canonical.split("/")[2], "")] if ident.kind == "url" else []
            )
            for each in (ident, *also):
                truth.named.add(each)
                if role not in ("victim_account", "impersonated_entity"):
                    truth.operator.add(each)
        self.truth.reports[(agency, ref)] = truth
        return truth

    def sight(self, cc: str, ref: str, ident: Ident, role: str) -> None:
        qualifier, country = "", ""
        if ident.kind == "phone":
            value, country = self.written_phone(ident, cc)
        elif ident.kind == "bank_account":
            value, qualifier, country = self.written_account(ident, cc)
        elif ident.kind == "crypto_wallet":
            value, qualifier = ident.canonical.split(":", 1)[1], "TRC20"
        elif ident.kind == "handle":
            value = "@" + ident.canonical.split(":", 1)[1].upper()
            qualifier = "Telegram"
        elif ident.kind == "url":
            value = ident.canonical.replace("https://", "hxxps://").replace(".com", "[.]com")
        else:
            value = ident.canonical
        self.rows[AGENCY_OF[cc]].identifiers.append(
            {
                "external_ref": ref,
                "kind": ident.kind,
                "value": value,
                "role": role,
                "qualifier": qualifier,
                "country": country,
            }
        )

    def party(self, cc: str, ref: str, **cols: str) -> None:
        row = {c: "" for c in PARTY_COLUMNS}
        row.update(external_ref=ref, **cols)
        self.rows[AGENCY_OF[cc]].parties.append(row)

    def place(self, cc: str, ref: str, **cols: str) -> None:
        row = {c: "" for c in PLACE_COLUMNS}
        row.update(external_ref=ref, **cols)
        self.rows[AGENCY_OF[cc]].places.append(row)


SYNDICATES = (
    # key, scam type, channel, where its phones are, where its mule accounts are, victims
    ("S01", "investment", "whatsapp", "KH", ("MY", "TH"), ("MY", "SG", "TH")),
    ("S02", "job_task", "telegram", "MM", ("TH", "VN"), ("TH", "VN", "ID", "PH")),
    ("S03", "romance", "facebook", "PH", ("PH", "SG"), ("SG", "MY", "BN")),
    ("S04", "impersonation_official", "phone_call", "VN", ("VN", "KH"), ("VN", "KH", "LA")),
    ("S05", "investment", "website", "LA", ("LA", "TH"), ("TH", "LA", "MM")),
    ("S06", "job_task", "whatsapp", "ID", ("ID", "MY"), ("ID", "MY")),
    ("S07", "romance", "telegram", "MM", ("MM", "TH"), ("MM", "TH", "KH")),
    ("S08", "investment", "phone_call", "BN", ("BN", "MY"), ("BN", "MY", "SG")),
    ("S09", "loan", "sms", "TH", ("TH", "LA"), ("TH", "LA")),
    ("S10", "impersonation_official", "phone_call", "MY", ("MY", "SG"), ("MY", "SG", "ID")),
    ("S11", "ecommerce", "facebook", "PH", ("PH", "ID"), ("PH", "ID", "VN")),
    ("S12", "investment", "telegram", "KH", ("KH", "VN"), ("KH", "VN", "MY", "PH")),
)

# One account holder named in each syndicate: different people, linking nothing else.
MULES = (
    "Ahmad Faizal bin Osman",
    "Kittisak Boonmee",
    "Maricel Reyes",
    "Pham Quoc Bao",
    "Souksavanh Phommachanh",
    "Dewi Lestari",
    "Aung Ko Latt",
    "Hajah Noraini binti Abdullah",
    "Wanchai Srisuk",
    "Lim Chee Keong",
    "Jomar Villanueva",
    "Sok Dara",
)


def build(seed: int = 4242, singles: int = 170) -> tuple[Region, Truth]:
    """Build the region in memory: rows per agency and the truth."""
    g = Region(seed)
    rng = g.rng
    start = date(2026, 1, 5)
    spoofed = g.phone("MY")  # a police station's number, spoofed by unrelated syndicates
    g.truth.spoofed = spoofed.canonical
    hotline = Ident("phone", BANK_HOTLINE, "MY")
    g.truth.never_glue += [spoofed, hotline]
    recruiter = {}
    for n, (key, scam, channel, phone_cc, bank_ccs, victims) in enumerate(SYNDICATES):
        first = start + timedelta(days=24 * n)
        kit = [g.phone(phone_cc), g.phone(phone_cc)] + [g.account(cc) for cc in bank_ccs]
        if scam in ("investment", "romance"):
            kit.append(g.tron())
        if channel in ("website", "telegram") or scam == "investment":
            kit.append(g.site(n))
        recruiter[key] = g.handle(n)
        kit.append(recruiter[key])
        roles = {
            "phone": "caller",
            "bank_account": "beneficiary_account",
            "crypto_wallet": "wallet",
            "url": "website",
            "handle": "messaging_contact",
        }
        for k in range(rng.randrange(14, 26)):
            cc = victims[k % len(victims)]
            day = first + timedelta(days=rng.randrange(0, 45))
            chosen = [kit[0]] + rng.sample(kit[1:], rng.randrange(1, 4))
            idents = [(i, roles[i.kind]) for i in chosen]
            idents.append((g.account(cc), "victim_account"))
            if k % 7 == 3:
                idents.append((hotline, "caller"))  # the bank's number, written down in error
            truth = g.report(cc, day, scam, channel, key, idents)
            if k == 2:
                # The same incident, reported by the victim's country and where it happened.
                other = next(c for c in victims if c != cc)
                g.report(other, day, scam, channel, key, idents)
            if k == 4:
                g.party(
                    cc,
                    truth.ref,
                    role="mule",
                    full_name=MULES[n],
                    birth_date=f"{1980 + n}-03-0{1 + n % 9}",
                )
    # A police station's number, spoofed by unrelated syndicates from December to autumn: the
    # caller of one report in every other syndicate (each within 60 days of the next), and the
    # impersonated line of three reports. In use for more than 250 days, it links nothing.
    for key in ("S01", "S03", "S05", "S07", "S09", "S11", "S12"):
        rep = next(r for r in g.truth.reports.values() if r.group == key)
        g.sight(rep.country, rep.ref, spoofed, "caller")
        rep.operator.add(spoofed)
        rep.named.add(spoofed)
    for n in range(3):
        cc = ("MY", "SG", "ID")[n]
        g.report(
            cc,
            date(2025, 12, 1) + timedelta(days=5 * n),
            "impersonation_official",
            "phone_call",
            "",
            [(spoofed, "caller" if n == 0 else "impersonated_entity"), (g.phone(cc), "caller")],
        )
    _persons(g)
    _trafficking(g, recruiter)
    for n in range(singles):
        cc = MEMBERS[n % len(MEMBERS)][1]
        day = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 300))
        idents = [(g.phone(cc), "caller"), (g.account(cc), "beneficiary_account")]
        g.report(cc, day, rng.choice(("phishing", "ecommerce", "loan")), "sms", "", idents)
    return g, g.truth


def _persons(g: Region) -> None:
    """Persons named in two or three countries in other romanisations, linked by nothing else."""
    people = (
        (
            "P-hung",
            "1991-04-12",
            (
                ("VN", "Nguy\u1ec5n V\u0103n H\u00f9ng", "C1234567", "VN"),
                ("MY", "NGUYEN VAN HUNG", "VNM C1234567", "VNM"),
                ("TH", "Hung Nguyen Van", "C1234567", "Viet Nam"),
            ),
        ),
        (
            "P-somchai",
            "1985-07-01",
            (
                ("TH", "\u0e2a\u0e21\u0e0a\u0e32\u0e22 \u0e43\u0e08\u0e14\u0e35", "", "TH"),
                ("LA", "Somchai Jaidee", "", "TH"),
                ("MY", "Mr. Somchai Chaidee", "", "THA"),
            ),
        ),
        (
            "P-chen",
            "1979-11-23",
            (
                ("MM", "Chen Wei Ming", "E12345678", "CN"),
                ("KH", "\u9648\u4f1f\u660e", "E12345678", "CN"),
                ("SG", "CHEN Weiming", "E 1234 5678", "CHN"),
            ),
        ),
    )
    for key, born, forms in people:
        person = Person(key)
        for n, (cc, name, doc, nationality) in enumerate(forms):
            day = date(2026, 9, 1) + timedelta(days=7 * n)
            ident = g.account(cc)
            rep = g.report(cc, day, "job_task", "telegram", key, [(ident, "beneficiary_account")])
            g.party(
                cc,
                rep.ref,
                role="mule",
                full_name=name,
                birth_date=born,
                nationality=nationality,
                id_number=doc,
                id_kind="passport" if doc else "",
            )
            person.parties.append((rep.agency, rep.ref, name))
        g.truth.persons.append(person)
    # Namesakes: another Nguyen Van Hung, born elsewhere and later, in an unrelated case.
    rep = g.report(
        "KH", date(2026, 9, 20), "loan", "sms", "", [(g.account("KH"), "beneficiary_account")]
    )
    g.party("KH", rep.ref, role="suspect", full_name="Nguyen Van Hung", birth_date="2001-02-03")


def _trafficking(g: Region, recruiter: dict[str, Ident]) -> None:
    """Workers rescued from compounds; each names the recruiter's contact of a syndicate."""
    compounds = (
        ("KK Park", "MM", "16.6469", "98.5133"),
        ("K.K. Park compound, Myawaddy", "MM", "16.6471", "98.5130"),
        ("Shwe Kokko", "MM", "16.8231", "98.5267"),
        ("Jinbei", "KH", "10.6067", "103.5203"),
    )
    victims = (
        ("ID", "Siti Nurhaliza binti Ahmad", "S02"),
        ("PH", "Maria Clara Santos", "S02"),
        ("VN", "Tr\u1ea7n Th\u1ecb Lan", "S07"),
        ("ID", "Siti Nurhaliza Ahmad", "S07"),  # sold on: the same worker, another syndicate
        ("PH", "Juan dela Cruz", "S12"),
        ("VN", "Tran Thi Lan", "S12"),
    )
    for n, (cc, name, key) in enumerate(victims):
        place = compounds[n % len(compounds)]
        day = date(2026, 10, 1) + timedelta(days=3 * n)
        rep = g.report(
            cc,
            day,
            "job_task",
            "telegram",
            "",
            [(recruiter[key], "recruiter_contact")],
            loss=None,
        )
        last = max(
            r.day
            for r in g.truth.reports.values()
            if recruiter[key] in r.operator and r.group == key and r is not rep
        )
        # Within 60 days of the syndicate's last use of the contact the report is its own;
        # later, the rescues naming one contact are one operation of their own.
        rep.group = key if (day - last).days <= 60 else f"T-{key}"
        g.party(cc, rep.ref, role="victim_of_trafficking", full_name=name, birth_date="1998-05-05")
        g.place(
            cc,
            rep.ref,
            kind="compound",
            name=place[0],
            country=place[1],
            latitude=place[2],
            longitude=place[3],
        )
        g.truth.trafficking_refs.append((rep.agency, rep.ref))
        g.truth.victims.append(name)


def _heading(column: str, cc: str) -> str:
    if cc == "PH":  # its case system is written in Java: camelCase field names
        first, *rest = column.split("_")
        return first + "".join(word.title() for word in rest)
    return column.replace("_", " ").title() if cc in SPACED else column


def _columns(g: Region, cc: str, columns: tuple[str, ...], rows: list[dict[str, str]]) -> list[str]:
    keep = [c for c in columns if c not in LEFT_OUT[cc] or c == "external_ref"]
    if columns == IDENT_COLUMNS or columns == PARTY_COLUMNS or columns == PLACE_COLUMNS:
        # Optional linked columns this country never fills are left out.
        needed = {"external_ref", "kind", "value", "role", "full_name", "name"}
        keep = [c for c in keep if c in needed or any(r.get(c) for r in rows)]
    g.rng.shuffle(keep)
    return keep


def _as_text(column: str, row: dict[str, str]) -> object:
    return row.get(column, "")


def _typed(column: str, row: dict[str, str]) -> object:
    """A cell as a workbook written by a program holds it: dates, numbers, not text."""
    text = row.get(column, "")
    if column == "loss_currency" and row.get("loss_amount", "").endswith("\u0111"):
        return "VND"
    if not text:
        return None
    if column == "reported_at":
        day, clock = text.split(" ")
        return datetime.strptime(f"{day} {clock}", "%Y/%m/%d %H:%M")
    if column in ("incident_at", "birth_date"):
        return datetime.fromisoformat(text)  # a date cell at midnight
    if column == "loss_amount" and text.endswith("\u0111"):
        return int(text.removesuffix("\u0111").replace(".", ""))
    if column in ("latitude", "longitude"):
        return float(text)
    if column == "value" and row.get("kind") == "phone" and not row.get("country"):
        digits = text.replace(" ", "")
        if digits.startswith("0") and digits.isdigit():
            return int(digits)  # the number cell drops the trunk zero
    return text


def write(out: Path, seed: int = 4242) -> Truth:
    """Write each agency's folder under ``out`` and return the truth."""
    g, truth = build(seed)
    for code, cc in MEMBERS:
        rows = g.rows[code]
        folder = out / code
        folder.mkdir(parents=True, exist_ok=True)
        sheets = {
            "reports": (REPORT_COLUMNS, rows.reports),
            "identifiers": (IDENT_COLUMNS, rows.identifiers),
            "parties": (PARTY_COLUMNS, rows.parties),
            "places": (PLACE_COLUMNS, rows.places),
        }
        book = Workbook() if cc == "VN" else None
        for name, (columns, data) in sheets.items():
            if not data and name != "reports":
                continue
            keep = _columns(g, cc, columns, data)
            header = [_heading(c, cc) for c in keep]
            typed = _typed if book is not None else _as_text
            table = [[typed(c, r) for c in keep] for r in data]
            if book is not None:
                sheet = book.create_sheet(name)
                sheet.append(header)
                for line in table:
                    sheet.append(line)
                continue
            with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8-sig") as f:
                writer = csv.writer(f)
                writer.writerow(header)
                writer.writerows(table)
        if book is not None:
            del book["Sheet"]
            book.save(folder / "vn-export.xlsx")
    return truth
