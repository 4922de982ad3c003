"""Start-up latency of the CLI, each run a fresh process.

``newsfacts --help`` against its absolute target, and ``newsfacts ingest`` of
one local page (into a fresh store each run) against the floor any spaCy
program pays: ``python -c "import spacy; spacy.load(MODEL)"``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.corpus import FIXTURES
from bench.measure import Row, Target, median_seconds, paired_medians
from extractors.nlp import model_name

PAGE = FIXTURES / "site" / "allwork" / "china-targets-foreign-stem-talent-k-visa.html"


def _cli() -> str:
    return str(Path(sys.executable).with_name("newsfacts"))


def _run(*argv: str) -> None:
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)


def help_row(runs: int) -> Row:
    seconds = median_seconds(lambda: _run(_cli(), "--help"), runs)
    return Row("newsfacts --help", f"{seconds:.2f} s", target=Target(0.5, "max", "<= 0.5 s"), checked=seconds)


def ingest_row(folder: Path, runs: int) -> Row:
    stores = iter(range(10_000))

    def ingest() -> None:
        _run(_cli(), "ingest", str(PAGE), "--db", str(folder / f"ingest-{next(stores)}.duckdb"))

    floor = [sys.executable, "-c", f"import spacy; spacy.load({model_name()!r})"]
    ours, base = paired_medians(ingest, lambda: _run(*floor), runs)
    return Row(
        "newsfacts ingest of one local page", f"{ours:.2f} s", f"import spacy + spacy.load {base:.2f} s",
        ours / base, Target(1.5, "max", "<= 1.5x"),
    )  # fmt: skip
