"""HTML ingest on small synthetic pages, one mechanism per test."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import ld_json

from tui.ingest import IngestError, parse
from tui.ingest.html import parse_html
from tui.model import PageKind, entry_id


def _page(body: str, head: str = "", lang: str = "en") -> str:
    return (f"<!doctype html><html lang={lang}><head><meta charset=utf-8>{head}</head>"
            f"<body>{body}</body></html>")


def _hm(entry) -> str:
    return entry.time.strftime("%Y-%m-%dT%H:%M%z") if entry.time else "none"


PARA = "<p>" + "Officials said the talks went on late into the night, with more. " * 3 + "</p>"


def test_jsonld_live_blog_with_copied_parent_headline_uses_the_dom() -> None:
    updates = [
        {"@type": "BlogPosting", "headline": "Live: the summit",
         "url": f"https://x.test/live#p{i}",
         "datePublished": "2024-07-18T09:00:00+02:00", "articleBody": "truncated…"}
        for i in range(5)
    ]
    head = ld_json({"@context": "https://schema.org", "@type": "LiveBlogPosting",
                "headline": "Live: the summit", "datePublished": "2024-07-18T08:00:00+02:00",
                "liveBlogUpdate": updates})
    posts = "".join(
        f'<article class="post" id="p{i}"><time datetime="2024-07-18T1{i}:05:00+02:00">1{i}:05'
        f"</time><h2>Update number {i}</h2>{PARA}</article>"
        for i in (3, 2, 1)
    )
    page = parse_html(_page(posts, head), "https://x.test/live")
    assert page.kind is PageKind.LIVEBLOG
    assert [e.headline for e in page.entries] == ["Update number 3", "Update number 2",
                                                  "Update number 1"]  # DOM count wins
    assert _hm(page.entries[0]) == "2024-07-18T13:05+0200"
    assert page.entries[0].id == entry_id("https://x.test/live", "", None, "p3")
    assert "talks went on" in page.entries[0].body_markdown


def test_jsonld_updates_alone_blank_copied_headline_and_date() -> None:
    updates = [
        {"@type": "BlogPosting", "headline": "Live: the summit",
         "datePublished": "2024-07-18T08:00:00+02:00",
         "articleBody": f"Body of update {i} &amp; more.\nSecond line."}
        for i in range(3)
    ]
    head = ld_json({"@graph": [{"@type": ["LiveBlogPosting", "NewsArticle"],
                            "headline": "Live: the summit", "liveBlogUpdate": updates}]})
    page = parse_html(_page("<h1>Live: the summit</h1><div id=app></div>", head))
    assert page.kind is PageKind.LIVEBLOG
    assert len(page.entries) == 3
    first = page.entries[0]
    assert first.headline == "Body of update 0 & more."
    assert first.time is None  # the parent's date copied into every update is not a time
    assert first.body_markdown == "Body of update 0 & more.\n\nSecond line."


def test_updates_the_html_does_not_show_are_dropped() -> None:
    updates = [{"@type": "BlogPosting", "headline": f"Shown headline {i}",
                "datePublished": f"2024-07-18T0{i}:00:00Z"} for i in range(2)]
    updates += [{"@type": "BlogPosting", "headline": f"Ghost {i}"} for i in range(100)]
    head = ld_json({"@type": "LiveBlogPosting", "headline": "Live", "liveBlogUpdate": updates})
    page = parse_html(_page("<h2>Shown headline 0</h2><h2>Shown headline 1</h2>", head))
    assert [e.headline for e in page.entries] == ["Shown headline 0", "Shown headline 1"]


def test_microdata_article() -> None:
    body = (
        '<div itemscope itemtype="http://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Quake toll rises</h1>'
        '<span itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<span itemprop="name">Jane Roe</span></span>'
        '<time itemprop="datePublished" datetime="2015-04-30T07:19:58">30 avril</time>'
        f'<div itemprop="articleBody">{PARA * 4}</div></div>'
    )
    page = parse_html(_page(body, lang="fr"))
    assert page.kind is PageKind.ARTICLE
    assert page.title == "Quake toll rises"
    assert page.authors == ("Jane Roe",)
    assert page.published is not None and page.published.isoformat().startswith("2015-04-30T07:19")
    assert page.published.utcoffset() is not None  # no zone given: the language's zone


def test_microdata_live_blog_updates() -> None:
    items = "".join(
        f'<div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">'
        f'<h3 itemprop="headline">Item {i}</h3>'
        f'<meta itemprop="datePublished" content="2024-01-0{i}T10:00:00+01:00"></div>'
        for i in (3, 2)
    )
    body = ('<div itemscope itemtype="https://schema.org/LiveBlogPosting">'
            f'<h1 itemprop="headline">Live</h1>{items}</div>')
    page = parse_html(_page(body))
    assert page.kind is PageKind.LIVEBLOG
    assert [e.headline for e in page.entries] == ["Item 3", "Item 2"]
    assert _hm(page.entries[0]) == "2024-01-03T10:00+0100"


def test_time_prefixed_headings_under_day_headers() -> None:
    body = (
        "<div class=ticker><h2>Dienstag, 27. August 2024</h2>"
        "<h2>12.31 Uhr: Zeitung lehnt Aussagen ab</h2>" + PARA +
        "<h2>08.57 Uhr: Konfrontationen im Norden</h2>" + PARA +
        "<h2>Montag, 26. August 2024</h2>"
        "<h2>23.10 Uhr: Spät am Abend</h2>" + PARA + "</div>"
    )
    head = '<meta property="article:published_time" content="2024-08-27T10:32:24+02:00">'
    page = parse_html(_page(body, head, lang="de"))
    assert page.kind is PageKind.LIVEBLOG
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("12.31 Uhr", "Zeitung lehnt Aussagen ab"),
        ("08.57 Uhr", "Konfrontationen im Norden"),
        ("23.10 Uhr", "Spät am Abend"),
    ]
    assert [_hm(e) for e in page.entries] == [
        "2024-08-27T12:31+0200", "2024-08-27T08:57+0200", "2024-08-26T23:10+0200"]


def test_bold_lead_ins_take_the_page_date_and_roll_back_past_midnight() -> None:
    body = "<div class=fil>" + "".join(
        f"<p><strong>{clock}&nbsp;-&nbsp;{title}</strong></p>" + PARA
        for clock, title in (("0h15", "Titre A"), ("23h50", "Titre B"), ("22h05", "Titre C"))
    ) + '<div><h3>Lire aussi :</h3><p><a href="/x">Autre chose</a></p></div></div>'
    head = '<meta property="article:modified_time" content="2024-07-18T00:20:00+02:00">'
    page = parse_html(_page(body, head, lang="fr"))
    assert [e.headline for e in page.entries] == ["Titre A", "Titre B", "Titre C"]
    assert [_hm(e) for e in page.entries] == [
        "2024-07-18T00:15+0200", "2024-07-17T23:50+0200", "2024-07-17T22:05+0200"]
    assert "Autre chose" not in page.entries[-1].body_markdown  # "read more" box dropped


def test_epoch_attributes_follow_the_printed_clock() -> None:
    # 1602015773212 ms = 20:22:53 UTC; the page prints 21:22 (its wall clock).
    posts = "".join(
        f'<div class="live-event-entry" id="{pid}" data-post-time="{ms}">'
        f'<div class="entry-info"><time>{clock}</time><mark>Reporter</mark></div>'
        f"<h3>{title}</h3>{PARA}</div>"
        for pid, ms, clock, title in (
            ("3", 1602015773212, "21:22", "Goodnight"),
            ("2", 1602012962637, "20:36", "Evening news"),
            ("1", 1601966683784, "07:44", "Morning news"),
        )
    )
    page = parse_html(_page(posts))
    assert [_hm(e) for e in page.entries] == [
        "2020-10-06T21:22+0100", "2020-10-06T20:36+0100", "2020-10-06T07:44+0100"]
    assert [e.time_text for e in page.entries] == ["21:22", "20:36", "07:44"]
    assert "Reporter" not in page.entries[0].body_markdown


def test_no_zone_times_take_the_offset_of_the_page_dates() -> None:
    head = ld_json({"@type": "LiveBlogPosting", "headline": "Royal live",
                "datePublished": "2024-07-18T11:48:00+01:00",
                "coverageEndTime": "2024-07-19T11:48:00+01:00",
                "liveBlogUpdate": [{"@type": "BlogPosting",
                                    "headline": "Harry&#39;s &#34;reply&#34;"}]})
    posts = "".join(
        f'<div class="live-events__entry"><time data-time="2024-07-18T{hm}">'
        f"<span>2 hours ago</span>{hm}</time><h3>{title}</h3>{PARA}</div>"
        for hm, title in (("11:48", ""), ("10:05", "Second"), ("07:06", "Third"))
    )
    page = parse_html(_page(posts, head))
    assert [_hm(e) for e in page.entries] == [
        "2024-07-18T11:48+0100", "2024-07-18T10:05+0100", "2024-07-18T07:06+0100"]
    assert page.entries[0].time_text == "11:48"
    assert page.coverage_end is not None and page.coverage_end.utcoffset() == timedelta(hours=1)


def test_entity_encoded_headlines_are_decoded() -> None:
    head = ld_json({"@type": "LiveBlogPosting", "headline": "Meghan &#39;hissed&#39; at staff",
                "liveBlogUpdate": [{"@type": "BlogPosting", "headline": "It&#39;s &amp;amp; done",
                                    "articleBody": "<p>Raw <b>HTML</b> body</p>"}]})
    page = parse_html(_page("<p>It's &amp; done</p>", head))
    assert page.title == "Meghan 'hissed' at staff"
    assert page.entries[0].headline == "It's & done"
    assert page.entries[0].body_markdown == "Raw **HTML** body"


def test_article_extraction_drops_boilerplate_and_keeps_content() -> None:
    head = (
        '<title>Big story - The Paper</title><meta property="og:site_name" content="The Paper">'
        '<meta name="description" content="The standfirst.">'
        '<meta property="article:tag" content="Politics">'
        '<meta name="keywords" content="Economy, Politics">'
        '<link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        '<link rel="canonical" href="https://paper.test/big-story">'
    )
    body = (
        "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        "<article><h1>Big story</h1>"
        "<p class=byline>Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54</p>"
        '<div class="share-bar"><a href="https://facebook.com/share">Share</a></div>'
        "<p>First paragraph, with <a href='/related-thing'>a link</a>, and more words here.</p>"
        "<script>document.write('nope')</script><style>p{}</style>"
        "<figure><img src='/p.jpg' alt='alt text'><figcaption>Crowds gather "
        "<span class=credit>Photo: Agency</span></figcaption></figure>"
        "<blockquote class=twitter-tweet><p>Tweet text</p><a href='https://twitter.com/a/status/1'>"
        "link</a></blockquote>"
        "<ul><li>Point one</li><li>Point two</li></ul>"
        "<blockquote><p>A real quote, from someone, saying things.</p></blockquote>"
        + PARA * 3 +
        "<p>Read more: <a href='/other'>Another story</a></p></article>"
        "<aside><h3>Live news</h3><ul><li><span>14:44</span><a href='/1'>One</a></li></ul>"
        "</aside>"
    )
    page = parse_html(_page(body, head, lang="fr"))
    assert page.kind is PageKind.ARTICLE
    assert page.title == "Big story"
    assert page.source == "The Paper"
    assert page.lead == "The standfirst."
    assert page.url == "https://paper.test/big-story"
    assert page.feed_url == "https://paper.test/rss.xml"
    assert page.topics == ("Politics", "Economy")
    assert page.published is not None
    assert page.published.strftime("%Y-%m-%d %H:%M") == "2023-08-30 14:52"
    assert page.updated is not None and page.updated.strftime("%H:%M") == "15:54"
    (entry,) = page.entries
    md = entry.body_markdown
    assert "First paragraph, with [a link](https://paper.test/related-thing)" in md
    assert "- Point one\n- Point two" in md
    assert "> A real quote" in md
    for junk in ("Share", "nope", "Home", "Another story", "14:44"):
        assert junk not in md
    assert "> Tweet text" in md  # an embedded post's words are the article's too
    assert entry.links[0].url == "https://paper.test/related-thing"
    kinds = {m.kind: m for m in entry.media}
    assert kinds["image"].caption == "Crowds gather" and kinds["image"].credit == "Photo: Agency"
    assert kinds["image"].url == "https://paper.test/p.jpg"
    assert kinds["embed"].url == "https://twitter.com/a/status/1"
    assert page.image_caption == "Crowds gather"


def test_article_with_a_live_sidebar_stays_an_article() -> None:
    sidebar = "<div class=live-flux>" + "".join(
        f'<div class=live-item><a class=live-item-pub-date href="/d/{i}">'
        f"<span>14:{i:02d}</span></a>"
        f'<a href="/d/{i}"><span class=live-item-title>Sidebar item {i}</span></a></div>'
        for i in range(30)
    ) + "</div>"
    head = ld_json({"@type": "NewsArticle", "headline": "Main story",
                "datePublished": "2015-04-30T07:19:58+02:00"})
    page = parse_html(_page(f"<h1>Main story</h1><div class=content>{PARA * 5}</div>{sidebar}",
                            head))
    assert page.kind is PageKind.ARTICLE
    assert "Sidebar item" not in page.entries[0].body_markdown


def test_entry_ids_are_stable_across_parses() -> None:
    body = "".join(f"<h2>{h}h00 - Titre {h}</h2>{PARA}" for h in (9, 8, 7))
    head = '<meta property="article:published_time" content="2024-07-18T09:30:00+02:00">'
    first = parse_html(_page(body, head), "https://x.test/a")
    again = parse_html(_page(body, head), "https://x.test/a")
    assert [e.id for e in first.entries] == [e.id for e in again.entries]
    assert len({e.id for e in first.entries}) == 3


def test_clock_without_any_date_keeps_time_none() -> None:
    body = "".join(f"<h2>{h}h00 - Titre {h}</h2>{PARA}" for h in (9, 8, 7))
    page = parse_html(_page(body))
    assert page.kind is PageKind.LIVEBLOG
    assert all(e.time is None for e in page.entries)
    assert page.entries[0].time_text == "9h00"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 100_000 + "<p>deep</p>" + "</div>" * 100_000 + "</body></html>",
        "<html><body><p>" + "<b>" * 100_000 + "deep" + "</b>" * 100_000 + "</p></body></html>",
        "<html><body>" + "<blockquote>" * 50_000 + "<p>quoted</p></body></html>",
        "<html><body><p>unclosed <div><b>text</i> <time datetime=garbage>9h05 - x</p></html",
        '<html><head><script type="application/ld+json">{"@type":"NewsArticle",'
        '"headline":"a</script>'
        "<script>alert(1)</script>\"}</script></head><body><p>Hello there</p></body></html>",
        '<html><head><script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"H",'
        '\n"liveBlogUpdate":[{"@type":"BlogPosting","headline":"U1\x01","articleBody":"b",},],}'
        "</script></head><body><p>U1 body</p></body></html>",
        '<html><head><script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000
        + "</script></head><body><p>x</p></body></html>",
    ],
    ids=["deep-div", "deep-b", "deep-blockquote", "broken", "script-trick", "bad-json",
         "deep-json"],
)
def test_hostile_html_never_raises_a_traceback(html: str) -> None:
    try:
        page = parse(html.encode())
    except IngestError:
        return
    assert page.kind in (PageKind.ARTICLE, PageKind.LIVEBLOG)


def test_invalid_json_ld_is_read_leniently() -> None:
    head = ('<script type="application/ld+json"><!--\n{"@type":"LiveBlogPosting","headline":"Live",'
            '"liveBlogUpdate":[{"@type":"BlogPosting","headline":"Shown\tone",'
            '"datePublished":"2024-07-18T09:00:00+02:00",},],}\n--></script>')
    page = parse_html(_page("<p>Shown one</p>", head))
    assert page.kind is PageKind.LIVEBLOG
    assert page.entries[0].headline == "Shown one"
    assert _hm(page.entries[0]) == "2024-07-18T09:00+0200"


def test_label_check_on_a_block_agrees_with_the_check_on_its_text():
    from selectolax.lexbor import LexborHTMLParser

    from tui.ingest.markdown import block_is_label_or_read_more, is_label_or_read_more, short_text

    blocks = [
        "<p>Lire aussi : la suite</p>", "<p> \u00a0» <b>À lire aussi</b></p>", "<p>Publicité</p>",
        "<p>:. PUB</p>", "<div><span>\u2009</span><a>Read more</a> here</div>", "<p>Rien</p>",
        "<p>e\u0301té</p>", "<p>\u1680 related</p>", "<p>" + " " * 500 + "lire aussi</p>",
        "<div>" + "<i></i>" * 20 + "Lire aussi</div>", "<p>" + "x" * 401 + "</p>",
        "<p>¨ related</p>", "<p>Ａd</p>", "<p><!-- c -->Werbung</p>",
    ]
    for html in blocks:
        node = LexborHTMLParser(html).body.child
        expected = is_label_or_read_more(short_text(node, 401, 16))
        assert block_is_label_or_read_more(node) == expected, html


def test_figure_parts_are_what_the_css_selectors_find():
    from selectolax.lexbor import LexborHTMLParser

    from tui.ingest.markdown import _figure_parts

    figures = [
        '<figure class="Caption-box"><span class="copyright">©</span><img src="a.jpg">'
        '<b class="photo-CREDIT">x</b><figcaption>c</figcaption></figure>',
        '<figure><div><p class="capt\u0130on">no</p><video src="v"></video></div>'
        '<span class="media caption">c</span></figure>',
        '<figure><blockquote><img src="b.jpg"></blockquote><!-- c --></figure>',
        "<figure>text only</figure>",
    ]
    for html in figures:
        figure = LexborHTMLParser(html).css_first("figure")
        expected = (
            figure.css_first("img, video, iframe, blockquote"),
            figure.css_first("figcaption") or figure.css_first('[class*="caption" i]'),
            figure.css_first('[class*="credit" i], [class*="copyright" i]'),
        )
        found = _figure_parts(figure)
        assert [n.mem_id if n else None for n in found] == [
            n.mem_id if n else None for n in expected
        ], html
