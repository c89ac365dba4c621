"""Fourteenth probe: phone numbers, bank accounts and e-wallets as analysts and desk officers
in the ten countries write them (local digits, trunk prefixes, carriers and apps named after the
number, sentences in the region's languages, banks in local scripts and abbreviations, payment QR
codes' payloads), each with the canonical value DESIGN.md's contract gives it, or why it is
refused."""

from __future__ import annotations

import pytest

from counterscam.identifiers import canonicalize, guess_kind
from counterscam.identifiers.shared import shared_note
from tests.identifiers.forms import reason, value

P = "phone"
B = "bank_account"
E = "ewallet"

# Forms this probe tried that were already read right: kept so that they stay so.
READ = [
    (P, "โทร.๐๘๑ ๒๓๔ ๕๖๗๘", "TH", "phone:+66812345678"),
    (P, "มือถือ 081-234-5678", "TH", "phone:+66812345678"),
    (P, "เบอร์ 08-1234-5678", "TH", "phone:+66812345678"),
    (P, "02-123-4567 ต่อ 1234", "TH", "phone:+6621234567"),
    (P, "๐๒ ๒๘๑ ๑๑๑๑", "TH", "phone:+6622811111"),
    (P, "*1175", "TH", "shortcode:TH:*1175"),
    (P, "+66 (0)81-234-5678", "TH", "phone:+66812345678"),
    (P, "(66)81-234-5678", "TH", "phone:+66812345678"),
    (P, "081-234-5678 (ดีแทค)", "TH", "phone:+66812345678"),
    (P, "+856-20-5512-3456", "LA", "phone:+8562055123456"),
    (P, "021 214 100", "LA", "phone:+85621214100"),
    (P, "030 5123 456", "LA", "phone:+856305123456"),
    (P, "(856-21) 214 100", "LA", "phone:+85621214100"),
    (P, "020 55 123 456 (Unitel)", "LA", "phone:+8562055123456"),
    (P, "၀၉-၄၂၅၀၁၂၃၄၅", "MM", "phone:+959425012345"),
    (P, "ဖုန်း ၀၉ ၄၂၅ ၀၁၂ ၃၄၅", "MM", "phone:+959425012345"),
    (P, "+95 1 234 567", "MM", "phone:+951234567"),
    (P, "09-6912-34567 (Mytel)", "MM", "phone:+959691234567"),
    (P, "ဖုန်းနံပါတ် - ၀၉၇၈၁၂၃၄၅၆၇", "MM", "phone:+959781234567"),
    (P, "09 425 012 345 (Ooredoo)", "MM", "phone:+959425012345"),
    (P, "ទូរស័ព្ទ៖ ០១២ ៣៤៥ ៦៧៨", "KH", "phone:+85512345678"),
    (P, "លេខទូរស័ព្ទ 012 345 678", "KH", "phone:+85512345678"),
    (P, "+855 (0)12 345 678", "KH", "phone:+85512345678"),
    (P, "(+855) 97 7123 456", "KH", "phone:+855977123456"),
    (P, "(+84) 912 345 678", "VN", "phone:+84912345678"),
    (P, "SĐT/Zalo: 0912345678", "VN", "phone:+84912345678"),
    (P, "ĐT: (028) 3822 1234", "VN", "phone:+842838221234"),
    (P, "Liên hệ 0912345678 để nhận quà", "VN", "phone:+84912345678"),
    (P, "đt 0912 345 678 (Viettel)", "VN", "phone:+84912345678"),
    (P, "84-912-345-678", "VN", "phone:+84912345678"),
    (P, "+84.912.345.678", "VN", "phone:+84912345678"),
    (P, "(02) 8889-1000", "PH", "phone:+63288891000"),
    (P, "+63 2 8889 1000", "PH", "phone:+63288891000"),
    (P, "Smart: 0918-123-4567", "PH", "phone:+639181234567"),
    (P, "0917-123-4567 (Viber/WhatsApp)", "PH", "phone:+639171234567"),
    (P, "Tawagan ang 0917 123 4567", "PH", "phone:+639171234567"),
    (P, "+63 (917) 123-4567", "PH", "phone:+639171234567"),
    (P, "(032) 253-1234", "PH", "phone:+63322531234"),
    (P, "+65-9123-4567 (HP)", "SG", "phone:+6591234567"),
    (P, "HP: 9123 4567", "SG", "phone:+6591234567"),
    (P, "Maybank hotline 1-300-88-6688", "MY", "phone:+601300886688"),
    (P, "1-300-88-6688", "MY", "phone:+601300886688"),
    (P, "+603-2070 8833", "MY", "phone:+60320708833"),
    (P, "012-345 6789 (Maxis)", "MY", "phone:+60123456789"),
    (P, "Tel: 03-2123 4567 samb. 123", "MY", "phone:+60321234567"),
    (P, "Sila hubungi 012-345 6789 segera", "MY", "phone:+60123456789"),
    (P, "+673 222 3333", "BN", "phone:+6732223333"),
    (P, "(673) 712-3456", "BN", "phone:+6737123456"),
    (P, "Tel: 2223333 ext 12", "BN", "phone:+6732223333"),
    (P, "+673 8123456", "BN", "phone:+6738123456"),
    (P, "(021) 5678-1234", "ID", "phone:+622156781234"),
    (P, "+62 21 5678 1234", "ID", "phone:+622156781234"),
    (P, "0812-3456-7890 (WA only)", "ID", "phone:+6281234567890"),
    (P, "Telp/WA: 0812 3456 7890", "ID", "phone:+6281234567890"),
    (P, "HP. 0812.3456.7890", "ID", "phone:+6281234567890"),
    (P, "Hubungi kami di 0812-3456-7890 ya", "ID", "phone:+6281234567890"),
    (P, "+62 (0) 812-3456-7890", "ID", "phone:+6281234567890"),
    (P, "0812 3456 7890 (Telkomsel)", "ID", "phone:+6281234567890"),
    (P, "021-5678 1234 ext. 204", "ID", "phone:+622156781234"),
    (B, "กรุงไทย 123-4-56789-0", "TH", "bank_account:TH:KRTH:1234567890"),
    (B, "ธ.กรุงศรี 123-4-56789-0", "TH", "bank_account:TH:AYUD:1234567890"),
    (B, "ธ.กรุงศรีอยุธยา 123-4-56789-0", "TH", "bank_account:TH:AYUD:1234567890"),
    (B, "ออมสิน 0201-2345-6789", "TH", "bank_account:TH:GSBA:020123456789"),
    (B, "ธกส. 0201 2345 6789", "TH", "bank_account:TH:BAAB:020123456789"),
    (B, "ttb 123-4-56789-0", "TH", "bank_account:TH:TMBK:1234567890"),
    (B, "KTB 123-4-56789-0", "TH", "bank_account:TH:KRTH:1234567890"),
    (B, "BAY 123-4-56789-0", "TH", "bank_account:TH:AYUD:1234567890"),
    (B, "ธ.ทหารไทยธนชาต 123-4-56789-0", "TH", "bank_account:TH:TMBK:1234567890"),
    (B, "ธ.ก.ส. เลขที่บัญชี ๐๒๐๑๒๓๔๕๖๗๘๙", "TH", "bank_account:TH:BAAB:020123456789"),
    (B, "Maybank2u 1140 1234 5678", "MY", "bank_account:MY:MBBE:114012345678"),
    (B, "PBB 3123456789", "MY", "bank_account:MY:PBBE:3123456789"),
    (B, "Public Bank 3123456789", "MY", "bank_account:MY:PBBE:3123456789"),
    (B, "BIMB 12345678901234", "MY", "bank_account:MY:BIMB:12345678901234"),
    (B, "Bank Islam 12345678901234", "MY", "bank_account:MY:BIMB:12345678901234"),
    (B, "HLB 12345678901", "MY", "bank_account:MY:HLBB:12345678901"),
    (B, "AmBank 8881234567890", "MY", "bank_account:MY:ARBK:8881234567890"),
    (B, "Bank Rakyat 221234567890", "MY", "bank_account:MY:BKRM:221234567890"),
    (B, "RHB 21412300012345", "MY", "bank_account:MY:RHBB:21412300012345"),
    (B, "Bank Mandiri 123-00-1234567-8", "ID", "bank_account:ID:BMRI:1230012345678"),
    (B, "CIMB Niaga 800123456700", "ID", "bank_account:ID:BNIA:800123456700"),
    (B, "Bank Jago 1012 3456 7890", "ID", "bank_account:ID:XJAG:101234567890"),
    (B, "Permata VA 8528 0812 3456 7890", "ID", "bank_account:ID:BBBA:8528081234567890"),
    (B, "BTN 0012301234567890", "ID", "bank_account:ID:BTAN:0012301234567890"),
    (B, "Bank DKI 1234567890", "ID", "bank_account:ID:BDKI:1234567890"),
    (B, "Techcombank 19031234567890", "VN", "bank_account:VN:VTCB:19031234567890"),
    (B, "TCB 19031234567890", "VN", "bank_account:VN:VTCB:19031234567890"),
    (B, "MBBank 0123456789999", "VN", "bank_account:VN:MSCB:0123456789999"),
    (B, "Vietinbank 101234567890", "VN", "bank_account:VN:ICBV:101234567890"),
    (B, "CTG 101234567890", "VN", "bank_account:VN:ICBV:101234567890"),
    (B, "BIDV 12010001234567", "VN", "bank_account:VN:BIDV:12010001234567"),
    (B, "TPBank 01234567890", "VN", "bank_account:VN:TPBV:01234567890"),
    (B, "Sacombank 060123456789", "VN", "bank_account:VN:SGTT:060123456789"),
    (B, "VPBank 123456789", "VN", "bank_account:VN:VPBK:123456789"),
    (
        B,
        "Ngân hàng TMCP Kỹ Thương Việt Nam 19031234567890",
        "VN",
        "bank_account:VN:VTCB:19031234567890",
    ),
    (B, "NH Công Thương 101234567890", "VN", "bank_account:VN:ICBV:101234567890"),
    (B, "LBP 1234-5678-90", "PH", "bank_account:PH:TLBP:1234567890"),
    (B, "PNB 1234-5678-9012", "PH", "bank_account:PH:PNBM:123456789012"),
    (B, "RCBC 1234567890", "PH", "bank_account:PH:RCBC:1234567890"),
    (B, "Security Bank 0000012345678", "PH", "bank_account:PH:SETC:0000012345678"),
    (B, "UnionBank 1094 1234 5678", "PH", "bank_account:PH:UBPH:109412345678"),
    (B, "China Bank 1234567890", "PH", "bank_account:PH:CHBK:1234567890"),
    (B, "GoTyme 1234 5678 9012", "PH", "bank_account:PH:XGOT:123456789012"),
    (B, "Trust Bank 1234567890", "SG", "bank_account:SG:XTRU:1234567890"),
    (B, "អេស៊ីលីដា 0001-01-123456-1-2", "KH", "bank_account:KH:ACLB:00010112345612"),
    (B, "ធនាគារ ABA 000 123 456", "KH", "bank_account:KH:ABAA:000123456"),
    (B, "Sathapana 12345678901", "KH", "bank_account:KH:SBPL:12345678901"),
    (B, "BCEL 010 12 00 01234567 001", "LA", "bank_account:LA:COEB:010120001234567001"),
    (B, "LDB 0201 0000 1234 5678", "LA", "bank_account:LA:LDBB:0201000012345678"),
    (B, "ທະນາຄານພັດທະນາລາວ 0201000012345678", "LA", "bank_account:LA:LDBB:0201000012345678"),
    (B, "JDB 1234567890123", "LA", "bank_account:LA:XJDB:1234567890123"),
    (B, "ທະນາຄານ ຮ່ວມພັດທະນາ 1234567890123", "LA", "bank_account:LA:XJDB:1234567890123"),
    (B, "KBZ 0123 0123 4567 8901 2", "MM", "bank_account:MM:KBZB:01230123456789012"),
    (B, "AYA Bank 0123456789", "MM", "bank_account:MM:AYAB:0123456789"),
    (B, "ဧရာဝတီဘဏ် 0123456789", "MM", "bank_account:MM:AYAB:0123456789"),
    (B, "သမဝါယမဘဏ် 0001600100012345", "MM", "bank_account:MM:CPOB:0001600100012345"),
    (B, "AGD 1234567890", "MM", "bank_account:MM:XAGD:1234567890"),
    (B, "MAB 1234567890", "MM", "bank_account:MM:XMAB:1234567890"),
    (B, "Baiduri 0123456789", "BN", "bank_account:BN:BAIB:0123456789"),
    (B, "Baiduri Bank 00-100-12-345678", "BN", "bank_account:BN:BAIB:0010012345678"),
    (
        B,
        "Kasikorn Bank Account No. 123-4-56789-0 Branch 0012",
        "TH",
        "bank_account:TH:KASI:1234567890",
    ),
    (B, "BDO Unibank Inc. 0012-3456-7890", "PH", "bank_account:PH:BNOR:001234567890"),
    (B, "0011001234567 tại VCB CN Sở Giao Dịch", "VN", "bank_account:VN:BFTV:0011001234567"),
    (E, "Maya 0918 123 4567", "PH", "ewallet:maya:+639181234567"),
    (E, "PayMaya: 09181234567", "PH", "ewallet:maya:+639181234567"),
    (E, "TrueMoney Wallet 081-234-5678", "TH", "ewallet:truemoney:+66812345678"),
    (E, "TnG 0123456789", "MY", "ewallet:tng:+60123456789"),
    (E, "GrabPay 8123 4567", "SG", "ewallet:grabpay:+6581234567"),
    (E, "OVO 0812-3456-7890", "ID", "ewallet:ovo:+6281234567890"),
    (E, "DANA: 0812 3456 7890", "ID", "ewallet:dana:+6281234567890"),
    (E, "ShopeePay 0812 3456 7890", "ID", "ewallet:shopeepay:+6281234567890"),
    (E, "MoMo 0912 345 678", "VN", "ewallet:momo:+84912345678"),
    (E, "Ví MoMo: 0912345678", "VN", "ewallet:momo:+84912345678"),
    (E, "ZaloPay 0912345678", "VN", "ewallet:zalopay:+84912345678"),
    (E, "Viettel Money 0987654321", "VN", "ewallet:viettelpay:+84987654321"),
    (E, "VNPay 0912345678", "VN", "ewallet:vnpay:+84912345678"),
    (E, "KBZPay 09 425 012 345", "MM", "ewallet:kbzpay:+959425012345"),
    (E, "KPay 09425012345", "MM", "ewallet:kbzpay:+959425012345"),
    (E, "K Pay 09-425-012-345", "MM", "ewallet:kbzpay:+959425012345"),
    (E, "WavePay 09 7812 34567", "MM", "ewallet:wavepay:+959781234567"),
    (E, "Wave Money 09781234567", "MM", "ewallet:wavepay:+959781234567"),
    (E, "AYA Pay 09425012345", "MM", "ewallet:ayapay:+959425012345"),
    (E, "CB Pay 09425012345", "MM", "ewallet:cbpay:+959425012345"),
    (E, "M-Money 020 5512 3456", "LA", "ewallet:mmoney:+8562055123456"),
    (E, "MMoney 02055123456", "LA", "ewallet:mmoney:+8562055123456"),
    (E, "U-Money 020 5512 3456", "LA", "ewallet:umoney:+8562055123456"),
    (E, "LinkAja 0812 3456 7890", "ID", "ewallet:linkaja:+6281234567890"),
    (E, "Boost 012-345 6789", "MY", "ewallet:boost:+60123456789"),
    (E, "BigPay 012-345 6789", "MY", "ewallet:bigpay:+60123456789"),
    (E, "Pi Pay 012 345 678", "KH", "ewallet:pipay:+85512345678"),
    (E, "Rabbit LINE Pay 081-234-5678", "TH", "ewallet:rabbitlinepay:+66812345678"),
    (E, "ShopeePay TH 081-234-5678", "TH", "ewallet:shopeepay:+66812345678"),
    (E, "GCash +63 917 123 4567", "PH", "ewallet:gcash:+639171234567"),
    (E, "G-Cash 0917-123-4567", "PH", "ewallet:gcash:+639171234567"),
    (E, "Gcash no. 09171234567 (Juan D.)", "PH", "ewallet:gcash:+639171234567"),
    (E, "ทรูมันนี่ ๐๘๑-๒๓๔-๕๖๗๘", "TH", "ewallet:truemoney:+66812345678"),
    (E, "พร้อมเพย์ เบอร์ 081-234-5678", "TH", "ewallet:promptpay:+66812345678"),
    (E, "DuitNow ID 012-345 6789", "MY", "ewallet:duitnow:+60123456789"),
    (E, "Touch n Go 012 345 6789", "MY", "ewallet:tng:+60123456789"),
    (E, "Touch'nGo 012-3456789", "MY", "ewallet:tng:+60123456789"),
    (E, "MoMo 0912 345 678 (Nguyễn Văn A)", "VN", "ewallet:momo:+84912345678"),
    (E, "Onepay 09425012345", "MM", "ewallet:onepay:+959425012345"),
    (E, "Mytel Pay 0969 123 4567", "MM", "ewallet:mytelpay:+959691234567"),
    (E, "Gojek 0812 3456 7890", "ID", "ewallet:gopay:+6281234567890"),
    (E, "Coins.ph 0917 123 4567", "PH", "ewallet:coinsph:+639171234567"),
    (E, "ShopeePay 0917 123 4567", "PH", "ewallet:shopeepay:+639171234567"),
    (E, "GoPay 0812-3456-7890", "ID", "ewallet:gopay:+6281234567890"),
]


