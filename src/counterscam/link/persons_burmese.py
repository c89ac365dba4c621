"""Read a Burmese name in Burmese script as the Latin spellings people use (အောင်ကျော်: Aung Kyaw).

Burmese names are strings of syllables, each a name element written in Latin letters as a word of
its own (Aung Kyaw Oo), and those spellings follow custom, not a standard: ထွန်း is Tun or Htun,
ခိုင် Khaing or Khine, စိုး Soe. So the common name syllables are a table of the spellings in use,
and any other syllable is read from its letters (initial, medials, rhyme). A name in script is cut
into syllables, so that spacing does not matter and titles (U, Daw, Ko, Ma, Maung) can be dropped
by the same rules as in a Latin name (persons_names).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from counterscam.link.persons_tables import spelling_table

# Latin spellings, the commonest first, then the syllables (or Pali words) written so.
_NAMES = """
aung အောင် kyaw ကျော် maung မောင် zaw ဇော် htun/tun ထွန်း min မင်း u/oo ဦး daw ဒေါ် ko ကို
ma မ myint မြင့် win ဝင်း thein သိန်း soe/so စိုး hla လှ khin ခင် myo မျိုး nyein ငြိမ်း
thu သူ naing နိုင် moe/mo မိုး thant သန့် thet သက် zin ဇင် mar/ma မာ lwin လွင် lin လင်း
htet ထက် hlaing/hline လှိုင် wai/way ဝေ yan ယံ ရန် nay/ne နေ phyo/phyoe ဖြိုး pyae/pyay ပြည့်
khaing/khine ခိုင် su စု san စန်း စံ nwe နွယ် aye အေး ei အိ phyu ဖြူ yu ယု mya မြ nu နု
cho ချို htay ထေး tin တင် than သန်း shwe ရွှေ sein စိန် kyi ကြည် chit ချစ် kaung ကောင်း
khaing/khine ခိုင် ngwe ငွေ hsu/su ဆု swe/hswe ဆွေ zar/za ဇာ zay ဇေ nyo ညို nyi ညီ
nyunt ညွန့် tint တင့် toe တိုး htwe ထွေး htoo/htu ထူး htike/htaik ထိုက် htar/hta ထား
htein ထိန် hnin နှင်း naw နော် paing ပိုင် pan ပန်း pwint ပွင့် phone/phon ဖုန်း phoo/phu ဖူး
phay ဖေ ba ဘ bo ဘို ဗိုလ် may မေ myat မြတ် mon/mun မွန် yin ယဉ် ye ရဲ yi ရည် shein ရှိန်း
lay လေး war/wa ဝါ thi သီ thaw သော် thin သင်း hein ဟိန်း han ဟန် ohn အုန်း
kyin ကြင် khun ခွန် ko ကို kyu ကြူ gyi ကြီး lei/lay လေး ni နီ pa ပ phyoe ဖျိုး tha သ
thura သူရ sandar/sanda စန္ဒာ thida/thidar သီတာ thandar/thanda သန္တာ nanda/nandar နန္ဒာ
wunna ဝဏ္ဏ hayma/hema ဟေမာ yamin ယမင်း thuzar/thuza သူဇာ sithu စည်သူ sanda စန္ဒ
myat မြတ် noe/no နိုး khaw ခေါ် kay ကေ yee ရီ chan ချမ်း ngon ငုံ thuya သူရိယ
hsan/san ဆန်း zeya/zayar ဇေယျာ kyaing ကြိုင် sai စိုင်း nang နန်း
"""

_CONSONANT = dict(
    zip(
        "ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝသဟဠအ",
        "k kh g g ng s hs z z ny t ht d d n t ht d d n p ph b b m y y l w th h l -".split(),
        strict=True,
    )
)
# Independent vowels: ဥ U, ဧ Ay, ဣ I, ဩ Aw (ဦ is ဥ + ီ once decomposed).
_INDEPENDENT = {"ဣ": "i", "ဤ": "i", "ဥ": "u", "ဦ": "u", "ဧ": "ay", "ဩ": "aw", "ဪ": "aw"}
_ASAT, _VIRAMA, _DOT, _VISARGA = "\u103a", "\u1039", "\u1037", "\u1038"
_YA, _RA, _WA, _HA = "\u103b", "\u103c", "\u103d", "\u103e"
# Initials with a medial ya or ra written their own way (ချ Ch, ကျ Ky).
_MEDIAL_Y = {"kh": "ch", "g": "gy", "y": "y", "hs": "hs", "ng": "ny"}
_MEDIAL_H = {"y": "sh", "l": "hl", "m": "hm", "n": "hn", "ny": "hny", "w": "hw", "ng": "hng"}
# Rhymes: the vowel signs and the final (with its asat) after the initial, tones removed.
_RHYMES: dict[str, tuple[str, ...]] = {
    "": ("a",),
    "ာ": ("a", "ar"),
    "ါ": ("a", "ar"),
    "ိ": ("i",),
    "ီ": ("i",),
    "ု": ("u",),
    "ူ": ("u",),
    "ေ": ("ay", "e"),
    "ဲ": ("e",),
    "ော": ("aw",),
    "ေါ": ("aw",),
    "ော်": ("aw",),
    "ေါ်": ("aw",),
    "ို": ("o", "oe"),
    "ံ": ("an",),
    "န်": ("an",),
    "မ်": ("an",),
    "ိန်": ("ein",),
    "ိမ်": ("ein",),
    "ုန်": ("on", "oun"),
    "ုမ်": ("on", "oun"),
    "ုံ": ("on", "oun"),
    "င်": ("in",),
    "ဉ်": ("in",),
    "ိုင်": ("aing", "ine"),
    "ောင်": ("aung",),
    "ေါင်": ("aung",),
    "ည်": ("i", "e"),
    "က်": ("et",),
    "ိုက်": ("aik", "ike"),
    "ောက်": ("auk",),
    "ေါက်": ("auk",),
    "စ်": ("it",),
    "တ်": ("at",),
    "ပ်": ("at",),
    "ိတ်": ("eik",),
    "ိပ်": ("eik",),
    "ုတ်": ("ok",),
    "ုပ်": ("ok",),
    "ယ်": ("e",),
}
# After a medial wa these rhymes absorb it (ထွန်း Tun, not Htwan).
_WA_RHYMES: dict[str, tuple[str, ...]] = {
    "န်": ("un",),
    "မ်": ("un",),
    "ံ": ("un",),
    "တ်": ("ut",),
    "ပ်": ("ut",),
}
_CONSONANTS = "".join(_CONSONANT) + "".join(_INDEPENDENT)


def _normal(text: str) -> str:
    # A creaky-tone dot typed after the asat is the same syllable (UTN #11 puts it before).
    return unicodedata.normalize("NFKD", text).replace(_ASAT + _DOT, _DOT + _ASAT)


def _breaks(text: str) -> list[str]:
    """Cut text into syllables: a new one starts at each consonant that is not a final."""
    # A stacked consonant (စန္ဒာ) closes one syllable and opens the next.
    text = re.sub(f"(.){_VIRAMA}", lambda m: m.group(1) + _ASAT + " ", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        final = i + 1 < len(text) and text[i + 1] == _ASAT
        if ch == " " or (ch in _CONSONANTS and not final and out and out[-1]):
            out.append("")
        if ch != " ":
            if not out:
                out.append("")
            out[-1] += ch
    return [s for s in out if s]


NAME_SYLLABLES = spelling_table(_NAMES, lambda word: "".join(_breaks(_normal(word))))
_NASAL = ("င်", "ဉ်", "န်", "မ်", "ံ")


# Latin spellings of one name syllable, as the table lists them (Khaing, Khine; Soe, So), and
# the rhymes written two ways in any syllable (ိုင် aing/ine, ိုက် aik/ike, ို o/oe, ေ ay/e,
# ပြည့် ae/ay, ုန် on/oun): two Latin records of one name in two spellings met on no key.
_CLASSES: dict[str, set[str]] = {}
for _spellings in NAME_SYLLABLES.values():
    for _spelling in _spellings:
        _CLASSES.setdefault(_spelling, set()).add(_spellings[0])
_RHYME_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("ine", "aing"),
    ("ike", "aik"),
    ("oe", "o"),
    ("ay", "e"),
    ("ae", "e"),
    ("oun", "on"),
)


def _one_rhyme(spelling: str) -> str:
    for written, rhyme in _RHYME_SPELLINGS:
        if spelling.endswith(written) and len(spelling) > len(written):
            return spelling[: -len(written)] + rhyme
    return spelling


@lru_cache(maxsize=50_000)
def spelling_classes(token: str) -> tuple[str, ...]:
    """Return one spelling for each Burmese syllable a Latin token may spell (Khine: khaing,
    Htike and Htaik: htaik); a spelling of several syllables (Ma: မ, မာ) gives each."""
    return tuple(sorted({_one_rhyme(s) for s in _CLASSES.get(token, {token})}))


def is_table_spelling(token: str) -> bool:
    """Return whether a Latin token is a spelling of a Burmese name syllable in the table."""
    return token in _CLASSES


def is_burmese(token: str) -> bool:
    """Return whether ``token`` is written in Burmese script."""
    return any("\u1000" <= ch <= "\u109f" for ch in token)


@lru_cache(maxsize=50_000)
def syllables(token: str) -> tuple[str, ...]:
    """Return the name elements of a token in Burmese script, Pali words of the table whole."""
    parts = _breaks(_normal(token))
    out: list[str] = []
    i = 0
    while i < len(parts):
        for size in (3, 2):
            word = "".join(parts[i : i + size])
            if i + size <= len(parts) and word in NAME_SYLLABLES:
                out.append(word)
                i += size
                break
        else:
            out.append(parts[i])
            i += 1
    return tuple(out)


def _read(syllable: str) -> tuple[str, ...]:
    """Read one syllable from its letters, or () if it holds signs this cannot place."""
    s = syllable.replace(_DOT, "").replace(_VISARGA, "")
    creaky = _DOT in syllable
    if not s or s[0] not in _CONSONANTS:
        return ()
    if s[0] in _INDEPENDENT:
        return (_INDEPENDENT[s[0]],) if len(s) == 1 else ()
    initial, i = _CONSONANT[s[0]].strip("-"), 1
    wa = False
    while i < len(s) and s[i] in (_YA, _RA, _WA, _HA):
        if s[i] in (_YA, _RA):
            initial = _MEDIAL_Y.get(initial, initial + "y")
        elif s[i] == _HA:
            initial = _MEDIAL_H.get(initial, "h" + initial)
        else:
            wa = True
        i += 1
    rhyme = s[i:]
    if wa and rhyme in _WA_RHYMES:
        endings = _WA_RHYMES[rhyme]
    else:
        initial += "w" if wa else ""
        endings = _RHYMES.get(rhyme, ())
    # A creaky nasal is written with a t in names: မြင့် Myint, သန့် Thant.
    if creaky and rhyme.endswith(_NASAL):
        endings = tuple(e + "t" for e in endings)
    return tuple(initial + e for e in endings)


@lru_cache(maxsize=50_000)
def readings(syllable: str) -> tuple[str, ...]:
    """Return the Latin spellings of one name element, the commonest first, or ()."""
    s = "".join(_breaks(_normal(syllable)))
    return NAME_SYLLABLES.get(s) or _read(s)
