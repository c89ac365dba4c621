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
# A neighbour's number is named in the reporter's language: Thai "กัมพูชา 012 345 678",
# Vietnamese "Campuchia ...", Malay "Kemboja", Indonesian "Kamboja", Khmer "ថៃ" (Thailand).
_NEIGHBOURS = {
    "BN": ("บรูไน", "Bru-nây", "Brunây"),
    "KH": ("กัมพูชา", "เขมร", "Campuchia", "Kemboja", "Kamboja", "ກຳປູເຈຍ"),
    "ID": ("อินโดนีเซีย", "In-đô-nê-xi-a", "Indonêxia"),
    "LA": ("ลาว", "สปป.ลาว", "Lào", "ឡាវ"),
    "MY": ("มาเลเซีย", "Ma-lai-xi-a", "Malaixia", "ម៉ាឡេស៊ី"),
    "MM": ("พม่า", "เมียนมา", "เมียนมาร์", "Mi-an-ma", "Miến Điện"),
    "PH": ("ฟิลิปปินส์", "Phi-líp-pin", "Philippin", "Filipina"),
    "SG": ("สิงคโปร์", "Xin-ga-po", "Singapura", "សិង្ហបុរី"),
    "TH": ("Thái Lan", "ថៃ", "ໄທ", "ထိုင်း"),
    "VN": ("เวียดนาม", "វៀតណាម", "ຫວຽດນາມ", "ဗီယက်နမ်"),
}
_NAMES = {code: names + _NEIGHBOURS[code] for code, names in _NAMES.items()}
_BY_NAME = {normalize_name(name): code for code, names in _NAMES.items() for name in names}
_WORD_SPLIT = re.compile(r"[\s,;:()\[\]/|]+")

# Viet Nam moved its 11-digit mobile numbers to 10 digits in 2018 (0168 123 4567 became
# 038 123 4567); reports and phone books still hold the old form of the same subscriber.
_VN_MOVED = {
    "162": "32", "163": "33", "164": "34", "165": "35", "166": "36", "167": "37", "168": "38",
    "169": "39", "120": "70", "121": "79", "122": "77", "126": "76", "128": "78", "123": "83",
    "124": "84", "125": "85", "127": "81", "129": "82", "186": "56", "188": "58", "199": "59",
}  # fmt: skip

# Viet Nam gave every province a new landline area code in 2017 (Decision 2036/QĐ-BTTTT):
# Hanoi 4 became 24, Ho Chi Minh City 8 became 28, the rest 2xx; the subscriber's digits
# stayed. Old code: (new code, the subscriber's digits then). Phu Tho 210, Vinh Phuc 211,
# Hoa Binh 218 and Ha Giang 219 kept theirs. The codes are prefix-free, so a number has one
# old reading at most.
_VN_AREA = {
    "4": ("24", 8), "8": ("28", 8),  # Hanoi, Ho Chi Minh City
    "20": ("214", 7), "22": ("212", 7), "25": ("205", 7), "26": ("206", 7),
    "27": ("207", 7), "29": ("216", 7), "30": ("229", 7), "31": ("225", 7),
    "33": ("203", 7), "36": ("227", 7), "37": ("237", 7), "38": ("238", 7),
    "39": ("239", 7), "52": ("232", 7), "53": ("233", 7), "54": ("234", 7),
    "55": ("255", 7), "56": ("256", 7), "57": ("257", 7), "58": ("258", 7),
    "59": ("269", 7), "60": ("260", 7), "61": ("251", 7), "62": ("252", 7),
    "63": ("263", 7), "64": ("254", 7), "66": ("276", 7), "67": ("277", 7),
    "68": ("259", 7), "70": ("270", 7), "72": ("272", 7), "73": ("273", 7),
    "74": ("294", 7), "75": ("275", 7), "76": ("296", 7), "77": ("297", 7),
    "79": ("299", 7),
    "230": ("215", 7), "231": ("213", 7), "240": ("204", 7), "241": ("222", 7),
    "280": ("208", 7), "281": ("209", 7), "320": ("220", 7), "321": ("221", 7),
    "350": ("228", 7), "351": ("226", 7), "500": ("262", 7), "501": ("261", 7),
    "510": ("235", 7), "511": ("236", 7), "650": ("274", 7), "651": ("271", 7),
    "710": ("292", 7), "711": ("293", 7), "780": ("290", 7), "781": ("291", 7),
}  # fmt: skip
# Countries without a trunk prefix, where a leading 0 is never part of a number: people
# used to dialling one at home still write it (Brunei "0223 4567", "+673 0 223 4567").
_NO_TRUNK = {"BN": "+673"}
# Singapore has no trunk prefix either, and "+65 (0) 9123 4567" is written from a template
# made for countries that have one. Only after "+65": a national "0..." cell tagged Singapore
# is more likely a neighbour's number written at home ("092 345 678" in Cambodia).
_NO_TRUNK_AFTER_CODE = ("+65",)
# A Lao mobile is 020 and eight digits, the first 2, 3, 5, 7 or 9 (the operator). People in
# Laos give the eight digits alone ("5512 3456", "+856 5512 3456"), as everyone knows the 20.
_LA_MOBILE_WITHOUT_20 = re.compile(r"(?:\+856|(?P<national>))(?P<subscriber>[23579]\d{7})")

