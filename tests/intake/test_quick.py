"""The fast path of validation accepts only what Pydantic accepts, with the same values."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from counterscam.intake.quick import quick_validate
from counterscam.intake.records import RawChild, RawReport
from counterscam.intake.schema import ReportIn
from counterscam.intake.validate import validate

REPORT = {
    "external_ref": "MY-2026-000123",
    "reported_at": "2026-03-01T10:00:00",
    "incident_at": "2026-02-20",
    "scam_type": "investment",
    "channel": "whatsapp",
    "loss_amount": "12,500.00",
    "loss_currency": "MYR",
    "victim_age_band": "45_54",
    "victim_gender": "female",
    "victim_country": "MY",
    "narrative": "Met on a WhatsApp investment group.",
    "mark": "amber",
    "share_with": "",
}
IDENTIFIER = {
    "kind": "phone",
    "value": "012-345 6789",
    "role": "caller",
    "qualifier": "",
    "country": "",
}
PARTY = {
    "role": "mule",
    "full_name": "Ahmad bin Ali",
    "given_name": "",
    "family_name": "",
    "birth_date": "1990-05-17",
    "gender": "male",
    "nationality": "MY",
    "id_number": "A1",
    "id_kind": "passport",
    "phone": "012-345 6789",
}

# Cells as files really hold them, and awkward ones: case, padding (including characters
# Python strips but Pydantic keeps), separators, out-of-range values, blanks.
PAD = ["", " ", "\t", "\x1c", "\u0085", "\u00a0", "\u200b"]
SPELLINGS: dict[str, list[str]] = {
    "external_ref": ["MY-1", " MY-2 ", "x" * 100, "x" * 101],
    "reported_at": [
        "2026-03-01",
        "2026-03-01 10:00",
        "2026-03-01T10:00:00+07:00",
        "1989-12-31",
        "2999-01-01",
        "2026-02-30",
        "20260301",
    ],
    "incident_at": ["2026-02-20", "2026-03-05", "2026-02-20T23:59:59Z", "yesterday"],
    "scam_type": ["Investment", " love_scam", "LOVE_SCAM", "romance"],
    "channel": ["SMS", "whatsapp ", "Phone_Call", "pager"],
    "loss_amount": [
        *("12,500.50", "1e3", "-5", "NaN", "Infinity", "12 500", "0", "1e17", "abc"),
        *("1.500", "1.500.000", "1.234,56", "12.3456", "1,50,000", "1'500", "12\u202f500"),
        *("Rp 1.500", "RM1,234.50", "$100", "K 50", "100 usd", "₫1.500,5", "S$2.345"),
    ],
    "loss_currency": ["myr", " USD", "EUR", "XYZ", "idr", "VND", "SGD", "", " "],
    "victim_age_band": ["45_54", "18_24", "45-54"],
    "victim_gender": ["FEMALE", "male ", "unknown", "x"],
    "victim_country": ["my", " TH ", "XX", "US", "MYS", "Viet Nam"],
    "narrative": ["a, b; c", "x" * 20_000, "x" * 20_001],
    "mark": ["AMBER", "tlp:Amber", " green", "RED", "amber+strict", "purple"],
    "share_with": ["SG-ASCOM", "sg-ascom; th-ccib", ";", "x" * 33],
    "kind": ["phone", "URL", " bank_account", "fax"],
    "value": ["+66 81 234 5678", " 012-345 6789 ", "x" * 601],
    "role": ["caller", "Beneficiary_Account", "mule", "friend"],
    "qualifier": ["Maybank", "x" * 101],
    "country": ["th", " SG", "XX"],
    "full_name": ["Ahmad", " Siti ", "x" * 301],
    "given_name": ["Ahmad", "x" * 201],
    "birth_date": ["1990-05-17", "1990-05-17T00:00:00", "1899-01-01", "2999-01-01", "17/05/1990"],
    "gender": ["Male", "female ", "x"],
    "nationality": ["th", "XX"],
    "id_number": ["A1", "x" * 61],
    "id_kind": ["Passport", " national_id", "licence"],
    "phone": ["0123456789", "x" * 61],
}


def _cells(row: dict[str, str], max_size: int) -> st.SearchStrategy[dict[str, str]]:
    spelled = [k for k in sorted(row) if k in SPELLINGS]
    return st.dictionaries(
        st.sampled_from(sorted(row)),
        st.sampled_from(PAD),
        max_size=1,
    ).flatmap(
        lambda padded: st.dictionaries(
            st.sampled_from(spelled), st.just(""), max_size=max_size
        ).flatmap(
            lambda keys: st.fixed_dictionaries(
                {k: st.sampled_from(SPELLINGS[k]) for k in keys}
            ).map(lambda chosen: {**{k: row[k] + v for k, v in padded.items()}, **chosen})
        )
    )


def _raw(
    report: dict[str, Any], identifiers: list[dict[str, Any]], parties: list[dict[str, Any]]
) -> RawReport:
    raw = RawReport(data=dict(report), file="reports.csv", row=2)
    raw.identifiers = [RawChild(data=dict(i), file="identifiers.csv", row=2) for i in identifiers]
    raw.parties = [RawChild(data=dict(p), file="parties.csv", row=2) for p in parties]
    return raw


def _pydantic(raw: RawReport, country: str) -> ReportIn | None:
    data: dict[str, Any] = dict(raw.data)
    data["identifiers"] = [c.data for c in raw.identifiers]
    data["parties"] = [c.data for c in raw.parties]
    data["places"] = []
    try:
        return ReportIn.model_validate(data, context={"country": country})
    except ValueError:
        return None


def _same(raw: RawReport, country: str = "MY") -> ReportIn | None:
    quick = quick_validate(raw, country=country)
    slow = _pydantic(raw, country)
    if quick is not None:
        assert slow is not None, "the fast path accepted what Pydantic refuses"
        assert repr(quick.model_dump()) == repr(slow.model_dump())
    return quick


def test_a_plain_report_takes_the_fast_path_with_pydantics_values() -> None:
    quick = _same(_raw(REPORT, [IDENTIFIER], [PARTY]))
    assert quick is not None
    assert str(quick.loss_amount) == "12500.00"
    assert quick.reported_at.isoformat() == "2026-03-01T02:00:00+00:00"  # Kuala Lumpur time


def test_a_currency_written_in_the_amount_takes_the_fast_path_with_pydantics_values() -> None:
    quick = _same(_raw({**REPORT, "loss_amount": "Rp 1.500", "loss_currency": ""}, [], []))
    assert quick is not None
    assert (str(quick.loss_amount), quick.loss_currency) == ("1500.00", "IDR")


def test_anything_unusual_is_left_to_pydantic_with_its_messages() -> None:
    odd = [
        _raw({**REPORT, "mark": "purple"}, [], []),
        _raw({**REPORT, "extra_column": "x"}, [], []),
        _raw({**REPORT, "loss_amount": 12500}, [], []),  # a JSON number, not text
        _raw(REPORT, [{**IDENTIFIER, "kind": "fax"}], []),
    ]
    for raw in odd:
        assert quick_validate(raw, country="MY") is None
    errors = validate(odd[0], country="MY")
    assert isinstance(errors, list)
    assert errors[0].column == "mark" and "is not a TLP mark" in errors[0].reason


@settings(max_examples=400, deadline=None)
@given(
    _cells(REPORT, 3),
    _cells(IDENTIFIER, 1),
    _cells(PARTY, 1),
    st.sampled_from(["MY", "TH", "SG"]),
)
def test_awkward_cells_give_the_same_result_either_way(
    report: dict[str, str], identifier: dict[str, str], party: dict[str, str], country: str
) -> None:
    _same(
        _raw({**REPORT, **report}, [{**IDENTIFIER, **identifier}], [{**PARTY, **party}]),
        country,
    )


def test_signs_read_by_the_reporting_country_give_the_same_result_either_way() -> None:
    cells = ["K 500,000", "$1,200", "B 1,500", "500.000d", "~RM500", "> 500", "ＭＹＲ 500"]
    for country in ("MM", "LA", "SG", "BN", "TH", "VN", "MY"):
        for amount in cells:
            for currency in ("", "USD", "MMK"):
                report = {**REPORT, "loss_amount": amount, "loss_currency": currency}
                _same(_raw(report, [], []), country)
    quick = _same(_raw({**REPORT, "loss_amount": "K 500,000", "loss_currency": ""}, [], []), "MM")
    assert quick is not None and quick.loss_currency == "MMK"
