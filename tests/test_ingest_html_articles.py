"""Articles that only look live stay articles: rails of timed teasers of
other articles (wrapped in links, or titled by one), "14h ago" stamps and
counts beside them, and placeholder dates. Invented text; each page
reproduces one structure."""

from __future__ import annotations

from tui.ingest import parse
from tui.model import PageKind

BODY = "".join(
    f"<p>Paragraph {i} of the article goes on about the council's plans for the harbour, "
    "the costs the city will bear and what residents said at the public meeting.</p>"
    for i in range(2))  # short: the rails beside it carry more text than it does
SUMMARY = ("A summary of the other story that the rail shows under its title, long enough "
           "to weigh as much as a short update of a live blog would. ")


def _article(rail: str, head: str = "") -> bytes:
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8>{head}"
            '<link rel="canonical" href="https://news.test/2024/05/harbour-plans"></head>'
            f"<body><article><h1>Harbour plans approved</h1>{BODY}</article>{rail}"
            "</body></html>").encode()


def test_teasers_wrapped_in_links_to_other_articles() -> None:
    rail = "".join(
        f'<a class="item" href="/2024/05/story-{i}"><div class="item-text">'
        f"<h4>Other story number {i} with a long enough title</h4>"
        f"<p>{SUMMARY * 2}</p>"
        f'<span class="item-date">{i + 1}H ago</span></div></a>' for i in range(8))
    page = parse(_article(rail))
    assert page.kind is PageKind.ARTICLE
    assert "Paragraph 1" in page.entries[0].body_markdown


def test_teasers_titled_by_links_with_their_times() -> None:
    rail = "".join(
        f'<div class="PromoSmall"><div class="PromoSmall-category"><a href="/business">Business'
        f'</a></div><div class="PromoSmall-title"><a href="/2024/05/other-{i}">Column: another '
        f'story {i} that readers may like</a></div><div class="PromoSmall-timestamp" '
        f'data-date="2024-05-0{i + 1}'
        f'T10:0{i}:00Z">May {i + 1}, 2024</div><p>{SUMMARY * 2}</p></div>' for i in range(6))
    page = parse(_article(rail))
    assert page.kind is PageKind.ARTICLE


def test_hours_ago_and_counts_are_not_clocks() -> None:
    """'14h' beside a comment count is "14 hours ago", not 14:00, and '14h'
    glued to '261' is not 14:26: neither is a dateline that makes the
    headings beside them a live blog."""
    for stamp in ("{h}h</span><span>· {h}1 comments", "{h}h</span><span>2{h}1"):
        rail = "".join(
            f'<div class="item-data"><span>{stamp.format(h=14 - i)}</span></div>'
            f"<h3>Deal number {i} of the day on headphones</h3><p>{SUMMARY * 2}</p>"
            for i in range(6))
        page = parse(_article(f"<section>{rail}</section>"))
        assert page.kind is PageKind.ARTICLE, stamp


def test_placeholder_dates_do_not_crash_or_count() -> None:
    head = ('<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
            '<meta property="article:modified_time" content="9999-12-31T23:59:59Z">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour",'
            ' "datePublished": "0001-01-01T00:00:00Z"}</script>')
    page = parse(_article("", head))
    assert page.kind is PageKind.ARTICLE
    assert page.published is None and page.updated is None
