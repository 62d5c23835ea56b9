"""Live-blog shapes seen on publishers' platforms, rebuilt with invented text.

Each page reproduces one structure (how entries, times and headlines are
marked up) rather than any publisher's page: the parser must find the same
entries, headlines and times on pages it has never seen.
"""

from __future__ import annotations

from conftest import ld_json

from tui.ingest import parse
from tui.model import Page, PageKind

TXT = [
    "Rescue teams reached the flooded valley before dawn and began moving families uphill.",
    "The regional council confirmed that the main bridge would stay closed for inspection.",
    "Forecasters expect the rain to ease by the evening, although rivers may keep rising.",
    "Volunteers set up a shelter in the school gym, offering blankets, food and clothes.",
    "The transport minister said trains on the coastal line would resume once tracks clear.",
]


def _parse(body: str, head: str = "", lang: str = "en") -> Page:
    html = (f"<!doctype html><html lang={lang}><head><meta charset=utf-8>{head}</head>"
            f"<body>{body}</body></html>")
    return parse(html.encode(), url="https://news.test/live")


def _modified(value: str) -> str:
    return f'<meta property="article:modified_time" content="{value}">'


def _times(page: Page) -> list[str | None]:
    return [e.time.isoformat() if e.time else None for e in page.entries]


def test_blocks_with_ids_time_datetime_and_h2_headlines() -> None:
    blocks = "".join(
        f'<div id="block-{i}f3a" class="block"><p class="block-time">'
        f'<time datetime="2024-03-05T1{4 - i}:0{i}:00Z">1{4 - i}.0{i} GMT</time></p>'
        f'<h2 class="block-title">Headline {i}</h2><div class="block-body"><p>{TXT[i]}</p>'
        f'</div><div class="share"><a href="#">Share</a></div></div>'
        for i in range(4))
    page = _parse(f"<h1>Floods: live</h1><nav><a href=/>Home</a></nav><main>{blocks}</main>")
    assert page.kind is PageKind.LIVEBLOG
    assert [e.headline for e in page.entries] == [f"Headline {i}" for i in range(4)]
    assert _times(page) == ["2024-03-05T14:00:00+00:00", "2024-03-05T13:01:00+00:00",
                            "2024-03-05T12:02:00+00:00", "2024-03-05T11:03:00+00:00"]
    assert page.entries[0].time_text == "14.00"  # a dotted clock before a zone name
    assert page.entries[0].body_markdown == TXT[0]  # no time, headline or share bar


def test_blocks_with_bold_paragraph_headlines() -> None:
    blocks = "".join(
        f'<div id="block-{i}" class="block"><time datetime="2024-03-05T1{4 - i}:0{i}:00+01:00">'
        f"1{4 - i}:0{i}</time><p><strong>Bold headline {i}</strong></p><p>{TXT[i]}</p></div>"
        for i in range(4))
    page = _parse(f"<h1>Live</h1><div class=content>{blocks}</div>")
    assert [e.headline for e in page.entries] == [f"Bold headline {i}" for i in range(4)]
    assert _times(page)[3] == "2024-03-05T11:03:00+01:00"
    assert page.entries[3].body_markdown == TXT[3]


def test_clock_in_a_span_without_datetime_is_dated_from_the_page() -> None:
    posts = "".join(
        f'<article class="post"><span class="post__time">1{4 - i}:3{i}</span>'
        f"<h3>Span headline {i}</h3><p>{TXT[i]}</p></article>" for i in range(4))
    page = _parse(f"<h1>Live</h1><div class=feed>{posts}</div>",
                  _modified("2024-03-05T16:00:00+01:00"))
    assert [e.time_text for e in page.entries] == ["14:30", "13:31", "12:32", "11:33"]
    assert _times(page) == ["2024-03-05T14:30:00+01:00", "2024-03-05T13:31:00+01:00",
                            "2024-03-05T12:32:00+01:00", "2024-03-05T11:33:00+01:00"]


def test_clock_markers_in_three_languages() -> None:
    de = "".join(f"<p><strong>{12 - i}:3{i} Uhr – Titel {i}</strong></p><p>{TXT[i]}</p>"
                 for i in range(4))
    fr = "".join(f"<h3>{14 - i} h 3{i}. Titre {i}</h3><p>{TXT[i]}</p>" for i in range(4))
    en = "".join(f"<p><b>{5 - i}.3{i}pm</b> {TXT[i]}</p>" for i in range(4))
    head = _modified("2024-03-05T18:00:00+01:00")
    page_de = _parse(f"<h1>Ticker</h1><div class=text>{de}</div>", head, "de")
    page_fr = _parse(f"<h1>En direct</h1><div class=text>{fr}</div>", head, "fr")
    page_en = _parse(f"<h1>Live</h1><div class=text>{en}</div>", head)
    assert [e.headline for e in page_de.entries] == [f"Titel {i}" for i in range(4)]
    assert [e.time_text for e in page_de.entries] == ["12:30 Uhr", "11:31 Uhr", "10:32 Uhr",
                                                       "9:33 Uhr"]
    assert _times(page_de)[0] == "2024-03-05T12:30:00+01:00"
    assert [e.headline for e in page_fr.entries] == [f"Titre {i}" for i in range(4)]
    assert [e.time_text for e in page_fr.entries] == ["14 h 30", "13 h 31", "12 h 32", "11 h 33"]
    assert _times(page_fr)[3] == "2024-03-05T11:33:00+01:00"
    # No headline: the first sentence stands in for it, the body keeps it.
    assert [e.headline for e in page_en.entries] == TXT[:4]
    assert [e.time_text for e in page_en.entries] == ["5.30pm", "4.31pm", "3.32pm", "2.33pm"]
    assert _times(page_en)[0] == "2024-03-05T17:30:00+01:00"  # the offset the page states


