"""Benchmark the screening engine on a synthetic list of 100,000 entries.

Run from the project folder:

    .venv/bin/python -m benchmarks.screening [--entries 100000] [--certificates 1000]

It builds a list whose names are Japanese (kanji and katakana), simplified
Chinese and Latin, each with aliases; screens certificates whose parties are
either listed names written another way or unlisted names; and compares the
indexed lookup with scoring every entry (brute force) on a sample of the
certificates. The figures go to standard output as a Markdown table.
"""

import argparse
import random
import resource
import statistics
import sys
import time
import unicodedata
from datetime import date
from typing import Any

from screening.engine import build_index, load_ruleset, screen_document
from screening.engine.types import CatalogueEntry, ListEntry, WatchlistSnapshot

KANJI = "東西南北中大小山川田村島野原林森松竹梅桜青赤白黒金銀鉄光電気機械工業精密化学材料技研製作所"
KATAKANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
)
HANZI = "东西南北中大小山川田村岛野原林森松竹梅樱青赤白黑金银铁光电气机械工业精密化学材料技研制作所"
LATIN = [
    "Aka",
    "Shiro",
    "Kita",
    "Minami",
    "Tech",
    "Denki",
    "Kogyo",
    "Seimitsu",
    "Kagaku",
    "Zairyo",
    "Nova",
    "Orion",
    "Vega",
    "Atlas",
    "Helix",
    "Quantum",
    "Marine",
    "Aero",
    "Dyna",
    "Sigma",
]
JA_FORMS = ["株式会社", "有限会社", "合同会社"]
ZH_FORMS = ["有限公司", "股份有限公司"]
LATIN_FORMS = ["Co., Ltd.", "Corporation", "K.K.", "Inc."]
KINDS = ["military_end_user", "control_list", "watch_list", "defense_industry"]


