"""Readings of Japanese and Chinese names in Latin letters.

A Japanese name gets the Hepburn romanisation of its kana reading, taken from
UniDic (unidic-lite 1.0.8) through fugashi and romanised with cutlet's kana
table. A word of two or more kanji with several readings in UniDic keeps each
of them, so 大和 yields both "yamato" and "daiwa". A name written in Chinese
characters also gets its pinyin from pypinyin. fold_romaji maps Hepburn,
Kunrei and wapuro spellings of one reading to one key, so "Jukogyo",
"Juukougyou" and "Jūkōgyō" compare equal.

Readings are cached per normalised token and per word, so a list of many names
that share words looks each word up once.
"""

import functools
import re
import unicodedata

import cutlet
import fugashi
import jaconv
import unidic_lite
from pypinyin import Style, lazy_pinyin

# Steps recorded in NameForm.steps, shown to reviewers with a list match.
KANJI_READING = "romanised_from_kanji_reading"
KANA_READING = "romanised_from_kana"
PINYIN = "pinyin_from_hanzi"
# Forms built from a guessed reading of ideographs. Two such forms are never
# compared with each other, because homophones (川崎 and 河崎) are different names.
IDEOGRAPH_READINGS = (KANJI_READING, PINYIN)
ROMANISED_STEPS = (KANJI_READING, KANA_READING, PINYIN)

# Parses requested from MeCab per word; the distinct readings among them are kept.
_NBEST = 4
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff]")
_KANA_ONLY = re.compile(r"^[\u3041-\u309f\u30a0-\u30ffー]+$")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_LONG_VOWEL = re.compile(r"ou|oo|uu")
_ACCENTED_LATIN = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
# Kunrei-shiki and Nihon-shiki spellings to Hepburn, then long vowels and the
# syllabic n before labials, applied in this order.
_ROMAJI_FOLDS = (
    (re.compile(r"sy(?=[aueo])"), "sh"),
    (re.compile(r"ty(?=[aueo])"), "ch"),
    (re.compile(r"[zj]y(?=[aueo])"), "j"),
    (re.compile(r"(?<![sc])hu"), "fu"),
    (re.compile(r"si"), "shi"),
    (re.compile(r"ti"), "chi"),
    (re.compile(r"tu"), "tsu"),
    (re.compile(r"zi|di"), "ji"),
    # Bank-style kana write small ゃゅょ large, so ジユ (jiyu) stands for ジュ (ju).
    (re.compile(r"(sh|ch|j)iy(?=[auo])"), r"\1"),
    (re.compile(r"([kgnhbpmr])iy(?=[auo])"), r"\1y"),
    # Bank-style kana also write small ッ large, so ニツポン (nitsupon) is ニッポン (nippon).
    (re.compile(r"(?<=[aiueo])tsu(?=[kstpc])"), ""),
    (re.compile(r"([kstpc])\1"), r"\1"),
    (re.compile(r"ou|oo|oh(?![aiueo])"), "o"),
    (re.compile(r"uu"), "u"),
    (re.compile(r"aa"), "a"),
    (re.compile(r"ee"), "e"),
    (re.compile(r"m(?=[bpm])"), "n"),
)


@functools.cache
def tagger() -> fugashi.Tagger:
    """Return the process's MeCab tagger with unidic-lite, shared by readings and use text."""
    # unidic-lite is named explicitly, so a full UniDic package without its
    # downloaded dictionary cannot be picked up by accident.
    return fugashi.Tagger(f'-d "{unidic_lite.DICDIR}"')


@functools.cache
def _romaniser() -> cutlet.Cutlet:
    return cutlet.Cutlet("hepburn")


def strip_diacritics(text: str) -> str:
    """Remove accents and macrons from Latin letters (Jūkōgyō -> Jukogyo), leaving kana whole."""
    if not _ACCENTED_LATIN.search(text):
        return text
    # Only U+0300-036F is removed, so the kana voicing marks U+3099/309A survive NFD.
    return unicodedata.normalize("NFC", _COMBINING.sub("", unicodedata.normalize("NFD", text)))


@functools.lru_cache(maxsize=65536)
def fold_romaji(text: str) -> str:
    """Map romanised Japanese spelling variants of one reading to one comparison key."""
    folded = strip_diacritics(text.lower())
    for pattern, replacement in _ROMAJI_FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded


