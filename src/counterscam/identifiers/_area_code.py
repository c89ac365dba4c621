"""Local landline numbers written without their area code, as people dial them in their city.

"5678 1234" in Jakarta and "8889-1000" in Manila call a landline only from that city; written
in a report they name no one number, since every area has its own line of those digits. They
are refused saying what to add, with the capital's area code as the example.
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import PhoneNumberType

# The capital's area code, after the trunk 0, and the place it is dialled in.
_CAPITAL_AREA = {
    "ID": ("021", "Jakarta"),
    "KH": ("023", "Phnom Penh"),
    "LA": ("021", "Vientiane"),
    "MM": ("01", "Yangon"),
    "MY": ("03", "Kuala Lumpur"),
    "PH": ("02", "Metro Manila"),
    "TH": ("02", "Bangkok"),
    "VN": ("024", "Hanoi"),
}
_FIXED = (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
# Subscriber numbers of the region's capitals: 6 (Yangon's oldest) to 8 digits.
_LOCAL_LENGTHS = range(6, 9)


def capital_landline(digits: str, region: str | None) -> str | None:
    """Return the capital's landline ``digits`` would be with its area code ("02 8889 1000"),
    None when they would be none (or already start with the trunk 0)."""
    area = _CAPITAL_AREA.get(region or "")
    if area is None or digits[:1] in ("0", "1") or len(digits) not in _LOCAL_LENGTHS:
        return None
    code = area[0]
    try:
        number = phonenumbers.parse(code + digits, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in _FIXED:
        return None
    written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return f"{written} if it is in {area[1]}"


def no_area_code(shown_raw: str, local: str, mobile_in: list[str]) -> str:
    """Return the reason for a local landline number written without its area code;
    ``mobile_in``: the other countries where the digits are a mobile, with the number."""
    elsewhere = f" (a mobile in {' or '.join(mobile_in)})" if mobile_in else ""
    return (
        f"{shown_raw} looks like a landline number without its area code, as it is dialled "
        f"within its city; the same digits are a line in every area, so add the area code "
        f"with its 0, like {local}, or the country code if it is from another "
        f"country{elsewhere}"
    )
