"""Article bodies: whole and clean where one pass alone fails (a class word on
an ancestor, text outside <p>, a denser box beside the article), drawn as
Markdown (links, lists, quotes, subheadings kept); and every article of the
extraction benchmark in ../shared/extraction parsed as one article, with no
crash. Invented text for the shapes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tui.ingest import parse
from tui.model import PageKind

EXTRACTION = ROOT.parent / "shared" / "extraction"

PARAGRAPHS = [
    "The harbour council voted on Tuesday to rebuild the old sea wall, ending a dispute "
    "that had divided the town for more than a decade, officials said.",
    "Engineers will start in the spring, and the work is expected to take two years, "
    "with the coastal road closed at night while the heaviest stones are moved.",
    "Residents who had campaigned against the plan said they would accept the result, "
    "though several asked the council to publish the full cost before work begins.",
    "The mayor said the new wall would protect more than four hundred homes from the "
    "winter storms that flooded the lower streets twice in the past five years.",
    "A second vote, on the fishing quay, was put off until next month after two members "
    "asked for more time to read the engineers' report on the state of the piers.",
]


def _page(body: str, extra: str = "") -> bytes:
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Sea wall</title>"
            '<link rel="canonical" href="https://news.test/2024/05/sea-wall"></head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<h1>Council votes to rebuild the sea wall</h1>{body}{extra}"
            "<footer>© News Test 2024. All rights reserved.</footer></body></html>").encode()


def _body(data: bytes) -> str:
    page = parse(data, url="https://news.test/2024/05/sea-wall")
    assert page.kind is PageKind.ARTICLE and len(page.entries) == 1
    return page.entries[0].body_markdown


def test_an_ad_class_word_on_an_ancestor_does_not_throw_the_article_away() -> None:
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    body = _body(_page(f'<div class="Page-ad-margins"><div class="non-ad-column-l">'
                       f'<article class="story">{article}</article></div></div>'))
    for paragraph in PARAGRAPHS:
        assert paragraph in body


def test_text_in_divs_with_line_breaks_is_kept() -> None:
    article = "<br><br>".join(PARAGRAPHS)
    body = _body(_page(f'<div class="story-text">{article}</div>'))
    for paragraph in PARAGRAPHS:
        assert paragraph in body


RICH_ARTICLE = (
    f"<p>{PARAGRAPHS[0]} <a href='/2024/04/old-wall'>The old wall</a> fell in 2019.</p>"
    f"<h2>What happens next</h2><p>{PARAGRAPHS[1]}</p>"
    "<ul><li>Night closures of the coastal road</li><li>A new footpath on top</li></ul>"
    f"<blockquote><p>{PARAGRAPHS[2]}</p></blockquote><p><em>{PARAGRAPHS[3]}</em></p>"
    f"<p>{PARAGRAPHS[4]}</p>")


@pytest.mark.parametrize("wrapper", ['<article class="story">{}</article>',
                                     '<div class="Page-ad-margins"><div class="ad_body">'
                                     "<article>{}</article></div></div>"],
                         ids=["own-pass", "extractor-pass"])
def test_markdown_is_kept_and_page_furniture_left_out(wrapper: str) -> None:
    """The same article read by our own pass, and (behind class words that
    make our pass drop it) drawn from the extractor's blocks."""
    article = wrapper.format(RICH_ARTICLE)
    rail = ('<aside class="most-read"><h3>Most read</h3><ul>'
            + "".join(f'<li><a href="/2024/05/other-{i}">Other story {i}</a></li>'
                      for i in range(8)) + "</ul></aside>")
    body = _body(_page(article, rail))
    assert "[The old wall](https://news.test/2024/04/old-wall)" in body
    assert "## What happens next" in body
    assert "- Night closures of the coastal road" in body
    assert f"> {PARAGRAPHS[2]}" in body
    assert f"*{PARAGRAPHS[3]}*" in body
    assert "Other story" not in body and "All rights reserved" not in body
    assert "Council votes to rebuild" not in body  # the title is the headline, not body


@pytest.mark.parametrize("name", ["page.html.gz"])
def test_parse_reads_a_gzipped_page(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(_page("".join(f"<p>{p}</p>" for p in PARAGRAPHS))))
    run = subprocess.run([sys.executable, "-m", "tui.cli", "parse", str(path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == "Council votes to rebuild the sea wall"
    assert "kind: article, 1 entry" in run.stdout


def _benchmark_pages() -> list[tuple[str, str | None]]:
    truth = EXTRACTION / "ground-truth.json"
    if not truth.is_file():
        return []
    data = json.loads(truth.read_text(encoding="utf-8"))
    return [(key, value.get("url")) for key, value in sorted(data.items())]


def test_every_benchmark_page_is_one_article_with_its_words() -> None:
    """Every article of the benchmark: kind article, one entry, no crash, and
    a body that holds most of the true body's words (a benchmark prints the
    exact score: tests/bench/bench_extraction.py)."""
    pages = _benchmark_pages()
    if not pages:
        pytest.skip("../shared/extraction is not present")
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    poor: list[str] = []
    for key, url in pages:
        page = parse(gzip.decompress((EXTRACTION / "html" / f"{key}.html.gz").read_bytes()),
                     url=url)
        assert page.kind is PageKind.ARTICLE and len(page.entries) == 1, key
        want = set(truth[key]["articleBody"].lower().split())
        got = set(page.entries[0].body_markdown.lower().split())
        if want and len(want & got) < 0.5 * len(want):
            poor.append(key[:12])
    assert len(poor) <= 2, poor  # the benchmark's F1 is 0.97; a page below half is a regression


def test_the_extractor_never_writes_to_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    """Its log records would land in the reader's screen or a CLI's output."""
    import logging

    _body(_page("<br><br>".join(PARAGRAPHS)))
    logging.getLogger("trafilatura").warning("a warning the extractor logs")
    logging.getLogger("htmldate").error("and its helpers")
    assert capfd.readouterr().err == ""