def kana_to_romaji(kana: str) -> str:
    """Romanise kana in Hepburn, lower case and without macrons (ジュウコウギョウ -> jukogyo)."""
    romaji = str(_romaniser().map_kana(jaconv.kata2hira(kana))).lower()
    # cutlet spells long vowels out (juukougyou); names are usually written without them.
    return _LONG_VOWEL.sub(lambda match: match.group(0)[0], romaji)


def _word_reading(surface: str, kana: str | None) -> str | None:
    """Return the romaji of one morpheme, or None when it has no known reading."""
    if surface.isascii():
        return surface.lower()
    if kana and _KANA_ONLY.match(kana):
        return kana_to_romaji(kana)
    if _KANA_ONLY.match(surface):
        return kana_to_romaji(surface)
    return None


@functools.lru_cache(maxsize=65536)
def _word_readings(surface: str) -> tuple[str, ...]:
    """Return the distinct romaji readings of one word, best first (大和: yamato, daiwa).

    Alternatives come from the best MeCab parses of the word alone that keep it
    whole. The result is cached per word, so a list tags each distinct word once.
    """
    readings: list[str] = []
    for parse in tagger().nbestToNodeList(surface, _NBEST):
        if len(parse) != 1:
            continue
        reading = _word_reading(surface, getattr(parse[0].feature, "kana", None))
        if reading is not None and reading not in readings:
            readings.append(reading)
    return tuple(readings)


@functools.lru_cache(maxsize=65536)
def japanese_readings(token: str, limit: int) -> tuple[str, ...]:
    """Return up to limit distinct Hepburn readings of a Japanese token, words space-separated.

    The first reading is that of the best MeCab parse with UniDic. Each further
    reading swaps one word for another reading of that word, so an ambiguous word
    (大和: yamato, daiwa; 日本: nippon, nihon) keeps each of its readings. A token
    with a word that has no reading gets none.

    NOTE: a rare or invented name gets UniDic's guess (空野 reads kuya, not
    sorano), and a single kanji keeps only its best reading (所 gives sho, not jo).
    """
    if _KANA_ONLY.match(token):
        return (kana_to_romaji(token),)
    words: list[str] = []
    alternatives: list[tuple[str, ...]] = []
    for node in tagger()(token):
        # Unknown words carry a short feature tuple without a kana field.
        word = _word_reading(node.surface, getattr(node.feature, "kana", None))
        if word is None:
            return ()
        words.append(word)
        # A single kanji has many readings that are rarely its reading in a name
        # (所: sho, tokoro), so only words of two or more characters get alternatives.
        ambiguous = len(node.surface) > 1 and _IDEOGRAPH.search(node.surface)
        alternatives.append(_word_readings(node.surface) if ambiguous else ())
    readings = [" ".join(words)]
    for position, options in enumerate(alternatives):
        for option in options:
            if len(readings) >= limit:
                return tuple(readings)
            reading = " ".join([*words[:position], option, *words[position + 1 :]])
            if reading not in readings:
                readings.append(reading)
    return tuple(readings)


@functools.lru_cache(maxsize=65536)
def _word_pinyin(surface: str) -> str:
    return "".join(lazy_pinyin(surface, style=Style.NORMAL, errors="ignore"))


@functools.lru_cache(maxsize=65536)
def pinyin_reading(token: str) -> str | None:
    """Return the toneless pinyin of a Chinese token, one word per morpheme (星河电子 -> xing he dianzi).

    Morphemes come from the Japanese tagger, which splits ideograph compounds
    well enough to put the spaces where a writer of pinyin usually does. Pinyin
    is cached per morpheme because pypinyin's phrase matching costs about 0.3 ms
    a call.
    """
    words = []
    for node in tagger()(token):
        surface = node.surface
        if surface.isascii():
            words.append(surface.lower())
            continue
        if not all(_IDEOGRAPH.match(char) for char in surface):
            return None
        words.append(_word_pinyin(surface))
    reading = " ".join(word for word in words if word)
    return reading if reading.isascii() and reading.strip() else None


def has_kana(text: str) -> bool:
    """Tell whether the text contains hiragana or katakana."""
    return bool(_KANA.search(text))


def has_ideographs(text: str) -> bool:
    """Tell whether the text contains CJK ideographs."""
    return bool(_IDEOGRAPH.search(text))