@pytest.mark.parametrize(("kind", "raw", "country", "expected"), READ)
def test_probed_forms_read(kind: str, raw: str, country: str, expected: str) -> None:
    assert value(kind, raw, country) == expected


# Found by this probe and fixed.

# Payment QR codes' payloads as a QR reader shows them (EMVCo merchant-presented mode, with
# their CRC-16 checksums). They were read as phone numbers' or accounts' digits and refused.
PP_MOBILE = "00020101021129370016A000000677010111011300668123456785802TH530376463045D82"
PP_ID = "00020101021129370016A0000006770101110213110170020345053037645802TH630409B9"
PP_EWALLET = (
    "00020101021229390016A000000677010111031500499901234567853037645406500.005802TH6304C5C9"
)
PP_BILL = (
    "00020101021130470016A00000067701011201150105560123456010204REF153037645802TH5908"
    "ABC SHOP63048156"
)
VIETQR = (
    "00020101021138570010A00000072701270006970436011300110012345670208QRIBFTTA53037045802VN6304E8DB"
)
VIETQR_CARD = (
    "00020101021138630010A00000072701330006970436011997043668012345678900208QRIBFTTC5"
    "3037045802VN6304AD68"
)
PAYNOW = (
    "00020101021126380009SG.PAYNOW010100211+6591234567030115204000053037025802SG5910T"
    "AN AH KOW6009Singapore63046119"
)
PAYNOW_UEN = (
    "00020101021226370009SG.PAYNOW010120210201912345K030105204000053037025802SG5916SH"
    "ELL CO PTE LTD6009Singapore6304D7E3"
)
KHQR = "00020101021129170013dara_sok@aclb5204599953038405802KH5908Sok Dara6010PHNOM PENH6304E561"
DUITNOW = (
    "00020101021126470014A00000061500010106890053021500001000001234552045411530345858"
    "02MY5916KEDAI RUNCIT ALI6012KUALA LUMPUR6304EC08"
)
QRPH = (
    "00020101021127580012com.p2pqrpay0111GXCHPHM2XXX020899964403041109171234567520460"
    "1653036085802PH5914JUAN DELA CRUZ6006Manila630475ED"
)
QRIS = (
    "00020101021126390013ID.CO.BCA.WWW011893600014000001234551370014ID.CO.QRIS.WWW021"
    "5ID10200123456785204581253033605802ID5911WARUNG BUDI6007JAKARTA6304B58B"
)


