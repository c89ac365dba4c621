"""Twelfth probe: suspects, mule-account holders, recruiters and victims as reports from ten
countries spell them. Chinese surnames whose Hokkien or Cantonese spelling is no typo of the
pinyin (Phua 潘 Pan, Soh 苏 Su, Choo 朱 Zhu, Sng 孙 Sun); the given-name syllable Lan; Thai tch
(Rotchana, Rojana) and uck (Saowaluck, Saowalak); Lao ne inside a name (Sonexay, Sonxay); a
Vietnamese family name mistyped (Ngyuen). Each record is (name, born, nationality, document,
country); D is the day both were born, E an earlier one, Y the year alone (with a document: a
year alone weighs nothing on the shipped model).

Written by hand for the probe, not from the generator: 136 pairs of one person, 39 of two, and
the cases of the tests above. The lists hold the pairs that come out right; docs/persons.md
says which others do not, and why.
"""

from __future__ import annotations

import pytest

from counterscam.link.persons_names import phonetic
from tests.link.name_pairs import Rec, linked

D = "1988-03-21"
E = "1979-11-02"
Y = "1988"


@pytest.mark.parametrize(
    ("dialect", "pinyin"),
    [
        ("Phua Chu Kang", "Pan Chu Kang"),  # 潘
        ("Soh Wee Ming", "Su Weiming"),  # 苏
        ("Choo Kah Wai", "Zhu Jiawei"),  # 朱
        ("Toh Chee Keong", "Du Zhiqiang"),  # 杜
        ("Sng Boon Keat", "Sun Wenjie"),  # 孙
        ("Low Kah Wai", "Liu Jiawei"),  # 刘
        ("Tiong Kok Leong", "Zhang Guoliang"),  # 张
        ("Hew Boon Keong", "Qiu Wenqiang"),  # 邱
    ],
)
def test_a_chinese_surname_in_a_dialect_spelling_meets_its_pinyin(
    dialect: str, pinyin: str
) -> None:
    # Before: the dialect spelling was in no surname class, so the two met on no key (0.0).
    assert linked((dialect, D, "MY", "", "MY"), (pinyin, D, "", "", "CN"))


def test_surnames_of_other_characters_read_alike_stay_two() -> None:
    # 萧 Seow and 苏 Soh; 洪 Ang and 王 Wang (Hokkien Ong); Vietnamese Hùng and Hồng. A
    # surname spelling that is also a given-name syllable is no surname in the middle of a
    # name: Tan Soo Hock and Lim Soo Hock share no key.
    assert not linked(("Tan Soo Hock", D, "MY", "", "MY"), ("Lim Soo Hock", D, "MY", "", "MY"))
    assert not linked(("Seow Mei Ling", D, "SG", "", "SG"), ("Soh Mei Ling", D, "SG", "", "SG"))
    assert not linked(("Ang Kah Seng", D, "", "", "SG"), ("Wang Jiasheng", D, "", "", "CN"))
    assert not linked(
        ("Nguyen Van Hung", D, "VN", "", "VN"), ("Nguyen Van Hong", D, "VN", "", "VN")
    )


def test_lan_is_a_chinese_given_name_syllable_not_a_western_name() -> None:
    # Before: Lan, in no syllable class, was read as an English name and left out, so Chan
    # Siew Lan's dialect key was Chen Xiu's.
    assert linked(("Chan Siew Lan", D, "MY", "", "MY"), ("Chen Xiulan", D, "", "", "CN"))
    assert linked(("Lee Mei Lan", D, "MY", "", "MY"), ("Li Meilan", D, "", "", "CN"))


