"""Name normalisation: variants of one name meet, different names stay different."""

from __future__ import annotations

import pytest

from counterscam.link.persons_features import PersonRecord, features, parse_birth_date
from counterscam.link.persons_names import phonetic, split_name, thai_spelling
from counterscam.link.persons_thai import romanise


def keys(name: str, nationality: str = "") -> set[str]:
    return set(features(PersonRecord("r", name, nationality=nationality))["name_keys"])


@pytest.mark.parametrize(
    ("a", "b", "nationality"),
    [
        ("Nguyễn Văn An", "Nguyen Van An", "VN"),
        ("Nguyen Van An", "An Nguyen Van", "VN"),
        ("Somchai Jaidee", "Somchay Chaidee", "TH"),
        ("Aung Kyaw Moe", "U Aung Kyaw Moe", "MM"),
        ("Aung Kyaw Moe", "AungKyawMoe", "MM"),
        ("Muhammad Faiz bin Ahmad", "Mohd Faiz Ahmad", "MY"),
        ("Tan Wei Ming", "Chen Weiming", "MY"),
        ("Wei Ming Tan", "Tan Wei-Ming", "SG"),
        ("Lim Mei Ling", "Lin Meiling", "MY"),
        ("Siti Aisyah binti Abdullah", "Siti Aisya bt. Abdulla", "MY"),
        ("Wahyuni", "Wahjoeni", "ID"),
        ("DELA CRUZ, Juan", "Juan Dela Cruz", "PH"),
        ("Srisuk Kittisak", "Kittisak Sisuk", "TH"),
        # Chinese given names in Hokkien, Mandarin, Cantonese and Hakka spellings
        ("Tan Boon Keat", "Chen Wen Jie", "MY"),
        ("Tan Kah Wai", "Chen Jiawei", "MY"),
        ("Lim Kok Leong", "Lin Guo Liang", "MY"),
        ("Koh Chee Keong", "Xu Zhi Qiang", "SG"),
        ("Ng Siew Mei", "Huang Xiumei", "SG"),
        ("Khoo Boon Kiat", "Qiu Wen-Jie", "MY"),
        ("Chin Kah Wai", "Tan Ka Wai", "MY"),
        # Wade-Giles and Cantonese surnames, joined Vietnamese names, a Western first name
        ("Koh Boon Kiat", "Hsu Wen-chieh", "MY"),
        ("Teo Chee Keong", "Chang Chih-chiang", "MY"),
        ("Chua Siew Ling", "Choi Siu Ling", "SG"),
        ("An Nguyen Van", "NguyenVanAn", "VN"),
        ("Van An Nguyen", "NguyenVanAn", "VN"),
        ("Jason Tan Wei Ming", "Chen Weiming", "SG"),
        ("TAN WEI MING JASON", "Chan Wai Ming", "SG"),
        ("Ahmad bin Abdulrahman", "Ahmad bin Abdul Rahman", "MY"),
        ("Juan De La Cruz", "Juan Delacruz", "PH"),
        ("Juan S. dela Cruz", "Juan dela Cruz", "PH"),
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str, nationality: str) -> None:
    assert keys(a, nationality) & keys(b, nationality)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nguyen Van An", "Nguyen Van Anh"),
        ("Tan Wei Ming", "Lim Wei Ming"),
        ("Aung Kyaw Moe", "Aung Min Thu"),
        ("Vu Quoc Anh", "Vu Ngoc Anh"),
        # the same surname and one given syllable in common are not the same name
        ("Tan Boon Keat", "Tan Boon Leong"),
        ("Tan Wei Ming", "Tan Wei Jie"),
        ("Tan Boon Keat", "Lim Wen Jie"),
    ],
)
def test_different_names_share_no_key(a: str, b: str) -> None:
    assert not keys(a) & keys(b)


def test_dialect_readings_only_for_chinese_names() -> None:
    assert not any(k.startswith("g:") for k in keys("Ho Van An", "VN"))
    assert not any(k.startswith("g:") for k in keys("Budi Santoso", "ID"))
    assert any(k.startswith("g:") for k in keys("Ho Wai Man", "MY"))


