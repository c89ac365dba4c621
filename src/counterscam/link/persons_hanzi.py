"""Read a Chinese name written in characters (张伟, 陳大文) as Mandarin pinyin (Zhang Wei).

No transliteration library is a dependency, so this is a table: the commonest surnames and the
characters commonest in given names, in simplified and traditional forms. A name with any
character outside the table is left in characters (it then meets other records only on a birth
date, a document or a phone): a wrong reading would be worse than none. A character with
several readings is given the one it has in names (曾 Zeng, 单 Shan, 区 Ou as surnames).
Traditional characters are folded to simplified ones with OpenCC's table (``simplified``), so
a name is compared by its characters, not only by how they read (王曉明 is 王晓明; 王小明 is not).
"""

from __future__ import annotations

from functools import lru_cache

from opencc import OpenCC

# Surnames: pinyin, then the characters read so. Two-character surnames are listed whole.
_SURNAMES = """
zhang 张張 wang 王 li 李 liu 刘劉 chen 陈陳 yang 杨楊 huang 黄黃 zhao 赵趙 wu 吴吳 zhou 周
xu 徐许許 sun 孙孫 ma 马馬 zhu 朱 hu 胡 guo 郭 he 何贺賀 gao 高 lin 林 luo 罗羅骆駱 zheng 郑鄭
liang 梁 xie 谢謝解 song 宋 tang 唐汤湯 han 韩韓 feng 冯馮 deng 邓鄧 cao 曹 peng 彭 zeng 曾
xiao 萧蕭肖 tian 田 dong 董 pan 潘 yuan 袁 cai 蔡 jiang 蒋蔣江姜 yu 余于俞 du 杜 ye 叶葉
cheng 程 wei 魏韦韋卫衛 su 苏蘇 lu 吕呂卢盧陆陸鲁魯路 ding 丁 ren 任 shen 沈 yao 姚
fu 傅付 zhong 钟鍾 cui 崔 tan 谭譚 wang2 汪 fan 范範樊 liao 廖 shi 石施史 jin 金 jia 贾賈
xia 夏 fang 方 zou 邹鄒 xiong 熊 bai 白 meng 孟 qin 秦 qiu 邱丘 hou 侯 yin 尹 xue 薛 yan 严嚴颜顏
duan 段 lei 雷 long 龙龍 tao 陶 gu 顾顧 mao 毛 hao 郝 gong 龚龔 shao 邵 wan 万萬 qian 钱錢
lai 赖賴 hong 洪 dai 戴 mo 莫 kong 孔 chang 常 wen 温溫文 kang 康 niu 牛 ge 葛 an 安 qi 齐齊
qiao 乔喬 wu2 伍 pang 庞龐 ni 倪 zhuang 庄莊 nie 聂聶 yue 岳 zhan 詹 ou 区區欧歐 ning 宁寧
ruan 阮 ke 柯 ji 纪紀 mei 梅 ling 凌 bi 毕畢 shan 单單 huo 霍 mai 麦麥 lian 连連 lan 蓝藍
ouyang 欧阳歐陽 sima 司马司馬 situ 司徒 shangguan 上官 zhuge 诸葛諸葛 dongfang 东方東方
murong 慕容 huangfu 皇甫 she 佘
"""

