"""Thirteenth probe's pairs: suspects, mule-account holders, recruiters and trafficking victims
as the reports of the ten countries write them, written by hand for the probe (not from the
generator and not from the earlier probes' lists).

Each mention is what a report's party row holds: the name as written, the birth date, the
nationality, the ID or passport number, the country of the reporting agency, and the given and
family names where the report split them.
"""

from __future__ import annotations

from typing import NamedTuple


class Mention(NamedTuple):
    """One party row of a report."""

    name: str
    born: str = ""
    nationality: str = ""
    document: str = ""
    country: str = "MY"
    given: str = ""
    family: str = ""


# (what the pair tests, one mention, the other)
Pair = tuple[str, Mention, Mention]

D = "1988-03-21"
E = "1979-11-02"
F = "1995-07-14"
G = "1984-12-30"


# The ten countries whose centres report; a foreigner's report comes from one of them.
TEN = ("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN")


def _m(name: str, born: str = "", nat: str = "", doc: str = "", at: str = "") -> Mention:
    return Mention(name, born, nat, doc, at or (nat if nat in TEN else "MY"))


def _split(family: str, given: str, born: str = "", nat: str = "", doc: str = "") -> Mention:
    """A passport-style row: SURNAME and GIVEN NAMES in their own fields, the name as
    ``SURNAME/GIVEN`` (how a travel document's data page reads)."""
    return Mention(f"{family}/{given}", born, nat, doc, nat if nat in TEN else "MY", given, family)


