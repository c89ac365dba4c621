"""Name keys of a record listed abroad without a nationality, read by the customs of the region.

A Burmese worker listed in Thailand as `U Tin Maung Win`, or an Indonesian listed in Malaysia
as `Pak Bambang Susilo`, is read by the customs of the record's country: the title stays a
name token, and the person's record at home, without it, shared no key with this one. The
same Burmese name in two spellings of one syllable (`Nay Myo Aung`, `Ne Myo Aung`) met only
when both records were Burmese by nationality or country. A record without a nationality gets
the keys it would have under those customs too: extra keys, so nothing it met before is lost.
The other way round, a title of the record's own country may be a foreigner's name (`Tuan Minh
Duong`, a Vietnamese listed in Malaysia, where Tuan is Sir): the name as written keeps its keys.
"""

from __future__ import annotations

from counterscam.link import persons_burmese
from counterscam.link.persons_names import LOCAL_HONORIFICS, fold, split_name
from counterscam.link.persons_scripts import class_keys, spelling_keys


def abroad_keys(written: str, tokens: list[str], culture: str) -> list[str]:
    """Return the extra name keys of a record without a nationality.

    ``written`` is the name as written, ``tokens`` the record's own and father's tokens as its
    country's customs read them, ``culture`` that country.
    """
    keys: list[str] = []
    head = fold(written).split(maxsplit=1)[0].strip(".") if written.strip() else ""
    for customs, titles in LOCAL_HONORIFICS.items():
        if head not in titles:
            continue
        if customs == culture:
            parts = split_name(written, "")
            read = [*parts.tokens, *parts.father]
            if len(read) > len(tokens):  # the title kept as a name
                keys += spelling_keys(read, "")
            continue
        parts = split_name(written, customs)
        read = [*parts.tokens, *parts.father]
        if read and read != tokens and len(read) < len(tokens):  # a title dropped
            keys += spelling_keys(read, customs)
            keys += class_keys(read, customs)
    if culture != "MM" and len(tokens) >= 2 and all(map(persons_burmese.is_table_spelling, tokens)):
        keys += class_keys(tokens, "MM")
    return list(dict.fromkeys(keys))
