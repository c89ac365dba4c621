"""Read what people write around a phone number: country names, old Vietnamese prefixes, IDDs."""

from __future__ import annotations

import re

from counterscam.reference import normalize_name

# The names of the ten member countries as people write them beside a number, in English and
# in their own languages. ISO codes are left out on purpose: "my number" is not Malaysia.
_NAMES = {
    "BN": ("Brunei", "Brunei Darussalam", "Negara Brunei Darussalam"),
    "KH": ("Cambodia", "Kampuchea", "កម្ពុជា"),
    "ID": ("Indonesia", "Indo"),
    "LA": ("Laos", "Lao", "Lao PDR", "ລາວ", "ສປປ ລາວ"),
    "MY": ("Malaysia", "M'sia", "Msia"),
    "MM": ("Myanmar", "Burma", "မြန်မာ"),
    "PH": ("Philippines", "Pilipinas", "Phils"),
    "SG": ("Singapore", "S'pore", "Spore"),
    "TH": ("Thailand", "Thai", "ประเทศไทย", "ไทย"),
    "VN": ("Vietnam", "Viet Nam", "Việt Nam"),
}
_BY_NAME = {normalize_name(name): code for code, names in _NAMES.items() for name in names}
_WORD_SPLIT = re.compile(r"[\s,;:()\[\]/|]+")

# Viet Nam moved its 11-digit mobile numbers to 10 digits in 2018 (0168 123 4567 became
# 038 123 4567); reports and phone books still hold the old form of the same subscriber.
_VN_MOVED = {
    "162": "32", "163": "33", "164": "34", "165": "35", "166": "36", "167": "37", "168": "38",
    "169": "39", "120": "70", "121": "79", "122": "77", "126": "76", "128": "78", "123": "83",
    "124": "84", "125": "85", "127": "81", "129": "82", "186": "56", "188": "58", "199": "59",
}  # fmt: skip

# International prefixes used in the region besides "00" (Thailand 001-009, Singapore 001,
# 002, 008, 018, 019, Indonesia 001, 007, 008, 009, Cambodia 001, 007) and Australia's 0011,
# which a number copied from another country's form may still carry.
IDD_PREFIXES = ("0011", "001", "002", "003", "005", "006", "007", "008", "009", "018", "019")


def country_named(words: str) -> str | None:
    """Return the member country that ``words`` name, None when none or several."""
    tokens = [t for t in _WORD_SPLIT.split(words) if normalize_name(t)]
    found: set[str] = set()
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            code = _BY_NAME.get(normalize_name(" ".join(tokens[start : start + size])))
            if code is not None:
                found.add(code)
    return found.pop() if len(found) == 1 else None


def is_country_name(words: str) -> bool:
    """Return True when ``words`` are, in full, the name of a member country."""
    return normalize_name(words) in _BY_NAME


def vn_current(candidate: str, region: str | None) -> str:
    """Return a Vietnamese number written with a pre-2018 11-digit prefix in today's form."""
    if candidate.startswith("+8401") and len(candidate) == 14:
        # "+84 (0) 168 123 4567": the trunk 0 kept after the country code.
        candidate = "+84" + candidate[4:]
    if candidate.startswith("+841") and len(candidate) == 13:
        national = candidate[3:]
        new = _VN_MOVED.get(national[:3])
        return candidate if new is None else f"+84{new}{national[3:]}"
    if region == "VN" and candidate.startswith("01") and len(candidate) == 11:
        new = _VN_MOVED.get(candidate[1:4])
        return candidate if new is None else f"0{new}{candidate[4:]}"
    return candidate
