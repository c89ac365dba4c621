"""Seventh romanisation probe: people of the region as officers of several countries write
them, many listed abroad without a nationality, with aliases, a single name written twice,
Burmese spellings of one syllable and Vietnamese names with their marks; and look-alikes who
must stay apart. Written by hand for ``test_persons_seventh_probe.py``, not from the synthetic
generator; common name elements combined, not real persons.

Each spelling has options: ``c`` the record's country (default: the nationality), ``n`` the
nationality as recorded ("" when the record has none).
"""

from __future__ import annotations

S = dict
ABROAD = S(n="")

# (person, nationality, birth date, [(spelling, options)])
SAME: list[tuple[str, str, str, list[tuple[str, dict[str, str]]]]] = [
    # ---------------- Indonesian: modern j, old dj/tj/oe, single names, abroad
    (
        "id_joko",
        "ID",
        "1981-06-21",
        [
            ("Joko Susilo", S()),
            ("JOKO SUSILO", S(c="MY", n="")),
            ("Djoko Susilo", S()),
            ("Joko Susilo", S(c="SG", n="")),
        ],
    ),
    (
        "id_wahyuni",
        "ID",
        "1988-02-11",
        [
            ("Sri Wahyuni", S()),
            ("Sri Wahjoeni", S()),
            ("SRI WAHYUNI", S(c="MY", n="")),
            ("Sri Wahyuni", S(c="SG", n="")),
        ],
    ),
    (
        "id_jaya",
        "ID",
        "1979-12-30",
        [
            ("Jaya Kusuma", S()),
            ("Djaja Kusuma", S()),
            ("JAYA KUSUMA", S(c="MY", n="")),
        ],
    ),
    (
        "id_suharto",
        "ID",
        "1975-08-17",
        [
            ("Suharto", S()),
            ("SUHARTO SUHARTO", S(c="MY", n="")),
            ("Soeharto", S()),
            ("Soeharto Soeharto", S(c="SG", n="")),
        ],
    ),
    (
        "id_mulyono",
        "ID",
        "1984-03-09",
        [
            ("Mulyono", S()),
            ("MULYONO MULYONO", S(c="MY", n="")),
            ("Moeljono", S()),
        ],
    ),
    # ---------------- Khmer listed in Thailand and Viet Nam without a nationality
    (
        "kh_sieng",
        "KH",
        "1990-10-10",
        [
            ("Sieng Sokha", S()),
            ("SIENG SOKHA", S(c="TH", n="")),
            ("Seng Sokha", S()),
            ("Sieng Sokha", S(c="VN", n="")),
        ],
    ),
    (
        "kh_meas",
        "KH",
        "1986-01-19",
        [
            ("Meas Dara", S()),
            ("MEAS DARA", S(c="TH", n="")),
            ("Mes Dara", S()),
        ],
    ),
    (
        "kh_sao",
        "KH",
        "1993-05-02",
        [
            ("Sao Vanna", S()),
            ("SAO VANNA", S(c="TH", n="")),
            ("Sau Vanna", S()),
        ],
    ),
    # ---------------- Korean and Japanese listed in Thailand and the Philippines
    (
        "kr_kang",
        "KR",
        "1979-03-03",
        [
            ("Kang Dong Won", S()),
            ("KANG DONG WON", S(c="TH", n="")),
            ("Kang Dong-won", S(c="PH", n="")),
        ],
    ),
    (
        "kr_baek",
        "KR",
        "1991-07-07",
        [
            ("Baek Seo Yeon", S()),
            ("BAEK SEO YEON", S(c="TH", n="")),
            ("Paek Seo Yeon", S()),
        ],
    ),
    (
        "jp_satou",
        "JP",
        "1987-11-23",
        [
            ("Satou Yuuki", S()),
            ("SATOU YUUKI", S(c="PH", n="")),
            ("Sato Yuki", S()),
        ],
    ),
    (
        "jp_kondou",
        "JP",
        "1983-04-01",
        [
            ("Kondou Taro", S()),
            ("KONDOU TARO", S(c="TH", n="")),
            ("Kondo Taro", S()),
        ],
    ),
    # ---------------- Thai and Lao finals abroad
    (
        "th_anan",
        "TH",
        "1982-09-14",
        [
            ("Anan Sukhsawanh", S()),
            ("ANAN SUKHSAWANH", S(c="MY", n="")),
            ("Anan Suksawan", S()),
        ],
    ),
    # ---------------- Burmese: the table's spellings, rhymes, aliases, titles in brackets
    (
        "mm_khaing",
        "MM",
        "1989-12-12",
        [
            ("Khaing Khaing Win", S()),
            ("Khine Khine Win", S(c="TH")),
            ("ခိုင်ခိုင်ဝင်း", S()),
            ("Daw Khaing Khaing Win", S(c="TH")),
        ],
    ),
    (
        "mm_htike",
        "MM",
        "1985-02-22",
        [
            ("Than Htike Aung", S()),
            ("Than Htaik Aung", S(c="TH")),
            ("သန်းထိုက်အောင်", S()),
            ("U Than Htike Aung", S(c="MY")),
        ],
    ),
    (
        "mm_soe",
        "MM",
        "1977-08-08",
        [
            ("Soe Soe Win", S()),
            ("So So Win", S(c="TH")),
            ("Daw Soe Soe Win", S()),
        ],
    ),
    (
        "mm_nay",
        "MM",
        "1992-04-04",
        [
            ("Nay Lin Aung", S()),
            ("Ne Lin Aung", S(c="TH")),
            ("နေလင်းအောင်", S()),
            ("Nay Linn Aung", S(c="MY")),
        ],
    ),
    (
        "mm_hlaing",
        "MM",
        "1988-06-16",
        [
            ("Hlaing Min Oo", S()),
            ("Hline Min Oo", S(c="TH")),
            ("လှိုင်မင်းဦး", S()),
        ],
    ),
    (
        "mm_phyo",
        "MM",
        "1994-01-15",
        [
            ("Pyae Phyo Aung", S()),
            ("Pyay Phyoe Aung", S(c="TH")),
            ("ပြည့်ဖြိုးအောင်", S()),
        ],
    ),
    (
        "mm_aye",
        "MM",
        "1980-03-18",
        [
            ("Aye Aye Myint", S()),
            ("Aye Aye Myint (Daw)", S(c="TH")),
            ("Daw Aye Aye Myint", S()),
        ],
    ),
    (
        "mm_kyaw",
        "MM",
        "1991-09-19",
        [
            ("Kyaw Kyaw", S()),
            ("Kyaw Kyaw (a) Ko Kyaw", S()),
            ("KYAW KYAW @ KO KYAW", S(c="TH")),
            ("ကျော်ကျော် (ခ) ကိုကျော်", S()),
        ],
    ),
    # ---------------- Malay and Chinese with aliases
    (
        "my_abdullah",
        "MY",
        "1969-11-11",
        [
            ("Abdullah bin Ahmad", S()),
            ("Abdullah @ Dollah bin Ahmad", S()),
            ("ABDULLAH B. AHMAD", S(c="SG")),
        ],
    ),
    (
        "my_tan",
        "MY",
        "1976-05-05",
        [
            ("Tan Ah Huat", S()),
            ("Tan Ah Huat @ Boss Tan", S(c="TH")),
            ("Tan Ah Huat alias Ah Huat", S(c="KH")),
        ],
    ),
    # ---------------- Vietnamese with and without marks
    (
        "vn_hung",
        "VN",
        "1985-05-05",
        [
            ("Nguyễn Văn Hùng", S()),
            ("Nguyen Van Hung", S(c="KH", n="")),
            ("NGUYỄN VĂN HÙNG", S()),
            ("Hùng Nguyễn Văn", S(c="TH")),
            ("Nguyển Văn Hùng", S()),
            ("Nguyen Van Hung (Hung Den)", S(c="LA")),
        ],
    ),
    (
        "vn_tam",
        "VN",
        "1990-07-27",
        [
            ("Trần Thị Tâm", S()),
            ("Tran Thi Tam", S(c="KH")),
            ("TRẦN THỊ TÂM", S()),
        ],
    ),
]