@pytest.mark.parametrize(
    ("kind", "raw", "country", "expected"),
    [
        (E, PP_MOBILE, "TH", "ewallet:promptpay:+66812345678"),
        (B, PP_MOBILE, "MY", "ewallet:promptpay:+66812345678"),  # a proxy filed as an account
        (E, PP_ID, "TH", "ewallet:promptpay:1101700203450"),
        (E, PP_EWALLET, "TH", "ewallet:promptpay:004999012345678"),
        (B, VIETQR, "VN", "bank_account:VN:BFTV:0011001234567"),
        (E, VIETQR, "VN", "bank_account:VN:BFTV:0011001234567"),  # VietQR pays a bank account
        (E, PAYNOW, "SG", "ewallet:paynow:+6591234567"),
        (E, PAYNOW_UEN, "MY", "ewallet:paynow:201912345K"),
        (E, KHQR, "KH", "ewallet:bakong:dara_sok@aclb"),
        # The payee's name in Thai (field 64), which NFKC would change (SARA AM) and with it
        # the payload's lengths and checksum.
        (
            E,
            "00020101021129370016A0000006770101110113006681234567853037645802TH5907SOMCHAI"
            "64230002TH0113นายสมชาย ทำดี630406E2",
            "TH",
            "ewallet:promptpay:+66812345678",
        ),
        # A real PromptPay payload, as payment pages publish it.
        (
            E,
            "00020101021129370016A0000006770101110113006681222333353037645802TH63041DCF",
            "TH",
            "ewallet:promptpay:+66812223333",
        ),
    ],
)
def test_a_payment_qr_payload_is_the_account_it_pays(
    kind: str, raw: str, country: str, expected: str
) -> None:
    assert value(kind, raw, country) == expected


