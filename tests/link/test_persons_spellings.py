"""Lists spelled the way outside verifiers spell them, scored with the shipped model."""

from __future__ import annotations

from counterscam.link.persons import PersonRecord, resolve_persons
from counterscam.link.persons_names import split_name


def _resolve(*rows: tuple[str, str, str, str, str]) -> dict[str, str]:
    """Resolve (record id, full name, birth date, nationality, id number) rows."""
    records = [
        PersonRecord(r, n, birth_date=d, nationality=c, id_number=i) for r, n, d, c, i in rows
    ]
    return resolve_persons(records).person_of


def test_names_in_thai_and_burmese_script_are_names() -> None:
    person = _resolve(
        ("t1", "สมชาย ใจดี", "1979-11-23", "TH", ""),
        ("t2", "นายสมชาย ใจดี", "1979-11-23", "TH", ""),  # Mr, joined to the name
        ("t3", "สมศักดิ์ ใจดี", "1979-11-23", "TH", ""),  # his twin brother
        ("m1", "ဦးအောင်အောင်", "1970-05-14", "MM", ""),  # U Aung Aung
        ("m2", "အောင်အောင်", "1970-05-14", "MM", ""),
    )
    assert person["t1"] == person["t2"]
    assert person["t1"] != person["t3"]
    assert person["m1"] == person["m2"]
    assert split_name("ใจดี").tokens == ("ใจดี",)  # the vowel marks are the name


def test_twins_named_an_and_anh_stay_apart() -> None:
    person = _resolve(
        ("a1", "Nguyen Van An", "1988-03-07", "VN", ""),
        ("a2", "Nguyễn Văn An", "1988-03-07", "VN", ""),
        ("b1", "Nguyen Van Anh", "1988-03-07", "VN", ""),
        ("b2", "NGUYEN VAN ANH", "1988-03-07", "VN", ""),
    )
    assert person["a1"] == person["a2"]
    assert person["b1"] == person["b2"]
    assert person["a1"] != person["b1"]


def test_a_short_name_mistyped_still_merges_on_a_shared_document() -> None:
    person = _resolve(
        ("a1", "Nguyen Van An", "1988-03-07", "VN", "C1234567"),
        ("a2", "Nguyen Van Anh", "1988-03-07", "VN", "C1234567"),
    )
    assert person["a1"] == person["a2"]


def test_malay_spellings_and_a_father_written_joined_merge() -> None:
    # "Mohammed" was not read as Muhammad, and "Abu Bakar" beside "Abubakar" counted as two
    # fathers, so the clustering refused the merge.
    person = _resolve(
        ("y1", "Muhammad Ali bin Abu Bakar", "1988-09-09", "MY", ""),
        ("y2", "Mohammed Ali bin Abubakar", "1988-09-09", "MY", ""),
        ("y3", "Muhd Ali b. Abu Bakar", "1988-09-09", "MY", ""),
        ("f1", "Abu Bakar bin Ali", "1960-02-02", "MY", ""),  # a father is not his son
    )
    assert person["y1"] == person["y2"] == person["y3"]
    assert person["f1"] != person["y1"]


def test_filipino_ma_without_its_dot_is_maria() -> None:
    person = _resolve(
        ("p1", "Maria Theresa Santos", "1982-04-04", "PH", ""),
        ("p2", "Ma Theresa Santos", "1982-04-04", "PH", ""),
        ("p3", "Ma. Teresa Santos", "1982-04-04", "PH", ""),
    )
    assert person["p1"] == person["p2"] == person["p3"]
    assert split_name("Ma Khin Myo Win", "MM").tokens == ("khin", "myo", "win")  # a title there


def test_a_passport_with_its_country_prefix_is_the_same_passport() -> None:
    person = _resolve(
        ("x1", "Tran Thi Mai", "1990-03-04", "VN", "B1234567"),
        ("x2", "Tran Thi Mai", "", "VN", "VNM B1234567"),
        ("x3", "Trần Thị Mai", "", "VN", "VN-B1234567"),
        ("x4", "Tran Thi Mai", "", "VN", "C8888888"),  # a namesake with her own passport
        ("a1", "Mohd Ali", "", "MY", "A12345678"),
        ("a2", "Muhammad Ali", "", "MY", "MYS A1234 5678"),
        ("a3", "Mohd Ali", "", "MY", "A87654321"),  # another man of the commonest name
    )
    assert person["x1"] == person["x2"] == person["x3"]
    assert person["x4"] != person["x1"]
    assert person["a1"] == person["a2"]
    assert person["a3"] != person["a1"]


def test_a_chinese_name_in_characters_meets_its_pinyin_and_dialect_spellings() -> None:
    person = _resolve(
        ("c1", "张伟", "1987-07-17", "CN", ""),
        ("c2", "Zhang Wei", "1987-07-17", "CN", ""),
        ("c3", "ZHANG, Wei", "1987-07-17", "CN", ""),
        ("c4", "张伟", "1995-05-05", "CN", ""),  # a namesake, born eight years later
        ("d1", "陳大文", "1978-08-08", "MY", ""),  # traditional characters
        ("d2", "Chan Tai Man", "1978-08-08", "MY", ""),  # Cantonese
        ("d3", "Chen Da Wen", "1978-08-08", "MY", ""),
    )
    assert person["c1"] == person["c2"] == person["c3"]
    assert person["c4"] != person["c1"]
    assert person["d1"] == person["d2"] == person["d3"]
    # a Japanese name in kanji is not read as Mandarin, nor a character outside the table
    assert split_name("田中", "JP").tokens == ("田中",)
    assert split_name("张䶮", "CN").tokens == ("张䶮",)


def test_a_thai_name_in_thai_script_meets_its_latin_spellings() -> None:
    person = _resolve(
        ("t1", "สมชาย ใจดี", "1979-11-23", "TH", ""),
        ("t2", "Somchai Jaidee", "1979-11-23", "TH", ""),
        ("t3", "Somchay Chaidee", "1979-11-23", "TH", ""),
        ("t4", "Mr. Somchai Jai-dee", "1979-11-23", "TH", ""),
        ("t5", "JAIDEE, Somchai", "1979-11-23", "TH", ""),
        ("s1", "สมพร ทองดี", "1984-02-02", "TH", ""),
        ("s2", "Somporn Thongdee", "1984-02-02", "TH", ""),  # -porn for RTGS -phon
        ("n1", "สมชาย ใจดี", "1990-01-01", "TH", ""),  # a namesake, born eleven years later
        ("n2", "Somsak Jaidee", "1979-11-23", "TH", ""),  # his twin brother
    )
    assert len({person[r] for r in ("t1", "t2", "t3", "t4", "t5")}) == 1
    assert person["s1"] == person["s2"]
    assert person["n1"] != person["t1"]
    assert person["n2"] != person["t1"]


def test_thai_twins_whose_names_read_alike_in_latin_stay_apart() -> None:
    # สมชาย and สมชัย are both "Somchai": the Latin record may join either twin, not both.
    person = _resolve(
        ("a1", "สมชาย ใจดี", "1979-11-23", "TH", ""),
        ("a2", "นายสมชาย ใจดี", "1979-11-23", "TH", ""),
        ("b1", "สมชัย ใจดี", "1979-11-23", "TH", ""),
        ("l1", "Somchai Jaidee", "1979-11-23", "TH", ""),
    )
    assert person["a1"] == person["a2"]
    assert person["b1"] != person["a1"]
    assert person["l1"] in (person["a1"], person["b1"])
