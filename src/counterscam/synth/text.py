"""Narratives, losses and victim profiles of reports."""

from __future__ import annotations

import itertools
import random

from counterscam.synth.world import (
    AGE_BANDS,
    AGE_WEIGHT,
    LOSS_SCALE,
    MEDIAN_LOSS_USD,
    USD_PER_UNIT,
)

PLATFORM_NAME = {
    "phone_call": "a phone call",
    "sms": "an SMS",
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "line": "LINE",
    "wechat": "WeChat",
    "dating_app": "a dating app",
    "website": "a website",
    "email": "e-mail",
    "in_person": "a meeting",
    "other": "an unknown channel",
}
TEMPLATES = {
    "investment": (
        "Victim joined an investment group on {via} promoted by a 'professor'. Made {n} transfers "
        "to accounts given by the group admin; the app showed profits but withdrawal was refused.",
        "Saw an advert for a stock mentoring class on {via}. Was told to deposit into a trading "
        "platform; asked to pay a 'tax' before withdrawing.",
    ),
    "crypto_investment": (
        "Contacted on {via} about a USDT arbitrage platform. Bought USDT and sent it to the "
        "platform's wallet over {n} days; the account was frozen when she asked to withdraw.",
        "Friend-of-friend on {via} introduced a crypto mining pool. Deposits grew on screen; "
        "the site disappeared after {n} weeks.",
    ),
    "romance": (
        "Met a man on {via} who claimed to be an engineer abroad. After {n} weeks he introduced "
        "a gold trading app and helped her invest; he stopped replying after the last transfer.",
        "Online relationship started on {via}. The partner asked for money for a medical "
        "emergency and then for customs fees on a gift parcel.",
    ),
    "job_task": (
        "Offered a part-time job on {via}: liking videos and rating hotels. Was paid small "
        "commissions, then told to prepay 'merchant tasks' and transferred {n} times.",
        "Recruited through {via} for online order boosting. Needed to top up the account to "
        "unlock tasks; the mentor kept adding 'combination orders'.",
    ),
    "impersonation_official": (
        "Received {via} from a person claiming to be from the bank, then transferred to a "
        "'police officer' who said her account was linked to money laundering. Moved savings to "
        "a 'safe account'.",
        "Caller said a parcel in his name contained illegal items and connected him to a fake "
        "court official. Transferred money for 'bail verification' in {n} payments.",
    ),
    "phishing": (
        "Clicked a link in {via} about an unpaid toll and entered card details and OTP; "
        "{n} unauthorised transactions followed.",
        "Received {via} warning that the bank account would be suspended; logged in through the "
        "link and lost access to the account.",
    ),
    "ecommerce": (
        "Bought a phone from a seller on {via}; paid by transfer and the goods never arrived.",
        "Paid a deposit for a rental unit advertised on {via}; the 'owner' stopped replying.",
    ),
    "parcel_courier": (
        "Got {via} saying a parcel was held at customs; paid a clearance fee through a link "
        "and was then asked for more fees.",
    ),
    "loan": (
        "Applied for a quick loan advertised on {via}; asked to pay an 'insurance fee' and a "
        "'processing fee' before disbursement. No loan was received.",
    ),
    "lottery_prize": (
        "Told through {via} that she had won a lucky draw; paid 'tax' and 'delivery' fees "
        "to claim the prize.",
    ),
    "tech_support": (
        "Pop-up and then {via} from 'technical support' who installed a remote-access app; "
        "money was moved out of the online banking account.",
    ),
    "sextortion": (
        "Video call with a woman met on {via} was recorded; the caller threatened to send it "
        "to family and demanded payment.",
    ),
    "recovery": (
        "After reporting an earlier scam, was contacted on {via} by a 'fund recovery agency' "
        "claiming to work with the police; paid a fee to recover the lost money.",
        "A 'lawyer' on {via} promised to trace the money lost to the earlier platform and asked "
        "for a verification deposit.",
    ),
}
RESCUE = (
    "Repatriated worker interviewed after rescue from {compound}. Recruited through a job advert "
    "on {via} promising a {job} job; passport taken on arrival and forced to run {scam} scripts.",
    "Rescued from {compound} with {n} others. Was told the job was {job}; held in the compound, "
    "beaten when targets were not met. Recruiter contact kept on the phone.",
)
JOBS = ("customer service", "data entry", "casino host", "translator", "IT support", "marketing")
_AGE_CUM = {t: list(itertools.accumulate(w)) for t, w in AGE_WEIGHT.items()}
ROUND_THOUSANDS = {"IDR", "VND", "KHR", "LAK", "MMK"}


def narrative(rng: random.Random, scam_type: str, channel: str) -> str:
    """Return a short made-up account of the case (no real personal data)."""
    template = rng.choice(TEMPLATES.get(scam_type, TEMPLATES["ecommerce"]))
    return template.format(via=PLATFORM_NAME[channel], n=rng.randint(2, 12))


def rescue_narrative(rng: random.Random, compound: str, channel: str, scam_type: str) -> str:
    """Return the account of a trafficking victim rescued from ``compound``."""
    return rng.choice(RESCUE).format(
        compound=compound,
        via=PLATFORM_NAME[channel],
        job=rng.choice(JOBS),
        scam=scam_type.replace("_", " "),
        n=rng.randint(3, 60),
    )


def loss(rng: random.Random, scam_type: str, country: str, crypto: bool) -> tuple[str, str]:
    """Return (amount, currency): heavy-tailed, in local money or sometimes USDT."""
    usd = MEDIAN_LOSS_USD.get(scam_type, 500) * LOSS_SCALE[country] * rng.lognormvariate(0, 1.2)
    if crypto and rng.random() < 0.4:
        return f"{max(10, round(usd)):.2f}", "USDT"
    currency = {
        "MY": "MYR",
        "SG": "SGD",
        "TH": "THB",
        "PH": "PHP",
        "ID": "IDR",
        "VN": "VND",
        "KH": "KHR",
        "LA": "LAK",
        "MM": "MMK",
        "BN": "BND",
    }[country]
    if country == "KH" and rng.random() < 0.6:
        currency = "USD"  # Cambodia runs on dollars
        local = usd
    else:
        local = usd / USD_PER_UNIT[currency]
    if currency in ROUND_THOUSANDS:
        text = f"{max(1, round(local / 1000)) * 1000:.0f}"
    elif rng.random() < 0.6:
        text = f"{max(1, round(local)):.0f}"
    else:
        text = f"{max(1.0, local):.2f}"
    if rng.random() < 0.1:  # some clerks type thousands separators
        whole, _, cents = text.partition(".")
        text = f"{int(whole):,}" + (f".{cents}" if cents else "")
    return text, currency


def age_band(rng: random.Random, scam_type: str) -> str:
    """Return the victim's age band."""
    return rng.choices(AGE_BANDS, cum_weights=_AGE_CUM.get(scam_type, _AGE_CUM["default"]))[0]


def gender(rng: random.Random, scam_type: str) -> str:
    """Return the victim's gender."""
    female = {"romance": 0.65, "job_task": 0.55, "sextortion": 0.1}.get(scam_type, 0.48)
    r = rng.random()
    return "unknown" if r < 0.03 else "female" if r < 0.03 + female * 0.97 else "male"