def test_patronymic_keeps_the_father_apart() -> None:
    son = split_name("Muhammad Faiz bin Ahmad", "MY")
    assert son.tokens == ("muhammad", "faiz")
    assert son.father == ("ahmad",)
    assert split_name("Ravi s/o Kumar", "MY").father == ("kumar",)


def test_titles_dropped_only_where_they_are_titles() -> None:
    assert split_name("Ko Aung Kyaw", "MM").tokens == ("aung", "kyaw")
    assert split_name("Ko Min", "MM").tokens == ("ko", "min")  # a name, not a title
    assert split_name("Ong Wei Ming", "MY").tokens == ("ong", "wei", "ming")
    assert split_name("Dato' Sri Lim Kok Leong", "MY").tokens[-2:] == ("kok", "leong")
    assert split_name("Juan Dela Cruz Jr.", "PH").generation == "jr"


def test_birth_dates_parse_or_say_why() -> None:
    assert parse_birth_date("1990-03-25") == ("1990-03-25", 1990)
    assert parse_birth_date("1990-25-03") == ("1990-03-25", 1990)  # day and month swapped
    assert parse_birth_date("1990") == (None, 1990)
    with pytest.raises(ValueError, match="not a date"):
        parse_birth_date("25/03/1990")


def test_mykad_gives_the_birth_date_and_phone_is_canonical() -> None:
    row = features(
        PersonRecord("r", "Ali", id_number="850412-14-5677", phone="012-345 6789", country="MY")
    )
    assert row["dob"] == "1985-04-12"
    assert row["id_kind"] == "nid"
    assert row["phone_canon"] == "+60123456789"


def test_generation_after_a_comma_is_not_a_given_name() -> None:
    parts = split_name("Juan de la Cruz, Jr.", "PH")
    assert parts.tokens == ("juan", "de", "la", "cruz")
    assert parts.generation == "jr"
    assert split_name("DELA CRUZ, Juan Jr.", "PH").tokens == ("juan", "dela", "cruz")


def test_burmese_maung_abbreviated_and_doubled() -> None:
    assert split_name("Mg Aung Aung", "MM").tokens == ("aung", "aung")
    # Maung Maung is a name: the title is not stripped twice
    assert split_name("Maung Maung Aung", "MM").tokens == ("maung", "maung", "aung")
    assert split_name("Mg Mg Aung", "MM").tokens == ("maung", "maung", "aung")
    assert split_name("U Maung Maung Aung", "MM").tokens == ("maung", "maung", "aung")


def test_titles_in_thai_and_burmese_script_and_nangsao() -> None:
    assert split_name("นางสาวสุภาพร ทองดี", "TH").tokens == ("สุภาพร", "ทองดี")
    assert split_name("นาย สมชาย ใจดี", "TH").tokens == ("สมชาย", "ใจดี")
    assert split_name("ဒေါ်ခင်ခင်", "MM").tokens == split_name("ခင်ခင်", "MM").tokens
    assert split_name("Nangsao Supaporn Thongdee", "TH").tokens == ("supaporn", "thongdee")


@pytest.mark.parametrize(
    ("name", "culture", "tokens"),
    [
        ("张伟", "CN", ("zhang", "wei")),
        ("張偉明", "MY", ("zhang", "weiming")),
        ("欧阳明", "CN", ("ouyang", "ming")),  # a two-character surname
        ("陈 大文", "SG", ("chen", "dawen")),
    ],
)
def test_chinese_characters_are_read_as_pinyin(
    name: str, culture: str, tokens: tuple[str, ...]
) -> None:
    assert split_name(name, culture).tokens == tokens


