"""Blocking stays bounded when a key is shared by very many records (hotlines, placeholders)."""

from __future__ import annotations

from counterscam.link.persons import BLOCK_KEYS, PersonRecord, feature_table

HOTLINE = "+60 3-2178 0000"


def _records(holders: int) -> list[PersonRecord]:
    # distinct people who all gave the same number: a bank's hotline reported by mistake
    return [
        PersonRecord(f"r{i}", f"Person{i} Name{i}", phone=HOTLINE, country="MY")
        for i in range(holders)
    ]


def test_a_key_held_by_a_few_records_blocks_them_together() -> None:
    table = feature_table(_records(3))
    keys = table.column("phone_blk").to_pylist()
    assert keys[0] is not None and len(set(keys)) == 1


def test_a_key_held_by_too_many_records_makes_no_pairs() -> None:
    cap = BLOCK_KEYS["phone"][1]
    table = feature_table(_records(cap + 1))
    assert set(table.column("phone_blk").to_pylist()) == {None}
    phones = set(table.column("phone_canon").to_pylist())
    assert len(phones) == 1 and None not in phones  # still compared within other blocks
