"""Normalise South-East Asian personal names into comparable tokens and phonetic keys."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

from counterscam.link import persons_burmese, persons_korean
from counterscam.link.persons_hanzi import hanzi_to_pinyin, is_hanzi, simplified

# Titles and honorifics dropped before comparison (lower case, punctuation removed).
HONORIFICS = frozenset(
    "daw maung khun encik cik puan haji hj hajjah hjh dato datuk datin bapak bpk ibu "
    "mr mrs ms miss mdm madam dr sir nangsao nangsaw mg".split()
)

# Honorifics of two words, matched before single ones. Malaysian Dato' Sri and Datuk Seri:
# Sri stayed as a name ("Dato' Sri Mohd Najib" was Sri Mohd Najib beside Mohd Najib).
HONORIFIC_PAIRS = (
    ("tan", "sri"),
    ("puan", "sri"),
    *((title, sri) for title in ("dato", "datuk", "datin") for sri in ("sri", "seri")),
)
# Titles that are also ordinary name syllables elsewhere (Ko, Ma and U are Burmese titles but
# "Ong" and "Ba" are Chinese and Burmese names): dropped only for the culture that uses them as
# titles, and only when at least two name tokens remain, so "Ko Min" stays a name.
LOCAL_HONORIFICS = {
    "MM": frozenset({"u", "ma", "ko", "maung", "daw"}),
    "VN": frozenset({"anh", "chi", "ong", "ba"}),
    "TH": frozenset({"nai", "nang"}),
    "LA": frozenset({"nai", "nang"}),
    # Indonesian Pak and Bu (short for Bapak and Ibu); Pak is also a Korean surname (박).
    "ID": frozenset({"pak", "bu", "tuan"}),
    # Malaysia's highest title, Tun, also in a father's name (bin Tun Abdul Razak); Tun is a
    # Burmese name syllable (Tun Tun Win). Tuan (Sir) is Tuấn, a Vietnamese given name, too:
    # dropped everywhere, it left "Tuan Minh Duong" short of his name.
    "MY": frozenset({"tun", "tuan"}),
    "SG": frozenset({"tuan"}),
    "BN": frozenset({"tuan"}),
}
# Patronymic markers: what follows is the father's name.
PATRONYMIC = frozenset({"bin", "binti", "binte", "bt", "bte", "b", "a/l", "a/p", "s/o", "d/o"})
# The markers a daughter's name carries; the others are a son's.
DAUGHTER = frozenset({"binti", "binte", "bt", "bte", "a/p", "d/o"})
GENERATION = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Spellings of one Malay/Arabic name element.
ALIASES = {
    "mohd": "muhammad",
    "mohamad": "muhammad",
    "mohammad": "muhammad",
    "mohammed": "muhammad",
    "mohamed": "muhammad",
    "muhd": "muhammad",
    "muhamad": "muhammad",
    "muhammed": "muhammad",
    "md": "muhammad",
    "mhd": "muhammad",
    # Malay and Indonesian spellings of Yusuf, often a father's name after bin/binti
    "yusuf": "yusof",
    "yusoff": "yusof",
    "yousof": "yusof",
    # Javanese spellings, common in Indonesian records
    "moch": "muhammad",
    "mochammad": "muhammad",
    "mochamad": "muhammad",
    "muh": "muhammad",
    "moh": "muhammad",  # Moh. Hatta
    # Arabic names as Malaysia and Indonesia spell them, often a father's name: one spelling
    # apart costs the father's comparison its weight (Ismail bin Yaacob, bin Yaakob).
    **dict.fromkeys(("yaacob", "yacob", "yakob", "yaakub", "yakub", "yaacub", "yaqub"), "yaakob"),
    **dict.fromkeys(("othman", "uthman", "usman", "otman"), "osman"),
    **dict.fromkeys(("hussein", "hussin", "hussain", "husain", "husein"), "husin"),
    **dict.fromkeys(("mustapha", "mostafa"), "mustafa"),
    **dict.fromkeys(("suleiman", "sulayman", "sulaeman"), "sulaiman"),
    **dict.fromkeys(("zakariya", "zakariah", "zakariyya"), "zakaria"),
    "yahaya": "yahya",
    **dict.fromkeys(("achmad", "ahmed"), "ahmad"),
    "abd": "abdul",
    "noor": "nur",
    "nor": "nur",
    "nurul": "nur",
    "ma.": "maria",
    "mg": "maung",  # Burmese abbreviation, kept when Maung is a name ("Mg Mg Aung")
}
# Abbreviations that are abbreviations only in one country: in the Philippines "Ma" (written
# without its dot) is Maria, while in Myanmar it is a title and in China a surname.
# In Indonesia a lone M is Muhammad (M. Rizky Pratama); in Malaysia it may be a Tamil father's
# initial (M. Saravanan), so it stays an initial there.
LOCAL_ALIASES = {"PH": {"ma": "maria"}, "ID": {"m": "muhammad"}}
# Chinese surnames: each group is one character in Hokkien, Mandarin, Cantonese and Teochew
# spellings. A spelling in several groups (Ng, Wong) is compatible with all of them.
CHINESE_SURNAME_GROUPS = (
    "tan chen chan tang ting chin",
    "lim lin lam lum",  # 林: Cantonese Lum
    "lee li lie lei",
    "ng huang wong oei ooi wee vong bong",  # 黄: Hakka Vong, Bong
    "ong wang heng",
    "wong wang",
    "goh wu ng",
    # 张: Cantonese Cheong, Hakka Chong, Foochow and Sarawak Hokkien Tiong
    "teo zhang cheung chang teoh cheong chong tiong",
    "chong zhong chung",
    "koh xu hsu hui khoo khor",
    "yeo yang yeung yong yeoh ieong",  # 杨: Penang Yeoh, Macanese Ieong
    "liu lau lao liew low lew",  # 刘: Teochew Low, Hakka Lew
    "zhao chao chiu chew tio",  # 赵: Wade-Giles Chao, Hokkien Tio
    "zhou chow chau chou chew",  # 周: Wade-Giles Chou, Hokkien Chew
    "lai li",
    "ho he hoh hoe",
    "cheng zheng tay teh tee",  # 郑: Hokkien Teh, Teochew Tee
    "kwok guo kuo quek",
    "lo luo law loh",
    "leong liang leung neo nio",  # 梁: Teochew Neo, Nio
    "sim shen sham",
    "tay zheng",
    "chua cai choy choi tsai",
    "yap ye yip ip yeh",  # 叶: Cantonese Ip, Wade-Giles Yeh
    "qiu khoo khu hiew hew yau chiu",  # 邱: Hakka Hew; Taiwan and Wade-Giles Chiu (Ch'iu)
    "gao koh kou",
    "hu foo woo",
    "zeng tseng tsang",  # 曾
    "jiang chiang kong kang",  # 江, 蒋: Wade-Giles Chiang, Cantonese Kong, Hokkien Kang
    "yin wan",  # 尹: Cantonese Wan (Wan Kuok-koi)
    "she sia seh",  # 佘: Hokkien Sia, Cantonese Seh
    "xie hsieh tse chia cheah",  # 谢: Cantonese Tse, Hokkien Chia, Penang Cheah
    # Surnames whose Hokkien, Teochew or Cantonese spelling is no typo of the pinyin: without
    # them `Phua Kah Wai` of Singapore and `Pan Jiawei` of China (潘家伟) met on no key. Not
    # the spellings that are also given-name syllables (Hong 洪, Wei 魏, Yu 余, Wen 温, Peng
    # 彭, Xiao 萧, Teng 邓, Soon 顺): read as a surname in the middle or at the front of a name,
    # such a syllable gave `Tan Wei Ming` and `Lim Wei Ming` a key in common.
    "pan phua poon pun phoon",  # 潘: Hokkien Phua, Cantonese Poon, Pun
    "su soh",  # 苏: Hokkien Soh (not Soo, also a given name)
    "zhu choo chu chue",  # 朱: Hokkien Choo
    "du toh",  # 杜: Hokkien Toh
    "sun sng suen",  # 孙: Hokkien Sng, Cantonese Suen
)
# Korean surnames in the spellings passports and reports use (Revised Romanisation,
# McCune-Reischauer and the customary ones): 박 Park/Pak/Bak, 이 Lee/Yi/Rhee, 최 Choi/Choe.
# Compound scams hold Korean workers and bosses; a class shared with a Chinese group is the
# same character (李 Lee/Li, 張 Jang/Chang).
KOREAN_SURNAME_GROUPS = (
    "park pak bak bahk",
    "lee yi rhee ri rhie",
    "choi choe chey",
    "kim gim",
    "jeong jung chung joung",
    "kang gang",
    "cho jo",
    "yoon yun youn",
    "jang chang",
    "seo suh",
    "shin sin",
    "kwon gwon",
    "ahn an",
    "heo hur huh",
    "noh roh",
    "baek paek baik paik",
    "moon mun",
    "son sohn",
    "yoo yu ryu",
    "koo ku gu",
)
# Syllables of Chinese given names: Mandarin pinyin first (the class), then the Hokkien,
# Cantonese, Teochew, Hakka and Wade-Giles spellings of the same characters. A spelling of
# several characters (Wai: Wei or Hui; Man: Wen or Min) belongs to each of their classes.
CHINESE_SYLLABLE_GROUPS = (
    "wei wai wee vee ui vui",
    "ming meng beng bing",
    "jun chun choon tsun zhun",
    "hao ho hou how hau",
    "jia kah ka chia gar",
    "wen boon bun vun mun man",
    "jie keat kiat kit chieh",
    "zhi chee chi ji jee chih",
    "qiang keong keung kiong cheong chiang",
    "guo kok kwok kuo kuok",
    "liang leong leung liong",
    "xin sin hsin shin yan",
    "yi ee yee",
    "xiu siew siu hsiu",
    "xiao siu sio siau hsiao",  # 小: Cantonese Siu, Hokkien Sio (Chan Siu Ming, Chen Xiaoming)
    "mei mee may bee",
    "hui hwee hwei fui wai",
    "min man ban",
    "li lee lai lay",
    "ting teng",
    "pei pui poi",
    "shan san saan",
    "ling leng",
    "hua wah hwa wa fah",  # 华: Hakka Fah (not Fa, the pinyin of 发)
    "de tak teck tek dak",
    "jin kim kam gim",
    "cheng seng sing shing",
    "sheng seng sing",
    "long loong lung",
    "ping peng",
    "yong weng wing eng",
    "fa huat hwat faat fatt fat",
    "fan faan",
    "fu hock fook hok",
    "an onn on ann",
    "hai hoi",
    "jian kian kin kean chien",
    "xiang siang cheung",
    "hong hung fong",
    "kai khai hoi",
    "jing ching",
    "zhen chin tsen",
    "wan woon",
    "yan yen",
    "kang khong",
    "tao tou to",
    "lei loi",
    "hu foo",
    "fang fong",
    "ying eng yeng",
    "na nah",
    "yu yoo yew",
    "da tai toa",  # 大: Cantonese Tai, Hokkien Toa (Chan Tai Man, Chen Da Wen)
    "tai thai",
    "jiang chiang kong kang",
    "zong chong chung tsung",  # 宗: Lee Chong Wei is Li Zongwei
    "zhong chong chung",  # 忠
    "ju koi keui kui",  # 驹, 居: Macanese and Cantonese Koi, Keui
    "qing keng kheng hing",  # 庆: Hokkien Keng (Lim Boon Keng is Lin Wenqing), Cantonese Hing
    # 兰, 岚: Cantonese Laan. Not in the table, Lan at the end of a given name was read as a
    # Western name and left out (Yee Siew Lan's keys were Yu Xiu's)
    "lan laan",
)


def _classes(groups: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    classes: dict[str, set[str]] = {}
    for group in groups:
        spellings = group.split()
        for spelling in spellings:
            classes.setdefault(spelling, set()).add(spellings[0])
    return {k: tuple(sorted(v)) for k, v in classes.items()}


SURNAME_CLASSES = _classes(CHINESE_SURNAME_GROUPS + KOREAN_SURNAME_GROUPS)
SYLLABLE_CLASSES = _classes(CHINESE_SYLLABLE_GROUPS)
_LONGEST_SYLLABLE = max(map(len, SYLLABLE_CLASSES))

# Transliteration rewrites applied in order; they fold the romanisation variants of Thai, Lao,
# Khmer, Burmese, Malay and Indonesian names onto one spelling.
_REWRITES = (
    ("chh", "ch"),  # Khmer aspirated ch, written Chh or Ch (Chhun, Chun)
    ("dj", "j"),
    ("tj", "c"),
    ("oe", "u"),
    ("aw", "au"),
    ("sh", "s"),
    ("ch", "c"),
    ("j", "c"),
    ("ph", "p"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("bh", "b"),
    ("dh", "d"),
    ("dz", "z"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "s"),
    ("w", "v"),
    ("ndt", "nt"),
    # Upper case until doubled letters are made single: Kyaw Oo joined (kyauu) is not Kyaw.
    ("oo", "U"),
    ("ou", "U"),
    ("ee", "i"),
    ("ie", "i"),
    ("ea", "i"),
    ("ae", "e"),
    ("ay", "ai"),
    ("ey", "ei"),
)
_DOUBLE = re.compile(r"(.)\1+")
_SY = re.compile(r"sy(?=[aeiou])")
_VOWEL_Y = re.compile(r"(?<=[b-df-hj-np-tv-z])y(?=[b-df-hj-np-tv-xz])")
_INITIAL = (("ht", "t"), ("sr", "s"), ("hn", "n"), ("hl", "l"))
# Japanese long vowels are written doubled, with u or h, or not at all (Satou, Satoh, Sato;
# Ohno, Oono, Ono; Yuuki, Yuki): one name, as the macron (Satō) that fold drops already says.
_JAPANESE_LONG = re.compile(r"o[uo]|oh(?![aeiou])|uu|aa|ii|ee")
# Korean romanisations differ in the vowels eo/o/u, eu/u, woo/u (Yeong, Young, Yong; Seung, Sung;
# Seungwoo, Seung-u) and in voicing (Gim/Kim, Bak/Pak, Dong/Tong): one reading of each.
_KOREAN_VOWELS = (("woo", "u"), ("eo", "o"), ("eu", "u"), ("oung", "ong"))
_KOREAN_VOICED = re.compile(r"(?<!n)g|b|d")
_KOREAN_UNVOICED = {"g": "k", "b": "p", "d": "t"}
# Khmer vowels romanised several ways: Sieng/Seng, Sao/Sau, Meas/Mes (ea before a consonant),
# Sophia/Sophea (a final ia or ea). Khmer names get no one-typo tolerance (persons_features),
# so these must meet on the key.
_KHMER_VOWELS = {"ie": "e", "ao": "au", "ea": "e", "ia": "ea"}
_KHMER_VOWEL = re.compile(r"ie|ao|ea(?=[b-df-hj-np-tv-z])|ia$")
_KHMER_SILENT_R = re.compile(r"(?<=[aeiou])r$")
# Lao ໄຊຍະ is written Xaiya and Xaya (Xaiyasone, Xayasone; Xaiyavong, Xayavong): Lao names get
# no one-typo tolerance (persons_features), so the two must meet on the key.
_LAO_AIY = re.compile(r"aiy(?=[aeiou])")
# Lao ຍ opening a syllable is written y, ny, nh (the English-era spelling) or gn (the French):
# Bounyang and Bounnhang are one name (ບຸນຍັງ), as Gnot and Nhot. A final nh is ນ and stays;
# gn after n stays too, as it is also a final ng before n (Boungnang, Vongnaly).
_LAO_NY = re.compile(r"n?n[hy](?=[aeiou])|(?<!n)gn(?=[aeiou])")
# The vowel of Lao ວຽງ and Thai เวียง, เกียรติ is written ia or ie before a final consonant
# (Viangkham, Viengkham; Kiattisak, Kiettisak): one spelling, kept apart from a plain i
# (Kittisak, กิตติ, is another name).
_IE_CLOSED = re.compile(r"ie(?=[b-df-hj-np-tv-z])")
# The French-era spelling writes a final n as ne (Sone, Phone), also inside a name before the
# next syllable (Sonexay, Phonesavanh), where the English-era spelling writes n (Sonxay,
# Phonsavanh). Only after o: Chanthaneth's ne is a syllable of its own.
_LAO_ONE = re.compile(r"(?<=o)ne(?=[b-df-hj-np-tv-z])")


# Countries whose spelling rules ``phonetic`` applies: their records also keep the keys of
# their names read without them (persons_features).
LOCAL_SPELLING = frozenset({"JP", "KR", "KH", "ID", "LA", "TH"})


@lru_cache(maxsize=200_000)
def phonetic(token: str, culture: str = "") -> str:
    """Return a spelling-insensitive key of one lower-case ASCII name token.

    ``culture`` (a country code) switches on local rules: old Indonesian spelling writes "j"
    for "y"; Lao romanisation adds a silent "h" after a final "n" (Souksavanh/Souksavan).
    """
    t = token
    if culture == "JP":
        t = _JAPANESE_LONG.sub(lambda m: m[0][0], t)
    elif culture == "KR":
        for old, new in _KOREAN_VOWELS:
            t = t.replace(old, new)
        t = _KOREAN_VOICED.sub(lambda m: _KOREAN_UNVOICED[m[0]], t)
    elif culture == "KH":
        # A final r after a vowel is silent, written or not (Sophear, Sokhar, Bophar).
        t = _KHMER_VOWEL.sub(lambda m: _KHMER_VOWELS[m[0]], _KHMER_SILENT_R.sub("", t))
    if culture == "LA":
        t = _LAO_NY.sub("ny", _LAO_ONE.sub("n", t))
    if culture in ("LA", "TH"):
        t = _IE_CLOSED.sub("ia", t)
    if culture == "ID":  # old spelling: dj is j, tj is c (Tjahjono is Cahyono), j is y
        t = t.replace("dj", "J").replace("tj", "c").replace("j", "y").replace("J", "j")
    for old, new in _INITIAL:
        if t.startswith(old):
            t = new + t[len(old) :]
            break
    # Sy is the consonant of Aisyah only before a vowel; before a consonant y is the vowel i
    # (Lao Sysouphanh is Sisouphanh), as it is at the end of a name (Somsy).
    t = _VOWEL_Y.sub("i", _SY.sub("s", t))
    for old, new in _REWRITES:
        t = t.replace(old, new)
    if len(t) > 2 and t.endswith("y"):
        t = t[:-1] + "i"
    t = _DOUBLE.sub(r"\1", t).lower()
    if len(t) > 3 and t.endswith("h") and t[-2] in "aeiou":  # Aisyah/Aisya, Abdullah/Abdulla
        t = t[:-1]
    if len(t) > 3 and t.endswith("ar"):
        t = t[:-1]
    if len(t) > 2 and t.endswith("e") and t[-2] not in "aeiou":
        t = t[:-1]
    if culture == "KH" and len(t) > 2 and t.endswith("v") and t[-2] in "aeiou":
        t = t[:-1] + "o"  # a final v is said o: Kaev is Keo (កែវ), Chev is Cheo
    if culture == "KH" and len(t) > 2 and t.endswith("b") and t[-2] in "aeiou":
        t = t[:-1] + "p"  # a final ព or ប is said p, written b too: Sopheab is Sopheap
    # Thai has no final nh either: a Lao name listed in Thailand without a nationality.
    if culture in ("LA", "TH") and len(t) > 3 and t.endswith("nh"):
        t = t[:-1]
    if culture == "LA":
        t = _LAO_AIY.sub("ai", t)
    return t


# A name that begins with h and a vowel after one ending in a letter that makes a digraph with
# h (sh, ch, th, ph, kh, gh, bh, dh): joined, the two were read as that digraph and met a name
# of another letter, doubled and made single (Agus Halim as agushalim, agusalim; Agus Salim as
# agussalim, agusalim): a name key in common, and Sok Heng and Sok Keng of Cambodia, born the
# same day, were one person.
_H_AFTER_CONSONANT = re.compile(r"[bcdgkpst]\|h[aeiouy]")


def compact(tokens: Sequence[str], culture: str = "") -> str:
    """Return the phonetic key of a name written joined (AungKyawOo, Weiming).

    Letters doubled across a join are made single, as in a name written joined, unless that
    swallows a whole token (Aung Kyaw U is aungkyau+u, not Aung Kyaw's aungkyau). A name that
    begins with h and a vowel is its own syllable: no digraph is read across that join (an h
    doubled across it is made single, as before: DoDinhHung).
    """
    marked = "|".join(tokens)
    syllable = _H_AFTER_CONSONANT.search(marked) if len(tokens) >= 2 else None
    if syllable:
        at = marked.count("|", 0, syllable.start()) + 1
        return compact(tokens[:at], culture) + compact(tokens[at:], culture)
    joined = phonetic("".join(tokens), culture)
    each = "".join(phonetic(t, culture) for t in tokens)
    if joined == each or len(tokens) < 2:
        return joined
    for i in range(len(tokens)):
        if phonetic("".join([*tokens[:i], *tokens[i + 1 :]]), culture) == joined:
            return each
    return joined


# Thai names romanised by the RTGS and by ear: Pornthip/Phonthip, Somsri/Somsi,
# Rueang/Ruang, Phueng/Phung, Kiet/Kiat, Kaewmanee/Kaeomani, Saengthong/Sangthong, and a
# final letter written as it is spelt in Thai or as it sounds (Pairoj/Phairot,
# Praphas/Praphat, Dech/Det, Kaew/Kaeo, Kamol/Kamon, Somkid/Somkit, Manob/Manop, Anant/Anan).
_THAI_INSIDE = (
    ("eaw", "aew"),  # Keaw for Kaew (แก้ว), as Thais often type it
    ("uea", "ua"),
    ("ue", "u"),
    ("ie", "ia"),
    ("rn", "n"),
    ("sr", "s"),
    ("aew", "aeo"),
    ("aeng", "ang"),
    # RTGS writes the final t of a syllable before ช (Rotchana, Patcharee, Watchara); by ear
    # it is left out (Rojana, Pacharee, Wachara)
    ("tch", "ch"),
)
_THAI_FINAL = (
    ("ch", "t"),
    ("j", "t"),
    ("s", "t"),
    ("w", "o"),
    ("l", "n"),
    ("d", "t"),
    ("b", "p"),
    ("nt", "n"),
)
# English-style vowels: er for oe (Prasert/Prasoet, Chalerm/Chaloem; not the ee-r of Weera),
# ar for a long a (Suchart/Suchat, Amnart/Amnat). Before a vowel w is the consonant, not the
# w of Kyaw that the phonetic key reads au (Paweena/Paveena).
_THAI_VOWELS = (
    (re.compile(r"(?<!e)er(?![aeiouy])"), "oe"),
    (re.compile(r"ar(?![aeiouy])"), "a"),
    (re.compile(r"w(?=[aeiou])"), "v"),
    # an h written after a vowel to make it long (Chaiwaht, Wahn): no Thai sound
    (re.compile(r"(?<=[aeiou])h(?![aeiouy])"), ""),
    # u for a short a, as English spells cup, in the commonest name element that has it:
    # ณัฐ, Nat or Nut (Nattapon, Nuttapon). Only there: su, khun, bun are said with u.
    (re.compile(r"^nut(?=t|h)"), "nat"),
    # English also writes the short a of ลักษณ์ u before ck (Yingluck, Nongluck, Saowaluck):
    # RTGS has no ck, so uck is never the u of Suk.
    (re.compile(r"uck"), "ak"),
)


def thai_spelling(token: str) -> str:
    """Return a Thai name token with its by-ear and by-letter spellings folded (Porn: Phon).

    Used for extra name keys of Thai records, not in the phonetic key itself: a Thai name
    recorded abroad without a nationality keeps the same key as at home.
    """
    for pattern, new in _THAI_VOWELS:  # before rn → n: Charern is Charoen, not Charen
        token = pattern.sub(new, token)
    for old, new in _THAI_INSIDE:
        token = token.replace(old, new)
    for old, new in _THAI_FINAL:
        if len(token) > len(old) + 1 and token.endswith(old):
            return token[: -len(old)] + new
    return token


_D_LIKE = str.maketrans("đĐðÐɖƉ", "dDdDdD")


# Characters no one sees, pasted along with a name from a web page or a chat: a soft hyphen,
# a word joiner, a byte-order mark. Read as separators, they cut "Nguy\u00adễn" into two words
# the person's other records do not have. Direction marks, embeddings and overrides wrap words
# ("\u202bNguyen Van Hung\u202c"): they part words, as a space.
_UNSEEN = re.compile("[\u00ad\u2060\ufeff]")
_DIRECTION = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# A zero-width space inside a Latin word is as unseen; between words of Khmer, Lao, Thai or
# Burmese, which write no spaces, it is the space.
_LATIN_ZWSP = re.compile("(?<=[A-Za-z\u00c0-\u024f])\u200b(?=[A-Za-z\u00c0-\u024f])")


def fold(text: str) -> str:
    """Return lower-case text: Latin diacritics removed, Vietnamese đ as d.

    Marks on letters of other scripts are kept: in Thai, Lao, Khmer and Burmese they are the
    vowels (ใจดี without them would be a different name), and there is no ASCII to fold to.
    """
    if text.isascii():  # most names as reports write them: nothing to decompose
        return text.lower()
    text = _DIRECTION.sub(" ", _LATIN_ZWSP.sub("", _UNSEEN.sub("", text)))
    # Officers without a Vietnamese keyboard type the look-alike Icelandic eth (Ð) for Đ.
    text = text.translate(_D_LIKE)
    kept: list[str] = []
    latin = False
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            if latin:
                continue
        else:
            latin = ch < "\u0250"
        kept.append(ch)
    return "".join(kept).lower()


# Titles written in Thai, Lao and Khmer script, often joined to the name ("นายสมชาย"): Thai Miss,
# Mr, Mrs; Lao Mr, Mrs, Sir (Thao, Nang, Than); Khmer Mrs, Mr, Madam (Lok Srey, Lok, Neak Srey).
# Longest first, so that Miss is not read as Mrs followed by a name. Burmese titles are syllables
# of the name and go by the rules of Latin titles (_strip_honorifics).
SCRIPT_HONORIFICS = tuple(
    fold(t) for t in ("นางสาว", "นาย", "นาง", "ທ້າວ", "ນາງ", "ທ່ານ", "លោកស្រី", "អ្នកស្រី", "លោក")
)
_SPLIT = re.compile(r"[^a-z/.']+")
# Outside ASCII: letters and marks of any script are name characters (names in Thai, Burmese,
# Khmer, Lao or Chinese script would otherwise have no tokens at all).
_SPLIT_UNICODE = re.compile(
    r"[^\w/.'\u0300-\u036f\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f"
    r"\u1780-\u17ff]+|[\d_]+"
)


@dataclass(frozen=True)
class NameParts:
    """A name split into the person's own tokens, the father's tokens and a generation mark."""

    tokens: tuple[str, ...]
    father: tuple[str, ...]
    generation: str
    # a name written in Chinese characters: the characters in simplified form (陈大文)
    hanzi: str = ""
    # "son" or "daughter", as the marker before the father's name says (bin, binti, a/l, a/p)
    child: str = ""


# What follows an alias mark is another name the person goes by: "Kyaw Kyaw (a) Ko Kyaw" (the
# Myanmar police's mark, (ခ) in Burmese script), "Tan Ah Huat @ Boss", "alias", "aka". A
# bracket holds a title, an English name or a nickname: "Aye Aye Myint (Daw)", "Tan Wei Ming
# (Michael)". Compared as part of the name, they made it one the person's other records did
# not have.
_ALIAS_MARK = re.compile(r"\s*(?:@|\((?:a|ခ)\)|\b(?:alias|aka|a\.k\.a\.?|a/k/a)(?=\s))\s*")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A nickname in quotes ("Somchai 'Big' Jaidee", "Wang Lei \u201cBig Brother Wang\u201d") is
# another name he goes by, as in brackets. The opening quote follows a space, so the apostrophe
# of "Dato' Sri" or "O'Brien" opens nothing.
_QUOTES = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"
_QUOTED = re.compile(f"(?:^|(?<=\\s))[{_QUOTES}][^{_QUOTES}]*[{_QUOTES}](?=\\s|$)")


def _without_aliases(text: str) -> str:
    """Return the name before an alias mark, without bracketed words.

    A Malay legal name keeps the father's name after its alias ("Abdullah @ Dollah bin
    Ahmad" is Abdullah bin Ahmad); a name that is all alias or brackets is kept as written.
    """
    name, *alias = _ALIAS_MARK.split(text, maxsplit=1)
    if alias and name.strip():
        rest = alias[0].split()
        at = next((i for i, t in enumerate(rest) if t in PATRONYMIC or t == "b."), len(rest))
        name = " ".join([name, *rest[at:]])
    elif alias:
        name = alias[0]
    bare = _BRACKETS.sub(" ", name)
    if "'" in bare or '"' in bare or not bare.isascii():
        bare = _QUOTED.sub(" ", bare)
    return bare if bare.strip() else name


# A name copied from a passport's machine-readable zone: SURNAME<<GIVEN<NAMES, perhaps after
# the document code and issuing state (P<VNM), with digits the OCR read for letters (K0H, TH1):
# names in the zone have no digits.
_MRZ_HEAD = re.compile(r"^[A-Z]<[A-Z]{3}(?=[A-Z])")
_MRZ_DIGITS = str.maketrans("0158", "OISB")


def _from_mrz(text: str) -> str:
    """Return a name written as in a passport's machine-readable zone as "FAMILY, GIVEN"."""
    name = _MRZ_HEAD.sub("", text.strip().upper()).translate(_MRZ_DIGITS)
    family, _, given = name.partition("<<")
    family, given = family.replace("<", " ").strip(), given.replace("<", " ").strip()
    return f"{family}, {given}" if family and given else family or given


def _tokens(text: str) -> list[str]:
    if "<<" in text:
        text = _from_mrz(text)
    folded = _without_aliases(fold(text)).replace("-", "").replace("'", "")
    split = _SPLIT if folded.isascii() else _SPLIT_UNICODE
    folded = _passport_order(folded)
    if "," in folded:  # "DELA CRUZ, Juan": family name first, then given names
        family, _, given = folded.partition(",")
        after = [t.strip(".") for t in split.split(given) if t]
        # "Juan dela Cruz, Jr.": only a generation mark follows, nothing to reorder
        folded = f"{family} {given}" if all(t in GENERATION for t in after) else f"{given} {family}"
    return _strip_script_honorific([t for t in split.split(folded) if t])


def _passport_order(folded: str) -> str:
    """Return a name written as a travel document or airline list writes it, ``SURNAME/GIVEN``
    (``SOK/DARA``, ``DELA CRUZ/JUAN SANTOS``), given names first, as the comma form is read.

    The slash joined the two into one token, which was dropped as a slashed word is (``s/o``),
    so ``SOK/DARA`` had no name at all and ``TAN/WEE BENG`` was only ``Beng``. A slash with
    space around it (``Somchai / Lek``) separates other names, and ``a/l``, ``s/o`` are the
    father's mark: both are left as they were.
    """
    family, slash, given = folded.partition("/")
    if not slash or "/" in given or "," in folded:
        return folded
    if not family[-1:].isalpha() or not given[:1].isalpha():
        return folded
    if f"{family.split()[-1]}/{given.split()[0]}" in PATRONYMIC:
        return folded
    return f"{given} {family}"


def _strip_script_honorific(tokens: list[str]) -> list[str]:
    if not tokens or tokens[0].isascii():
        return tokens
    for title in SCRIPT_HONORIFICS:
        head = tokens[0]
        if head == title and len(tokens) >= 2:
            return tokens[1:]
        if head.startswith(title) and len(head) > len(title) + 1:
            return [head[len(title) :], *tokens[1:]]
    return tokens


def _from_hanzi(tokens: list[str], culture: str) -> tuple[list[str], str]:
    """Return a name in Chinese characters as pinyin tokens when every character is known (else
    its characters simplified), and its characters simplified ("" for a name in no Chinese)."""
    # Japanese names in kanji are not read as Mandarin: 田中 is Tanaka, not Tian Zhong.
    if culture == "JP" or not tokens or not all(is_hanzi(t) for t in tokens):
        return tokens, ""
    # 陳 and 陈 are one character: a name outside the table meets its other form as written.
    chars = [simplified(t) for t in tokens]
    pinyin = hanzi_to_pinyin("".join(chars))
    return (list(pinyin) if pinyin else chars), "".join(chars)


def _from_hangul(tokens: list[str]) -> list[str]:
    """Return a Korean name in blocks, written joined (김민준) as its surname and given name."""
    if not any(not t.isascii() and persons_korean.is_hangul(t) for t in tokens):
        return tokens
    if len(tokens) == 1:
        return persons_korean.split_surname(tokens[0])
    return [unicodedata.normalize("NFC", t) for t in tokens]


def _from_burmese(tokens: list[str]) -> list[str]:
    """Return a name in Burmese script as its syllables, each a name element (Aung, Kyaw)."""
    if not any(not t.isascii() and persons_burmese.is_burmese(t) for t in tokens):
        return tokens
    return [s for t in tokens for s in (persons_burmese.syllables(t) or (t,))]


def _strip_honorifics(tokens: list[str], culture: str) -> list[str]:
    """Drop leading titles; in Burmese script, by the rules for their Latin spellings."""
    if not any(not t.isascii() and persons_burmese.is_burmese(t) for t in tokens):
        return _strip_latin_honorifics(tokens, culture)
    latin = [(persons_burmese.readings(t) or (t,))[0] for t in tokens]
    kept = _strip_latin_honorifics(latin, "MM")  # the script says which customs apply
    return tokens[len(tokens) - len(kept) :]


_BURMESE_SYLLABLE = re.compile(r"[aeiouy]+")


def _two_syllables(token: str, culture: str) -> bool:
    """Tell whether a Burmese name after a title is a name of its own, of two syllables or more
    written as one word (Ma Thandar, Ko Thiha): the title goes, as before a name of two words.
    One syllable after it (Ko Min) may be the name, and stays."""
    return culture == "MM" and len(_BURMESE_SYLLABLE.findall(token)) >= 2


def _strip_latin_honorifics(tokens: list[str], culture: str) -> list[str]:
    local = LOCAL_HONORIFICS.get(culture, frozenset())
    while tokens:
        head = tokens[0].rstrip(".")
        if len(tokens) >= 2 and ALIASES.get(head, head) == ALIASES.get(
            tokens[1].rstrip("."), tokens[1].rstrip(".")
        ):
            break  # "Maung Maung Aung": a title repeated is the name itself
        if len(tokens) >= 3 and (head, tokens[1].rstrip(".")) in HONORIFIC_PAIRS:
            tokens = tokens[2:]
        elif (head in HONORIFICS and len(tokens) >= 2) or (
            tokens[0] in local and (len(tokens) >= 3 or _two_syllables(tokens[1], culture))
        ):
            tokens = tokens[1:]
        else:
            break
    return tokens


# Spanish particles of Filipino family names: "dela Cruz", "De La Cruz" and "Delacruz" are one
# name, so the particles are joined to what follows. Only for the Philippines: "De" is also a
# Chinese given-name syllable and "La" a Lao and Vietnamese name.
PARTICLES = frozenset({"de", "del", "dela", "delas", "delos", "la", "las", "los"})
PARTICLE_CULTURES = frozenset({"PH"})
# Filipino given names of Spanish origin say the gender in their last vowel: Mario and Maria,
# Angelo and Angela, Cristino and Cristina are a brother and a sister (twins born the same day
# were one person on the one-typo level), not one name mistyped. Only in the Philippines: in
# Java one name ends in o or a as it is said or spelled (Santoso, Santosa; Susilo, Susila).
GENDERED_CULTURES = frozenset({"PH"})


def gendered_apart(a: str, b: str) -> bool:
    """Return whether two name tokens are one name with a masculine and a feminine ending."""
    return len(a) == len(b) >= 3 and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"a", "o"}


