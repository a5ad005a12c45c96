"""Fold names and free text in Japanese, Chinese and Latin script to one comparable form.

List entries and certificate parties go through the same steps, so that a
simplified-Chinese, half-width-katakana or full-width-Latin spelling of a name
reaches the same compact key as the list's own spelling.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import jaconv
from opencc import OpenCC

from .readings import (
    KANA_READING,
    KANJI_READING,
    PINYIN,
    has_ideographs,
    has_kana,
    japanese_readings,
    pinyin_reading,
    strip_diacritics,
)

_WORD = re.compile(r"[^\W_]+")
_SCRIPT_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
_KANJI_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMERAL = "〇零一二三四五六七八九十百千"
# Kanji numerals are converted only after 第 or before 号, because a bare 三 is
# usually part of a name (三菱) rather than a number.
_ORDINAL_KANJI = re.compile(f"第([{_KANJI_NUMERAL}]+)|([{_KANJI_NUMERAL}]+)号")
_LATIN_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
# 公司 (company) ends every Chinese company form: 有限公司, 股份有限公司 and so on.
_CHINESE_LEGAL_FORM = "公司"


@functools.cache
def _converters() -> tuple[OpenCC, OpenCC]:
    # Simplified -> traditional -> Japanese shinjitai, so that 自卫队, 自衛隊 and
    # 自衞隊 all reach 自衛隊.
    return OpenCC("s2t"), OpenCC("t2jp")


def fold_chinese_variants(text: str) -> str:
    """Map simplified and traditional Chinese characters to Japanese shinjitai.

    NOTE: s2t picks one traditional form for an ambiguous simplified character, so
    松 becomes 鬆 and stays so. Both sides fold alike, so matching holds, but the
    normalised text shown to reviewers can carry such characters.
    """
    if not _IDEOGRAPH.search(text):
        return text
    to_traditional, to_japanese = _converters()
    return str(to_japanese.convert(to_traditional.convert(text)))


def _hiragana_to_katakana(text: str) -> str:
    return str(jaconv.hira2kata(text)) if _HIRAGANA.search(text) else text


def fold_text(text: str, *, kana: bool = True) -> str:
    """Apply NFKC, case folding, hiragana to katakana and Chinese variant folding."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    if kana:
        folded = _hiragana_to_katakana(folded)
    return fold_chinese_variants(folded)


def kanji_to_int(numeral: str) -> int:
    """Convert a kanji numeral such as 四十一 or 一〇五 to an int."""
    if all(char in _KANJI_DIGITS for char in numeral):
        return int("".join(str(_KANJI_DIGITS[char]) for char in numeral))
    total = 0
    digit = 0
    for char in numeral:
        if char in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[char]
        else:
            total += (digit or 1) * _KANJI_UNITS[char]
            digit = 0
    return total + digit


def convert_kanji_ordinals(text: str) -> str:
    """Write 第十四 as 第14 and 四十一号 as 41号."""

    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            return f"第{kanji_to_int(match.group(1))}"
        return f"{kanji_to_int(match.group(2))}号"

    return _ORDINAL_KANJI.sub(replace, text)


# eq=False keeps identity hashing, so a NameRules can key the name_forms cache cheaply.
@dataclass(frozen=True, slots=True, eq=False)
class NameRules:
    """Name-matching word lists (folded) and thresholds of one ruleset."""

    match_threshold: float
    core_threshold: float
    reading_threshold: float
    reading_limit: int
    unit_similarity: float
    candidate_limit: int
    max_posting_fraction: float
    min_posting_cap: int
    related_prefix_min_chars: int
    latin_legal_forms: tuple[tuple[str, ...], ...]
    cjk_legal_forms: tuple[str, ...]
    unit_words: tuple[str, ...]
    generic_latin: frozenset[str]
    generic_cjk: tuple[str, ...]
    latin_prefixes: tuple[tuple[str, ...], ...]
    cjk_prefixes: tuple[str, ...]
    country_latin: frozenset[str]
    country_cjk: tuple[str, ...]
    latin_legal_sizes: tuple[int, ...]
    latin_legal_set: frozenset[tuple[str, ...]]