def test_key_events_summary_does_not_become_entries() -> None:
    summary = "".join(
        f'<li><a href="#block-{i}"><time datetime="2024-03-05T1{4 - i}:00:00Z">1{4 - i}:00'
        f"</time> Headline {i}</a></li>" for i in range(4))
    blocks = "".join(
        f'<div id="block-{i}" class="block"><time datetime="2024-03-05T1{4 - i}:00:00Z">'
        f"1{4 - i}:00</time><h2>Headline {i}</h2><p>{TXT[i]}</p></div>" for i in range(4))
    page = _parse(f"<h1>Live</h1><div class=key-events><h2>Key events</h2><ul>{summary}</ul>"
                  f"</div><div class=content>{blocks}</div>")
    assert [e.headline for e in page.entries] == [f"Headline {i}" for i in range(4)]
    assert all(e.body_markdown in TXT for e in page.entries)


def test_pinned_copy_of_an_entry_is_one_entry() -> None:
    def post(i: int, extra: str = "") -> str:
        return (f'<div id="post-{i}" class="live-post{extra}"><time datetime="2024-03-05T'
                f'1{4 - i}:00:00Z">1{4 - i}:00</time><h2>Headline {i}</h2><p>{TXT[i]}</p></div>')

    same_id = _parse("<h1>Live</h1><div class=feed>" + post(2, " pinned")
                     + "".join(post(i) for i in range(4)) + "</div>")
    assert [e.headline for e in same_id.entries] == [f"Headline {i}" for i in range(4)]
    copy = post(2, " pinned").replace('id="post-2"', 'id="pinned-2"')
    other_id = _parse("<h1>Live</h1><div class=feed>" + copy
                      + "".join(post(i) for i in range(4)) + "</div>")
    assert [e.headline for e in other_id.entries] == [f"Headline {i}" for i in range(4)]


def test_article_with_a_timestamped_latest_news_box_stays_an_article() -> None:
    body = "<p>" + " ".join(TXT) * 2 + "</p><p>" + " ".join(TXT) + "</p>"
    box = "".join(f'<li class="item"><span class="time">1{i}:0{i}</span> Other story number '
                  f"{i} about something else entirely</li>" for i in range(6))
    with_ld = _parse(f"<h1>Budget vote delayed</h1><article>{body}</article>"
                     f"<div class=widget><ul>{box}</ul></div>",
                     ld_json({"@type": "NewsArticle", "headline": "Budget vote delayed",
                          "datePublished": "2024-03-05T10:00:00+01:00"}))
    without = _parse(f"<h1>Budget vote delayed</h1><div class=article-body>{body}</div>"
                     f"<div class=widget><h3>Latest</h3><ul>{box}</ul></div>")
    for page in (with_ld, without):
        assert page.kind is PageKind.ARTICLE
        assert len(page.entries) == 1
        assert "Other story" not in page.entries[0].body_markdown


def test_live_blog_across_midnight_rolls_the_date_back() -> None:
    posts = "".join(
        f'<article class="post"><span class="time">{clock}</span><h3>Night {i}</h3>'
        f"<p>{TXT[i]}</p></article>"
        for i, clock in enumerate(["01:10", "00:20", "23:50", "22:30"]))
    page = _parse(f"<h1>Election night</h1><div class=feed>{posts}</div>",
                  _modified("2024-03-06T01:15:00+01:00"))
    assert _times(page) == ["2024-03-06T01:10:00+01:00", "2024-03-06T00:20:00+01:00",
                            "2024-03-05T23:50:00+01:00", "2024-03-05T22:30:00+01:00"]


def test_relative_times_next_to_absolute_ones() -> None:
    posts = "".join(
        f'<article class="post"><span class="time">{when}</span><h3>Update {i}</h3>'
        f"<p>{TXT[i]}</p></article>"
        for i, when in enumerate(["5 min ago", "il y a 12 minutes", "vor 3 Minuten", "14:02"]))
    page = _parse(f"<h1>Live</h1><div class=feed>{posts}</div>",
                  _modified("2024-03-05T15:00:00+01:00"))
    assert page.kind is PageKind.LIVEBLOG
    assert [e.headline for e in page.entries] == [f"Update {i}" for i in range(4)]
    # A relative time is shown as printed and never made into a timestamp.
    assert [e.time_text for e in page.entries] == ["5 min ago", "il y a 12 minutes",
                                                   "vor 3 Minuten", "14:02"]
    assert _times(page) == [None, None, None, "2024-03-05T14:02:00+01:00"]


