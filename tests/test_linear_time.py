"""Hostile shapes that took quadratic time, at sizes that were slow before
(the figure in each test), now linear: the result is checked, and a
generous wall-clock bound says it no longer takes seconds.
tests/bench/bench_hostile.py prints the times at ten times these sizes."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from tui.ingest import parse
from tui.ingest.decode import MAX_ATTRIBUTES, cap_attributes
from tui.ingest.markdown.plain import escape_markdown
from tui.ingest.topics import names_in
from tui.library import Library
from tui.model import Entry, Page, PageKind, entry_id

T = TypeVar("T")
BOUND = 2.0  # seconds; each took 5 s to minutes before


def timed(work: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = work()
    assert time.perf_counter() - start < BOUND
    return result


def test_topic_names_on_a_long_word_of_capitals() -> None:
    # 40 KB took 7.8 s (the lookahead rescanned the word from every capital).
    assert timed(lambda: names_in("A" * 200_000)) == []
    assert timed(lambda: names_in("Ab" * 100_000 + ". Emmanuel Macron")) == ["Emmanuel Macron"]


def test_no_name_starts_inside_a_word() -> None:
    assert names_in("iPhone Air Max, xAbc-Def Ghi and Emmanuel Macron") == [
        "Air Max", "Emmanuel Macron"]


def test_search_snippet_of_an_entry_that_repeats_the_word(lib: Library) -> None:
    # 40,000 repeats took 7.8 s in FTS5's snippet().
    body = "The talks. " + "ceasefire " * 40_000
    lib.save_page(Page(kind=PageKind.ARTICLE, title="Talks", url="https://example.org/a",
                       entries=(Entry(id=entry_id("https://example.org/a", "Talks", None),
                                      position=0, headline="Talks", body_markdown=body),)))
    hits = timed(lambda: lib.search("ceasefire", limit=20, markers=("[", "]")))
    assert len(hits) == 1
    assert hits[0].snippet.startswith("Talks — The talks. [ceasefire] [ceasefire] ")
    assert hits[0].snippet.endswith("…") and hits[0].snippet.count("[ceasefire]") == 13


def test_search_snippet_marks_phrases_and_the_prefix(lib: Library) -> None:
    lib.save_page(Page(kind=PageKind.ARTICLE, title="US", url="https://example.org/b",
                       entries=(Entry(id=entry_id("https://example.org/b", "US", None),
                                      position=0, headline="Allies",
                                      body_markdown="Les États-Unis et la Chine négocient."),)))
    hit = lib.search("etats-unis neg", markers=("<", ">"))[0]
    assert hit.snippet == "Allies — Les <États-Unis> et la Chine <négocient>"


def test_escape_markdown_on_long_runs() -> None:
    # 2.6 million `_` took 14 s; "[_" repeated took minutes (each `[` scanned to the end).
    assert timed(lambda: escape_markdown("_" * 2_600_000)) == "\\_" * 2_600_000
    assert timed(lambda: escape_markdown("[_" * 200_000)) == "[\\_" * 200_000
    assert escape_markdown("see [the text](x) and a_b") == "see \\[the text\\](x) and a\\_b"


def attributes_page(count: int) -> str:
    return ("<html><head><title>Many attributes</title></head><body><div "
            + " ".join(f'a{i}="{i}>"' for i in range(count))
            + "><p>The text of the page, long enough to be read as an article.</p>"
            + "</div><script>var a = '<b " + "c " * 3000 + "';</script></body></html>")


def test_attributes_past_the_cap_are_dropped_before_parsing() -> None:
    html = attributes_page(MAX_ATTRIBUTES + 500)
    out = cap_attributes(html)
    assert f'a{MAX_ATTRIBUTES - 1}="{MAX_ATTRIBUTES - 1}>"' in out
    assert f"a{MAX_ATTRIBUTES}=" not in out
    assert out.endswith("><p>The text of the page, long enough to be read as an article.</p>"
                        "</div><script>var a = '<b " + "c " * 3000 + "';</script></body></html>")
    small = attributes_page(MAX_ATTRIBUTES)
    assert cap_attributes(small) is small  # nothing to do: the same string


def test_a_megabyte_of_attributes_on_one_element_parses() -> None:
    # 1 MB took 13.8 s in the HTML parser.
    page = timed(lambda: parse(attributes_page(80_000).encode()))
    assert page.title == "Many attributes"
    assert "The text of the page" in page.entries[0].body_markdown
