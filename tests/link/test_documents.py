"""One reading of document numbers: persons resolution and report linking agree on it."""

from __future__ import annotations

import pytest

from counterscam.link.documents import document_number, read_document
from counterscam.link.party_evidence import document_key
from counterscam.link.persons_features import PersonRecord, features


@pytest.mark.parametrize(
    ("written", "countries", "number"),
    [
        ("b1234567", (), "B1234567"),
        ("B 123 4567", (), "B1234567"),
        ("B.123.4567", (), "B1234567"),
        ("VNM B1234567", (), "B1234567"),
        ("VN-B1234567", ("VN",), "B1234567"),
        ("ＶＮＭ Ｂ１２３４５６７", (), "B1234567"),  # full-width, as some keyboards type it
        ("900615-14-5671", (), "900615145671"),  # MyKad
        ("MYS 900615-14-5671", (), "900615145671"),
        ("1-2345-67890-12-1", (), "1234567890121"),  # Thai ID
        ("๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑", (), "1234567890121"),  # the same in Thai digits
        ("3171.0123.4567.0001", (), "3171012345670001"),  # NIK
        ("3171 0123 4567 0001", (), "3171012345670001"),
        ("1234-5678-9012-3456", (), "1234567890123456"),  # PhilSys
        ("PHP1234567A", ("PH",), "P1234567A"),  # Philippine passport, country in front
        ("001 089 012345", (), "001089012345"),  # Vietnamese citizen ID
        ("VNM 001089012345", (), "001089012345"),
        ("១២៣៤៥៦៧៨៩", (), "123456789"),  # Khmer digits
        ("၁၂/၃၄၅၆၇၈", (), "12345678"),  # Burmese digits and a slash
        ("12/OUKAMA(N)123456", (), "12OUKAMAN123456"),  # Myanmar NRC
    ],
)
def test_a_number_reads_the_same_however_it_is_written(
    written: str, countries: tuple[str, ...], number: str
) -> None:
    assert document_number(written, countries) == number


@pytest.mark.parametrize(
    ("written", "countries"),
    [
        ("MM1234567", ("MM",)),  # nine characters: a number, not a prefix
        ("TH1234567890", ("VN",)),  # two letters that are not the record's country
        ("VNMABCDEFGH", ()),  # what follows has no digit: no document number
        ("THA12345", ()),  # too short once the code is off
    ],
)
def test_letters_in_front_stay_when_they_are_no_country_code(
    written: str, countries: tuple[str, ...]
) -> None:
    assert read_document(written, countries) == (written, None)


def test_the_issuing_country_written_in_front_is_told() -> None:
    assert read_document("VNM B1234567") == ("B1234567", "VN")
    assert read_document("VN-B1234567", ("VN", "SG")) == ("B1234567", "VN")
    assert read_document("B1234567", ("VN",)) == ("B1234567", None)


@pytest.mark.parametrize(
    ("written", "nationality", "country"),
    [
        ("VNM B1234567", "VN", "SG"),
        ("VN-B1234567", "", "VN"),
        ("MYS A12345678", "", "SG"),
        ("850412-14-5677", "MY", "MY"),
        ("๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑", "TH", "TH"),
        ("3171.0123.4567.0001", "ID", "ID"),
        ("n/a", "", "PH"),
        ("PHP1234567A", "PH", "PH"),
    ],
)
def test_persons_and_report_linking_read_one_number(
    written: str, nationality: str, country: str
) -> None:
    record = PersonRecord("r", "A B", id_number=written, nationality=nationality, country=country)
    clean = features(record)["id_clean"]
    key = document_key(written, nationality or None, "passport", country)
    assert (key.rsplit(":", 1)[0] if key else None) == clean


def test_a_document_key_says_whose_number_it_is() -> None:
    assert document_key("a5907-8998", "MY", "", "SG") == "A59078998:MY"
    # without a nationality, the country written in front, else the kind of document
    assert document_key("VNM B1234567", None, "passport", "SG") == "B1234567:VN"
    assert document_key("B1234567", None, "passport", "SG") == "B1234567:passport"
    assert document_key("n/a", "MY", "passport", "MY") is None


