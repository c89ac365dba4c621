"""Scam types and channels as the region's centres export them, read as the codes they mean."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Report
from counterscam.intake import vocab
from tests.intake.test_files import upload

# (scam type as written, code, channel as written, code): Malaysian, Indonesian, Thai,
# Vietnamese, Philippine and Singaporean exports' own words, once refused.
WRITTEN = [
    ("Love scam", "romance", "FB", "facebook"),
    ("Macau scam", "impersonation_official", "Voice call", "phone_call"),
    ("Penipuan Pelaburan", "investment", "WA", "whatsapp"),
    ("penipuan pekerjaan", "job_task", "Facebook Messenger", "facebook"),
    ("Pinjaman tidak wujud", "loan", "IG", "instagram"),
    ("Parcel scam", "parcel_courier", "text message", "sms"),
    ("penipuan investasi", "investment", "Messenger", "facebook"),
    ("Penipuan lowongan kerja", "job_task", "Telepon", "phone_call"),
    ("undian berhadiah", "lottery_prize", "surel", "email"),
    ("penipuan jual beli online", "ecommerce", "situs web", "website"),
    (
        "\u0e41\u0e01\u0e4a\u0e07\u0e04\u0e2d\u0e25\u0e40\u0e0b\u0e47\u0e19\u0e40\u0e15\u0e2d\u0e23\u0e4c",
        "impersonation_official",
        "call",
        "phone_call",
    ),  # Thai "call-centre gang"
    ("\u0e2b\u0e25\u0e2d\u0e01\u0e25\u0e07\u0e17\u0e38\u0e19", "investment", "LINE", "line"),
    (
        "\u0e2b\u0e25\u0e2d\u0e01\u0e43\u0e2b\u0e49\u0e23\u0e31\u0e01",
        "romance",
        "Tinder",
        "dating_app",
    ),
    ("l\u1eeba \u0111\u1ea3o \u0111\u1ea7u t\u01b0", "investment", "Tik Tok", "tiktok"),
    (
        "Gi\u1ea3 danh c\u00f4ng an",
        "impersonation_official",
        "\u0111i\u1ec7n tho\u1ea1i",
        "phone_call",
    ),
    ("vi\u1ec7c nh\u1eb9 l\u01b0\u01a1ng cao", "job_task", "Weixin", "wechat"),
    ("lua dao tinh cam", "romance", "e-mail", "email"),
    ("Task scam", "job_task", "phone call", "phone_call"),
    ("Pig-butchering", "romance", "Telegram", "telegram"),
    ("\u6740\u732a\u76d8", "romance", "website", "website"),  # sha zhu pan
    ("Internet Love Scam", "romance", "SMS", "sms"),
    ("Government Officials Impersonation Scam", "impersonation_official", "call", "phone_call"),
]
HEADER = "external_ref,reported_at,scam_type,channel,mark\n"


def test_regional_names_are_stored_as_their_codes(
    session: Session, agencies: dict[str, Caller]
) -> None:
    rows = "".join(
        f"MY-{n},2026-03-01,{scam},{channel},green\n"
        for n, (scam, _, channel, _) in enumerate(WRITTEN)
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": (HEADER + rows).encode()})
    assert (result.status, result.errors) == ("committed", [])
    stored = {r.external_ref: (r.scam_type, r.channel) for r in session.scalars(select(Report))}
    assert stored == {
        f"MY-{n}": (scam_code, channel_code)
        for n, (_, scam_code, _, channel_code) in enumerate(WRITTEN)
    }


@pytest.mark.parametrize(
    ("column", "written", "codes"),
    [
        # An APK is a malware app: it steals credentials (phishing) or takes the phone over
        # (tech_support), so the officer chooses.
        ("scam_type", "APK scam", vocab.codes("scam_type")),
        # Zalo has no channel of its own: the refusal says which codes there are (`other`).
        ("channel", "Zalo", vocab.codes("channel")),
    ],
)
def test_a_name_without_one_code_is_refused_listing_the_codes(
    session: Session, agencies: dict[str, Caller], column: str, written: str, codes: tuple[str, ...]
) -> None:
    values = {"scam_type": "romance", "channel": "sms", column: written}
    row = f"MY-1,2026-03-01,{values['scam_type']},{values['channel']},green\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": (HEADER + row).encode()})
    assert result.status != "committed"
    [error] = result.errors
    assert (error.row, error.column) == (2, column)
    assert written in error.reason
    assert f"use one of: {', '.join(codes)}" in error.reason
    assert session.scalars(select(Report)).first() is None
