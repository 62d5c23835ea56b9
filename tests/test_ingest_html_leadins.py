"""Live blogs without entry markup: entries opened by a lead-in (a bold clock,
a match minute, a period of play), and the rule that decides whether a bold
lead-in is a headline. Invented text; each page reproduces one structure."""

from __future__ import annotations

from tui.ingest import parse
from tui.model import Page, PageKind

SENTENCES = [
    "Rescue teams reached the flooded valley before dawn and began moving families uphill.",
    "The regional council confirmed that the main bridge would stay closed for inspection.",
    "Forecasters expect the rain to ease by the evening, although rivers may keep rising.",
    "Volunteers set up a shelter in the school gym, offering blankets, food and clothes.",
    "The transport minister said trains on the coastal line would resume once tracks clear.",
    "Engineers inspected the dam overnight and found no sign of structural damage at all.",
]


def _parse(body: str, head: str = "", lang: str = "en") -> Page:
    html = (f"<!doctype html><html lang={lang}><head><meta charset=utf-8>{head}</head>"
            f"<body><h1>Floods: latest</h1><div class=body>{body}</div></body></html>")
    return parse(html.encode(), url="https://news.test/live")


def _day(value: str) -> str:
    return f'<meta property="article:modified_time" content="{value}">'


def test_flat_run_of_bold_dotted_clocks_rolls_back_past_midnight() -> None:
    clocks = ["01.15", "00.40", "00.05", "23.50", "23.10"]
    body = "".join(
        f"<p><strong>{c} </strong>{SENTENCES[i]}</p><p>More on this as it comes in.</p>"
        for i, c in enumerate(clocks))
    page = _parse(body, head='<meta name="DC.date.issued" content="2014-12-31">')
    assert page.kind is PageKind.LIVEBLOG
    assert [e.time_text for e in page.entries] == clocks
    # No headline on the page: the list shows the first sentence, the body keeps it.
    assert [e.headline for e in page.entries] == SENTENCES[:5]
    assert page.entries[0].body_markdown.startswith(SENTENCES[0])
    assert [e.time.strftime("%d %H:%M") if e.time else None for e in page.entries] == [
        "31 01:15", "31 00:40", "31 00:05", "30 23:50", "30 23:10"]


def test_bold_name_inside_the_first_sentence_is_not_a_headline() -> None:
    """<strong>Rishi Sunak</strong> has said... : the name opens the sentence;
    taking it out would leave "has said"."""
    names = ["Rishi Sunak", "Keir Starmer", "Ed Davey", "Jeremy Hunt"]
    body = "".join(
        f"<p><strong>1{4 - i}.05 {name}</strong> has said that {SENTENCES[i][0].lower()}"
        f"{SENTENCES[i][1:]}</p>" for i, name in enumerate(names))
    page = _parse(body, head=_day("2024-05-02T15:00:00+01:00"))
    assert page.kind is PageKind.LIVEBLOG
    for i, (entry, name) in enumerate(zip(page.entries, names, strict=True)):
        assert entry.headline.startswith(f"{name} has said that")
        assert entry.body_markdown.startswith(f"**{name}** has said that")
        assert SENTENCES[i][1:] in entry.body_markdown
        assert entry.time_text == f"1{4 - i}.05"


def test_bold_lead_in_followed_by_a_separator_is_a_headline() -> None:
    body = "".join(
        f"<p><strong>1{4 - i}:0{i} Bridge closed</strong>: {SENTENCES[i]}</p>" for i in range(4))
    page = _parse(body, head=_day("2024-05-02T15:00:00+01:00"))
    assert [e.headline for e in page.entries] == ["Bridge closed"] * 4
    assert page.entries[1].body_markdown.lstrip(": ") == SENTENCES[1]


def test_bold_lead_in_inside_an_entry_container_is_a_headline_only_when_apart() -> None:
    items = [
        f'<article class="post"><time datetime="2024-05-02T1{4 - i}:00:00Z">1{4 - i}:00</time>'
        f"<p><strong>{name}</strong> {rest}</p></article>"
        for i, (name, rest) in enumerate([
            ("Rishi Sunak", "has said the talks will go on into the night, an aide confirmed."),
            ("Keir Starmer:", "we will not support the motion as it stands, he told MPs today."),
            ("Ed Davey", "has called for an inquiry into how the contract was awarded last year."),
        ])]
    page = _parse("".join(items))
    assert [e.headline for e in page.entries] == [
        "Rishi Sunak has said the talks will go on into the night, an aide confirmed.",
        "Keir Starmer:",
        "Ed Davey has called for an inquiry into how the contract was awarded last year.",
    ]
    assert page.entries[0].body_markdown.startswith("**Rishi Sunak** has said")


def test_minute_by_minute_match_report() -> None:
    events = [("90+3'", "Full-time whistle blows and the home side hold on to win two-one."),
              ("84'", "Substitution for the visitors as the tired winger makes way."),
              ("67'", "Goal! A low shot from the edge of the box beats the keeper."),
              ("45+2'", "The referee adds two minutes after a long stoppage for an injury."),
              ("12'", "An early chance goes just wide of the far post from a corner.")]
    body = "".join(f"<p><strong>{m}</strong> {text}</p>" for m, text in events)
    body = body.replace("<p><strong>45+2'", "<p><strong>Half-time</strong></p>"
                        "<p>The sides go in level at the break after an even half.</p>"
                        "<p><strong>45+2'", 1)
    page = _parse(body, head=_day("2024-05-02T21:00:00+01:00"), lang="en")
    assert page.kind is PageKind.LIVEBLOG
    assert [e.minute for e in page.entries] == ["90+3'", "84'", "67'", None, "45+2'", "12'"]
    assert [e.time_text for e in page.entries] == ["90+3'", "84'", "67'", None, "45+2'", "12'"]
    assert all(e.time is None for e in page.entries)  # a minute is never a clock time
    assert page.entries[3].headline == "Half-time"
    assert page.entries[2].headline.startswith("Goal! A low shot")