@pytest.mark.parametrize(
    ("raw", "country", "said"),
    [
        (DUITNOW, "MY", "is a DuitNow QR code's payload for 'KEDAI RUNCIT ALI'"),
        (QRPH, "PH", "is a QR Ph code's payload for 'JUAN DELA CRUZ'"),
        (QRIS, "ID", "is a QRIS code's payload for 'WARUNG BUDI'"),
        (PP_BILL, "TH", "to biller ID 010556012345601"),
        (VIETQR_CARD, "VN", "paying card number 9704366801234567890, not an account"),
        (PP_MOBILE[:-1] + "0", "TH", "checksum (the last 4 characters) does not match"),
        (PP_MOBILE[:40], "TH", "is cut short or changed"),
    ],
)
def test_a_payment_qr_payload_naming_no_account_says_what_it_is(
    raw: str, country: str, said: str
) -> None:
    why = reason(E, raw, country)
    assert said in why
    assert any(how in why for how in ("enter the account", "paste the whole"))


def test_detect_automatically_reads_a_payment_qr_payload() -> None:
    assert guess_kind(PP_MOBILE, country="TH") == "ewallet"
    assert guess_kind(VIETQR, country="VN") == "bank_account"
    assert guess_kind(DUITNOW, country="MY") == "ewallet"  # so that its reason shows


