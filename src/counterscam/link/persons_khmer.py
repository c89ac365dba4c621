"""Read a Khmer name in Khmer script as the Latin spellings people use (សុខ ដារា: Sok Dara).

Khmer vowels read one way after the "a" consonants and another after the "o" consonants, and the
Latin spellings of names follow custom as much as sound (គឹម is Kim, ព្រំ Prom). So the common
family and given names are a table of the spellings in use; a word outside it is cut into words
of the table when it is several written joined (ស្រីមុំ: Srey Mom, read as Sreymom), else read
syllable by syllable from its letters with each vowel's reading for its consonant's series.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from counterscam.link.persons_tables import spelling_table

# Latin spellings, the commonest first, then the words written so.
_NAMES = """
sok សុខ chan ចាន់ ច័ន្ទ chea ជា heng ហេង kim គឹម ly លី mao ម៉ៅ meas មាស nuon នួន pov ពៅ
seng សេង tep ទេព ouk អ៊ុក ung អ៊ុង yim យឹម khieu ខៀវ keo កែវ koy កុយ hun ហ៊ុន sen សែន
chhim ឈឹម chhay ឆាយ chum ជុំ pich/pech ពេជ្រ ros រស់ sin ស៊ិន touch ទូច vong វង្ស nhem ញឹម
ek ឯក prom ព្រំ prak ប្រាក់ mom ម៉ម kong គង់ long ឡុង lim លឹម sam សំ sim ស៊ឹម oeun អឿន
sun ស៊ុន yos យស sar ស pheng/pheang ភេង ngin ងិន hem ហែម nget ង៉ែត kao កៅ leng ឡេង
soeung សឿង phan ផាន់ tith ទិត្យ thach ថាច់ uy អ៊ុយ yin យិន sovann សុវណ្ណ
sokha សុខា dara ដារា ដារ៉ា sophea សុភា sopheap សុភាព vanna វណ្ណា srey/srei ស្រី
sreymom ស្រីមុំ sreypov ស្រីពៅ phalla ផល្លា samnang សំណាង sambath សម្បត្តិ sophal សុផល
sothea សុធា thida ធីតា vuthy វុទ្ធី visal វិសាល kosal កុសល bopha បុប្ផា chanthou ចន្ធូ
kanha កញ្ញា leakhena លក្ខិណា nary ណារី នារី rachana រចនា thavy ថាវី vichet វិចិត្រ virak វីរៈ
piseth/pisith ពិសិដ្ឋ pheakdey ភក្តី sopheak សុភ័ក្ត្រ sokunthea សុគន្ធា chariya ចរិយា bora បូរ៉ា
pisey ពិសី rith រិទ្ធ socheat សុជាតិ chantha ចន្ថា theary ធារី sokhom សុខុម chenda ចិន្តា
somaly សុម៉ាលី maly ម៉ាលី serey សេរី veasna វាសនា reaksmey រស្មី rathanak រតនៈ
ratana/rathana រតនា sokly សុខលី mony មុន្នី vannak វណ្ណៈ sovath សុវត្ថិ malis ម៉ាលិស
kunthea គន្ធា sreyleak ស្រីលក្ខណ៍ narin ណារិន sophy សុភី vicheka វិច្ឆិកា sambo សំបូរ
"""

# (Latin, series): an "a" consonant reads its vowels one way, an "o" consonant another.
_CONSONANT = dict(
    zip(
        "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ",
        (
            "k:a kh:a k:o kh:o ng:o ch:a chh:a ch:o chh:o nh:o d:a th:a d:o th:o n:a t:a th:a "
            "t:o th:o n:o b:a ph:a p:o ph:o m:o y:o r:o l:o v:o s:a h:a l:a -:a"
        ).split(),
        strict=True,
    )
)
_FINAL = dict(
    zip(
        "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡ",
        "k k k k ng ch ch ch ch nh t th t th n t th t th n p p p p m y r l v s h l".split(),
        strict=True,
    )
)
# Vowel signs, their reading after an "a" and after an "o" consonant.
_VOWELS = {
    "": ("a", "o"),
    "ា": ("a", "ea"),
    "ិ": ("e", "i"),
    "ី": ("ei", "i"),
    "ឹ": ("oe", "i"),  # គឹម, លឹម: Kim, Lim
    "ឺ": ("eu", "eu"),
    "ុ": ("o", "u"),
    "ូ": ("ou", "ou"),
    "ួ": ("uo", "uo"),
    "ើ": ("aeu", "eu"),
    "ឿ": ("oeu", "oeu"),
    "ៀ": ("ie", "ie"),
    "េ": ("e", "e"),
    "ែ": ("ae", "e"),
    "ៃ": ("ai", "ey"),
    "ោ": ("ao", "o"),
    "ៅ": ("ao", "ov"),
    "ុំ": ("om", "um"),
    "ំ": ("am", "om"),
    "ាំ": ("am", "oam"),
    "័": ("a", "a"),
}
_INDEPENDENT = {
    "ឥ": "e", "ឦ": "ei", "ឧ": "o", "ឩ": "ou", "ឪ": "ov", "ឯ": "ae", "ឰ": "ai", "ឱ": "ao",
    "ឲ": "ao", "ឳ": "au", "ឫ": "rue", "ឬ": "rue", "ឭ": "lue", "ឮ": "lue",
}  # fmt: skip
_COENG, _TO_A, _TO_O, _SILENCE = "\u17d2", "\u17c9", "\u17ca", "\u17cd"
_SIGNS = "".join(k for k in _VOWELS if k) + "\u17c8\u17c7"  # and ៈ, ះ
_SKIP = "\u17cb\u17ce\u17cf\u17d0\u17d1\u17dd"  # bantoc and other marks that add no sound


NAME_WORDS = spelling_table(_NAMES, lambda word: unicodedata.normalize("NFKD", word))
_LONGEST = max(map(len, NAME_WORDS))
# Latin spellings of one name word, as the table lists them (Piseth, Pisith; Pich, Pech):
# Khmer names get no one-typo tolerance, so two Latin records in two of them met on no key.
_CLASSES: dict[str, set[str]] = {}
for _spellings in NAME_WORDS.values():
    for _spelling in _spellings:
        _CLASSES.setdefault(_spelling, set()).add(_spellings[0])


def is_khmer(token: str) -> bool:
    """Return whether ``token`` is written in Khmer script."""
    return any("\u1780" <= ch <= "\u17ff" for ch in token)


def _split(word: str) -> list[str] | None:
    """Return ``word`` as words of the table written joined (fewest words), or None."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end):
            head, piece = best[start], word[start:end]
            if head is not None and piece in NAME_WORDS:
                current = best[end]
                if current is None or len(head) + 1 < len(current):
                    best[end] = [*head, piece]
    return best[-1]