def _split_words(words: list[str]) -> tuple[list[tuple[str, ...]], list[str]]:
    """Split folded words into Latin token tuples and non-Latin strings."""
    latin: set[tuple[str, ...]] = set()
    cjk: set[str] = set()
    for word in words:
        folded = fold_text(word)
        if folded.isascii():
            tokens = tuple(_WORD.findall(folded))
            if tokens:
                latin.add(tokens)
        elif folded.strip():
            cjk.add(folded.strip())
    return sorted(latin, key=lambda t: (-len(t), t)), sorted(cjk, key=lambda w: (-len(w), w))


def build_name_rules(settings: dict[str, Any], languages: dict[str, dict[str, Any]]) -> NameRules:
    """Build NameRules from the name_matching settings and the per-language word lists."""

    def gather(key: str) -> list[str]:
        return [word for data in languages.values() for word in data.get(key, [])]

    legal_latin, legal_cjk = _split_words(gather("legal_forms"))
    unit_latin, unit_cjk = _split_words(gather("unit_words"))
    generic_latin, generic_cjk = _split_words(gather("generic_words"))
    prefix_latin, prefix_cjk = _split_words(gather("name_prefixes"))
    country_latin, country_cjk = _split_words(gather("country_words"))
    units = {"".join(tokens) for tokens in unit_latin} | set(unit_cjk)
    return NameRules(
        match_threshold=float(settings["match_threshold"]),
        core_threshold=float(settings["core_threshold"]),
        reading_threshold=float(settings["reading_threshold"]),
        reading_limit=int(settings["reading_limit"]),
        unit_similarity=float(settings["unit_similarity"]),
        candidate_limit=int(settings["candidate_limit"]),
        max_posting_fraction=float(settings["max_posting_fraction"]),
        min_posting_cap=int(settings["min_posting_cap"]),
        related_prefix_min_chars=int(settings["related_prefix_min_chars"]),
        latin_legal_forms=tuple(legal_latin),
        cjk_legal_forms=tuple(legal_cjk),
        unit_words=tuple(sorted(units, key=lambda w: (-len(w), w))),
        generic_latin=frozenset(" ".join(tokens) for tokens in generic_latin),
        generic_cjk=tuple(generic_cjk),
        latin_prefixes=tuple(prefix_latin),
        cjk_prefixes=tuple(prefix_cjk),
        country_latin=frozenset(" ".join(tokens) for tokens in country_latin),
        country_cjk=tuple(country_cjk),
        latin_legal_sizes=tuple(sorted({len(form) for form in legal_latin}, reverse=True)),
        latin_legal_set=frozenset(legal_latin),
    )


@dataclass(frozen=True, slots=True)
class NameForm:
    """A normalised name: compact key, tokens, allowed cut offsets, numbers and distinctive core."""

    original: str
    compact: str
    spaced: str
    tokens: tuple[str, ...]
    cuts: frozenset[int]
    numbers: tuple[str, ...]
    core: str
    steps: tuple[str, ...]
    # The romanisation step that built this form from a reading, or "" for a written form.
    reading: str = ""


def _fold_with_steps(text: str, steps: list[str]) -> str:
    value = unicodedata.normalize("NFKC", text)
    if value != text:
        steps.append("nfkc")
    for step, function in (
        ("diacritics", strip_diacritics),
        ("casefold", str.casefold),
        ("kana", _hiragana_to_katakana),
        ("chinese_variants", fold_chinese_variants),
    ):
        changed = function(value)
        if changed != value:
            steps.append(step)
            value = changed
    return value


def _strip_cjk_affixes(text: str, forms: tuple[str, ...], step: str, steps: list[str]) -> str:
    """Strip forms (longest first) glued to either end of the text; never strip it to nothing."""
    text = text.strip()
    original = text
    # str.startswith/endswith with a tuple run in C, so the loop only runs on a hit.
    while forms and text.startswith(forms):
        form = next(form for form in forms if text.startswith(form))
        if not text[len(form) :].strip():
            break
        text = text[len(form) :].strip()
    while forms and text.endswith(forms):
        form = next(form for form in forms if text.endswith(form))
        if not text[: -len(form)].strip():
            break
        text = text[: -len(form)].strip()
    if text != original and step not in steps:
        steps.append(step)
    return text