def test_an_account_number_starting_like_a_payload_is_still_an_account() -> None:
    assert value(B, "000201234567", "TH", qualifier="GSB") == "bank_account:TH:GSBA:000201234567"


@pytest.mark.parametrize(
    ("raw", "country", "add"),
    [
        # Jakarta's line dialled in the city was read as 0567 81234, a line in Putussibau.
        ("5678 1234", "ID", "(021) 56781234 if it is in Jakarta"),
        # Said to be only a Singapore mobile.
        ("8889-1000", "PH", "(02) 8889 1000 if it is in Metro Manila"),
        ("2123 4567", "MY", "03-2123 4567 if it is in Kuala Lumpur"),
        ("3825 1234", "VN", "024 3825 1234 if it is in Hanoi"),
    ],
)
def test_a_landline_without_its_area_code_says_what_to_add(
    raw: str, country: str, add: str
) -> None:
    why = reason(P, raw, country)
    assert "a landline number without its area code" in why
    assert f"add the area code with its 0, like {add}" in why


def test_a_landline_without_area_code_names_the_mobile_it_could_be() -> None:
    assert "(a mobile in Singapore (+65 8889 1000))" in reason(P, "8889-1000", "PH")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("021-5678 1234", "ID", "phone:+622156781234"),  # with its area code
        ("21 5678 1234", "ID", "phone:+622156781234"),  # without the trunk 0, whole
        ("2123 4567", "TH", "phone:+6621234567"),  # Bangkok's 02 without its 0, whole
    ],
)
def test_a_landline_with_its_area_code_is_read(raw: str, country: str, expected: str) -> None:
    assert value(P, raw, country) == expected