SAME_PERSON: list[Pair] = [
    # Vietnamese: diacritics, order, initials, passport style, typos
    ("vn-plain", _m("Nguyễn Văn An", D, "VN"), _m("Nguyen Van An", D, "VN", at="KH")),
    ("vn-western-order", _m("Nguyễn Văn An", D, "VN"), _m("An Nguyen Van", D, "VN", at="TH")),
    ("vn-initial", _m("Nguyễn Văn An", D, "VN"), _m("NGUYEN V. AN", D, "VN", at="MY")),
    ("vn-caps", _m("Trần Thị Hương", E, "VN"), _m("TRAN THI HUONG", E, "VN", at="SG")),
    ("vn-given-first", _m("Trần Thị Hương", E, "VN"), _m("Huong Tran", E, "VN", at="MY")),
    ("vn-no-dob", _m("Lê Hoàng Minh", "", "VN"), _m("Le Hoang Minh", "", "VN", at="KH")),
    (
        "vn-passport",
        _m("Phạm Quốc Bảo", F, "VN", "C4417280"),
        _split("PHAM", "QUOC BAO", F, "VN", "C4417280"),
    ),
    ("vn-d-bar", _m("Đặng Thu Trang", G, "VN"), _m("Dang Thu Trang", G, "VN", at="LA")),
    ("vn-d-bar-dd", _m("Đặng Thu Trang", G, "VN"), _m("DANG THU TRANG", "", "VN", "B9912034")),
    ("vn-do-tuan", _m("Đỗ Minh Tuấn", D, "VN"), _m("Do Minh Tuan", D, "", at="TH")),
    ("vn-do-tuan-short", _m("Đỗ Minh Tuấn", D, "VN"), _m("Tuan Do Minh", D, "VN", at="SG")),
    ("vn-huynh", _m("Huỳnh Văn Phúc", E, "VN"), _m("Huynh Van Phuc", E, "VN", at="KH")),
    ("vn-four-part", _m("Nguyễn Thị Ngọc Ánh", F, "VN"), _m("Nguyen Thi Ngoc Anh", F, "VN")),
    (
        "vn-four-part-initials",
        _m("Nguyễn Thị Ngọc Ánh", F, "VN"),
        _m("NGUYEN T. N. ANH", F, "VN", at="TH"),
    ),
    ("vn-bui", _m("Bùi Đức Thắng", G, "VN"), _m("Bui Duc Thang", G, "VN", at="PH")),
    ("vn-typo", _m("Nguyen Van Hung", D, "VN"), _m("Nguyen Van Hnug", D, "VN", at="KH")),
    ("vn-typo-family", _m("Truong Van Long", E, "VN"), _m("Trouong Van Long", E, "VN")),
    ("vn-truong", _m("Trương Văn Long", E, "VN"), _m("TRUONG VAN LONG", "", "VN", at="KH")),
    (
        "vn-passport-no-dob",
        _m("Hoàng Thị Mai", "", "VN", "C2093318"),
        _m("HOANG THI MAI", "", "", "C2093318", at="MY"),
    ),
    ("vn-dd-for-d", _m("Đinh Công Khải", F, "VN"), _m("Dinh Cong Khai", F, "VN", at="LA")),
    # Thai: RTGS against the spellings Thais choose, Thai script, titles, nicknames
    ("th-jaidee", _m("Somchai Chaidi", D, "TH"), _m("Somchai Jaidee", D, "TH", at="KH")),
    ("th-script", _m("สมชาย ใจดี", D, "TH"), _m("Somchai Jaidee", D, "TH", at="MY")),
    ("th-script-rtgs", _m("สมชาย ใจดี", D, "TH"), _m("SOMCHAI CHAIDI", D, "TH", at="LA")),
    ("th-title-script", _m("นายสมชาย ใจดี", D, "TH"), _m("Mr. Somchai Jaidee", D, "TH", at="SG")),
    ("th-nickname", _m('Somchai "Lek" Jaidee', D, "TH"), _m("Somchai Jaidee", D, "TH", at="MY")),
    ("th-srisuk", _m("Thanawat Srisuk", E, "TH"), _m("Tanawat Srisook", E, "TH", at="KH")),
    ("th-srisuk-script", _m("ธนวัฒน์ ศรีสุข", E, "TH"), _m("Thanawat Srisuk", E, "TH", at="MM")),
    ("th-supaporn", _m("Suphaphon Thongdi", F, "TH"), _m("Supaporn Tongdee", F, "TH", at="MY")),
    ("th-supaporn-script", _m("สุภาพร ทองดี", F, "TH"), _m("Supaporn Thongdee", F, "TH")),
    ("th-wongsawat", _m("Kittisak Wongsawat", G, "TH"), _m("Kittisak Vongsawat", G, "TH")),
    (
        "th-wongsawat-script",
        _m("กิตติศักดิ์ วงศ์สวัสดิ์", G, "TH"),
        _m("Kittisak Wongsawat", G, "TH", at="KH"),
    ),
    ("th-pornthip", _m("Phonthip Chanthawong", D, "TH"), _m("Pornthip Jantawong", D, "TH")),
    ("th-pornthip-script", _m("พรทิพย์ จันทวงศ์", D, "TH"), _m("Pornthip Jantawong", D, "TH")),
    ("th-boonmee", _m("Natthaphong Bunmi", E, "TH"), _m("Nattapong Boonmee", E, "TH", at="LA")),
    ("th-boonmee-script", _m("ณัฐพงษ์ บุญมี", E, "TH"), _m("NATTHAPHONG BUNMI", E, "TH")),
    ("th-rattanakorn", _m("Chatchai Rattanakon", F, "TH"), _m("Chatchai Rattanakorn", F, "TH")),
    ("th-jiraporn", _m("Chiraphon Kaeomani", G, "TH"), _m("Jiraporn Kaewmanee", G, "TH")),
    (
        "th-jiraporn-title",
        _m("นางสาวจิราพร แก้วมณี", G, "TH"),
        _m("Miss Jiraporn Kaewmanee", G, "TH", at="MY"),
    ),
    ("th-saetang", _m("Wanchai Saetang", D, "TH"), _m("Wanchai Sae-Tang", D, "TH", at="SG")),
    ("th-prasert", _m("Prasoet Suksawat", E, "TH"), _m("Prasert Sooksawat", E, "TH", at="KH")),
    ("th-pensri", _m("Phensi Chaiyaphum", F, "TH"), _m("Pensri Chaiyapoom", F, "TH")),
    ("th-weerapong", _m("Wiraphong Phetcharat", G, "TH"), _m("Weerapong Petcharat", G, "TH")),
    (
        "th-passport",
        _m("Supachai Punyadee", "", "TH", "AA5512093"),
        _split("PANYADI", "SUPHACHAI", "", "TH", "AA5512093"),
    ),
    ("th-surname-first", _m("JAIDEE Somchai", D, "TH"), _m("Somchai Jaidee", D, "TH", at="KH")),
    # Khmer: family name first or last, several romanisations, Khmer script
    ("kh-script", _m("សុខ ដារា", D, "KH"), _m("Sok Dara", D, "KH", at="TH")),
    ("kh-order", _m("SOK Dara", D, "KH"), _m("Dara Sok", D, "KH", at="MY")),
    ("kh-sophal", _m("Chan Sophal", E, "KH"), _m("Chan Sophall", E, "KH", at="VN")),
    ("kh-sophal-script", _m("ចាន់ សុផល", E, "KH"), _m("CHAN SOPHAL", E, "KH", at="TH")),
    ("kh-sreymom", _m("Kim Sreymom", F, "KH"), _m("Kim Srey Mom", F, "KH", at="TH")),
    ("kh-sreymom-script", _m("គីម ស្រីមុំ", F, "KH"), _m("Kim Sreymom", F, "KH", at="MY")),
    ("kh-heng", _m("Heng Sokha", G, "KH"), _m("Haeng Sokha", G, "KH", at="TH")),
    ("kh-heng-script", _m("ហេង សុខា", G, "KH"), _m("Heng Sokha", G, "KH", at="VN")),
    ("kh-vannak", _m("Chea Vannak", D, "KH"), _m("Chea Vanak", D, "KH", at="TH")),
    ("kh-vannak-script", _m("ជា វណ្ណៈ", D, "KH"), _m("Chea Vannak", D, "KH", at="SG")),
    ("kh-sopheap", _m("Mao Sopheap", E, "KH"), _m("Mao Sopheab", E, "KH", at="TH")),
    ("kh-sopheap-script", _m("ម៉ៅ សុភាព", E, "KH"), _m("MAO SOPHEAP", E, "KH", at="MY")),
    ("kh-phalla", _m("Ly Phalla", F, "KH"), _m("Ly Phala", F, "KH", at="VN")),
    ("kh-phalla-script", _m("លី ផល្លា", F, "KH"), _m("Ly Phalla", F, "KH", at="TH")),
    ("kh-keo", _m("Keo Sophea", G, "KH"), _m("Kaev Sophea", G, "KH", at="TH")),
    ("kh-keo-script", _m("កែវ សុភា", G, "KH"), _m("Keo Sophea", G, "KH", at="MY")),
    ("kh-nhem", _m("Nhem Vanna", D, "KH"), _m("Nhim Vanna", D, "KH", at="TH")),
    (
        "kh-passport",
        _m("Sok Dara", "", "KH", "N01552871"),
        _split("SOK", "DARA", "", "KH", "N01552871"),
    ),
    # Lao: several romanisations and Lao script
    ("la-souksavanh", _m("Souksavanh Phommachanh", D, "LA"), _m("Souksavan Phommachan", D, "LA")),
    (
        "la-souksavanh-script",
        _m("ສຸກສະຫວັນ ພົມມະຈັນ", D, "LA"),
        _m("Souksavanh Phommachanh", D, "LA", at="TH"),
    ),
    ("la-khamphone", _m("Khamphone Sisouphanh", E, "LA"), _m("Khamphon Sisouphan", E, "LA")),
    (
        "la-khamphone-script",
        _m("ຄຳພອນ ສີສຸພັນ", E, "LA"),
        _m("KHAMPHONE SISOUPHANH", E, "LA", at="TH"),
    ),
    ("la-bounmy", _m("Bounmy Vongsa", F, "LA"), _m("Bounmi Vongsa", F, "LA", at="TH")),
    ("la-bounmy-w", _m("Bounmy Vongsa", F, "LA"), _m("Bunmi Wongsa", F, "LA", at="TH")),
    ("la-bounmy-script", _m("ບຸນມີ ວົງສາ", F, "LA"), _m("Bounmy Vongsa", F, "LA", at="KH")),
    ("la-vilayphone", _m("Vilayphone Keomany", G, "LA"), _m("Vilaiphon Kaeomani", G, "LA")),
    (
        "la-vilayphone-script",
        _m("ວິໄລພອນ ແກ້ວມະນີ", G, "LA"),
        _m("Vilayphone Keomany", G, "LA", at="TH"),
    ),
    ("la-phonesavanh", _m("Phonesavanh Inthavong", D, "LA"), _m("Phonsavan Inthavong", D, "LA")),
    (
        "la-phonesavanh-script",
        _m("ໂພນສະຫວັນ ອິນທະວົງ", D, "LA"),
        _m("Phonesavanh Inthavong", D, "LA", at="MY"),
    ),
    ("la-sengphet", _m("Sengphet Douangmala", E, "LA"), _m("Sengpheth Duangmala", E, "LA")),
    ("la-sengphet-script", _m("ແສງເພັດ ດວງມາລາ", E, "LA"), _m("Sengphet Douangmala", E, "LA")),
    (
        "la-passport",
        _m("Bounmy Vongsa", "", "LA", "P1187342"),
        _split("VONGSA", "BOUNMY", "", "LA", "P1187342"),
    ),
    # Burmese: no family name, honorifics, Burmese script
    ("mm-u", _m("U Kyaw Min", D, "MM"), _m("Kyaw Min", D, "MM", at="TH")),
    ("mm-u-script", _m("ဦးကျော်မင်း", D, "MM"), _m("U Kyaw Min", D, "MM", at="TH")),
    ("mm-script", _m("ကျော်မင်း", D, "MM"), _m("KYAW MIN", D, "MM", at="MY")),
    ("mm-daw", _m("Daw Aye Aye Myint", E, "MM"), _m("Aye Aye Myint", E, "MM", at="TH")),
    ("mm-daw-script", _m("ဒေါ်အေးအေးမြင့်", E, "MM"), _m("Aye Aye Myint", E, "MM", at="TH")),
    ("mm-ma", _m("Ma Thandar", F, "MM"), _m("Thandar", F, "MM", at="TH")),
    ("mm-thanda", _m("Ma Thandar", F, "MM"), _m("Thanda", F, "MM", at="TH")),
    ("mm-thandar-script", _m("သန္တာ", F, "MM"), _m("Thandar", F, "MM", at="MY")),
    ("mm-ko", _m("Ko Zaw Zaw", G, "MM"), _m("Zaw Zaw", G, "MM", at="TH")),
    ("mm-maung", _m("Maung Zaw Zaw", G, "MM"), _m("Ko Zaw Zaw", G, "MM", at="TH")),
    ("mm-mg", _m("Mg Htet Aung", D, "MM"), _m("Maung Htet Aung", D, "MM", at="TH")),
    ("mm-htet-script", _m("ထက်အောင်", D, "MM"), _m("Htet Aung", D, "MM", at="TH")),
    ("mm-winn", _m("Daw Hla Hla Win", E, "MM"), _m("Hla Hla Winn", E, "MM", at="TH")),
    ("mm-win-script", _m("လှလှဝင်း", E, "MM"), _m("Hla Hla Win", E, "MM", at="MY")),
    ("mm-oo", _m("Min Min Oo", F, "MM"), _m("Min Min U", F, "MM", at="TH")),
    ("mm-oo-script", _m("မင်းမင်းဦး", F, "MM"), _m("Min Min Oo", F, "MM", at="TH")),
    ("mm-soe-moe", _m("U Soe Moe Naing", G, "MM"), _m("Soe Moe Naing", G, "MM", at="TH")),
    ("mm-soe-script", _m("စိုးမိုးနိုင်", G, "MM"), _m("Soe Moe Naing", G, "MM", at="KH")),
    ("mm-nay", _m("Nay Lin Aung", D, "MM"), _m("Ne Lin Aung", D, "MM", at="TH")),
    ("mm-no-dob-doc", _m("Kyaw Min", "", "MM", "MB482210"), _m("U Kyaw Min", "", "MM", "MB482210")),
    # Malay: bin/binti and their short forms, Muhammad's spellings, Brunei titles
    ("my-bin", _m("Muhammad Faiz bin Ahmad", D, "MY"), _m("Mohd Faiz b. Ahmad", D, "MY", at="SG")),
    ("my-no-bin", _m("Muhammad Faiz bin Ahmad", D, "MY"), _m("MUHAMMAD FAIZ AHMAD", D, "MY")),
    ("my-binti", _m("Nur Aisyah binti Hassan", E, "MY"), _m("Nur Aisyah bt Hassan", E, "MY")),
    ("my-binti-none", _m("Nur Aisyah binti Hassan", E, "MY"), _m("Nur Aisyah Hassan", E, "MY")),
    ("my-noor", _m("Nur Aisyah binti Hassan", E, "MY"), _m("Noor Aishah binti Hasan", E, "MY")),
    ("my-zulkifli", _m("Ahmad Zulkifli bin Ismail", F, "MY"), _m("Ahmad Zulkifli Ismail", F, "MY")),
    ("my-siti", _m("Siti Nor Azlina binti Ramli", G, "MY"), _m("Siti Noor Azlina bt Ramli", G)),
    (
        "my-abd",
        _m("Mohamad Hafiz bin Abdul Rahman", D, "MY"),
        _m("Mohd Hafiz Abd Rahman", D, "MY", at="SG"),
    ),
    (
        "my-muhd",
        _m("Mohamad Hafiz bin Abdul Rahman", D, "MY"),
        _m("Muhd Hafiz b. Abdul Rahman", D, "MY", at="TH"),
    ),
    (
        "my-wan",
        _m("Wan Ahmad Faris bin Wan Ismail", E, "MY"),
        _m("Wan Ahmad Faris Wan Ismail", E, "MY"),
    ),
    ("my-al", _m("Ramesh a/l Krishnan", F, "MY"), _m("Ramesh s/o Krishnan", F, "MY", at="SG")),
    ("my-al-none", _m("Ramesh a/l Krishnan", F, "MY"), _m("RAMESH KRISHNAN", F, "MY", at="TH")),
    ("my-ap", _m("Priya a/p Subramaniam", G, "MY"), _m("Priya d/o Subramaniam", G, "MY")),
    (
        "my-ic",
        _m("Muhammad Faiz bin Ahmad", "", "MY", "880321-14-5567"),
        _m("MOHD FAIZ AHMAD", "", "MY", "880321145567", at="SG"),
    ),
    (
        "bn-haji",
        _m("Awang Haji Mohd Rizal bin Haji Abdullah", D, "BN"),
        _m("Mohd Rizal bin Abdullah", D, "BN", at="MY"),
    ),
    (
        "bn-dayang",
        _m("Dayang Nurul Ain binti Haji Ahmad", E, "BN"),
        _m("Nurul Ain binti Ahmad", E, "BN", at="MY"),
    ),
    # Indonesian: single names, the old spellings (oe, dj, tj, j), Balinese birth-order names
    ("id-oe", _m("Soetrisno", D, "ID"), _m("Sutrisno", D, "ID", at="MY")),
    ("id-single-doubled", _m("SUPARMAN", E, "ID"), _m("SUPARMAN SUPARMAN", E, "ID", at="MY")),
    ("id-fnu", _m("Suparman", E, "ID"), _m("FNU Suparman", E, "ID", at="SG")),
    (
        "id-single-passport",
        _m("Suparman", "", "ID", "B3318842"),
        _split("SUPARMAN", "SUPARMAN", "", "ID", "B3318842"),
    ),
    ("id-dj", _m("Djoko Susilo", F, "ID"), _m("Joko Susilo", F, "ID", at="MY")),
    ("id-tj", _m("Tjahjono Wibowo", G, "ID"), _m("Cahyono Wibowo", G, "ID", at="SG")),
    ("id-wayan", _m("I Wayan Sudarma", D, "ID"), _m("Wayan Sudarma", D, "ID", at="MY")),
    ("id-ni", _m("Ni Nyoman Ayu Lestari", E, "ID"), _m("Nyoman Ayu Lestari", E, "ID", at="MY")),
    ("id-split", _m("Dewi Ratnasari", F, "ID"), _m("Dewi Ratna Sari", F, "ID", at="MY")),
    ("id-ch", _m("Siti Rochmah", G, "ID"), _m("Siti Rohmah", G, "ID", at="MY")),
    ("id-jusuf", _m("Jusuf Hidajat", D, "ID"), _m("Yusuf Hidayat", D, "ID", at="SG")),
    ("id-caps", _m("Agus Salim", E, "ID"), _m("AGUS SALIM", E, "ID", at="TH")),
    # Filipino: middle names and initials, particles, Jr., Ma. for Maria, nicknames
    ("ph-dela", _m("Juan Santos dela Cruz", D, "PH"), _m("Juan S. Dela Cruz", D, "PH")),
    ("ph-de-la", _m("Juan Santos dela Cruz", D, "PH"), _m("DE LA CRUZ, JUAN SANTOS", D, "PH")),
    ("ph-delacruz", _m("Juan dela Cruz", D, "PH"), _m("Juan Delacruz", D, "PH", at="MY")),
    (
        "ph-passport",
        _m("Juan Santos dela Cruz", "", "PH", "P2241873A"),
        _split("DELA CRUZ", "JUAN SANTOS", "", "PH", "P2241873A"),
    ),
    ("ph-jr", _m("Jose R. Garcia Jr.", E, "PH"), _m("Jose Reyes Garcia, Jr.", E, "PH")),
    ("ph-ma", _m("Ma. Cristina R. Santos", F, "PH"), _m("Maria Cristina Reyes Santos", F, "PH")),
    ("ph-no-middle", _m("Maria Cristina Reyes Santos", F, "PH"), _m("Maria Cristina Santos", F)),
    ("ph-delos", _m("Mark Anthony delos Santos", G, "PH"), _m("Mark Anthony De los Santos", G)),
    ("ph-lourdes", _m("Ma. Lourdes Villanueva", D, "PH"), _m("Maria Lourdes Villanueva", D, "PH")),
    ("ph-nickname", _m('Ronaldo "Ronnie" Bautista', E, "PH"), _m("Ronaldo M. Bautista", E, "PH")),
    ("ph-caps-comma", _m("BAUTISTA, RONALDO M.", E, "PH"), _m("Ronaldo Bautista", E, "PH")),
    # Chinese: pinyin, Wade-Giles, Hokkien, Cantonese, Teochew, Hakka, characters
    ("zh-hanzi-trad", _m("陈伟明", D, "CN"), _m("陳偉明", D, "CN", at="SG")),
    ("zh-pinyin", _m("陈伟明", D, "CN"), _m("Chen Weiming", D, "CN", at="KH")),
    ("zh-wade-giles", _m("Chen Weiming", D, "CN"), _m("Ch'en Wei-ming", D, "CN", at="PH")),
    ("zh-hokkien", _m("陈伟明", D, "SG"), _m("Tan Wee Beng", D, "SG")),
    ("zh-cantonese", _m("陳偉明", D, "MY"), _m("Chan Wai Ming", D, "MY")),
    ("zh-passport", _m("Tan Wee Beng", D, "SG"), _split("TAN", "WEE BENG", D, "SG")),
    ("zh-english-name", _m("Kelvin Tan Wee Beng", D, "SG"), _m("TAN WEE BENG KELVIN", D, "SG")),
    ("zh-lim-hokkien", _m("林志强", E, "MY"), _m("Lim Chee Keong", E, "MY")),
    ("zh-lim-cantonese", _m("林志強", E, "MY"), _m("Lam Chi Keung", E, "MY", at="TH")),
    ("zh-lim-wg", _m("Lin Zhiqiang", E, "CN"), _m("Lin Chih-chiang", E, "CN", at="TH")),
    ("zh-wong", _m("黄国华", F, "MY"), _m("Wong Kwok Wah", F, "MY")),
    ("zh-ng", _m("黃國華", F, "SG"), _m("Ng Kok Hua", F, "SG")),
    ("zh-huang-wg", _m("Huang Guohua", F, "CN"), _m("Huang Kuo-hua", F, "CN", at="MM")),
    ("zh-hakka-fah", _m("黄国华", F, "MY"), _m("Wong Kok Fah", F, "MY")),
    ("zh-teo", _m("张美玲", G, "SG"), _m("Teo Bee Leng", G, "SG")),
    ("zh-cheung", _m("張美玲", G, "MY"), _m("Cheung Mei Ling", G, "MY")),
    ("zh-chang-wg", _m("Zhang Meiling", G, "CN"), _m("Chang Mei-ling", G, "CN", at="TH")),
    ("zh-lee-kit", _m("李俊杰", D, "MY"), _m("Lee Chun Kit", D, "MY")),
    ("zh-lee-kiat", _m("李俊傑", D, "SG"), _m("Lee Choon Kiat", D, "SG")),
    ("zh-li-wg", _m("Li Junjie", D, "CN"), _m("Li Chün-chieh", D, "CN", at="VN")),
    ("zh-cheng", _m("郑家豪", E, "MY"), _m("Cheng Ka Ho", E, "MY")),
    ("zh-cheng-wg", _m("Zheng Jiahao", E, "CN"), _m("Cheng Chia-hao", E, "CN", at="KH")),
    ("zh-goh", _m("吴志明", F, "SG"), _m("Goh Chee Meng", F, "SG")),
    ("zh-ng-wu", _m("吳志明", F, "MY"), _m("Ng Chi Ming", F, "MY")),
    ("zh-wu-wg", _m("Wu Zhiming", F, "CN"), _m("Wu Chih-ming", F, "CN", at="LA")),
    ("zh-chia", _m("谢文杰", G, "SG"), _m("Chia Boon Kiat", G, "SG")),
    ("zh-tse", _m("謝文傑", G, "MY"), _m("Tse Man Kit", G, "MY")),
    ("zh-hsieh", _m("Xie Wenjie", G, "CN"), _m("Hsieh Wen-chieh", G, "CN", at="PH")),
    ("zh-lau", _m("刘文辉", D, "MY"), _m("Lau Man Fai", D, "MY")),
    ("zh-liu-wg", _m("Liu Wenhui", D, "CN"), _m("Liu Wen-hui", D, "CN", at="MM")),
    ("zh-khoo", _m("邱国良", E, "MY"), _m("Khoo Kok Leong", E, "MY")),
    ("zh-yau", _m("邱國良", E, "MY"), _m("Yau Kwok Leung", E, "MY")),
    ("zh-hiew", _m("邱国良", E, "MY"), _m("Hiew Kok Liong", E, "MY")),
    ("zh-qiu-wg", _m("Qiu Guoliang", E, "CN"), _m("Ch'iu Kuo-liang", E, "CN", at="TH")),
    ("zh-hk-english", _m("CHAN Wai Ming, Peter", F, "HK"), _m("Peter Chan Wai-ming", F, "HK")),
    ("zh-swapped", _m("Weiming Chen", D, "CN"), _m("CHEN Weiming", D, "CN", at="LA")),
    ("zh-typo", _m("Lim Chee Keong", E, "MY"), _m("Lim Chee Koeng", E, "MY", at="SG")),
    (
        "zh-no-dob-passport",
        _m("Zhang Meiling", "", "CN", "E71503392"),
        _m("张美玲", "", "CN", "E71503392"),
    ),
]