def test_thai_tch_and_uck_meet_the_spellings_without_them() -> None:
    # Before: Rotchana and Rojana (โรจน), Patcharee and Pacharee (พัชรี), Saowaluck and
    # Saowalak (เสาวลักษณ์) met on no key (0.0).
    for rtgs, by_ear in (
        ("Phonthip Rotchanasunan", "Pornthip Rojanasunan"),
        ("Patcharee Wongsawat", "Pacharee Wongsawat"),
        ("Saowalak Thongdee", "Saowaluck Thongdee"),
    ):
        assert linked((rtgs, D, "TH", "", "TH"), (by_ear, D, "", "", "TH"))
    # Two names that differ elsewhere still differ.
    assert not linked(
        ("Pacharee Wongsawat", D, "TH", "", "TH"), ("Pachara Wongsawat", D, "TH", "", "TH")
    )


def test_lao_ne_inside_a_name_is_a_final_n() -> None:
    # Before: the French-era Sonexay (ສອນໄຊ) and the English-era Sonxay met on no key (0.0).
    assert phonetic("sonexay", "LA") == phonetic("sonxay", "LA")
    assert phonetic("phonesavanh", "LA") == phonetic("phonsavanh", "LA")
    assert phonetic("chanthaneth", "LA") != phonetic("chanthanth", "LA")  # ne is a syllable
    assert linked(
        ("Sonexay Siphandone", D, "LA", "", "LA"), ("Sonxay Siphandon", D, "LA", "", "LA")
    )


def test_a_mistyped_vietnamese_family_name_keeps_its_one_typo_tolerance() -> None:
    # Before: 0.057. Ngyuen is no known family name, so only the other record had its given
    # name written twice, and the family name's one typo cost many edits.
    assert linked(("Nguyễn Xuân Phúc", D, "VN", "", "VN"), ("Ngyuen Xuan Phuc", D, "VN", "", "VN"))
    # Twins: the given name of a name so mistyped is still no typo.
    assert not linked(("Nguyne Thi Lan", D, "VN", "", "VN"), ("Nguyne Thi Lam", D, "VN", "", "VN"))


