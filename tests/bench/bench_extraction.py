"""Article bodies scored on the article-extraction benchmark in
../shared/extraction, with the benchmark's own scorer (evaluate.py).

    python tests/bench/bench_extraction.py [--trafilatura] [--worst N]

Prints F1, precision and recall (means over pages, as evaluate.py computes
them), pages per second and the median parse time, the pages that did not
come out as one article, and the pages scoring below 0.5. With
--trafilatura, trafilatura's own extraction of the same pages is scored in
the same run, for comparison. A benchmark: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))

from tui.ingest import parse  # noqa: E402
from tui.ingest.markdown.plain import markdown_plain  # noqa: E402

EXTRACTION = HERE.parents[3] / "shared" / "extraction"


def _scorer():
    spec = importlib.util.spec_from_file_location("evaluate", EXTRACTION / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def body_text(markdown: str) -> str:
    """What the benchmark compares: the body's words, link text kept, link
    targets, images, list markers and emphasis marks dropped."""
    return markdown_plain(markdown)


def run_newsreader(pages: dict[str, bytes], truth: dict) -> tuple[dict, list[float], list[str]]:
    out: dict[str, dict] = {}
    times: list[float] = []
    odd: list[str] = []
    for key, data in pages.items():
        start = time.perf_counter()
        try:
            page = parse(data, url=truth[key].get("url"))
        except Exception as exc:  # a benchmark reports, it does not stop
            odd.append(f"{key[:12]} error {type(exc).__name__}: {exc}")
            out[key] = {"articleBody": ""}
            continue
        times.append(time.perf_counter() - start)
        if page.kind != "article" or len(page.entries) != 1:
            odd.append(f"{key[:12]} {page.kind}, {len(page.entries)} entries")
        out[key] = {"articleBody": "\n".join(body_text(e.body_markdown) for e in page.entries)}
    return out, times, odd


def run_trafilatura(pages: dict[str, bytes], truth: dict) -> tuple[dict, list[float]]:
    import trafilatura

    out: dict[str, dict] = {}
    times: list[float] = []
    for key, data in pages.items():
        start = time.perf_counter()
        text = trafilatura.extract(data, url=truth[key].get("url")) or ""
        times.append(time.perf_counter() - start)
        out[key] = {"articleBody": text}
    return out, times


def report(name: str, scorer, truth: dict, prediction: dict, times: list[float],
           worst: int) -> None:
    metrics = scorer.evaluate(truth, prediction, n_bootstrap=10)
    print(f"{name:<14} F1 {metrics['f1']:.3f}  precision {metrics['precision']:.3f}  "
          f"recall {metrics['recall']:.3f}  {len(times) / sum(times):.0f} pages/s  "
          f"median {statistics.median(times) * 1000:.1f} ms")
    per_page = []
    for key in truth:
        tp, fp, fn = scorer.string_shingle_matching(
            true=truth[key].get("articleBody", ""), pred=prediction[key]["articleBody"])
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_page.append((f1, precision, recall, key))
    per_page.sort()
    low = [p for p in per_page if p[0] < 0.5]
    print(f"  {len(low)} pages below F1 0.5")
    for f1, precision, recall, key in per_page[:max(worst, len(low))]:
        print(f"    {key[:16]}  F1 {f1:.2f}  P {precision:.2f}  R {recall:.2f}  "
              f"{truth[key].get('url', '')[:70]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trafilatura", action="store_true")
    parser.add_argument("--worst", type=int, default=0)
    args = parser.parse_args()
    if not (EXTRACTION / "ground-truth.json").is_file():
        print(f"no benchmark at {EXTRACTION}")
        return
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((EXTRACTION / "html" / f"{key}.html.gz").read_bytes())
             for key in truth}
    scorer = _scorer()
    for data in list(pages.values())[:3]:  # warm up: imports and caches
        parse(data)
    prediction, times, odd = run_newsreader(pages, truth)
    print(f"{len(pages)} pages of {EXTRACTION}")
    report("newsreader", scorer, truth, prediction, times, args.worst)
    print(f"  not one article: {len(odd)}")
    for line in odd:
        print(f"    {line}")
    if args.trafilatura:
        prediction, times = run_trafilatura(pages, truth)
        report("trafilatura", scorer, truth, prediction, times, 0)


if __name__ == "__main__":
    main()