LABELLED = [
    # (with a label, as typed, without one, nationality)
    ("No. B1234567", "B1234567", "VN"),
    ("Passport: B1234567", "B1234567", "VN"),
    ("PP No: B1234567", "B1234567", "VN"),
    ("Passport No.: B1234567", "B1234567", "VN"),
    ("passport no. vnm b1234567", "VNM B1234567", "VN"),
    ("ＰＡＳＳＰＯＲＴ：Ｂ１２３４５６７", "B1234567", "VN"),
    ("Hộ chiếu: B1234567", "B1234567", "VN"),
    ("Số hộ chiếu B1234567", "B1234567", "VN"),
    ("CCCD: 001089012345", "001089012345", "VN"),
    ("Số CCCD: 001 089 012345", "001 089 012345", "VN"),
    ("CMND/CCCD: 001089012345", "001089012345", "VN"),
    ("Số định danh cá nhân: 001089012345", "001089012345", "VN"),
    ("NRIC: 850505-14-5678", "850505-14-5678", "MY"),
    ("I/C No: 850505-14-5678", "850505-14-5678", "MY"),
    ("No. K/P: 850505-14-5678", "850505-14-5678", "MY"),
    ("No Pasport: A12345678", "A12345678", "MY"),
    ("KTP 3171.0123.4567.0001", "3171012345670001", "ID"),
    ("KTP3171012345670001", "3171012345670001", "ID"),
    ("e-KTP: 3171 0123 4567 0001", "3171012345670001", "ID"),
    ("NIK: 3171012345670001", "3171012345670001", "ID"),
    ("Nomor Paspor: A1234567", "A1234567", "ID"),
    ("หนังสือเดินทาง AA1234567", "AA1234567", "TH"),
    ("เลขบัตรประชาชน 1-2345-67890-12-1", "1 2345 67890 12 1", "TH"),
    ("Thai ID: ๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑", "1-2345-67890-12-1", "TH"),
    ("Passport No. P1234567A", "P1234567A", "PH"),
    ("Numero ng Pasaporte: P1234567A", "P1234567A", "PH"),
    ("PhilSys No. 1234-5678-9012-3456", "1234567890123456", "PH"),
    ("NRC No. 12/MaYaKa(N)123456", "12/MaYaKa(N)123456", "MM"),
    ("NRC: 12/MAYAKA(N)123456", "12/MaYaKa(N)123456", "MM"),
    ("លិខិតឆ្លងដែន N01234567", "N01234567", "KH"),
    ("FIN: G1234567X", "G1234567X", "SG"),
]


def _read_alike(labelled: str, plain: str, nationality: str) -> None:
    """Assert persons resolution and report linking read the two writings as one document."""
    assert document_number(labelled, (nationality,)) == document_number(plain, (nationality,))
    for with_nationality in (nationality, ""):
        persons = [
            features(PersonRecord("r", "A B", id_number=n, nationality=with_nationality))
            for n in (labelled, plain)
        ]
        assert persons[0]["id_clean"] == persons[1]["id_clean"]
        assert persons[0]["id_kind"] == persons[1]["id_kind"]
        keys = [
            document_key(n, with_nationality or None, "passport", "SG") for n in (labelled, plain)
        ]
        assert keys[0] is not None and keys[0] == keys[1]


@pytest.mark.parametrize(("labelled", "plain", "nationality"), LABELLED)
def test_a_label_typed_before_the_number_is_no_part_of_it(
    labelled: str, plain: str, nationality: str
) -> None:
    # Before: "Passport: B1234567" was the number PASSPORTB1234567, a document of its own.
    _read_alike(labelled, plain, nationality)


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("12/MaYaKa(N)123456", "12MAYAKAN123456"),  # Myanmar NRC: letters and brackets kept
        ("P1234567A", "P1234567A"),  # Philippine passport
        ("NO1234567", "NO1234567"),  # letters of a label, but nothing between them and digits
        ("PP1234567", "PP1234567"),
        ("E 1234567 A", "E1234567A"),  # a Singapore passport's E is no e-KTP
        ("Passport", "PASSPORT"),  # a label and nothing after it is read as written
    ],
)
def test_a_number_that_begins_like_a_label_keeps_its_letters(written: str, number: str) -> None:
    assert document_number(written) == number


def test_a_label_before_a_placeholder_leaves_a_placeholder() -> None:
    assert document_key("Passport: n/a", "MY", "passport", "MY") is None
    assert document_key("No. -", None, "passport", "MY") is None


@pytest.mark.parametrize(
    ("labelled", "plain", "nationality"),
    [
        ("B1234567 (passport)", "B1234567", "VN"),
        ("B1234567 passport", "B1234567", "VN"),
        ("A12345678 Pasport", "A12345678", "MY"),
        ("850505-14-5678 (NRIC)", "850505-14-5678", "MY"),
        ("VNM Passport B1234567", "VNM B1234567", "VN"),
        ("VNM Passport No. B1234567", "VNM B1234567", "VN"),
        ("MY IC 850505-14-5678", "MYS 850505-14-5678", "MY"),
        ("SG NRIC S1234567D", "SGP S1234567D", "SG"),
        ("ID KTP 3171.0123.4567.0001", "IDN 3171012345670001", "ID"),
    ],
)
def test_a_label_after_the_number_or_after_its_country_is_no_part_of_it(
    labelled: str, plain: str, nationality: str
) -> None:
    # Before: "B1234567 (passport)" was B1234567PASSPORT and "MY IC 850505-14-5678"
    # MYIC850505145678, documents of their own.
    _read_alike(labelled, plain, nationality)