@pytest.mark.parametrize(
    ("kind", "raw", "country", "expected"),
    [
        # Thai star numbers, which businesses rent from the mobile networks: "neither a phone
        # number nor an SMS sender name". The star is kept: 1175 is another number.
        (P, "*1175", "TH", "shortcode:TH:*1175"),
        (P, "* 1175", "TH", "shortcode:TH:*1175"),
        ("shortcode", "*1175", "TH", "shortcode:TH:*1175"),
        ("shortcode", "TH:*1175", None, "shortcode:TH:*1175"),
    ],
)
def test_a_star_number_is_a_short_code(
    kind: str, raw: str, country: str | None, expected: str
) -> None:
    assert value(kind, raw, country) == expected
    assert value(P, "1175", "TH") != value(P, "*1175", "TH")


def test_detect_automatically_takes_a_star_number_for_a_short_code() -> None:
    assert guess_kind("*1175", country="TH") == "shortcode"  # it was not guessed


def test_a_ussd_code_stays_refused_beside_star_numbers() -> None:
    assert "is a USSD code" in reason(P, "*1175#", "TH")


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        # The label's quotes were kept: "SMS FROM 'GCASH'", or "neither a phone number nor an
        # SMS sender name"; as a phone, a label was not read at all.
        ("sender_id", "SMS from 'GCash'", "sender_id:PH:GCASH"),
        (P, "SMS from 'GCash'", "sender_id:PH:GCASH"),
        (P, 'SMS from "GCash"', "sender_id:PH:GCASH"),
        (P, "Sender: GCash", "sender_id:PH:GCASH"),
        (P, "From: 'BDO'", "sender_id:PH:BDO"),
        (P, "Pengirim: BDO", "sender_id:PH:BDO"),
    ],
)
def test_a_sender_label_before_a_sender_name_is_dropped(kind: str, raw: str, expected: str) -> None:
    assert value(kind, raw, "PH") == expected