def _vowel(s: str, i: int) -> tuple[str, int]:
    """Return the vowel signs at ``i`` (longest first) and the index after them."""
    for size in (2, 1):
        if s[i : i + size] in _VOWELS and s[i : i + size]:
            return s[i : i + size], i + size
    return "", i


def romanise(word: str) -> str | None:
    """Read one Khmer word from its letters, or None if it holds a sign this cannot place."""
    s = "".join(ch for ch in word if ch not in _SKIP)
    out: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in _INDEPENDENT:
            out.append(_INDEPENDENT[ch])
            i += 1
            continue
        if ch not in _CONSONANT:
            return None
        latin, series = _CONSONANT[ch].split(":")
        initial, i = latin.strip("-"), i + 1
        if s[i : i + 1] == _COENG and i + 1 < len(s) and s[i + 1] in _FINAL:
            # ស្រី, ប្រាក់: a cluster, where b sounds p
            initial, i = initial.replace("b", "p") + _FINAL[s[i + 1]], i + 2
        if s[i : i + 1] in (_TO_A, _TO_O):
            series = "a" if s[i] == _TO_A else "o"
            i += 1
        signs, i = _vowel(s, i)
        vowel = _VOWELS[signs][series == "o"]
        final = ""
        if i < len(s) and s[i] in ("\u17c8", "\u17c7"):  # ៈ and ះ: a short, stopped vowel
            final, i = ("k" if s[i] == "\u17c8" else "h"), i + 1
        elif i < len(s) and s[i] in _FINAL and _closes(s, i):
            final, i = _FINAL[s[i]], i + 1
            if s[i : i + 1] == _SILENCE:
                final, i = "", i + 1
            if s[i : i + 1] == _COENG:
                # the letter under a last final is silent (វង្ស, ពេជ្រ); else it starts the
                # next syllable (សម្បត្តិ: sam-bat)
                i += 2 if i + 2 >= len(s) else 1
        out.append(initial + vowel + final)
    return "".join(out) or None


def _closes(s: str, i: int) -> bool:
    """Return whether the consonant at ``i`` ends the syllable before it."""
    follows = s[i + 1] if i + 1 < len(s) else ""
    if i + 2 == len(s) and follows in _FINAL:
        return False  # it opens a last syllable the last letter closes: កុសល is Ko-sal
    return not follows or follows not in _SIGNS + _TO_A + _TO_O + _SILENCE


def spelling_classes(token: str) -> tuple[str, ...]:
    """Return one spelling for each word of the table a Latin token may spell (Pisith:
    piseth), or the token itself."""
    return tuple(sorted(_CLASSES.get(token, {token})))


@lru_cache(maxsize=50_000)
def readings(word: str) -> tuple[str, ...]:
    """Return the Latin spellings of one Khmer word, the commonest first, or ()."""
    w = unicodedata.normalize("NFKD", word)
    if w in NAME_WORDS:
        return NAME_WORDS[w]
    parts = _split(w)
    if parts:
        return ("".join(NAME_WORDS[p][0] for p in parts),)
    read = romanise(w)
    return (read,) if read else ()
