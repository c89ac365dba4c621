"""The fixed facts of the synthetic region: agencies, countries, compounds, scam habits."""

from __future__ import annotations

from dataclasses import dataclass

MEMBERS = ("ID", "PH", "VN", "TH", "MY", "MM", "KH", "LA", "SG", "BN")
# Population (millions) times the share of people online: who can be reached by an online scam.
VICTIM_WEIGHT = {
    "ID": 278 * 0.69,
    "PH": 115 * 0.73,
    "VN": 100 * 0.79,
    "TH": 72 * 0.88,
    "MY": 34 * 0.97,
    "MM": 54 * 0.44,
    "KH": 17 * 0.60,
    "LA": 7.6 * 0.62,
    "SG": 6.0 * 0.96,
    "BN": 0.45 * 0.98,
}
CURRENCY = {
    "ID": "IDR",
    "PH": "PHP",
    "VN": "VND",
    "TH": "THB",
    "MY": "MYR",
    "MM": "MMK",
    "KH": "KHR",
    "LA": "LAK",
    "SG": "SGD",
    "BN": "BND",
}
# Approximate US dollars per unit (2025), only to size losses in local money.
USD_PER_UNIT = {
    "IDR": 0.0000610,
    "PHP": 0.0174,
    "VND": 0.0000385,
    "THB": 0.0300,
    "MYR": 0.230,
    "MMK": 0.000476,
    "KHR": 0.000249,
    "LAK": 0.0000462,
    "SGD": 0.755,
    "BND": 0.755,
}
# Typical loss relative to Malaysia: richer victims lose more.
LOSS_SCALE = {
    "SG": 2.5,
    "BN": 1.8,
    "MY": 1.0,
    "TH": 0.7,
    "VN": 0.5,
    "ID": 0.5,
    "PH": 0.5,
    "KH": 0.3,
    "LA": 0.3,
    "MM": 0.25,
}
# The location letters of each country's BICs (BIC = bank code + country + location).
BIC_LOCATION = {
    "MY": "KL",
    "SG": "SG",
    "TH": "BK",
    "PH": "MM",
    "ID": "JA",
    "VN": "VX",
    "KH": "PP",
    "LA": "LA",
    "MM": "MY",
    "BN": "BB",
}


@dataclass(frozen=True)
class AgencyInfo:
    """A row of agencies.csv."""

    code: str
    name: str
    country: str
    kind: str
    contact: str


AGENCIES = (
    AgencyInfo(
        "MY-NSRC", "National Scam Response Centre", "MY", "member", "liaison@nsrc.example.my"
    ),
    AgencyInfo(
        "SG-ASCOM",
        "Anti-Scam Command, Singapore Police Force",
        "SG",
        "member",
        "ascom-liaison@spf.example.sg",
    ),
    AgencyInfo("TH-AOC", "Anti Online Scam Operation Center", "TH", "member", "aoc1441@example.th"),
    AgencyInfo(
        "PH-CICC",
        "Cybercrime Investigation and Coordinating Center",
        "PH",
        "member",
        "intl@cicc.example.ph",
    ),
    AgencyInfo(
        "ID-POLRI",
        "Indonesian National Police, Directorate of Cyber Crime",
        "ID",
        "member",
        "siber@polri.example.id",
    ),
    AgencyInfo(
        "VN-MPS",
        "Ministry of Public Security, Cyber Security Department",
        "VN",
        "member",
        "a05@mps.example.vn",
    ),
    AgencyInfo(
        "KH-CNP", "Cambodian National Police", "KH", "member", "interpol-ncb@cnp.example.kh"
    ),
    AgencyInfo(
        "LA-MOPS", "Ministry of Public Security, Lao PDR", "LA", "member", "ncb@mops.example.la"
    ),
    AgencyInfo("MM-MPF", "Myanmar Police Force", "MM", "member", "ncb@mpf.example.mm"),
    AgencyInfo("BN-RBPF", "Royal Brunei Police Force", "BN", "member", "cid@rbpf.example.bn"),
    AgencyInfo(
        "ASEANAPOL", "ASEANAPOL Secretariat", "MY", "secretariat", "secretariat@aseanapol.example"
    ),
    AgencyInfo("AU-AFP", "Australian Federal Police", "AU", "partner", "liaison@afp.example.au"),
    AgencyInfo("KR-KNPA", "Korean National Police Agency", "KR", "partner", "intl@knpa.example.kr"),
    AgencyInfo(
        "TL-PNTL", "Policia Nacional de Timor-Leste", "TL", "observer", "ncb@pntl.example.tl"
    ),
)
AGENCY_OF = {a.country: a.code for a in AGENCIES if a.kind == "member"}


@dataclass(frozen=True)
class Compound:
    """A scam compound named in public reporting, with approximate coordinates."""

    name: str
    country: str
    latitude: float
    longitude: float
    address: str
    weight: float


