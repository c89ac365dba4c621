"""Migrations 0011, 0017 and 0018 flag stored local addresses, burn wallets, stablecoin
contracts and banks' hotlines as intake now flags them."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, text

from counterscam.db.engine import make_engine
from counterscam.db.migrate import alembic_config, upgrade

STORED = {
    ("ip", "192.168.1.1"): True,
    ("ip", "10.0.0.8"): True,
    ("ip", "fe80::1"): True,
    ("ip", "203.0.113.5"): False,  # a documentation address, as ordinary as any public one
    ("ip", "8.8.8.8"): False,
    ("url", "http://192.168.1.1/login"): True,
    ("url", "http://203.0.113.5/login"): False,
    ("url", "https://shop.example.com/pay"): False,
    ("crypto_wallet", "eth:0x000000000000000000000000000000000000dEaD"): True,
    ("crypto_wallet", "tron:T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb"): True,
    ("crypto_wallet", "tron:TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"): False,
    ("phone", "+60123456789"): False,
}


def _at(engine: Engine, revision: str) -> None:
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _flags_after_upgrade(
    tmp_path: Path, revision: str, stored: dict[tuple[str, str], bool]
) -> dict[tuple[str, str], bool]:
    """Store ``stored``'s identifiers unflagged at ``revision``, upgrade, and return the flags."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    _at(engine, revision)
    with engine.begin() as conn:
        for kind, value in stored:
            conn.execute(
                text("INSERT INTO identifier (kind, value, shared_platform) VALUES (:k, :v, 0)"),
                {"k": kind, "v": value},
            )
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT kind, value, shared_platform FROM identifier")).all()
    engine.dispose()
    return {(kind, value): bool(flag) for kind, value, flag in rows}


def test_an_upgrade_flags_local_addresses_stored_before_it(tmp_path: Path) -> None:
    assert _flags_after_upgrade(tmp_path, "0010", STORED) == STORED


CONTRACTS = {
    ("crypto_wallet", "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"): True,  # USDT on TRON
    ("crypto_wallet", "eth:0xdAC17F958D2ee523a2206206994597C13D831ec7"): True,  # USDT, ERC-20
    ("crypto_wallet", "bsc:0x55d398326f99059fF775485246999027B3197955"): True,  # USDT, BEP-20
    ("crypto_wallet", "tron:TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"): False,
    ("url", "https://tronscan.org/"): False,
}


def test_an_upgrade_flags_stablecoin_contracts_stored_before_it(tmp_path: Path) -> None:
    assert _flags_after_upgrade(tmp_path, "0016", CONTRACTS) == CONTRACTS


HOTLINES = {
    ("phone", "+601300886688"): True,  # Maybank's hotline
    ("phone", "+6628888888"): True,  # KBank's
    ("phone", "+60123456789"): False,
    ("sender_id", "MY:MAYBANK"): False,
}


def test_an_upgrade_flags_bank_hotlines_stored_before_it(tmp_path: Path) -> None:
    assert _flags_after_upgrade(tmp_path, "0017", HOTLINES) == HOTLINES
