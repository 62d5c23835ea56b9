"""The ingest fuzz of tests/test_fuzz_ingest.py, run longer over the whole
corpus: prints inputs run, crashes (any exception but IngestError, or a
control character in a Page) and the slowest inputs with their sizes.

    python tests/bench/bench_fuzz.py [--seconds 60] [--seed 1]

A benchmark: it prints, it asserts nothing."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))
sys.path.insert(0, str(HERE.parents[1]))

import test_fuzz_ingest as fuzz  # noqa: E402
from conftest import CORPUS_DIR, SEEDS_DIR  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pages = [p.read_bytes() for p in sorted(SEEDS_DIR.glob("*.txt"))]
    if CORPUS_DIR.is_dir():
        pages += [p.read_bytes() for p in sorted(CORPUS_DIR.glob("*.html"))]
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds
    runs = 0
    crashes: list[str] = []
    slowest: list[tuple[float, int, str]] = []
    while time.monotonic() < deadline:
        mutation = rng.choice(fuzz.MUTATIONS)
        data = mutation(rng.choice(pages), rng)
        start = time.perf_counter()
        try:
            fuzz.check(data)
        except Exception as exc:  # a benchmark reports, it does not stop
            crashes.append(f"{mutation.__name__}: {type(exc).__name__}: {str(exc)[:100]}")
        took = time.perf_counter() - start
        slowest = sorted([*slowest, (took, len(data), mutation.__name__)], reverse=True)[:5]
        runs += 1
    print(f"{runs} inputs in {args.seconds:.0f} s, {len(crashes)} crashes")
    for line in crashes[:20]:
        print(f"  crash  {line}")
    for took, size, name in slowest:
        print(f"  slow   {took * 1000:7.1f} ms  {size / 1024:7.0f} KB  {name}")


if __name__ == "__main__":
    main()