COMPOUNDS = (
    Compound("KK Park", "MM", 16.5790, 98.5480, "Myawaddy Township, Kayin State", 5),
    Compound("Shwe Kokko (Yatai New City)", "MM", 16.8590, 98.4620, "Shwe Kokko, Kayin State", 5),
    Compound("Dongmei Park", "MM", 16.7410, 98.5240, "Myawaddy Township, Kayin State", 2),
    Compound("Tai Chang compound", "MM", 16.7920, 98.5010, "Myawaddy Township, Kayin State", 2),
    Compound("Laukkai casino district", "MM", 23.6910, 98.7640, "Laukkai, Kokang, Shan State", 2),
    Compound("Tachileik compound", "MM", 20.4470, 99.8800, "Tachileik, Shan State", 1.5),
    Compound(
        "Sihanoukville Chinatown compound",
        "KH",
        10.6050,
        103.5210,
        "Sihanoukville, Preah Sihanouk",
        4,
    ),
    Compound("Otres compound", "KH", 10.5720, 103.5500, "Otres, Preah Sihanouk", 2),
    Compound("Bavet casino zone", "KH", 11.0700, 106.1320, "Bavet, Svay Rieng", 3),
    Compound("O'Smach casino zone", "KH", 14.4230, 103.6990, "O'Smach, Oddar Meanchey", 2),
    Compound("Poipet casino zone", "KH", 13.6610, 102.5620, "Poipet, Banteay Meanchey", 2),
    Compound(
        "Golden Triangle SEZ (Kings Romans)",
        "LA",
        20.3600,
        100.1000,
        "Ton Pheung District, Bokeo",
        4,
    ),
    Compound("Bamban POGO hub", "PH", 15.2740, 120.5680, "Bamban, Tarlac", 2),
    Compound("Porac POGO hub", "PH", 15.0720, 120.5420, "Porac, Pampanga", 2),
)

SCAM_WEIGHT = {
    "job_task": 20,
    "investment": 14,
    "impersonation_official": 12,
    "crypto_investment": 10,
    "romance": 10,
    "phishing": 10,
    "ecommerce": 10,
    "parcel_courier": 5,
    "loan": 5,
    "lottery_prize": 2,
    "tech_support": 1,
    "sextortion": 1,
}
CHANNELS: dict[str, dict[str, float]] = {
    "investment": {
        "facebook": 3,
        "whatsapp": 3,
        "telegram": 2,
        "tiktok": 1,
        "instagram": 1,
        "website": 1,
    },
    "crypto_investment": {
        "telegram": 3,
        "whatsapp": 2,
        "facebook": 2,
        "dating_app": 1,
        "website": 1,
    },
    "romance": {
        "dating_app": 3,
        "facebook": 3,
        "instagram": 2,
        "whatsapp": 1,
        "line": 1,
        "wechat": 0.5,
    },
    "job_task": {"whatsapp": 4, "telegram": 3, "sms": 2, "tiktok": 1, "facebook": 1},
    "impersonation_official": {"phone_call": 8, "whatsapp": 1, "sms": 1},
    "phishing": {"sms": 5, "email": 3, "website": 2, "whatsapp": 1},
    "ecommerce": {"facebook": 4, "website": 2, "instagram": 2, "tiktok": 2},
    "parcel_courier": {"sms": 5, "phone_call": 3, "email": 1},
    "loan": {"facebook": 3, "sms": 2, "website": 2, "whatsapp": 2},
    "lottery_prize": {"sms": 3, "facebook": 2, "phone_call": 2},
    "tech_support": {"phone_call": 3, "email": 2, "website": 1},
    "sextortion": {"facebook": 2, "instagram": 2, "whatsapp": 2, "dating_app": 1},
    "recovery": {"facebook": 3, "email": 2, "telegram": 2, "phone_call": 1},
}
# Share of reports of each type paid in crypto (the rest by bank transfer or e-wallet).
CRYPTO_SHARE = {
    "crypto_investment": 0.8,
    "romance": 0.5,
    "investment": 0.4,
    "job_task": 0.3,
    "recovery": 0.3,
    "sextortion": 0.2,
}
# Median loss in US dollars in Malaysia; losses are log-normal around it.
MEDIAN_LOSS_USD = {
    "investment": 8000,
    "crypto_investment": 12000,
    "romance": 15000,
    "job_task": 2000,
    "impersonation_official": 10000,
    "phishing": 1200,
    "ecommerce": 150,
    "parcel_courier": 500,
    "loan": 300,
    "lottery_prize": 600,
    "tech_support": 1000,
    "sextortion": 500,
    "recovery": 2000,
    "other": 500,
}
# Age-band weights (18_24 .. 65_plus) by scam type: job scams hit the young, romance and
# impersonation the older.
AGE_BANDS = ("under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus", "unknown")
AGE_WEIGHT = {
    "default": (1, 14, 26, 22, 16, 11, 6, 4),
    "job_task": (2, 30, 34, 17, 8, 4, 1, 4),
    "romance": (0, 5, 14, 22, 26, 20, 9, 4),
    "impersonation_official": (0, 6, 15, 18, 20, 22, 15, 4),
    "ecommerce": (4, 25, 30, 20, 10, 5, 2, 4),
    "sextortion": (8, 45, 28, 10, 4, 1, 0, 4),
}
