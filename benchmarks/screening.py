"""Benchmark the screening engine on a synthetic list of 100,000 entries.

Run from the project folder:

    .venv/bin/python -m benchmarks.screening [--entries 100000] [--certificates 1000] [--write]

It builds a list whose names are Japanese (kanji and katakana), simplified
Chinese and Latin, each with aliases. It screens certificates whose parties are
either listed names written another way or unlisted names. On a sample of the
certificates it compares the indexed lookup with scoring every entry (brute
force). The figures go to standard output as a Markdown table, and --write also
appends them, with the machine and its load, to docs/benchmarks.md.

Latency is measured twice per certificate: wall-clock time, which other
processes on a shared machine inflate, and the CPU time of this thread, which
is the work one core does for the certificate.
"""

import argparse
import datetime
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from screening.engine import build_index, load_ruleset, screen_document
from screening.engine.types import CatalogueEntry, ListEntry, WatchlistSnapshot

KANJI = "東西南北中大小山川田村島野原林森松竹梅桜青赤白黒金銀鉄光電気機械工業精密化学材料技研製作所"
KATAKANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
)
HANZI = "东西南北中大小山川田村岛野原林森松竹梅樱青赤白黑金银铁光电气机械工业精密化学材料技研制作所"
# The first synthetic lists drew Latin names from these 20 words, so that a
# two-word name resembled hundreds of entries; --latin-words 20 still does.
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
# Syllables of the invented distinctive words: Japanese-like consonant-vowel
# pairs and a few Western ones.
SYLLABLES = [
    consonant + vowel for consonant in ("", *"kstnhmrgzdbp", "sh", "ch") for vowel in "aiueo"
] + ["ar", "el", "on", "ix", "or", "an", "is", "ex", "tri", "ly", "sta", "ver", "dy", "kor"]
# Common words that many real company names share; most are generic in the ruleset.
COMMON_WORDS = [
    "Tech",
    "Technologies",
    "Electronics",
    "Industries",
    "Systems",
    "Engineering",
    "Materials",
    "Trading",
    "Precision",
    "Devices",
]
JA_FORMS = ["株式会社", "有限会社", "合同会社"]
ZH_FORMS = ["有限公司", "股份有限公司"]
LATIN_FORMS = ["Co., Ltd.", "Corporation", "K.K.", "Inc."]
KINDS = ["military_end_user", "control_list", "watch_list", "defense_industry"]


