"""Decide labelled name pairs with the screening engine and report precision and recall.

The CSV has the columns query, listed_name, expected (match or no_match),
kind_of_case and script. Every distinct listed name becomes one entry of one
candidate index, and a pair counts as a match when the index returns that
entry for the query, so the pairs go through the same lookup as a screening.
A pair whose kind_of_case names a unit of a listed organisation is listed as a
military end user, the list kind whose entries also match their units.

Run `python -m benchmarks.name_pairs FILE...` to print the figures.
"""

import csv
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screening.engine import build_index
from screening.engine.types import ListEntry, WatchlistSnapshot

# List kinds for the two kinds of listed name (see the module docstring).
_ORGANISATION_KIND = "military_end_user"
_COMPANY_KIND = "control_list"
_ORGANISATION_CASE = "organisation"


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """One query name, the listed name it is compared with, and the expected decision."""

    query: str
    listed_name: str
    expected: bool
    kind_of_case: str
    script: str

    @property
    def organisation(self) -> bool:
        return _ORGANISATION_CASE in self.kind_of_case


def read_pairs(path: Path) -> list[LabelledPair]:
    """Read labelled pairs from a CSV; the script column may be missing."""
    with path.open(encoding="utf-8", newline="") as handle:
        pairs = []
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row["expected"] not in ("match", "no_match"):
                raise ValueError(
                    f"{path}:{line}: expected must be match or no_match, not {row['expected']!r}"
                )
            pairs.append(
                LabelledPair(
                    query=row["query"],
                    listed_name=row["listed_name"],
                    expected=row["expected"] == "match",
                    kind_of_case=row.get("kind_of_case") or "",
                    script=row.get("script") or "",
                )
            )
    return pairs


def decide_pairs(pairs: Iterable[LabelledPair]) -> list[tuple[LabelledPair, bool]]:
    """Return each pair with the engine's decision: True when the query matched the listed name."""
    pairs = list(pairs)
    ids: dict[tuple[str, bool], str] = {}
    for pair in pairs:
        ids.setdefault((pair.listed_name, pair.organisation), f"PAIR-{len(ids) + 1}")
    entries = tuple(
        ListEntry(
            entry_id=entry_id,
            name=name,
            list_kind=_ORGANISATION_KIND if organisation else _COMPANY_KIND,
        )
        for (name, organisation), entry_id in ids.items()
    )
    index = build_index(WatchlistSnapshot(slug="name_pairs", version=1, entries=entries))
    decided = []
    for pair in pairs:
        expected_id = ids[(pair.listed_name, pair.organisation)]
        hits = index.match_name(pair.query)
        decided.append((pair, any(hit.entry.entry_id == expected_id for hit in hits)))
    return decided


def summarise(decided: list[tuple[LabelledPair, bool]]) -> dict[str, Any]:
    """Count right and wrong decisions and compute precision and recall of 'match'."""
    true_positive = sum(1 for pair, got in decided if got and pair.expected)
    false_positive = sum(1 for pair, got in decided if got and not pair.expected)
    false_negative = sum(1 for pair, got in decided if not got and pair.expected)
    true_negative = len(decided) - true_positive - false_positive - false_negative
    predicted = true_positive + false_positive
    actual = true_positive + false_negative
    return {
        "pairs": len(decided),
        "true_positive": true_positive,
        "false_positive": false_positive,
        "false_negative": false_negative,
        "true_negative": true_negative,
        "precision": true_positive / predicted if predicted else 1.0,
        "recall": true_positive / actual if actual else 1.0,
        "wrong": [
            {
                "query": pair.query,
                "listed_name": pair.listed_name,
                "expected": "match" if pair.expected else "no_match",
                "kind_of_case": pair.kind_of_case,
                "script": pair.script,
            }
            for pair, got in decided
            if got is not pair.expected
        ],
    }


def evaluate_pairs(path: str | Path) -> dict[str, Any]:
    """Decide every pair of a labelled CSV and return counts, precision, recall and wrong pairs."""
    return summarise(decide_pairs(read_pairs(Path(path))))


def main(paths: list[str]) -> int:
    """Print precision and recall for each CSV; return 1 if any pair was decided wrong."""
    failed = False
    for path in paths:
        result = evaluate_pairs(path)
        print(
            f"{path}: {result['pairs']} pairs, precision {result['precision']:.3f}, "
            f"recall {result['recall']:.3f}, {len(result['wrong'])} wrong"
        )
        for wrong in result["wrong"]:
            print(f"  wrong: {wrong}")
        failed = failed or bool(result["wrong"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
