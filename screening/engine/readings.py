"""Readings of Japanese and Chinese names in Latin letters.

A Japanese name gets the Hepburn romanisation of its kana reading, taken from
UniDic (unidic-lite 1.0.8) through fugashi, with every distinct reading of the
best few parses kept, so 大和 yields both "yamato" and "daiwa". A name in
ideographs alone may also be Chinese and gets its pinyin from pypinyin.
fold_romaji then maps Hepburn, Kunrei and wapuro spellings of one reading to one
key, so "Jukogyo", "Juukougyou" and "Jūkōgyō" compare equal.

Readings are cached per normalised token, so a list of many names that share
words tags each word once.
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

# Parses asked of MeCab per token; the distinct readings among them are kept.
_NBEST = 4
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff]")
_KANA_ONLY = re.compile(r"^[\u3041-\u309f\u30a0-\u30ffー]+$")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
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
    (re.compile(r"ou|oo|oh(?![aiueo])"), "o"),
    (re.compile(r"uu"), "u"),
    (re.compile(r"aa"), "a"),
    (re.compile(r"ee"), "e"),
    (re.compile(r"m(?=[bpm])"), "n"),
)


@functools.cache
def _tagger() -> fugashi.Tagger:
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
    """Romanise kana in Hepburn, lower case and without macrons (ミツビシ -> mitsubishi)."""
    return str(_romaniser().map_kana(jaconv.kata2hira(kana))).lower()


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
def japanese_readings(token: str, limit: int) -> tuple[str, ...]:
    """Return up to limit distinct romaji keys of a Japanese token's readings, words space-separated.

    Each reading comes from one of the best MeCab parses with UniDic, so an
    ambiguous word (大和: yamato, daiwa; 日本: nippon, nihon) keeps each of its
    readings. A parse with a morpheme that has no reading is skipped.
    """
    readings: list[str] = []
    seen: set[str] = set()
    parses = _tagger().nbestToNodeList(token, _NBEST)
    # Only parses that split the token like the best one count, so a reading
    # differs by the reading of a word (大和: yamato, daiwa), not by a strained split.
    best_split = [node.surface for node in parses[0]] if parses else []
    for parse in parses:
        if [node.surface for node in parse] != best_split:
            continue
        words = []
        for node in parse:
            # Unknown words carry a short feature tuple without a kana field.
            word = _word_reading(node.surface, getattr(node.feature, "kana", None))
            if word is None:
                break
            words.append(word)
        else:
            # Folded per word, so the form's compact is already its romaji key
            # and unit words such as kenkyusho match it.
            reading = " ".join(fold_romaji(word) for word in words)
            if words and reading not in seen:
                seen.add(reading)
                readings.append(reading)
        if len(readings) >= limit:
            break
    return tuple(readings)


@functools.lru_cache(maxsize=65536)
def pinyin_reading(token: str) -> str | None:
    """Return the toneless pinyin of a Chinese token, one word per morpheme (星河电子 -> xinghe dianzi).

    Morphemes come from the Japanese tagger, which splits ideograph compounds
    well enough to put the spaces where a writer of pinyin usually does.
    """
    words = []
    for node in _tagger()(token):
        surface = node.surface
        if surface.isascii():
            words.append(surface.lower())
            continue
        if not all(_IDEOGRAPH.match(char) for char in surface):
            return None
        words.append("".join(lazy_pinyin(surface, style=Style.NORMAL, errors="ignore")))
    reading = " ".join(word for word in words if word)
    return reading if reading.isascii() and reading.strip() else None


def has_kana(text: str) -> bool:
    """Tell whether the text contains hiragana or katakana."""
    return bool(_KANA.search(text))


def has_ideographs(text: str) -> bool:
    """Tell whether the text contains CJK ideographs."""
    return bool(_IDEOGRAPH.search(text))
