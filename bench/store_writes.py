"""The "store writes" row of the throughput section alone: ``python -m bench.store_writes``.

The same inputs and measurement as ``python -m bench --only throughput`` (``throughput.store_row``:
the monitor's batched saves against a raw Arrow insert of the same rows, into fresh store
files, alternately), without the other stages' rows, for work on the store.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from bench import throughput
from bench.corpus import bench_pages
from bench.measure import table


def main(argv: list[str] | None = None) -> int:
    """Print the row; exit 1 if its target is missed."""
    p = argparse.ArgumentParser(prog="python -m bench.store_writes", description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3, help="runs of each side (median)")
    p.add_argument("--pages", type=int, default=8, help="corpus pages besides the fixtures")
    args = p.parse_args(argv)
    os.environ.setdefault("NEWSFACTS_ALLOW_PRIVATE", "127.0.0.1")  # the loopback server
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as tmp:
        inputs = throughput.inputs_for(bench_pages(args.pages), Path(tmp))
        try:
            row, extractions = throughput.store_row(inputs, args.runs)
            final = throughput.final_rows_row(inputs, args.runs, extractions)
        finally:
            inputs.server.stop()
    end = os.getloadavg()[0]
    print(f"load average {load:.1f} at the start, {end:.1f} at the end; median of {args.runs} runs")
    print(table([row, final]))
    return 1 if row.failed else 0


if __name__ == "__main__":
    sys.exit(main())