SAME_PERSON: list[tuple[Rec, Rec]] = [
    # Vietnamese: marks or none, family name last, year alone, day and month swapped
    (("Võ Nguyên Giáp", D, "VN", "", "VN"), ("Giap Vo Nguyen", D, "", "", "KH")),
    (("Phạm Minh Chính", D, "VN", "", "VN"), ("Minh Chinh Pham", D, "VN", "", "TH")),
    (
        ("Huỳnh Tấn Phát", D, "VN", "C1234567", "VN"),
        ("HUYNH TAN PHAT", Y, "", "VNM C1234567", "LA"),
    ),
    (("Đoàn Thị Hương", D, "VN", "", "VN"), ("DOAN<<THI<HUONG<<<<<<<<<<", D, "VN", "", "MY")),
    (("Trương Mỹ Lan", D, "VN", "", "VN"), ("My Lan Truong", D, "", "", "SG")),
    (("Vũ Đức Đam", "1988-03-12", "VN", "", "VN"), ("Vu Duc Dam", "1988-12-03", "VN", "", "VN")),
    (
        ("Lương Thị Thu Trang", D, "VN", "C7654321", "VN"),
        ("Luong Thi Thu Trang", Y, "VN", "C7654321", "KH"),
    ),
    (("Nguyễn Thị Ánh Tuyết", D, "VN", "", "VN"), ("Anh Tuyet Nguyen Thi", D, "", "", "TH")),
    (("Đinh La Thăng", D, "VN", "", "VN"), ("Dinh La Thang", D, "", "", "LA")),
    (("Hoàng Văn Thái", D, "VN", "", "VN"), ("Thai Hoang Van", D, "VN", "", "VN")),
    (("Trần Quốc Vượng", D, "VN", "", "VN"), ("Tran Quoc Vuong", D, "VN", "", "PH")),
    (("Lý Thị Ngọc Hân", D, "VN", "", "VN"), ("Ly Thi Ngoc Han", D, "", "", "KH")),
    (("Phan Văn Khải", D, "VN", "", "VN"), ("Phan-Van-Khai", D, "VN", "", "VN")),
    (("Nguyễn Xuân Phúc", D, "VN", "", "VN"), ("Ngyuen Xuan Phuc", D, "VN", "", "VN")),
    (("Đỗ Mười", D, "VN", "", "VN"), ("Do Muoi", D, "", "", "MM")),
    # Thai: RTGS, older and by-ear spellings, script, surname first, Buddhist-era year
    (("Prayut Chan-o-cha", D, "TH", "", "TH"), ("Prayuth Chanocha", D, "TH", "", "TH")),
    (("Somsak Kiatsuranont", D, "TH", "", "TH"), ("Somsak Kiatsuranon", D, "", "", "MY")),
    (("Aphichat Srisawat", D, "TH", "", "TH"), ("Apichart Srisawad", D, "TH", "", "TH")),
    (("Nongnuch Boonmee", D, "TH", "", "TH"), ("Nongnut Bunmi", D, "TH", "", "TH")),
    (("Chuan Leekpai", D, "TH", "", "TH"), ("Chuan Likphai", D, "TH", "", "TH")),
    (("Jiraporn Sukjai", D, "TH", "", "TH"), ("Chiraphon Sukchai", D, "TH", "", "TH")),
    (("Thanawat Suwannarat", D, "TH", "", "TH"), ("Tanawat Suwanarat", D, "", "", "KH")),
    (("Weerasak Kowsurat", D, "TH", "", "TH"), ("Virasak Kowsurat", D, "TH", "", "TH")),
    (("Kriangsak Chomanan", D, "TH", "", "TH"), ("Kriengsak Chomanan", D, "TH", "", "TH")),
    (("วิชัย ศรีสุข", D, "TH", "", "TH"), ("Wichai Srisuk", "2531-03-21", "TH", "", "TH")),
    (("SRISUK Wichai", D, "TH", "", "TH"), ("Vichai Srisuk", D, "", "", "MY")),
    (("Wanida Saelim (Nok)", D, "TH", "", "TH"), ("Wanida Sae-Lim", D, "TH", "", "TH")),
    (("Pornthip Rojanasunan", D, "TH", "", "TH"), ("Phonthip Rotchanasunan", D, "TH", "", "TH")),
    (("นางสาวพรทิพย์ ใจดี", D, "TH", "", "TH"), ("Pornthip Jaidee", D, "TH", "", "TH")),
    (("Saowalak Thongdee", D, "TH", "", "TH"), ("Saowaluck Thongdee", D, "TH", "", "TH")),
    (("Prasert Jaroenporn", D, "TH", "", "TH"), ("Prasoet Charoenphon", D, "TH", "", "TH")),
    (
        ("Kanokwan Sukprasert", Y, "TH", "AA1234567", "TH"),
        ("Kanokwan Sukprasoet", D, "", "AA1234567", "KH"),
    ),
    (("Patcharee Wongsawat", D, "TH", "", "TH"), ("Pacharee Wongsawat", D, "", "", "TH")),
    (("Watcharapong Inthara", D, "TH", "", "TH"), ("Wacharapong Intara", D, "TH", "", "TH")),
    (("Yingluck Chaiyasit", D, "TH", "", "TH"), ("Yinglak Chaiyasit", D, "TH", "", "TH")),
    # Khmer: French-era and UNGEGN spellings, script
    (("Norodom Sihanouk", D, "KH", "", "KH"), ("Norodom Sihanuk", D, "KH", "", "KH")),
    (("Chea Vannak", D, "KH", "", "KH"), ("Chea Vannack", D, "KH", "", "KH")),
    (("Sok Rattanak", D, "KH", "", "KH"), ("Sok Ratanak", D, "", "", "TH")),
    (("Heng Sovannara", D, "KH", "", "KH"), ("HENG Sovannara", D, "KH", "", "KH")),
    (("Keo Sokhom", D, "KH", "", "KH"), ("Kaev Sokhom", D, "KH", "", "KH")),
    (("Meas Sophal", D, "KH", "", "KH"), ("Mes Sophal", D, "KH", "", "KH")),
    (("Sieng Chanthou", D, "KH", "", "KH"), ("Seng Chanthou", D, "KH", "", "KH")),
    (("Chhun Sokhim", D, "KH", "", "KH"), ("Chun Sokhim", D, "", "", "VN")),
    (("Sao Sopheap", D, "KH", "", "KH"), ("Sau Sopheap", D, "KH", "", "KH")),
    (("Sok Channa", D, "KH", "", "KH"), ("Channa Sok", D, "KH", "", "TH")),
    (("សុខ ចាន់ណា", D, "KH", "", "KH"), ("Sok Channa", D, "KH", "", "KH")),
    (("Lim Sokha", D, "KH", "", "KH"), ("LIM<<SOKHA<<<<<<<<", D, "KH", "", "KH")),
    # Burmese: no family names, the honorifics Daw, U, Ko, Ma, Maung
    (("Daw Aung San Suu Kyi", D, "MM", "", "MM"), ("Aung San Suu Kyi", D, "", "", "TH")),
    (("Ko Ko Gyi", D, "MM", "MA123456", "MM"), ("Ko Ko Gyi", Y, "", "MA123456", "TH")),
    (("U Myint Swe", D, "MM", "", "MM"), ("Myint Swe", D, "MM", "", "MM")),
    (("Min Aung Hlaing", D, "MM", "", "MM"), ("Min Aung Hline", D, "MM", "", "MM")),
    (("Mg Mg Thein", D, "MM", "", "MM"), ("Maung Maung Thein", D, "", "", "TH")),
    (("Kyaw Swar Lin", D, "MM", "", "MM"), ("Kyaw Swa Lin", D, "MM", "", "MM")),
    (("Wai Yan Phyo", D, "MM", "", "MM"), ("Wai Yan Pyo", D, "", "", "TH")),
    (("Zinmar Aung", D, "MM", "", "MM"), ("Zin Mar Aung", D, "MM", "", "MM")),
    (("Ma Hnin Wai Lwin", D, "MM", "", "MM"), ("Nin Wai Lwin", D, "MM", "", "MM")),
    (("Ye Htut Aung", D, "MM", "", "MM"), ("Yay Htut Aung", D, "MM", "", "MM")),
    (("Ko Nay Lin Htet", D, "MM", "", "MM"), ("Ne Lin Htet", D, "MM", "", "MM")),
    (
        ("Daw Khin Myo Chit", D, "MM", "MB765432", "MM"),
        ("Khin Myo Chit", Y, "MM", "MB765432", "MM"),
    ),
    (("Maung Thura Aung", D, "", "", "TH"), ("Thura Aung", D, "MM", "", "MM")),
    (("Ma Su Su Hlaing", D, "MM", "", "MM"), ("Su Su Hline", D, "", "", "TH")),
    # Lao
    (("Thongloun Sisoulith", D, "LA", "", "LA"), ("Thonglun Sisulit", D, "", "", "TH")),
    (("Phankham Viphavanh", D, "LA", "", "LA"), ("Phankham Viphavan", D, "LA", "", "LA")),
    (("Phetsamone Keomany", D, "LA", "", "LA"), ("Phetsamon Keomani", D, "", "", "VN")),
    (("Khamphoui Sysavath", D, "LA", "", "LA"), ("Khamphouy Sisavath", D, "LA", "", "LA")),
    (("Manivanh Inthavong", D, "LA", "", "LA"), ("Manivan Inthavong", D, "LA", "", "LA")),
    (("Sonexay Siphandone", D, "LA", "", "LA"), ("Sonxay Siphandon", D, "LA", "", "LA")),
    (("Douangchay Phichit", D, "LA", "", "LA"), ("Duangchai Phichit", D, "", "", "TH")),
    (("ພັນຄຳ ວິພາວັນ", D, "LA", "", "LA"), ("Phankham Viphavanh", D, "LA", "", "LA")),
    (("Vilayvanh Phommachanh", D, "LA", "", "LA"), ("Vilayvan Phommachan", D, "LA", "", "LA")),
    (("Phonesavanh Vongsa", D, "LA", "", "LA"), ("Phonsavanh Vongsa", D, "", "", "LA")),
    # Chinese: one surname in Hokkien, Teochew, Cantonese, Hakka and pinyin, either order
    (("Phua Chu Kang", D, "SG", "", "SG"), ("Pan Chu Kang", D, "", "", "CN")),
    (("Soh Wee Ming", D, "SG", "", "SG"), ("Su Weiming", D, "", "", "CN")),
    (("Quek Boon Huat", D, "MY", "", "MY"), ("Guo Wenfa", D, "", "", "CN")),
    (("Choo Kah Wai", D, "MY", "", "MY"), ("Zhu Jiawei", D, "", "", "CN")),
    (("Toh Chee Keong", D, "SG", "", "SG"), ("Du Zhiqiang", D, "", "", "CN")),
    (("Sng Boon Keat", D, "SG", "", "SG"), ("Sun Wenjie", D, "", "", "CN")),
    (("Yeoh Kah Wai", D, "MY", "", "MY"), ("Yang Jiawei", D, "", "", "CN")),
    (("Tiong Kok Leong", D, "MY", "", "MY"), ("Zhang Guoliang", D, "", "", "CN")),
    (("Low Kah Wai", D, "MY", "", "MY"), ("Liu Jiawei", D, "", "", "CN")),
    (("Ip Kin Wai", D, "", "", "HK"), ("Ye Jianwei", D, "", "", "CN")),
    (("Kah Wai Tan", D, "SG", "", "SG"), ("Chen Jiawei", D, "", "", "CN")),
    (("Kah Seng Ong", D, "MY", "", "MY"), ("ONG Kah Seng", D, "MY", "", "MY")),
    (("Lum Mei Ling", D, "MY", "", "MY"), ("Lin Meiling", D, "", "", "CN")),
    (("Hew Boon Keong", D, "MY", "", "MY"), ("Qiu Wenqiang", D, "", "", "CN")),
    (("Lee Mei Lan", D, "MY", "", "MY"), ("Li Meilan", D, "", "", "CN")),
    (("潘家伟", D, "CN", "", "CN"), ("Phua Kah Wai", D, "", "", "SG")),
    # Malay: bin, binti, a/l, a/p, Muhamad, joined Nur
    (
        ("Nor Azlina binti Abd Rahman", D, "MY", "", "MY"),
        ("Noor Azlina Abdul Rahman", D, "", "", "SG"),
    ),
    (
        ("Muhamad Firdaus bin Zulkifli", D, "MY", "", "MY"),
        ("Mohammad Firdaus Zulkifli", D, "MY", "", "MY"),
    ),
    (
        ("Siti Nurhaliza binti Tarudin", D, "MY", "", "MY"),
        ("Siti Nur Haliza Tarudin", D, "MY", "", "MY"),
    ),
    (("Kumar a/l Subramaniam", D, "MY", "", "MY"), ("Kumar s/o Subramaniam", D, "", "", "SG")),
    (("Devi a/p Krishnan", D, "MY", "", "MY"), ("Devi d/o Krishnan", D, "MY", "", "MY")),
    (("Abdul Razak bin Hussein", D, "MY", "", "MY"), ("Abd Razak Husin", D, "MY", "", "MY")),
    (
        ("Nik Mohd Amin bin Nik Abdullah", D, "MY", "", "MY"),
        ("Nik Muhammad Amin Nik Abdullah", D, "MY", "", "MY"),
    ),
    (
        ("Zainal Abidin bin Osman", D, "MY", "880321145678", "MY"),
        ("Zainal Abidin bin Othman", Y, "MY", "880321-14-5678", "MY"),
    ),
    (
        ("MOHD<HAFIZ<BIN<ABDULLAH<<<<<<<<<<<<", D, "MY", "", "MY"),
        ("Mohd Hafiz bin Abdullah", D, "MY", "", "MY"),
    ),
    (
        ("Nurul Huda binte Mustapha", D, "SG", "", "SG"),
        ("Nur Huda binti Mustafa", D, "", "", "MY"),
    ),
    (
        ("Puan Rohani binti Yahaya", D, "MY", "", "MY"),
        ("Rohani bt. Yahya", D, "MY", "", "MY"),
    ),
    # Indonesian: single names, old spellings
    (("Soedirman", D, "ID", "", "ID"), ("Sudirman", D, "", "", "MY")),
    (("Boediono", D, "ID", "", "ID"), ("Budiono", D, "ID", "", "ID")),
    (("Koesnadi", D, "ID", "", "ID"), ("Kusnadi", "", "ID", "3171052103880001", "ID")),
    (("Soetijoso", D, "ID", "", "ID"), ("Sutiyoso", D, "", "", "SG")),
    (("Poernomo Joesgiantoro", D, "ID", "", "ID"), ("Purnomo Yusgiantoro", D, "ID", "", "ID")),
    (("Megawati Soekarnoputri", D, "ID", "", "ID"), ("Megawati Sukarnoputri", D, "", "", "MY")),
    (("Basuki Tjahaja Purnama", D, "ID", "", "ID"), ("Basuki Cahaya Purnama", D, "ID", "", "ID")),
    (("WIRANTO", D, "ID", "", "ID"), ("Wiranto", D, "", "", "MY")),
    (("Bu Sri Rahayu", D, "ID", "", "ID"), ("Sri Rahajoe", D, "ID", "", "ID")),
    (("Ahmad Dahlan", D, "ID", "", "ID"), ("Achmad Dahlan", D, "ID", "", "ID")),
    # Filipino: maternal middle names, Ma., particles, Spanish compound surnames
    (("Maria Clara Reyes Santos", D, "PH", "", "PH"), ("Ma. Clara R. Santos", D, "PH", "", "PH")),
    (
        ("Maria Lourdes Aranal Sereno", D, "PH", "", "PH"),
        ("Ma. Lourdes A. Sereno", D, "PH", "", "PH"),
    ),
    (
        ("Mark Anthony de los Reyes", D, "PH", "", "PH"),
        ("DELOS REYES, Mark Anthony", D, "PH", "", "PH"),
    ),
    (("Gloria Macapagal Arroyo", D, "PH", "", "PH"), ("Gloria M. Arroyo", D, "PH", "", "PH")),
    (("José María García López", D, "PH", "", "PH"), ("Jose Maria Garcia Lopez", D, "", "", "SG")),
    (
        ("GARCIA LOPEZ, Jose Maria", D, "PH", "", "PH"),
        ("José María García López", D, "PH", "", "PH"),
    ),
    (
        ("María del Carmen Rodríguez Sánchez", D, "PH", "", "PH"),
        ("Maria del Carmen Rodriguez Sanchez", D, "PH", "", "PH"),
    ),
    (("Juan Miguel Dela Paz", D, "PH", "", "PH"), ("Juan Miguel Delapaz", D, "PH", "", "PH")),
    (("Ramon Magsaysay Jr.", D, "PH", "", "PH"), ("Ramon Magsaysay, Jr.", D, "", "", "MY")),
    (
        ("Cristina Bautista Villanueva", D, "PH", "P1234567A", "PH"),
        ("Cristina B. Villanueva", Y, "PH", "P1234567A", "PH"),
    ),
    # Native script beside its romanisation
    (("张家伟", D, "CN", "", "CN"), ("Teo Kah Wai", D, "", "", "SG")),
    (("李明", D, "CN", "", "CN"), ("Li Ming", D, "CN", "", "KH")),
    (("박서준", D, "KR", "", "KR"), ("Park Seo-jun", D, "KR", "", "KR")),
    (("이지은", D, "KR", "", "KR"), ("Lee Ji-eun", D, "KR", "", "KH")),
    (("ဇော်မင်းထွန်း", D, "MM", "", "MM"), ("Zaw Min Tun", D, "MM", "", "MM")),
    (("ประเสริฐ ทองดี", D, "TH", "", "TH"), ("Prasert Thongdee", D, "", "", "TH")),
    # passports' machine-readable zone and OCR
    (("P<THAJAIDEE<<SOMCHAI<<<<<<<<<", D, "TH", "", "TH"), ("Somchai Jaidee", D, "TH", "", "TH")),
    (("L1M<<B00N<H0CK", D, "SG", "", "SG"), ("Lim Boon Hock", D, "SG", "", "SG")),
    (("TRAN<<VAN<8INH", D, "VN", "", "VN"), ("Tran Van Binh", D, "VN", "", "VN")),
    (("P<IDNSUHARTO<<<<<<<<<<<<<<<", D, "ID", "", "ID"), ("Suharto", D, "ID", "", "ID")),
    (("REYES<<JUAN<5ANTOS", D, "PH", "", "PH"), ("Juan Santos Reyes", D, "PH", "", "PH")),
    # typos and OCR errors
    (("Nguyen Van Thanh", D, "VN", "", "VN"), ("Nguyne Van Thanh", D, "VN", "", "VN")),
    (
        ("Muhammad Syafiq bin Ali", D, "MY", "", "MY"),
        ("Muhammad Syafik bin Ali", D, "MY", "", "MY"),
    ),
    (("Abdul Rahim bin Yusof", D, "MY", "", "MY"), ("Abdul Rahlm bin Yusof", D, "MY", "", "MY")),
    (("Juan dela Cruz", D, "PH", "", "PH"), ("Juan dela Curz", D, "PH", "", "PH")),
    # dates partly known
    (
        ("Nguyen Van Tien", Y, "VN", "001088012345", "VN"),
        ("Nguyễn Văn Tiến", D, "VN", "001088012345", "VN"),
    ),
    (
        ("Aung Thu Rein", D, "MM", "12/MaYaKa(N)123456", "MM"),
        ("Aung Thu Rein", "1988-03-27", "MM", "12/MaYaKa(N)123456", "MM"),
    ),
    (
        ("Budi Hartono", "1988-03-12", "ID", "", "ID"),
        ("Budi Hartono", "1988-12-03", "ID", "", "ID"),
    ),
]