def test_a_label_between_country_and_number_tells_the_country() -> None:
    assert read_document("VNM Passport B1234567") == ("B1234567", "VN")
    # two letters then a label are a country even when the record names none
    assert read_document("MY IC 850505-14-5678") == ("850505145678", "MY")
    assert document_key("MY IC 850505-14-5678", None, "national_id", "SG") == "850505145678:MY"


@pytest.mark.parametrize(
    "written",
    ["unknown", "none", "NIL", "tiada", "không có", "ไม่มี", "Passport: N/A", "NRIC: nil",
     "Passport No.: unknown", "tidak ada", "no passport"],
)  # fmt: skip
def test_a_word_for_none_is_no_document(written: str) -> None:
    # Before: "unknown" was the document UNKNOWN, so every party written so shared it.
    assert document_key(written, "MY", "passport", "MY") is None
    assert document_key(written, None, "passport", "SG") is None
    record = PersonRecord("r", "A B", id_number=written, nationality="MY", country="MY")
    assert features(record)["id_clean"] is None


# Each Myanmar NRC beside the way it is written in Latin letters.
NRC_WRITINGS = [
    ("၁၂/မရက(နိုင်)၁၂၃၄၅၆", "12/MaYaKa(N)123456"),
    ("12/ မရက (နိုင်) ၁၂၃၄၅၆", "12/MaYaKa(N)123456"),
    ("NRC No. ၁၂/မရက(နိုင်)၁၂၃၄၅၆", "12/MaYaKa(N)123456"),
    ("နိုင်ငံသားစိစစ်ရေးကတ်ပြားအမှတ် ၁၂/မရက(နိုင်)၁၂၃၄၅၆", "12/MaYaKa(N)123456"),
    ("12/MaYaKa(Naing)123456", "12/MaYaKa(N)123456"),
    ("12/MAYAKA (NAING) 123456", "12/MaYaKa(N)123456"),
    ("၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆", "12/OUKAMA(N)123456"),
    ("၁၂/ဉကမ(န)၁၂၃၄၅၆", "12/OuKaMa(N)123456"),  # ဉ typed for the look-alike ဥ
    ("၁/ဖကန(နိုင်)၁၂၃၄၅၆", "1/HpaKaNa(N)123456"),  # ဖ: Hpa or Pha
    ("၁/ဖကန(နိုင်)၁၂၃၄၅၆", "1/PhaKaNa(N)123456"),
    ("၁/ဆဒန(နိုင်)၁၂၃၄၅၆", "1/SaDaNa(N)123456"),  # ဆ: Sa or Hsa
    ("1/HsaDaNa(N)123456", "1/SaDaNa(N)123456"),
    ("၁/ပ၀န(နိုင်)၁၂၃၄၅၆", "1/PaWaNa(N)123456"),  # the digit ၀ typed for the letter ဝ
    ("၁/ပတအ(နိုင်)၁၂၃၄၅၆", "1/PaTaAh(N)123456"),
    ("12/AaLaNa(N)123456", "12/AhLaNa(N)123456"),
    ("၁၂/ဗဟန(ဧည့်)၁၂၃၄၅၆", "12/BaHaNa(E)123456"),
    ("၁၂/ဗဟန(ပြု)၁၂၃၄၅၆", "12/BaHaNa(Pyu)123456"),
]


@pytest.mark.parametrize(("burmese", "latin"), NRC_WRITINGS)
def test_an_nrc_reads_the_same_in_burmese_script_and_latin_letters(
    burmese: str, latin: str
) -> None:
    # Before: the township letters in script fell away, ၁၂/မရက(နိုင်)၁၂၃၄၅၆ was 12123456.
    _read_alike(burmese, latin, "MM")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("၁၂/ကမရ(နိုင်)၁၂၃၄၅၆", "၁၂/ခမရ(နိုင်)၁၂၃၄၅၆"),  # Ka and Kha: two townships
        ("၁၂/မရက(နိုင်)၁၂၃၄၅၆", "၁၂/ဒပန(နိုင်)၁၂၃၄၅၆"),
        ("၁၂/မရက(နိုင်)၁၂၃၄၅၆", "၁၂/မရက(ဧည့်)၁၂၃၄၅၆"),
        ("5/KhaTaNa(N)123456", "5/KaThaNa(N)123456"),
        ("12/MYK(N)123456", "12/MaYaKa(N)123456"),  # initials: K may be Ka or Kha
    ],
)
def test_nrcs_of_two_townships_with_one_serial_stay_apart(one: str, other: str) -> None:
    assert document_number(one) != document_number(other)
    assert document_key(one, "MM", "", "MM") != document_key(other, "MM", "", "MM")
    persons = [
        features(PersonRecord("r", "A B", id_number=n, nationality="MM")) for n in (one, other)
    ]
    assert persons[0]["id_clean"] != persons[1]["id_clean"]
