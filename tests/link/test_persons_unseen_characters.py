"""Names pasted with characters no one sees are the names as seen."""

from __future__ import annotations

import pytest

from counterscam.link.persons_names import split_name
from tests.link.name_pairs import persons_found


@pytest.mark.parametrize(
    ("nationality", "pasted", "typed"),
    [
        ("VN", "Nguy\u00adễn Văn Hùng", "Nguyễn Văn Hùng"),  # a soft hyphen from a web page
        ("VN", "Ng\u200buyen Van Hung", "Nguyen Van Hung"),  # a zero-width space in a word
        ("MY", "\ufeffTan Ah Kow", "Tan Ah Kow"),  # a byte-order mark at the start
        ("MY", "Tan Ah\u2060Kow", "Tan AhKow"),  # a word joiner
        ("TH", "\u202bSomchai Jaidee\u202c", "Somchai Jaidee"),  # a right-to-left embedding
        ("MY", "Tan\u202eAh Kow", "Tan Ah Kow"),  # an override between two words
    ],
)
def test_a_pasted_name_is_the_same_person_as_the_name_typed(
    nationality: str, pasted: str, typed: str
) -> None:
    assert split_name(pasted).tokens == split_name(typed).tokens
    assert persons_found(nationality, pasted, typed, born="1988-04-02") == 1


def test_a_zero_width_space_still_parts_words_of_a_script_without_spaces() -> None:
    # Khmer writes no spaces between words: the zero-width space is where one name ends.
    assert split_name("សុខ\u200bសុភា").tokens == ("សុខ", "សុភា")