# "Abdulrahman" is "Abdul Rahman" written joined; "Abdullah" (lah) is a name of its own.
_ABDUL = "abdul"
_ABDUL_REST = 4


def _split_abdul(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        rest = t[len(_ABDUL) :]
        if t.startswith(_ABDUL) and len(rest) >= _ABDUL_REST and not rest.startswith("lah"):
            out += [_ABDUL, rest]
        else:
            out.append(t)
    return out


def join_particles(tokens: Sequence[str], culture: str) -> list[str]:
    """Join "de la", "dela", "de los"... to the family name after them (Filipino names).

    Applied to the comparison tokens, not in ``split_name``, which keeps the name as written.
    """
    if culture not in PARTICLE_CULTURES:
        return list(tokens)
    out: list[str] = []
    pending = ""
    for t in tokens:
        if t.strip(".") in PARTICLES and len(out) >= 1:
            pending += t.strip(".")
            continue
        out.append(pending + t)
        pending = ""
    if pending:
        out.append(pending)
    return out


def without_middle_initials(tokens: Sequence[str]) -> list[str]:
    """Drop initials between the first and the last name token (Juan S. dela Cruz, Nguyen V.
    Hung): the record with the full middle name, or with none, is the same person.

    The model compares what is left; the clustering still reads the initial, so Nguyen V. An
    and Nguyen T. An (Van and Thi: a brother and a sister) never become one person.
    """
    if len(tokens) < 3:
        return list(tokens)
    # Only Latin letters: a Burmese syllable may be one letter (မ, Ma).
    middle = (t for t in tokens[1:-1] if not (len(t.strip(".")) == 1 and t.isascii()))
    return [tokens[0], *middle, tokens[-1]]


def split_name(full_name: str, culture: str = "") -> NameParts:
    """Split ``full_name`` into own tokens, father's tokens (after bin/binti/s/o...) and Jr/Sr.

    ``culture`` is the country code whose naming customs apply (nationality, else the country
    of the record): it decides whether a leading "Ko" or "Ong" is a title or a name.
    """
    tokens, hanzi = _from_hanzi(_tokens(full_name), culture)
    tokens = _from_burmese(_from_hangul(tokens))
    tokens = _strip_honorifics(tokens, culture)
    tokens = _split_abdul(tokens)
    local = LOCAL_ALIASES.get(culture, {})
    generation = child = ""
    own: list[str] = []
    father: list[str] = []
    target = own
    for raw in tokens:
        tok = raw.strip(".")
        if raw in PATRONYMIC or tok in PATRONYMIC and raw != "b":
            if own and target is own:
                target = father
                child = "daughter" if tok in DAUGHTER else "son"
                continue
        if tok in GENERATION and own:
            generation = tok
            continue
        if not tok or "/" in tok:
            continue
        target.append(ALIASES.get(raw, ALIASES.get(tok, local.get(tok, tok))))
    # "bin Haji Ismail": the father's title is no part of his name.
    father = _strip_latin_honorifics(father, culture)
    return NameParts(tuple(own), tuple(father), generation, hanzi, child if father else "")


def surname_classes(token: str) -> tuple[str, ...]:
    """Return the Chinese surname classes a token may belong to, or () if it is no surname."""
    return SURNAME_CLASSES.get(token, ())


# Splits of one joined given name kept as readings: "Chihwei" is Chih-Wei or Chi-Hwei.
_MAX_SPLITS = 4


@lru_cache(maxsize=100_000)
def syllable_splits(token: str) -> tuple[tuple[str, ...], ...]:
    """Return the splits of a given-name token into the fewest Chinese syllables, or ().

    Written joined (Weiming) or hyphenated (Wei-Ming) a given name is one token. Several
    splits may be as short (Chih-Wei, joined, also reads Chi-Hwei): all are kept, up to
    ``_MAX_SPLITS``, the one found first first.
    """
    empty: tuple[str, ...] = ()
    best: list[list[tuple[str, ...]]] = [[empty], *([] for _ in token)]
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - _LONGEST_SYLLABLE), end):
            piece = token[start:end]
            if not best[start] or piece not in SYLLABLE_CLASSES:
                continue
            candidates = [(*head, piece) for head in best[start]]
            current = best[end]
            if not current or len(candidates[0]) < len(current[0]):
                best[end] = candidates[:_MAX_SPLITS]
            elif len(candidates[0]) == len(current[0]):
                current.extend(candidates[: _MAX_SPLITS - len(current)])
    return tuple(best[-1]) if token else ()