def _word(rng: random.Random, alphabet: str, low: int, high: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def latin_vocabulary(size: int, rng: random.Random) -> list[str]:
    """Return size distinct invented words, or the first size of the old 20 words."""
    if size <= len(LATIN):
        return LATIN[:size]
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.randint(2, 4)
        words.add("".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize())
    return sorted(words)


def _latin(rng: random.Random, words: list[str]) -> str:
    """Return one or two distinctive words, often followed by a common word."""
    if len(words) <= len(LATIN):
        return " ".join(rng.choice(words) for _ in range(rng.randint(2, 3)))
    name = [rng.choice(words) for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.6:
        name.append(rng.choice(COMMON_WORDS))
    return " ".join(name)


def make_entries(count: int, rng: random.Random, words: list[str]) -> list[ListEntry]:
    entries = []
    for number in range(count):
        aliases: tuple[str, ...]
        script = number % 3
        if script == 0:
            name = _word(rng, KANJI, 3, 6) + rng.choice(JA_FORMS)
            aliases = (
                _latin(rng, words) + " " + rng.choice(LATIN_FORMS),
                _word(rng, KATAKANA, 4, 8),
            )
        elif script == 1:
            name = _word(rng, HANZI, 4, 7) + rng.choice(ZH_FORMS)
            aliases = (_latin(rng, words),)
        else:
            name = _latin(rng, words) + " " + rng.choice(LATIN_FORMS)
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
    entries: list[ListEntry], count: int, rng: random.Random, words: list[str]
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
                    "name": _latin(rng, words) + " Trading Co., Ltd.",
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
                    "name": _latin(rng, words) + " Logistics",
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


def run(
    entry_count: int, certificate_count: int, brute_sample: int, seed: int, latin_words: int
) -> dict[str, Any]:
    rng = random.Random(seed)
    words = latin_vocabulary(latin_words, rng)
    entries = make_entries(entry_count, rng, words)
    certificates = make_certificates(entries, certificate_count, rng, words)
    ruleset = load_ruleset()
    catalogue = [
        CatalogueEntry(
            code="1C902.a", name="NdFeB magnets", terms=("NdFeB",), hs_codes=("8505.11",)
        )
    ]

    started = time.perf_counter()
    index = build_index(WatchlistSnapshot(slug="synthetic", version=1, entries=tuple(entries)))
    build_seconds = time.perf_counter() - started

    latencies, cpu_latencies = [], []
    bands: dict[str, int] = {}
    started = time.perf_counter()
    for document in certificates:
        one, one_cpu = time.perf_counter(), time.thread_time()
        result = screen_document(
            document, indexes=[index], catalogue=catalogue, ruleset=ruleset, today=date(2026, 12, 1)
        )
        cpu_latencies.append((time.thread_time() - one_cpu) * 1000)
        latencies.append((time.perf_counter() - one) * 1000)
        bands[result["band"]] = bands.get(result["band"], 0) + 1
    total_seconds = time.perf_counter() - started

    indexed_ms, brute_ms, same, compared = [], [], 0, 0
    differing: list[str] = []
    for document in certificates[:brute_sample]:
        for name in party_names(document):
            one = time.thread_time()
            fast = {hit.entry.entry_id for hit in index.match_name(name)}
            indexed_ms.append((time.thread_time() - one) * 1000)
            one = time.thread_time()
            slow = {hit.entry.entry_id for hit in index.match_name(name, brute_force=True)}
            brute_ms.append((time.thread_time() - one) * 1000)
            compared += 1
            same += fast == slow
            if fast != slow:
                differing.append(name)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "entries": entry_count,
        "latin_words": len(words),
        "certificates": certificate_count,
        "build_s": build_seconds,
        "peak_mb": peak_mb,
        "p50_ms": statistics.median(latencies),
        "p99_ms": percentile(latencies, 0.99),
        "cpu_p50_ms": statistics.median(cpu_latencies),
        "cpu_p99_ms": percentile(cpu_latencies, 0.99),
        "per_second": certificate_count / total_seconds,
        "names_compared": compared,
        "same_matches": same,
        "indexed_name_ms": statistics.mean(indexed_ms),
        "brute_name_ms": statistics.mean(brute_ms),
        "speedup": statistics.mean(brute_ms) / statistics.mean(indexed_ms),
        "bands": bands,
        "differing": differing,
    }


def table_rows(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """Return the (measure, value) rows of the result table."""
    return [
        ("list entries", f"{figures['entries']:,}"),
        ("distinctive Latin words", f"{figures['latin_words']:,}"),
        ("certificates screened", f"{figures['certificates']:,}"),
        ("index build", f"{figures['build_s']:.1f} s"),
        ("peak memory (max RSS)", f"{figures['peak_mb']:.0f} MB"),
        ("latency per certificate p50, CPU time", f"{figures['cpu_p50_ms']:.2f} ms"),
        ("latency per certificate p99, CPU time", f"{figures['cpu_p99_ms']:.2f} ms"),
        ("latency per certificate p50, wall clock", f"{figures['p50_ms']:.2f} ms"),
        ("latency per certificate p99, wall clock", f"{figures['p99_ms']:.2f} ms"),
        ("certificates per second, one core (wall clock)", f"{figures['per_second']:.0f}"),
        ("name lookup, indexed (mean CPU time)", f"{figures['indexed_name_ms']:.2f} ms"),
        ("name lookup, brute force (mean CPU time)", f"{figures['brute_name_ms']:.1f} ms"),
        ("speed-up over brute force", f"{figures['speedup']:.0f}x"),
        (
            "same matches as brute force",
            f"{figures['same_matches']} of {figures['names_compared']} names",
        ),
        ("bands", ", ".join(f"{band} {count}" for band, count in sorted(figures["bands"].items()))),
    ]


def _command_output(*command: str) -> str:
    """Return a command's standard output, stripped, or a note that it failed."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=10)
    except (OSError, subprocess.SubprocessError) as error:
        return f"({' '.join(command)} failed: {error})"
    return done.stdout.strip()


def _cpu_model() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return platform.processor() or "unknown"
    models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return models[0] if models else "unknown"


_PAGE_HEADER = """# Screening benchmark

`benchmarks/screening.py` builds a synthetic watchlist whose names are
Japanese (kanji and katakana), simplified Chinese and Latin, each entry with
aliases, and screens synthetic end-user certificates against it. One
certificate in five names a listed entry written another way (full-width
letters, another legal form, upper case); the rest name unlisted companies.
Each certificate screens its importer, end user and consignee. Latin names
combine one or two invented words (4,000 by default, `--latin-words`) with an
optional common word such as Technologies.

It reports the index build time, the peak resident memory and the latency per
certificate. Latency is given as CPU time of the screening thread and as
wall-clock time, which other processes on a shared machine inflate. On a sample
of certificates it also compares the indexed name lookup with scoring every
form of every entry (brute force), for speed and for the entries found.

## Screening runs

Each run below was appended by `--write`.
"""


def write_page(path: Path, figures: dict[str, Any], command: str, load_before: str) -> None:
    """Append one run, with the machine and its load, to the benchmark page."""
    memory = _command_output("free", "-g").splitlines()
    lines = [
        "",
        f"### Run of {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {os.cpu_count()} cores (`nproc`: {_command_output('nproc')}), "
        f"{_cpu_model()}, Python {platform.python_version()}.",
        "",
        "Memory (`free -g`):",
        "",
        "```",
        *memory,
        "```",
        "",
        "The machine is shared with other test runs. Load (`uptime`):",
        "",
        f"- before the run: {load_before}",
        f"- after the run: {_command_output('uptime')}",
        "",
        "Command:",
        "",
        "```",
        command,
        "```",
        "",
        "| measure | value |",
        "|---|---|",
        *(f"| {label} | {value} |" for label, value in table_rows(figures)),
    ]
    if figures["differing"]:
        lines += ["", "Names whose matches differ from brute force:", ""]
        lines += [f"- {name}" for name in figures["differing"]]
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_PAGE_HEADER, encoding="utf-8")
    with path.open("a", encoding="utf-8") as page:
        page.write("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000, help="synthetic list entries")
    parser.add_argument("--certificates", type=int, default=1000, help="certificates screened")
    parser.add_argument(
        "--brute-sample",
        type=int,
        default=10,
        help="certificates whose names are also matched by brute force (seconds each at 100k)",
    )
    parser.add_argument("--seed", type=int, default=2026, help="random seed of the synthetic data")
    parser.add_argument(
        "--latin-words",
        type=int,
        default=4000,
        help="distinctive words of the Latin names; 20 or fewer reuses the first lists' words",
    )
    parser.add_argument(
        "--write",
        nargs="?",
        const="docs/benchmarks.md",
        default=None,
        metavar="PATH",
        help="append the run to this Markdown page (default docs/benchmarks.md)",
    )
    args = parser.parse_args()

    load_before = _command_output("uptime")
    figures = run(args.entries, args.certificates, args.brute_sample, args.seed, args.latin_words)

    print("| measure | value |")
    print("|---|---|")
    for label, value in table_rows(figures):
        print(f"| {label} | {value} |")
    for name in figures["differing"]:
        print(f"differs from brute force: {name}")

    if args.write:
        command = ".venv/bin/python -m benchmarks.screening " + " ".join(sys.argv[1:])
        write_page(Path(args.write), figures, command, load_before)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