# International prefixes used in the region besides "00" (Thailand 001-009, Singapore 001,
# 002, 008, 018, 019, Indonesia 001, 007, 008, 009, Cambodia 001, 007) and Australia's 0011,
# which a number copied from another country's form may still carry.
IDD_PREFIXES = ("0011", "001", "002", "003", "005", "006", "007", "008", "009", "018", "019")
# International prefixes that do not start with "00", by the region that dials them: Telkomsel's
# 01017 and its short form 017 in Indonesia, where no national number starts with 01; Viet Nam's
# cheap international calls over the carriers' VoIP services, 171, 177 or 178 and then "00"
# (no Vietnamese number starts with 1 after its trunk 0 is gone, and these keep the "00").
REGION_IDD_PREFIXES: dict[str, tuple[str, ...]] = {
    "ID": ("01017", "017"),
    "VN": ("17100", "17700", "17800"),
}


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


# Words that only say "phone number" or the app it is on, in the region's languages: "SĐT Thái
# Lan:" (Vietnamese "phone no."), "เบอร์ลาว" (Thai "number, Lao"), "No. HP Malaysia". Around
# a country's name they leave it the country said; other words ("Anh Thai", a person's name)
# do not.
_NUMBER_WORDS = frozenset(
    normalize_name(word)
    for word in (
        "tel", "telp", "phone", "mobile", "cell", "cellphone", "no", "number", "num", "nomor",
        "nombor", "telefon", "hp", "wa", "whatsapp", "viber", "line", "zalo", "telegram",
        "sđt", "số", "điện", "thoại", "dt", "เบอร์", "โทร", "เบอร์โทร", "โทรศัพท์",
        "ទូរស័ព្ទ", "លេខ", "ເບີ", "ເບີໂທ", "ဖုန်း", "ဖုန်းနံပါတ်",
    )
)  # fmt: skip
_THAI_NUMBER = ("เบอร์โทร", "เบอร์", "โทร")


def country_said(words: str) -> str | None:
    """Return the member country ``words`` name in full, besides words saying "phone number"
    (``_NUMBER_WORDS``); None when they say anything else."""
    rest: list[str] = []
    for token in _WORD_SPLIT.split(words):
        word = normalize_name(token.rstrip("."))
        if not word or word in _NUMBER_WORDS:
            continue
        # Thai writes no space between words: "เบอร์ลาว" is "number" and "Lao".
        prefix = next((p for p in _THAI_NUMBER if token.startswith(p) and token != p), "")
        rest.append(token[len(prefix) :])
    return _BY_NAME.get(normalize_name(" ".join(rest))) if rest else None


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


def vn_old_area(candidate: str, region: str | None) -> tuple[str, str] | None:
    """Return (old area code, today's number) of a landline written before Viet Nam's 2017
    renumbering ("04 3825 1234", "+84 4 3825 1234"), or None when it is not one."""
    if candidate.startswith("+840"):
        national = candidate[4:]  # "+84 (0) 4 3825 1234": the trunk 0 kept
    elif candidate.startswith("+84"):
        national = candidate[3:]
    elif region == "VN" and candidate.startswith("0") and not candidate.startswith("00"):
        national = candidate[1:]
    else:
        return None
    for size in (1, 2, 3):
        old = national[:size]
        moved = _VN_AREA.get(old)
        if moved is not None and len(national) == size + moved[1]:
            return old, f"+84{moved[0]}{national[size:]}"
    return None


def without_trunk_zero(candidate: str, region: str | None) -> str | None:
    """Return a number of a country without a trunk prefix written with a 0 anyway, without
    it ("0223 4567" in Brunei, "+65 0 9123 4567"), or None."""
    for code in _NO_TRUNK_AFTER_CODE:
        if candidate.startswith(code + "0"):
            return code + candidate[len(code) + 1 :]
    for where, code in _NO_TRUNK.items():
        if candidate.startswith(code + "0"):
            return code + candidate[len(code) + 1 :]
        if region == where and candidate.startswith("0") and not candidate.startswith("00"):
            return code + candidate[1:]
    return None


def la_mobile_with_20(candidate: str, region: str | None) -> str | None:
    """Return a Lao mobile written without its 20 ("5512 3456" in Laos, "+856 5512 3456")
    with it, as "+8562055123456", or None when it is not written so."""
    match = _LA_MOBILE_WITHOUT_20.fullmatch(candidate)
    if match is None or (match["national"] is not None and region != "LA"):
        return None
    return "+85620" + match["subscriber"]