def syllables(token: str) -> tuple[str, ...] | None:
    """Split a given-name token into Chinese syllables ("weiming": wei, ming), or None."""
    splits = syllable_splits(token)
    return splits[0] if splits else None


def given_name_classes(tokens: Sequence[str], limit: int) -> list[str]:
    """Return up to ``limit`` dialect-free forms of a Chinese given name, or [].

    Each syllable is replaced by its Mandarin class, so "Boon Keat", "Wen Jie" and
    "Boon Kiat" all give "wenjie"; a syllable of several characters, or a joined name of
    several splits, gives several forms.
    """
    per_token: list[list[str]] = []
    for token in tokens:
        forms: dict[str, None] = {}
        for split in syllable_splits(token):
            classes = (SYLLABLE_CLASSES[s] for s in split)
            forms.update(dict.fromkeys("".join(p) for p in islice(product(*classes), limit)))
        if not forms:
            return []
        per_token.append(list(forms))
    if not per_token:
        return []
    forms_all = ["".join(p) for p in islice(product(*per_token), limit)]
    return sorted(set(forms_all))


def _edits(a: str, b: str) -> int:
    """Return the edits (insert, delete, change, swap of neighbours) between a and b."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]


def may_be_one_element(a: str, b: str, culture: str = "", *, loose: bool = False) -> bool:
    """Return whether two name tokens may spell one name element (Tan, Chen; Wei, Wai; S, Santos;
    Burmese Nay, Ne).

    Typos count (one edit of their phonetic keys, two from six letters: Satoso, Santosa), so
    the model decides on those; tokens in another script are left to the script rules.
    ``loose`` (for two records the model scored as a match) allows up to half the letters.
    """
    if not (a.isascii() and b.isascii()):
        return True
    if phonetic(a, culture) == phonetic(b, culture):  # Burmese Oo and U (ဦး), not an initial
        return True
    if min(len(a), len(b)) == 1:  # an initial: V and T are one edit apart, but Van and Thi
        return a[0] == b[0]
    pa, pb = phonetic(a, culture), phonetic(b, culture)
    longest = max(len(pa), len(pb))
    if _edits(pa, pb) <= (longest // 2 if loose else 2 if longest >= 6 else 1):
        return True
    if set(surname_classes(a)) & set(surname_classes(b)):
        return True
    if set(persons_burmese.spelling_classes(a)) & set(persons_burmese.spelling_classes(b)):
        return True  # Nay and Ne, Hlaing and Hline: one Burmese syllable
    forms = given_name_classes([a], 16)
    return bool(forms and set(forms) & set(given_name_classes([b], 16)))