@pytest.mark.parametrize(
    ("raw", "nationality", "country", "clean"),
    [
        ("VNM B1234567", "VN", "", "B1234567"),
        ("VN-B1234567", "VN", "", "B1234567"),
        ("THA AA1234567", "", "TH", "AA1234567"),
        ("MM1234567", "MM", "", "MM1234567"),  # nine characters: a number, not a prefix
        ("PHP1234567A", "PH", "", "P1234567A"),
        ("MYS 900615-14-5671", "MY", "", "900615145671"),
    ],
)
def test_a_country_prefix_is_taken_off_a_passport(
    raw: str, nationality: str, country: str, clean: str
) -> None:
    record = PersonRecord("r", "A B", id_number=raw, nationality=nationality, country=country)
    assert features(record)["id_clean"] == clean


def test_a_father_written_joined_or_spaced_is_one_father() -> None:
    from counterscam.link.persons_cluster import Facts, compatible

    assert compatible(Facts(fathers={"abu baka"}), Facts(fathers={"abubaka"}))
    assert not compatible(Facts(fathers={"abu baka"}), Facts(fathers={"ismail"}))


@pytest.mark.parametrize(
    ("thai", "latin"),
    [
        ("สมชาย", "Somchai"),
        ("ใจดี", "Jaidee"),
        ("สมศักดิ์", "Somsak"),
        ("รักไทย", "Rakthai"),
        ("ประยุทธ์", "Prayuth"),
        ("จันทร์โอชา", "Chanocha"),
        ("กิตติศักดิ์", "Kittisak"),
        ("บุญมี", "Boonmee"),
        ("สุวรรณ", "Suwan"),
        ("นภา", "Napha"),
        ("สมบัติ", "Sombat"),
        ("พรทิพย์", "Pornthip"),
        ("ศิริพร", "Siriporn"),
        ("บุญเรือง", "Boonruang"),
        ("ไพโรจน์", "Pairoj"),
        ("แก้ว", "Kaew"),
    ],
)
def test_thai_script_is_read_as_its_usual_latin_spelling(thai: str, latin: str) -> None:
    read = romanise(thai)
    assert read is not None
    assert phonetic(thai_spelling(read)) == phonetic(thai_spelling(latin.lower()))


def test_thai_records_meet_latin_ones_on_a_name_key() -> None:
    assert keys("นายสมชาย ใจดี", "TH") & keys("Somchay Chaidee", "TH")
    assert not keys("สมศักดิ์ ใจดี", "TH") & keys("Somchai Jaidee", "TH")


def test_thai_spellings_fold_only_in_extra_keys() -> None:
    # Pornthip and Phonthip meet for a Thai record; without a nationality the name keeps the
    # key it always had, so a Thai listed abroad still meets herself at home.
    assert keys("Pornthip Srisuk", "TH") & keys("Phonthip Sisuk", "TH")
    assert keys("Pornthip Srisuk", "") <= keys("Pornthip Srisuk", "TH")


@pytest.mark.parametrize(
    ("thai", "latin"),
    [("ดำรง ใจดี", "Damrong Jaidee"), ("สำราญ ใจดี", "Samran Jaidee"), ("น้ำฝน ใจดี", "Namfon Jaidee")],
)
def test_a_thai_name_with_sara_am_meets_its_latin_spelling(thai: str, latin: str) -> None:
    # Records are folded (NFKD) before they are read, which splits ำ in two: ดำรง read Darong.
    assert keys(thai, "TH") & keys(latin, "TH")


def test_abdul_written_joined_is_split_but_abdullah_is_a_name() -> None:
    assert split_name("Ahmad bin Abdulrahman", "MY").father == ("abdul", "rahman")
    assert split_name("Abdullah bin Abdulaziz", "MY").tokens == ("abdullah",)


def test_a_one_letter_change_in_a_given_name_is_two_edits_for_twins() -> None:
    # Hung and Huong, Guoliang and Guoqiang: other names, not typos (same-day twins merged)
    def sorted_name(name: str, nationality: str) -> str:
        return str(features(PersonRecord("r", name, nationality=nationality))["name_sorted"])

    assert sorted_name("Le Van Hung", "VN").split()[0] == "hhuunngg"
    assert sorted_name("Li Guoliang", "CN") == "gguuoolliiaanngg li"
    assert sorted_name("Tan Wei Ming", "MY") == sorted_name("Wei Ming Tan", "MY")