# Given-name characters: pinyin, then the characters read so.
_GIVEN = """
wei 伟偉威维維薇玮瑋巍蔚 ming 明铭銘鸣鳴 jun 俊军軍君峻骏駿钧鈞 hao 浩豪昊皓 jia 佳家嘉加
wen 文雯闻聞 jie 杰傑洁潔婕捷 zhi 志智芝致之 qiang 强強 guo 国國 liang 良亮
xin 欣新鑫心馨昕 yi 一毅怡宜艺藝仪儀逸义義依 xiu 秀 mei 美梅玫 hui 辉輝慧惠卉晖暉
min 敏民 li 丽麗莉力立利 ting 婷亭庭廷 pei 佩沛培 shan 珊姗善 ling 玲铃鈴灵靈 lin 琳霖
hua 华華花 de 德 jin 金锦錦进進晋晉瑾 cheng 成诚誠城承 sheng 胜勝生圣聖盛晟 long 龙龍隆
ping 平萍 yong 勇永涌湧咏詠 fa 发發 fu 福富 an 安 hai 海 jian 建健剑劍坚堅 xiang 祥翔
hong 红紅宏鸿鴻虹弘 kai 凯凱 jing 静靜晶婧菁京 zhen 真珍振贞貞 wan 婉 yan 燕艳艷妍岩彦彥雁
kang 康 tao 涛濤 lei 磊蕾 fang 芳 ying 英莹瑩颖穎樱櫻 na 娜 yu 玉宇雨语語瑜钰鈺羽
bin 斌彬滨濱 bo 波博 chao 超 chen 晨辰 dong 东東 fei 飞飛菲 feng 峰锋鋒丰豐凤鳳 gang 刚剛
juan 娟 kun 坤 lan 兰蘭岚嵐 lu 璐露 nan 楠南 ning 宁寧 peng 鹏鵬 qing 清青晴庆慶
rong 荣榮蓉容 rui 瑞睿 shu 淑舒 song 松 tian 天甜 xia 霞 xiao 晓曉小 xue 雪 yang 阳陽洋
yun 云雲芸 zhong 忠中 jiang 江 ju 驹駒 qi 琪琦奇 da 大达達 tai 泰太 gui 贵貴桂 shi 诗詩世 a 阿 si 思
xuan 轩軒萱 zong 宗 zi 子梓紫 han 涵翰 yue 悦悅月 ze 泽澤 qiu 秋 chun 春 hua2 桦樺
"""


def _table(text: str) -> dict[str, str]:
    table: dict[str, str] = {}
    words = text.split()
    for reading, chars in zip(words[::2], words[1::2], strict=True):
        reading = reading.rstrip("0123456789")  # "wang2": a second line of one reading
        if len(chars) % 2 == 0 and reading in _COMPOUND_READINGS:
            for i in range(0, len(chars), 2):
                table[chars[i : i + 2]] = reading
        else:
            table.update(dict.fromkeys(chars, reading))
    return table


_COMPOUND_READINGS = frozenset("ouyang sima situ shangguan zhuge dongfang murong huangfu".split())
SURNAME_READINGS = _table(_SURNAMES)
GIVEN_READINGS = _table(_GIVEN)


def is_hanzi(text: str) -> bool:
    """Return whether ``text`` is all CJK unified ideographs (the characters of a Chinese name)."""
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)


def hanzi_to_pinyin(name: str) -> tuple[str, str] | None:
    """Return (surname, given name) in pinyin of a name in characters, or None if unsure.

    The surname comes first, as Chinese names are written; the given name is one token
    ("weiming"), as pinyin joins it.
    """
    for size in (2, 1):
        surname = SURNAME_READINGS.get(name[:size]) if len(name) > size else None
        if surname is None:
            continue
        given = [GIVEN_READINGS.get(ch) or SURNAME_READINGS.get(ch) for ch in name[size:]]
        if all(given) and len(given) <= 3:
            return surname, "".join(g for g in given if g)
    return None


@lru_cache(maxsize=1)
def _to_simplified() -> OpenCC:
    converter = OpenCC("t2s")
    converter.convert("陳")  # loads the dictionaries now, not inside a caller's loop
    return converter


def simplified(text: str) -> str:
    """Return Chinese characters in their simplified forms (陳大文 as 陈大文, 王曉明 as 王晓明).

    Two records of one name, one typed in Hong Kong or Taiwan and one in China, are then
    written alike, while characters that only sound alike (晓 and 小) stay apart.
    """
    return str(_to_simplified().convert(text))