def test_wordpress_style_entries_with_epoch_and_printed_clock() -> None:
    entries = "".join(
        f'<div id="liveblog-entry-{100 + i}" class="liveblog-entry" '
        f'data-timestamp="{1709650800 - i * 600}"><header class="liveblog-meta">'
        f'<span class="liveblog-author-name">Ann Other</span><span class="liveblog-meta-time">'
        f'<a href="#liveblog-entry-{100 + i}"><span class="date">March 5, 2024</span>'
        f'<span class="time">{10 if i == 0 else 9}:{(60 - i * 10) % 60:02d} am</span>'
        f"</a></span></header>"
        f'<div class="liveblog-entry-text"><p>{TXT[i]}</p></div></div>' for i in range(4))
    page = _parse(f"<h1>Live</h1><div class=liveblog-entries>{entries}</div>")
    assert [e.headline for e in page.entries] == TXT[:4]
    assert [e.time_text for e in page.entries] == ["10:00 am", "9:50 am", "9:40 am", "9:30 am"]
    # The epoch says 15:00 UTC, the page prints 10:00 am: the page's wall clock is
    # kept (same instant, the page's offset).
    assert _times(page) == ["2024-03-05T10:00:00-05:00", "2024-03-05T09:50:00-05:00",
                            "2024-03-05T09:40:00-05:00", "2024-03-05T09:30:00-05:00"]
    assert [e.body_markdown for e in page.entries] == TXT[:4]


def test_compact_timestamp_attributes() -> None:
    entries = "".join(
        f'<div class="liveblog-entry" id="post{i}" data-sort-time="202403051{4 - i}2720">'
        f'<aside><a class="liveblog-meta-time" href="#"><span>1 day ago</span></a></aside>'
        f'<div class="liveblog-entry-content"><p>{TXT[i]}</p></div></div>' for i in range(4))
    page = _parse(f"<h1>Live</h1><div class=lb>{entries}</div>")
    assert page.kind is PageKind.LIVEBLOG
    assert _times(page) == ["2024-03-05T14:27:20+00:00", "2024-03-05T13:27:20+00:00",
                            "2024-03-05T12:27:20+00:00", "2024-03-05T11:27:20+00:00"]
    assert [e.id for e in page.entries] == [e.id for e in _parse(
        f"<h1>Live</h1><div class=lb>{entries}</div>").entries]


def test_structured_updates_behind_load_more_follow_the_dom_entries() -> None:
    updates = [{"@type": "BlogPosting", "headline": f"Update {i}",
                "datePublished": f"2024-03-05T{15 - i:02d}:00:00+01:00",
                "articleBody": f"{TXT[i % 5]} Item {i}."} for i in range(8)]
    updates.append({"@type": "BlogPosting", "headline": "Ghost",  # no time, no text
                    "datePublished": ""})
    posts = "".join(
        f'<article class="post" id="p{i}"><time datetime="2024-03-05T{15 - i:02d}:00:00+01:00">'
        f"{15 - i}:00</time><h3>Update {i}</h3><p>{TXT[i]} Item {i}.</p></article>"
        for i in range(3))
    page = _parse(f"<h1>Live</h1><div class=feed>{posts}</div><button>Load more</button>",
                  ld_json({"@type": "LiveBlogPosting", "headline": "Live",
                           "liveBlogUpdate": updates}))
    assert [e.headline for e in page.entries] == [f"Update {i}" for i in range(8)]
    assert _times(page)[7] == "2024-03-05T08:00:00+01:00"
    assert page.entries[7].body_markdown == f"{TXT[2]} Item 7."
    assert [e.time_text for e in page.entries][2:4] == ["13:00", None]


def test_an_update_that_is_only_a_post_shows_its_text_and_link() -> None:
    posts = "".join(
        f'<article class="post"><time datetime="2024-05-02T1{i}:00Z">1{i}:00</time>'
        f"<h2>Update {i}</h2><p>Text of update {i} that is long enough to count.</p></article>"
        for i in range(4))
    tweet = ('<article class="post"><time datetime="2024-05-02T15:00Z">15:00</time>'
             '<blockquote class="twitter-tweet"><p lang="en">The minister says talks will '
             'resume on Monday.</p>&mdash; Jane Doe (@jane) <a href="https://twitter.com/'
             'jane/status/1">May 2, 2024</a></blockquote></article>')
    page = parse(f"<html lang=en><body><h1>Live: talks</h1><div>{posts}{tweet}</div>"
                 "</body></html>".encode())
    post = next(e for e in page.entries if "minister" in e.headline)
    assert post.body_markdown.startswith("> The minister says talks will resume on Monday.")
    assert post.links[0].url == "https://twitter.com/jane/status/1"