# Look-alikes: different people. (person id, nationality, birth date, name, options)
LOOK: list[tuple[str, str, str, str, dict[str, str]]] = [
    ("vn_hung_twin", "VN", "1985-05-05", "Nguyễn Văn Hưng", S()),
    ("vn_hung_cousin", "VN", "1985-05-05", "Nguyễn Văn Hải", S()),
    ("vn_tam_twin", "VN", "1990-07-27", "Trần Thị Tám", S()),
    ("mm_kyaw_brother", "MM", "1991-09-19", "Kyaw Kyaw Naing", S()),
    ("mm_nay_namesake", "MM", "1970-04-04", "Nay Lin Aung", S()),
    ("mm_khaing_sister", "MM", "1989-12-12", "Khaing Khaing Myint", S()),
    ("mm_htike_brother", "MM", "1985-02-22", "Than Htike Oo", S()),
    ("id_joko_namesake", "ID", "1966-06-21", "Joko Susilo", S()),
    ("id_suharto_namesake", "ID", "1950-01-01", "Suharto", S()),
    ("kh_sieng_brother", "KH", "1990-10-10", "Sieng Sokhom", S()),
    ("kr_kang_brother", "KR", "1979-03-03", "Kang Dong Hyun", S()),
    ("jp_satou_twin", "JP", "1987-11-23", "Satou Yuuka", S()),
    ("my_abdullah_other", "MY", "1969-11-11", "Abdullah bin Ismail", S()),
    ("my_tan_brother", "MY", "1976-05-05", "Tan Ah Hock", S()),
]