def _tokenise(text: str) -> list[str]:
    tokens: list[str] = []
    for word in _WORD.findall(text):
        tokens.extend(_SCRIPT_RUNS.findall(word))
    return tokens


def _strip_latin_tail(tokens: list[str], rules: NameRules, steps: list[str]) -> list[str]:
    changed = True
    while changed:
        changed = False
        for size in rules.latin_legal_sizes:
            if len(tokens) > size and tuple(tokens[-size:]) in rules.latin_legal_set:
                tokens = tokens[:-size]
                changed = True
                if "legal_form" not in steps:
                    steps.append("legal_form")
                break
    return tokens


def _strip_latin_head(
    tokens: list[str], forms: tuple[tuple[str, ...], ...], step: str, steps: list[str]
) -> list[str]:
    for form in forms:
        size = len(form)
        if len(tokens) > size and tuple(tokens[:size]) == form:
            steps.append(step)
            return tokens[size:]
    return tokens


def _numbers_and_ordinals(tokens: list[str], steps: list[str]) -> list[str]:
    result = []
    for token in tokens:
        converted = token if token.isascii() else convert_kanji_ordinals(token)
        ordinal = _LATIN_ORDINAL.match(converted) if converted[:1].isdigit() else None
        if ordinal:
            converted = ordinal.group(1)
        if converted != token and "numbers" not in steps:
            steps.append("numbers")
        result.append(converted)
    return result


def _core(tokens: tuple[str, ...], rules: NameRules) -> str:
    """Join the tokens that are not generic words, so 'Sorano Tech' has the core 'sorano'."""
    parts = []
    for token in tokens:
        if token.isascii():
            if token not in rules.generic_latin:
                parts.append(token)
            continue
        parts.append(_strip_cjk_affixes(token, rules.generic_cjk, "generic", []))
    core = "".join(parts)
    return "" if core in rules.generic_cjk else core


def _form(
    original: str, tokens: list[str], steps: list[str], rules: NameRules, reading: str = ""
) -> NameForm:
    cuts = {0}
    offset = 0
    for token in tokens:
        if not token.isascii():
            cuts.update(range(offset, offset + len(token)))
        offset += len(token)
        cuts.add(offset)
    compact = "".join(tokens)
    return NameForm(
        original=original,
        compact=compact,
        spaced=" ".join(tokens),
        tokens=tuple(tokens),
        cuts=frozenset(cuts),
        numbers=tuple(sorted(re.findall(r"\d+", compact))),
        core=_core(tuple(tokens), rules),
        steps=tuple(steps),
        reading=reading,
    )


def _drop_country(tokens: list[str], rules: NameRules) -> list[str] | None:
    """Return the tokens without a leading or trailing country word, or None if there is none."""
    if len(tokens) > 1 and tokens[0] in rules.country_latin:
        return tokens[1:]
    if len(tokens) > 1 and tokens[-1] in rules.country_latin:
        return tokens[:-1]
    if tokens and not tokens[0].isascii():
        for word in rules.country_cjk:
            if tokens[0].startswith(word) and len(tokens[0]) > len(word) + 1:
                return [tokens[0][len(word) :], *tokens[1:]]
    return None


def _token_readings(token: str, language: str, limit: int) -> tuple[str, ...]:
    """Return the romanised readings of one normalised token in one language."""
    if token.isascii():
        return (token,)
    if language == "zh":
        reading = pinyin_reading(token)
        return (reading,) if reading else ()
    return japanese_readings(token, limit)


def _romanised_tokens(tokens: tuple[str, ...], language: str, limit: int) -> list[list[str]]:
    """Return up to limit token lists, each a combination of one reading per token."""
    combinations: list[list[str]] = [[]]
    for token in tokens:
        readings = _token_readings(token, language, limit)
        if not readings:
            return []
        combinations = [[*done, *reading.split()] for done in combinations for reading in readings][
            :limit
        ]
    return combinations