def test_a_sender_name_without_a_label_colon_keeps_its_words() -> None:
    assert value(P, "SENDER MAYBANK", "MY") == "sender_id:MY:SENDER MAYBANK"


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        # Was "neither a phone number nor an SMS sender name".
        ("Mobile: +65 9123 4567 Office: +65 6123 4567", "SG"),
        # Was +85523216123: the "x" of "Fax" was read as an extension's, the fax number dropped.
        ("Tel: 023 216 123 Fax: 023 216 124", "KH"),
    ],
)
def test_two_labelled_numbers_are_two(raw: str, country: str) -> None:
    assert "holds more than one phone number" in reason(P, raw, country)


@pytest.mark.parametrize(
    ("kind", "raw", "country", "expected"),
    [
        # Banks and wallets the reference data did not list: "names an unknown bank" or "names
        # none known".
        (B, "Bank DKI 1234567890", "ID", "bank_account:ID:BDKI:1234567890"),
        (B, "111 1234567890", "ID", "bank_account:ID:BDKI:1234567890"),
        (E, "OK Dollar 09425012345", "MM", "ewallet:okdollar:+959425012345"),
        (E, "OK$ 09 425 012 345", "MM", "ewallet:okdollar:+959425012345"),
        (E, "MPT Money 09425012345", "MM", "ewallet:mptmoney:+959425012345"),
    ],
)
def test_banks_and_wallets_now_listed(kind: str, raw: str, country: str, expected: str) -> None:
    assert value(kind, raw, country) == expected


@pytest.mark.parametrize(
    ("raw", "country", "expected", "owner"),
    [
        # Genuine hotlines, which scammers spoof: each was a phone linking every report naming it.
        ("Maybank hotline 1-300-88-6688", "MY", "+601300886688", "Maybank"),
        ("1300 88 6688", "MY", "+601300886688", "Maybank"),
        ("+60 1300-88-6688", "SG", "+601300886688", "Maybank"),
        ("02-888-8888", "TH", "+6628888888", "KBank"),
        ("Halo BCA 1500888", "ID", "+621500888", "BCA"),
        ("1800 111 1111", "SG", "+6518001111111", "DBS/POSB"),
        ("(02) 8631-8000", "PH", "+63286318000", "BDO"),
        ("1900 545413", "VN", "+841900545413", "Vietcombank"),
        ("023 225 333", "KH", "+85523225333", "ABA Bank"),
    ],
)
def test_a_bank_hotline_is_kept_but_shared(
    raw: str, country: str, expected: str, owner: str
) -> None:
    found = canonicalize(P, raw, country=country)
    assert (found.value, found.shared_platform) == (expected, True)
    assert canonicalize(P, found.value, country=found.country) == found  # idempotent
    note = shared_note(P, found.value)
    assert f"published hotline of {owner}" in note
    assert "links no reports" in note


def test_a_hotline_reached_through_a_link_is_shared_too() -> None:
    assert canonicalize("url", "https://wa.me/601300886688", country="MY").shared_platform


def test_a_number_that_is_no_hotline_is_not_shared() -> None:
    assert not canonicalize(P, "1-300-88-6689", country="MY").shared_platform