DIFFERENT_PEOPLE: list[Pair] = [
    # Vietnamese
    ("vn-an-anh", _m("Nguyễn Văn An", D, "VN"), _m("Nguyễn Văn Anh", D, "VN")),
    ("vn-hung-hung", _m("Trần Văn Hùng", E, "VN"), _m("Trần Văn Hưng", E, "VN")),
    ("vn-vu-vo-born-apart", _m("Vũ Thị Lan", F, "VN"), _m("Võ Thị Lan", E, "VN")),
    ("vn-born-apart", _m("Le Van Nam", "1990-01-01", "VN"), _m("Lê Văn Nam", "1972-05-05", "VN")),
    (
        "vn-passports",
        _m("Pham Van Duc", D, "VN", "C1102934"),
        _m("Pham Van Duc", E, "VN", "C8830021"),
    ),
    ("vn-thi-van", _m("Nguyen Thi Hoa", G, "VN"), _m("Nguyen Van Hoa", G, "VN")),
    # Thai
    ("th-somsak", _m("Somchai Jaidee", D, "TH"), _m("Somsak Jaidee", D, "TH")),
    ("th-thanawut", _m("ธนวัฒน์ ศรีสุข", E, "TH"), _m("ธนวุฒิ ศรีสุข", E, "TH")),
    ("th-pornthep", _m("Pornthip Jantawong", F, "TH"), _m("Pornthep Jantawong", F, "TH")),
    (
        "th-born-apart",
        _m("Kittisak Wongsawat", "1985-02-11", "TH", "AA1002934"),
        _m("Kittisak Wongsawat", "1992-09-30", "TH", "AB7720183"),
    ),
    ("th-tongdaeng", _m("Supaporn Tongdee", G, "TH"), _m("Supaporn Tongdaeng", G, "TH")),
    ("th-chatchai-chaiwat", _m("Chatchai Rattanakorn", D, "TH"), _m("Chaiwat Rattanakorn", D)),
    # Khmer
    ("kh-darith", _m("Sok Dara", D, "KH"), _m("Sok Darith", D, "KH")),
    ("kh-sopheak", _m("Chan Sophal", E, "KH"), _m("Chan Sopheak", E, "KH")),
    ("kh-sreyleak", _m("Kim Sreymom", F, "KH"), _m("Kim Sreyleak", F, "KH")),
    ("kh-sokhom", _m("Heng Sokha", G, "KH"), _m("Heng Sokhom", G, "KH")),
    ("kh-heng-keng", _m("Sok Heng", D, "KH"), _m("Sok Keng", D, "KH")),
    ("kh-heng-keng-abroad", _m("Sok Heng", D, "", at="TH"), _m("Sok Keng", D, "", at="TH")),
    ("kh-born-apart", _m("Sok Dara", "1991-04-04", "KH"), _m("Sok Dara", "1968-10-10", "KH")),
    # Lao
    ("la-khamphet", _m("Khamphone Sisouphanh", D, "LA"), _m("Khamphet Sisouphanh", D, "LA")),
    ("la-souksamone", _m("Souksavanh Phommachanh", E, "LA"), _m("Souksamone Phommachanh", E)),
    (
        "la-born-apart",
        _m("Bounmy Vongsa", "1993-03-03", "LA"),
        _m("Bounmy Vongsa", "1966-06-16", "LA"),
    ),
    ("la-sengphet-sengdao", _m("Sengphet Douangmala", F, "LA"), _m("Sengdao Douangmala", F, "LA")),
    # Burmese
    ("mm-myint", _m("Kyaw Min", D, "MM"), _m("Kyaw Myint", D, "MM")),
    ("mm-wai", _m("Hla Hla Win", E, "MM"), _m("Hla Hla Wai", E, "MM")),
    ("mm-aung", _m("Min Min Oo", F, "MM"), _m("Min Min Aung", F, "MM")),
    ("mm-mya", _m("Daw Aye Aye Myint", G, "MM"), _m("Daw Aye Aye Mya", G, "MM")),
    (
        "mm-born-apart",
        _m("U Kyaw Min", "1960-01-12", "MM", "MA100234"),
        _m("Kyaw Min", "1996-08-08", "MM", "MC558812"),
    ),
    # Malay and Brunei
    ("my-father-son", _m("Ahmad bin Ismail", D, "MY"), _m("Ismail bin Ahmad", D, "MY")),
    ("my-other-father", _m("Muhammad Faiz bin Ahmad", D, "MY"), _m("Muhammad Faiz bin Ali", D)),
    ("my-hussein", _m("Nur Aisyah binti Hassan", E, "MY"), _m("Nur Aisyah binti Hussein", E)),
    (
        "my-ic-apart",
        _m("Mohd Hafiz bin Abdul Rahman", "", "MY", "900101-10-5511"),
        _m("Mohd Hafiz bin Abdul Rahman", "", "MY", "850715-08-6021"),
    ),
    ("my-priya-siblings", _m("Priya a/p Subramaniam", F, "MY"), _m("Divya a/p Subramaniam", F)),
    # Indonesian
    ("id-born-apart", _m("Sutrisno", "1970-02-02", "ID"), _m("Sutrisno", "1992-12-12", "ID")),
    ("id-lestiani", _m("Dewi Lestari", D, "ID"), _m("Dewi Lestiani", D, "ID")),
    ("id-susanto", _m("Budi Santoso", E, "ID"), _m("Budi Susanto", E, "ID")),
    ("id-halim-born-apart", _m("Agus Salim", F, "ID"), _m("Agus Halim", G, "ID")),
    # Filipino
    (
        "ph-father-jr",
        _m("Jose Reyes Garcia Jr.", "1990-05-05", "PH"),
        _m("Jose Reyes Garcia", "1962-03-03", "PH"),
    ),
    ("ph-paz", _m("Juan dela Cruz", D, "PH"), _m("Juan dela Paz", D, "PH")),
    ("ph-mario", _m("Maria Santos", E, "PH"), _m("Mario Santos", E, "PH")),
    # Chinese
    ("zh-weimin", _m("陈伟明", D, "CN"), _m("陈伟民", D, "CN")),
    ("zh-wee-kiat", _m("Tan Wee Beng", E, "SG"), _m("Tan Wee Kiat", E, "SG")),
    ("zh-kwok-wai", _m("Wong Kwok Wah", F, "MY"), _m("Wong Kwok Wai", F, "MY")),
    ("zh-chee-keong", _m("Goh Chee Meng", G, "SG"), _m("Goh Chee Keong", G, "SG")),
    ("zh-zhang-surname", _m("张美玲", D, "CN"), _m("章美玲", D, "CN")),
    (
        "zh-born-apart",
        _m("Lim Chee Keong", "1980-01-20", "MY"),
        _m("Lim Chee Keong", "1965-07-07", "MY"),
    ),
    ("zh-zhiguo", _m("Lin Zhiqiang", E, "CN"), _m("Lin Zhiguo", E, "CN")),
]