DIFFERENT_PEOPLE: list[tuple[Rec, Rec]] = [
    # one common name, two birth dates
    (("Nguyen Van Quang", D, "VN", "", "VN"), ("Nguyen Van Quang", E, "VN", "", "VN")),
    (("Nguyne Thi Lan", D, "VN", "", "VN"), ("Nguyne Thi Lam", D, "VN", "", "VN")),
    (("Seow Mei Ling", D, "SG", "", "SG"), ("Soh Mei Ling", D, "SG", "", "SG")),
    (("Tran Thi Huong", D, "VN", "", "VN"), ("Trần Thị Hương", E, "VN", "", "VN")),
    (("Somchai Saetang", D, "TH", "", "TH"), ("Somchai Saetang", E, "TH", "", "TH")),
    (("Muhammad Aiman", D, "MY", "", "MY"), ("Muhammad Aiman", E, "MY", "", "MY")),
    (("Kyaw Zin Oo", D, "MM", "", "MM"), ("Kyaw Zin Oo", E, "", "", "TH")),
    (("Sok Pisey", D, "KH", "", "KH"), ("Sok Pisey", E, "KH", "", "KH")),
    (("Zhang Min", D, "CN", "", "CN"), ("Zhang Min", E, "CN", "", "CN")),
    (
        ("Maria Cristina Bautista", D, "PH", "", "PH"),
        ("Maria Cristina Bautista", E, "PH", "", "PH"),
    ),
    (("Siti Rahmawati", D, "ID", "", "ID"), ("Siti Rahmawati", E, "ID", "", "ID")),
    (("Budi Hartono", D, "ID", "", "ID"), ("Budi Hartono", E, "ID", "", "ID")),
    (("Somphone Keomany", D, "LA", "", "LA"), ("Somphone Keomany", E, "LA", "", "LA")),
    # fathers and sons with bin, s/o; different fathers
    (("Razak bin Hussein", E, "MY", "", "MY"), ("Hussein bin Razak", D, "MY", "", "MY")),
    (("Mohd Ali bin Ahmad", E, "MY", "", "MY"), ("Mohd Ali bin Mohd Ali", D, "MY", "", "MY")),
    (("Mohd Hafiz bin Ismail", D, "MY", "", "MY"), ("Mohd Hafiz bin Ibrahim", D, "MY", "", "MY")),
    (("Kumar s/o Rajan", D, "SG", "", "SG"), ("Rajan s/o Kumar", E, "SG", "", "SG")),
    (("Ali bin Abu Bakar", D, "MY", "", "MY"), ("Ali bin Abu Hassan", D, "MY", "", "MY")),
    (("U Tin Win", "1955-06-01", "MM", "", "MM"), ("Tin Win", D, "MM", "", "MM")),
    # siblings sharing family names
    (("Tran Minh Khoa", D, "VN", "", "VN"), ("Tran Minh Khang", D, "VN", "", "VN")),
    (("Lim Wei Jie", D, "SG", "", "SG"), ("Lim Wei Jun", D, "SG", "", "SG")),
    (("Chan Siew Mei", D, "MY", "", "MY"), ("Chan Siew Lan", D, "MY", "", "MY")),
    (("Somsak Srisuk", D, "TH", "", "TH"), ("Somsri Srisuk", D, "TH", "", "TH")),
    (("Aye Aye Khaing", D, "MM", "", "MM"), ("Aye Aye Mon", D, "MM", "", "MM")),
    (("Sok Sopheap", D, "KH", "", "KH"), ("Sok Sophea", D, "KH", "", "KH")),
    (("Pham Van Duc", D, "VN", "", "VN"), ("Pham Minh Duc", D, "VN", "", "VN")),
    (("Ong Kah Seng", D, "MY", "", "MY"), ("Ong Kah Heng", D, "MY", "", "MY")),
    (("Maria Clara Santos", D, "PH", "", "PH"), ("Maria Luisa Santos", D, "PH", "", "PH")),
    (("Garcia Lopez, Jose", D, "PH", "", "PH"), ("Garcia Perez, Jose", D, "PH", "", "PH")),
    (("Bounmy Phommachanh", D, "LA", "", "LA"), ("Bounma Phommachanh", D, "LA", "", "LA")),
    (("이지은", D, "KR", "", "KR"), ("이지원", D, "KR", "", "KR")),
    # Nguyen Van A and Nguyen Thi A
    (("Nguyen Van Binh", D, "VN", "", "VN"), ("Nguyen Thi Binh", D, "VN", "", "VN")),
    (("Tran Van Hoa", D, "VN", "", "VN"), ("Tran Thi Hoa", D, "VN", "", "VN")),
    (("Le Van Thanh", D, "VN", "", "VN"), ("Le Thi Thanh", D, "VN", "", "VN")),
    (("Phạm Văn Hà", D, "VN", "", "VN"), ("Phạm Thị Hà", D, "VN", "", "VN")),
    (("Văn Thanh Nguyễn", D, "", "", "KH"), ("Thị Thanh Nguyễn", D, "", "", "KH")),
    # surnames of another character read alike in one dialect
    (("Ang Kah Seng", D, "", "", "SG"), ("Wang Jiasheng", D, "", "", "CN")),
    (("Soh Wee Ming", D, "SG", "", "SG"), ("Xu Weiming", D, "", "", "CN")),
    # two national IDs
    (
        ("Nguyen Thi Mai", D, "VN", "001188012345", "VN"),
        ("Nguyen Thi Mai", D, "VN", "079188054321", "VN"),
    ),
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON, ids=[a[0] for a, _ in SAME_PERSON])
def test_the_probes_spellings_of_one_person_link(a: Rec, b: Rec) -> None:
    assert linked(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_PEOPLE, ids=[a[0] for a, _ in DIFFERENT_PEOPLE])
def test_the_probes_different_people_stay_apart(a: Rec, b: Rec) -> None:
    assert not linked(a, b)
