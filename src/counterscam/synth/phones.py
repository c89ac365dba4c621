"""Valid phone numbers per country, and the many ways people write them."""

from __future__ import annotations

import random
from dataclasses import dataclass

import phonenumbers

# Real mobile prefixes (after the trunk 0) and how many digits follow them; every drawn
# number is still checked with phonenumbers and redrawn when the metadata refuses it.
MOBILE: dict[str, tuple[tuple[str, int], ...]] = {
    "MY": (("12", 7), ("13", 7), ("16", 7), ("17", 7), ("19", 7), ("11", 8)),
    "SG": (("8", 7), ("9", 7)),
    "TH": tuple(
        (p, 7)
        for p in "61 62 63 64 65 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 "
        "95 96 97 98 99".split()
    ),
    "PH": tuple(
        (p, 7)
        for p in "905 906 915 916 917 918 919 920 921 922 927 928 929 939 945 "
        "947 951 955 956 961 966 967 977 995 998 999".split()
    ),
    "ID": tuple(
        (p, n)
        for p in "811 812 813 821 822 823 851 852 853 814 815 816 855 856 857 858 "
        "877 878 881 882 895 896 897 898 899".split()
        for n in (7, 8, 8, 9)
    ),
    "VN": tuple(
        (p, 7)
        for p in "32 33 34 35 36 37 38 39 56 58 59 70 76 77 78 79 81 82 83 84 "
        "85 86 88 90 91 93 94 96 97 98 99".split()
    ),
    "KH": tuple((p, 6) for p in "11 12 15 16 17 61 70 77 78 85 86 89 92 93 95 99".split())
    + (("96", 7), ("97", 7), ("88", 7), ("71", 7)),
    "LA": (("202", 7), ("205", 7), ("207", 7), ("209", 7)),
    "MM": tuple(
        (p, 7)
        for p in "925 926 940 942 944 945 965 966 967 968 969 975 976 977 978 "
        "979 988 989 996 997".split()
    ),
    "BN": (("7", 6), ("8", 6)),
    "CN": tuple((p, 8) for p in "130 131 132 135 136 137 138 139 150 151 158 159 186 188".split()),
}
# Fixed lines of capital cities: where banks and police run their customer lines.
LANDLINE: dict[str, tuple[str, int]] = {
    "MY": ("3", 8),
    "SG": ("6", 7),
    "TH": ("2", 7),
    "PH": ("28", 7),
    "ID": ("21", 8),
    "VN": ("24", 8),
    "KH": ("23", 6),
    "LA": ("21", 6),
    "MM": ("1", 6),
    "BN": ("2", 6),
}
NO_TRUNK = {"SG", "BN", "CN"}
# How the national form is grouped in each country, as sizes of digit groups after the trunk
# 0 is added (the last group takes what is left), and the usual separator.
NATIONAL_GROUPS: dict[str, tuple[tuple[int, ...], str]] = {
    "MY": ((3, 3), "- "),
    "SG": ((4,), " "),
    "TH": ((3, 3), " "),
    "PH": ((4, 3), " "),
    "ID": ((4, 4), "-"),
    "VN": ((3, 3, 2), " "),
    "KH": ((3, 3), " "),
    "LA": ((3, 4), " "),
    "MM": ((2, 3, 3), " "),
    "BN": ((3,), " "),
    "CN": ((3, 4), " "),
}
FULLWIDTH = str.maketrans("0123456789+", "０１２３４５６７８９＋")


@dataclass(frozen=True)
class Phone:
    """A phone number: its region and national significant number."""

    region: str
    nsn: str

    @property
    def calling_code(self) -> str:
        """Return the country calling code without "+"."""
        return str(phonenumbers.country_code_for_region(self.region))

    @property
    def e164(self) -> str:
        """Return the canonical E.164 form."""
        return f"+{self.calling_code}{self.nsn}"


def is_valid(region: str, nsn: str) -> bool:
    """Return True when phonenumbers accepts ``nsn`` as a number of ``region``."""
    code = phonenumbers.country_code_for_region(region)
    # Building the number directly is several times faster than parsing its text.
    number = phonenumbers.PhoneNumber(country_code=code, national_number=int(nsn))
    return bool(phonenumbers.is_valid_number(number))


def _draw(rng: random.Random, region: str, prefix: str, digits: int) -> str:
    for _ in range(50):
        nsn = prefix + "".join(rng.choices("0123456789", k=digits))
        if is_valid(region, nsn):
            return nsn
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if example is None:  # pragma: no cover - every member region has an example
        raise ValueError(f"no valid phone number found for {region}")
    return str(example.national_number)


def mobile(rng: random.Random, region: str) -> Phone:
    """Draw a valid mobile number of ``region``."""
    prefix, digits = rng.choice(MOBILE[region])
    return Phone(region, _draw(rng, region, prefix, digits))


def landline(rng: random.Random, region: str) -> Phone:
    """Draw a valid fixed-line number in the capital of ``region``."""
    prefix, digits = LANDLINE[region]
    return Phone(region, _draw(rng, region, prefix, digits))


def mistype(rng: random.Random, phone: Phone) -> Phone | None:
    """Return ``phone`` with one digit wrong that is still a valid number, if one is found."""
    for _ in range(20):
        i = rng.randrange(min(3, len(phone.nsn) - 1), len(phone.nsn))
        digit = rng.choice([d for d in "0123456789" if d != phone.nsn[i]])
        nsn = phone.nsn[:i] + digit + phone.nsn[i + 1 :]
        if is_valid(phone.region, nsn):
            return Phone(phone.region, nsn)
    return None


def _group(digits: str, sizes: tuple[int, ...], seps: str) -> str:
    """Split ``digits`` into groups; ``seps`` gives the separator of each gap in turn."""
    parts, i = [], 0
    for size in sizes:
        if i + size >= len(digits):
            break
        parts.append(digits[i : i + size])
        i += size
    parts.append(digits[i:])
    out = parts[0]
    for n, part in enumerate(parts[1:]):
        out += seps[min(n, len(seps) - 1)] + part
    return out


def national(phone: Phone) -> str:
    """Return the national form with its trunk prefix, unseparated."""
    return phone.nsn if phone.region in NO_TRUNK else "0" + phone.nsn


def write(phone: Phone, style: float) -> tuple[str, bool]:
    """Return one way a person writes ``phone`` and whether it is in national form.

    ``style`` is a uniform draw in [0, 1) choosing the spelling.
    """
    sizes, sep = NATIONAL_GROUPS.get(phone.region, ((3, 3), " "))
    intl = sizes if phone.region in NO_TRUNK else (sizes[0] - 1, *sizes[1:])
    cc, nsn = phone.calling_code, phone.nsn
    if style < 0.34:
        text, is_national = _group(national(phone), sizes, sep), True
    elif style < 0.44:
        text, is_national = national(phone), True
    elif style < 0.47:
        text, is_national = _group(national(phone), sizes, "."), True
    elif style < 0.67:
        text, is_national = f"+{cc} {_group(nsn, intl, sep)}", False
    elif style < 0.82:
        text, is_national = f"+{cc}{nsn}", False
    elif style < 0.88:
        text, is_national = f"00{cc}{nsn}", False
    elif style < 0.94:
        text, is_national = f"(+{cc}) {_group(nsn, intl, ' ')}", False
    else:
        text, is_national = f"+{cc}-{_group(nsn, intl, '-')}", False
    if style > 0.985 or 0.33 < style < 0.335:
        # Full-width digits come from phones set to East Asian input methods.
        text = text.translate(FULLWIDTH)
    return text, is_national