def test_match_report_with_minute_elements_in_containers() -> None:
    items = "".join(
        f'<li class="event"><span class="event-min">{m}</span><div class="event-text">'
        f"<p>{SENTENCES[i]}</p></div></li>"
        for i, m in enumerate(["88'", "71'", "45+1'", "30'", "2'"]))
    page = _parse(f'<ul class="events">{items}</ul>', lang="fr")
    assert page.kind is PageKind.LIVEBLOG
    assert [e.minute for e in page.entries] == ["88'", "71'", "45+1'", "30'", "2'"]
    assert [e.headline for e in page.entries] == SENTENCES[:5]
    assert all(e.time is None for e in page.entries)


def test_printed_update_time_is_the_entry_time() -> None:
    """An entry carries its posting and update times; the page prints
    "Updated 1:48 AM": the entry's time is the one the reader sees."""
    posted = ["2020-02-20T01:46:00-05:00", "2020-02-20T01:21:00-05:00",
              "2020-02-20T01:04:00-05:00"]
    updated = ["2020-02-20T01:48:00-05:00", "2020-02-20T01:37:00-05:00",
               "2020-02-20T01:04:00-05:00"]
    printed = ["Updated 1:48 AM", "Updated 1:37 AM", "1:04 AM"]
    sections = "".join(
        f'<section class="post" data-sort-time="{p}" data-update-time="{u}">'
        f'<span class="post-time-ago">{t}</span><h2>Headline {i}</h2><p>{SENTENCES[i]}</p>'
        "</section>" for i, (p, u, t) in enumerate(zip(posted, updated, printed, strict=True)))
    page = _parse(sections)
    assert [e.time.strftime("%H:%M") if e.time else None for e in page.entries] == [
        "01:48", "01:37", "01:04"]


def test_update_that_is_only_an_embedded_post_takes_its_text_as_headline() -> None:
    body = "".join(
        f"<p><strong>1{4 - i}.0{i} </strong>{SENTENCES[i]}</p>" for i in range(3))
    body += ('<p><strong>11.30 </strong></p><p><iframe src="https://embed.test/t/1">'
             "<noframe>Twitter: Jo Bloggs - The valley road is open again.</noframe>"
             "</iframe></p>")
    page = _parse(body, head=_day("2024-05-02T15:00:00+01:00"))
    assert len(page.entries) == 4
    assert page.entries[3].headline == "Twitter: Jo Bloggs - The valley road is open again."


def test_prices_in_bold_are_not_clocks() -> None:
    """A dotted number is a clock only as the lead-in of a run of entries."""
    body = ("<p>Prices this week:</p><ul><li><strong>3.50</strong> a loaf</li>"
            "<li><strong>12.99</strong> a bag of rice, up from last month</li>"
            f"<li><strong>2.10</strong> a litre of milk</li></ul><p>{SENTENCES[0]}</p>"
            f"<p>{SENTENCES[1]}</p><p>{SENTENCES[2]}</p>")
    page = _parse(body)
    assert page.kind is PageKind.ARTICLE


def test_a_bold_paragraph_after_the_clock_is_the_headline() -> None:
    body = "".join(
        f"<p><strong>1{4 - i}:05</strong> <strong>Bridge {i} closed</strong></p>"
        f"<p>{SENTENCES[i]}</p>" for i in range(3))
    page = _parse(body, head=_day("2024-05-02T15:00:00+01:00"))
    assert [e.headline for e in page.entries] == [f"Bridge {i} closed" for i in range(3)]
    assert [e.body_markdown for e in page.entries] == SENTENCES[:3]


def test_headings_with_their_time_on_a_line_beside_them() -> None:
    """A flat run: heading, a small dateline after it (or before it), then
    paragraphs: each heading opens an entry timed by its dateline."""
    after = "".join(
        f'<h2>Headline {i}</h2><p class="meta">Posted {1 + i}:{i}5 pm</p>'
        f"<p>{SENTENCES[i]}</p><p>{SENTENCES[i + 1]}</p>" for i in range(3))
    page = _parse(after, head=_day("2024-05-02T23:00:00+01:00"))
    assert [e.headline for e in page.entries] == [f"Headline {i}" for i in range(3)]
    assert [e.time.strftime("%H:%M") if e.time else None for e in page.entries] == [
        "13:05", "14:15", "15:25"]
    assert page.entries[0].body_markdown == f"{SENTENCES[0]}\n\n{SENTENCES[1]}"

    before = "".join(
        f'<div class="stamp">1{4 - i}:0{i}</div><h3>Titre {i}</h3><p>{SENTENCES[i]}</p>'
        for i in range(3))
    page = _parse(before, head=_day("2024-05-02T15:00:00+02:00"), lang="fr")
    assert [e.headline for e in page.entries] == [f"Titre {i}" for i in range(3)]
    assert [e.time_text for e in page.entries] == ["14:00", "13:01", "12:02"]
    assert [e.body_markdown for e in page.entries] == SENTENCES[:3]


def test_an_author_name_in_bold_is_not_the_headline() -> None:
    posts = "".join(
        f'<div class="post"><time datetime="2024-05-02T1{4 - i}:00:00Z">1{4 - i}:00</time>'
        f'<div class="post-author"><strong>Jane Reporter</strong></div>'
        f"<p>{SENTENCES[i]}</p></div>" for i in range(3))
    page = _parse(posts)
    assert [e.headline for e in page.entries] == SENTENCES[:3]
    assert [e.body_markdown for e in page.entries] == SENTENCES[:3]  # the byline is meta
