"""Thai name elements whose Latin spelling the letter rules (persons_thai) cannot give.

Most are Pali and Sanskrit: a vowel said but not written (ธนกร is Tha-na-kon, ณัฐพล
Nat-tha-phon: the last letter of one element read again with a before the next), a written
vowel not said (ภูมิ Phum, ชาติ Chat), letters that are silent without a thanthakhat (เกียรติ
Kiat, ประเสริฐ Prasoet) and a consonant that carries an unwritten a before a leading vowel
(เกษม Ka-sem). A name is a compound of such elements, so they are matched where a name begins
(``PREFIXES``: the reading with the linking vowel, if the element has one) and where it ends
(``WORDS``); the rest is read by the rules.
"""

from __future__ import annotations

# Readings of an element with more written after it; a second one where Thais write both
# (เกียรติศักดิ์ Kiattisak, เกียรติสกุล Kiatsakun).
PREFIXES: dict[str, tuple[str, ...]] = {
    "ธน": ("thana",),
    "สุร": ("sura",),
    "ศุภ": ("supha",),
    "ธีร": ("thira",),
    "วีร": ("wira",),
    "วร": ("wora",),
    "นพ": ("noppha",),
    "รัตน": ("rattana",),
    "วัฒน": ("watthana",),
    "ณัฐ": ("nattha",),
    "ทิพ": ("thippha",),
    "ทิพย": ("thippha",),
    "เพชร": ("phetcha",),
    "กาญจน": ("kanchana",),
    "กนก": ("kanok",),
    "ยุทธ": ("yuttha",),
    "ธรรม": ("thamma",),
    "ภูมิ": ("phumi",),
    "สุวรรณ": ("suwanna",),
    "ชิน": ("chinna",),
    "เกียรติ": ("kiat", "kiatti"),
    "ชัย": ("chai", "chaiya"),
    "ไชย": ("chaiya", "chai"),
    "ศรี": ("si",),
    "ประเสริฐ": ("prasoet",),
    "เจริญ": ("charoen",),
    "เฉลิม": ("chaloem",),
    "เกษม": ("kasem",),
    "พรหม": ("phrom",),
    # ร silent after a final t: ฉัตรชัย Chatchai, มิตรชัย Mitchai, จักรพงษ์ Chakkraphong/Chakphong
    "ฉัตร": ("chat",),
    "มิตร": ("mit",),
    "จักร": ("chakkra", "chak"),
    # จันทวงศ์ Chanthawong, จันทวี Chanthawi: the ท of จันท read again with a
    "จันท": ("chantha",),
}

# Readings of an element that ends a name (or is the whole name).
WORDS: dict[str, str] = {
    "ธน": "thon",
    "ฉัตร": "chat",
    "มิตร": "mit",
    "มงคล": "mongkhon",
    "กร": "kon",
    "พล": "phon",
    "ดล": "don",
    "ภูมิ": "phum",
    "ชาติ": "chat",
    "เกียรติ": "kiat",
    "วุฒิ": "wut",
    "ยุทธ": "yut",
    "ฤทธิ์": "rit",
    "สวัสดิ์": "sawat",
    "วรรณ": "wan",
    "รัตน์": "rat",
    "วัฒน์": "wat",
    "วัตร": "wat",
    "รัตนา": "rattana",
    "วัฒนา": "watthana",
    "ประเสริฐ": "prasoet",
    "เจริญ": "charoen",
    "เฉลิม": "chaloem",
    "เกษม": "kasem",
    "สกุล": "sakun",
    "กมล": "kamon",
    "ชนก": "chanok",
    "กนก": "kanok",
    "พรหม": "phrom",
    "พรหมมา": "phromma",
    # After a consonant the rules read ว as the vowel ua (ทวง: thuang); ending a family name it
    # is the element วงศ์, Wong (จันทวงศ์ Chanthawong, สุวรรณวงศ์ Suwannawong).
    "วงศ์": "wong",
    "วงษ์": "wong",
}