def _word(rng: random.Random, alphabet: str, low: int, high: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def _latin(rng: random.Random) -> str:
    return " ".join(rng.choice(LATIN) for _ in range(rng.randint(2, 3)))


def make_entries(count: int, rng: random.Random) -> list[ListEntry]:
    entries = []
    for number in range(count):
        aliases: tuple[str, ...]
        script = number % 3
        if script == 0:
            name = _word(rng, KANJI, 3, 6) + rng.choice(JA_FORMS)
            aliases = (_latin(rng) + " " + rng.choice(LATIN_FORMS), _word(rng, KATAKANA, 4, 8))
        elif script == 1:
            name = _word(rng, HANZI, 4, 7) + rng.choice(ZH_FORMS)
            aliases = (_latin(rng),)
        else:
            name = _latin(rng) + " " + rng.choice(LATIN_FORMS)
            aliases = (_word(rng, KANJI, 3, 5),)
        entries.append(
            ListEntry(
                entry_id=f"SYN-{number:06d}",
                name=name,
                list_kind=KINDS[number % len(KINDS)],
                aliases=aliases,
                country="JP" if script != 1 else "CN",
            )
        )
    return entries


def _variant(name: str, rng: random.Random) -> str:
    """Write a listed name another way: full-width, another legal form, spaced."""
    choice = rng.randint(0, 2)
    if choice == 0:
        return unicodedata.normalize("NFKC", name).translate(
            {code: code + 0xFEE0 for code in range(0x21, 0x7F)}
        )
    if choice == 1:
        for form in (*JA_FORMS, *ZH_FORMS, *LATIN_FORMS):
            if form in name:
                return name.replace(form, "").strip() + " (株)"
    return name.upper()


def make_certificates(
    entries: list[ListEntry], count: int, rng: random.Random
) -> list[dict[str, Any]]:
    certificates = []
    for number in range(count):
        listed = number % 5 == 0
        if listed:
            entry = rng.choice(entries)
            end_user = _variant(rng.choice((entry.name, *entry.aliases)), rng)
        else:
            end_user = _word(rng, KANJI, 2, 4) + "精工株式会社"
        certificates.append(
            {
                "format": "euc/1",
                "reference": f"B-{number:05d}",
                "importer": {
                    "name": _latin(rng) + " Trading Co., Ltd.",
                    "name_local": "",
                    "country": "JP",
                },
                "end_user": {
                    "name": "",
                    "name_local": end_user,
                    "country": "JP",
                    "business": "産業機械の製造",
                },
                "consignee": {
                    "name": _latin(rng) + " Logistics",
                    "name_local": "",
                    "country": "JP",
                },
                "items": [
                    {
                        "description": "Sintered NdFeB magnets",
                        "hs_code": "8505.11",
                        "quantity": 100,
                        "unit": "kg",
                    }
                ],
                "declared_uses": [
                    {
                        "description": "産業用モーターのロータに使用",
                        "annual_quantity": 1200,
                        "unit": "kg",
                    }
                ],
                "final_destination": "JP",
                "undertakings": dict.fromkeys(
                    (
                        "no_military_use",
                        "no_wmd_use",
                        "no_transfer_without_consent",
                        "no_reexport_without_consent",
                    ),
                    True,
                ),
                "signatory": {"name": "山田 太郎", "title": "部長", "signed_on": "2026-02-01"},
            }
        )
    return certificates


def party_names(document: dict[str, Any]) -> list[str]:
    names = []
    for key in ("importer", "end_user", "consignee"):
        party = document.get(key) or {}
        names += [value for value in (party.get("name"), party.get("name_local")) if value]
    return names


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(entry_count: int, certificate_count: int, brute_sample: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    entries = make_entries(entry_count, rng)
    certificates = make_certificates(entries, certificate_count, rng)
    ruleset = load_ruleset()
    catalogue = [
        CatalogueEntry(
            code="1C902.a", name="NdFeB magnets", terms=("NdFeB",), hs_codes=("8505.11",)
        )
    ]

    started = time.perf_counter()
    index = build_index(WatchlistSnapshot(slug="synthetic", version=1, entries=tuple(entries)))
    build_seconds = time.perf_counter() - started

    latencies = []
    bands: dict[str, int] = {}
    started = time.perf_counter()
    for document in certificates:
        one = time.perf_counter()
        result = screen_document(
            document, indexes=[index], catalogue=catalogue, ruleset=ruleset, today=date(2026, 12, 1)
        )
        latencies.append((time.perf_counter() - one) * 1000)
        bands[result["band"]] = bands.get(result["band"], 0) + 1
    total_seconds = time.perf_counter() - started

    indexed_ms, brute_ms, same, compared = [], [], 0, 0
    for document in certificates[:brute_sample]:
        for name in party_names(document):
            one = time.perf_counter()
            fast = {hit.entry.entry_id for hit in index.match_name(name)}
            indexed_ms.append((time.perf_counter() - one) * 1000)
            one = time.perf_counter()
            slow = {hit.entry.entry_id for hit in index.match_name(name, brute_force=True)}
            brute_ms.append((time.perf_counter() - one) * 1000)
            compared += 1
            same += fast == slow

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "entries": entry_count,
        "certificates": certificate_count,
        "build_s": build_seconds,
        "peak_mb": peak_mb,
        "p50_ms": statistics.median(latencies),
        "p99_ms": percentile(latencies, 0.99),
        "per_second": certificate_count / total_seconds,
        "names_compared": compared,
        "same_matches": same,
        "indexed_name_ms": statistics.mean(indexed_ms),
        "brute_name_ms": statistics.mean(brute_ms),
        "speedup": statistics.mean(brute_ms) / statistics.mean(indexed_ms),
        "bands": bands,  # type: ignore[dict-item]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--certificates", type=int, default=1000)
    parser.add_argument(
        "--brute-sample", type=int, default=40, help="certificates also matched by brute force"
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    figures = run(args.entries, args.certificates, args.brute_sample, args.seed)
    rows = [
        ("list entries", f"{figures['entries']:,}"),
        ("certificates screened", f"{figures['certificates']:,}"),
        ("index build", f"{figures['build_s']:.1f} s"),
        ("peak memory (max RSS)", f"{figures['peak_mb']:.0f} MB"),
        ("latency per certificate p50", f"{figures['p50_ms']:.2f} ms"),
        ("latency per certificate p99", f"{figures['p99_ms']:.2f} ms"),
        ("certificates per second, one core", f"{figures['per_second']:.0f}"),
        ("name lookup, indexed (mean)", f"{figures['indexed_name_ms']:.2f} ms"),
        ("name lookup, brute force (mean)", f"{figures['brute_name_ms']:.1f} ms"),
        ("speed-up over brute force", f"{figures['speedup']:.0f}x"),
        (
            "same matches as brute force",
            f"{figures['same_matches']} of {figures['names_compared']} names",
        ),
        ("bands", ", ".join(f"{band} {count}" for band, count in sorted(figures["bands"].items()))),  # type: ignore[attr-defined]
    ]
    print("| measure | value |")
    print("|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