def _reading_languages(base: NameForm) -> tuple[tuple[str, str], ...]:
    """Return the (language, step) pairs to romanise a written form in, judged by its script.

    Kana makes a name Japanese. Ideographs get a Japanese reading, and also pinyin
    when the name was written in Chinese characters (the chinese_variants fold
    changed it) or carries a Chinese legal form. Only a Chinese legal form drops
    the Japanese reading, because exporters often write Japanese names in
    simplified characters.

    NOTE: a Chinese name written only in characters shared with Japanese and
    without a legal form (星河電子) gets no pinyin, so its pinyin spelling does
    not match it.
    """
    if has_kana(base.compact):
        return (("ja", KANJI_READING if has_ideographs(base.compact) else KANA_READING),)
    if not has_ideographs(base.compact):
        return ()
    if _CHINESE_LEGAL_FORM in base.original:
        return (("zh", PINYIN),)
    if "chinese_variants" in base.steps:
        return (("ja", KANJI_READING), ("zh", PINYIN))
    return (("ja", KANJI_READING),)


def _romanised_forms(base: NameForm, rules: NameRules) -> list[NameForm]:
    """Build Latin forms of a kanji, kana or hanzi name from its readings (三菱重工業 -> mitsubishi ju kogyo)."""
    forms = []
    for language, step in _reading_languages(base):
        for tokens in _romanised_tokens(base.tokens, language, rules.reading_limit):
            forms.append(_form(base.original, tokens, [*base.steps, step], rules, step))
    return forms


@functools.lru_cache(maxsize=65536)
def name_forms(text: str, rules: NameRules) -> tuple[NameForm, ...]:
    """Normalise a name into its written forms and the romanised forms of its readings.

    A second written form drops a country word (日本航空自衛隊 -> 航空自衛隊).
    Each written form in kanji, kana or hanzi adds one form per reading, up to
    reading_limit per language, with the romanisation step in NameForm.steps.
    """
    steps: list[str] = []
    value = _fold_with_steps(text or "", steps)
    value = _strip_cjk_affixes(value, rules.cjk_prefixes, "prefix", steps)
    value = _strip_cjk_affixes(value, rules.cjk_legal_forms, "legal_form", steps)
    tokens = _tokenise(value)
    tokens = _strip_latin_head(tokens, rules.latin_prefixes, "prefix", steps)
    tokens = _strip_latin_tail(tokens, rules, steps)
    if tokens and not tokens[-1].isascii():
        tokens[-1] = _strip_cjk_affixes(tokens[-1], rules.cjk_legal_forms, "legal_form", steps)
    tokens = _numbers_and_ordinals(tokens, steps)
    written = [_form(text, tokens, steps, rules)]
    without_country = _drop_country(tokens, rules)
    if without_country:
        written.append(_form(text, without_country, [*steps, "country_word"], rules))
    written = [form for form in written if form.compact]
    forms: list[NameForm] = list(written)
    seen = {form.compact for form in written}
    # Only the full written name is romanised, because a lone reading of the rest
    # after a country word (日本電気 -> denki) would match far too much.
    if written and "country_word" not in written[0].steps:
        for form in _romanised_forms(written[0], rules):
            if form.compact and form.compact not in seen:
                seen.add(form.compact)
                forms.append(form)
    return tuple(forms)


def normalise_name(text: str, rules: NameRules) -> NameForm | None:
    """Return the primary normalised form of a name, or None for a name with no letters."""
    forms = name_forms(text, rules)
    return forms[0] if forms else None


@functools.lru_cache(maxsize=4096)
def fold_free_text(text: str, *, kana: bool = False) -> str:
    """Fold free text for term search: hyphens and slashes become spaces, runs of space collapse."""
    folded = fold_text(text, kana=kana)
    folded = re.sub(r"[\-‐‑–—_/]+", " ", folded)
    return re.sub(r"[ \t]+", " ", folded).strip()