# Written as different people, born the same day, one letter apart: the model takes one letter
# for a typo (as Hung and Hnug, Keong and Koeng), so these stay one person, by decision
# (docs/persons.md). Vũ and Võ are besides one family name (武) in the north's and the south's
# spelling.
ONE_LETTER_APART: list[Pair] = [
    ("vn-vu-vo", _m("Vũ Thị Lan", F, "VN"), _m("Võ Thị Lan", F, "VN")),
    ("id-halim", _m("Agus Salim", F, "ID"), _m("Agus Halim", F, "ID")),
]

# Same-person pairs the probe found still apart, and why (docs/persons.md): their tests are
# expected to fail, so a change that links them says so.
STILL_APART: dict[str, str] = {
    "vn-no-dob": "a common name alone, nothing else in common",
    "vn-truong": "a common name alone, nothing else in common",
    "vn-d-bar-dd": "a common name alone, nothing else in common",
    "vn-typo": "one letter makes another Vietnamese given name (An, Anh)",
    "zh-typo": "one letter makes another Chinese given-name syllable",
    "kh-nhem": "one letter makes another Khmer name",
    "th-passport": "u for a short a is read a only in ณัฐ; the name outweighs the passport",
    "ph-no-middle": "middle name left out, no nationality: the subset level, 0.71",
    "zh-lau": "Cantonese Fai (辉) is in no class: with Wai there, Kah Wai and Kah Fai were one",
}
