"""Entry times as live blogs state them: zones stated for the page or down
it, zones after each clock, relative times with the real ones in the page's
script state, local clocks written with a false "Z", Italian dates.
Invented text; each page reproduces one structure."""

from __future__ import annotations

import json

from test_ingest_html_leadins import SENTENCES, _day, _parse


def test_zone_statements_change_down_the_page() -> None:
    """"All times below are in Beijing time." then, further down, Eastern
    time: each entry's clock is read in the zone stated above it, and dated
    by going back in time down the page."""
    beijing = [("6.15 pm", "Hubei asks firms to stay shut"), ("2:57 pm", "Two passengers died"),
               ("7:58 am", "Hubei reports more deaths")]
    eastern = [("5:06 pm", "Markets may face a reckoning"), ("2:41 pm", "Travel guidance")]
    body = "<div><p>This is a live blog. All times below are in Beijing time.</p></div>"
    body += "".join(f"<h2>{c}: {h}</h2><div><p>{SENTENCES[i]}</p></div>"
                    for i, (c, h) in enumerate(beijing))
    body += "<div><p>All times below are in Eastern time.</p></div>"
    body += "".join(f"<h2>{c}: {h}</h2><div><p>{SENTENCES[i]}</p></div>"
                    for i, (c, h) in enumerate(eastern))
    page = _parse(body, head=_day("2020-02-20T10:20:23Z"))
    assert [e.headline for e in page.entries] == [h for _, h in beijing + eastern]
    assert [e.time.isoformat() if e.time else None for e in page.entries] == [
        "2020-02-20T18:15:00+08:00", "2020-02-20T14:57:00+08:00", "2020-02-20T07:58:00+08:00",
        "2020-02-19T17:06:00-05:00", "2020-02-19T14:41:00-05:00"]
    assert [e.zone for e in page.entries] == ["Asia/Shanghai"] * 3 + ["America/New_York"] * 2


def test_zone_printed_after_each_clock_and_stated_once_for_the_page() -> None:
    body = "".join(f"<p><strong>1{4 - i}.50 BST</strong> {SENTENCES[i]}</p>" for i in range(3))
    page = _parse(body, head=_day("2024-05-02T15:00:00+00:00"))
    assert [e.time.isoformat() if e.time else None for e in page.entries] == [
        "2024-05-02T14:50:00+01:00", "2024-05-02T13:50:00+01:00", "2024-05-02T12:50:00+01:00"]
    assert {e.zone for e in page.entries} == {"BST"}
    assert page.entries[0].headline == SENTENCES[0]

    stated = ("<p class=standfirst>Follow the latest below (all times UTC).</p>"
              + "".join(f"<h3>1{4 - i}:0{i} Headline {i}</h3><p>{SENTENCES[i]}</p>"
                        for i in range(3)))
    page = _parse(stated, head=_day("2024-05-02T16:00:00+01:00"), lang="fr")
    assert [e.time.isoformat() if e.time else None for e in page.entries] == [
        "2024-05-02T14:00:00+00:00", "2024-05-02T13:01:00+00:00", "2024-05-02T12:02:00+00:00"]
    assert {e.zone for e in page.entries} == {"UTC"}


def test_a_page_in_the_zone_of_its_language_names_it() -> None:
    body = "".join(f"<h2>{9 - i}h0{i} - Titre {i}</h2><p>{SENTENCES[i]}</p>" for i in range(3))
    page = _parse(body, head=_day("2024-07-18T09:06:00+02:00"), lang="fr")
    assert [e.time.isoformat() if e.time else None for e in page.entries] == [
        "2024-07-18T09:00:00+02:00", "2024-07-18T08:01:00+02:00", "2024-07-18T07:02:00+02:00"]
    assert {e.zone for e in page.entries} == {"Europe/Paris"}


def test_relative_times_take_the_real_ones_from_the_script_state() -> None:
    """The page prints "12 min ago"; its __NEXT_DATA__ holds each post's
    time: an entry gets the time of the state object whose text is its own,
    and an entry the state does not hold keeps no time."""
    posts = [{"id": f"p{i}", "title": f"Update number {i} on the floods",
              "body": {"html": f"<p>{SENTENCES[i]}</p>"},
              "publishedAt": f"2024-03-05T1{4 - i}:0{i}:00Z"} for i in range(3)]
    state = json.dumps({"props": {"pageProps": {"liveBlog": {"posts": posts}}}})
    items = "".join(
        f'<article class="post"><span class="post-time">{10 * i + 2} min ago</span>'
        f"<h2>Update number {i} on the floods</h2><p>{SENTENCES[i]}</p></article>"
        for i in range(4))
    body = (f'<script id="__NEXT_DATA__" type="application/json">{state}</script>'
            f"<main>{items}</main>")
    page = _parse(body)
    assert [e.headline for e in page.entries] == [
        f"Update number {i} on the floods" for i in range(4)]
    assert [e.time.isoformat() if e.time else None for e in page.entries] == [
        "2024-03-05T14:00:00+00:00", "2024-03-05T13:01:00+00:00",
        "2024-03-05T12:02:00+00:00", None]
    assert page.entries[3].time_text == "32 min ago"


def test_state_assigned_in_a_script_is_read_too() -> None:
    posts = [{"text": SENTENCES[i], "createdAt": 1709647200000 - i * 600_000} for i in range(3)]
    script = f"<script>window.__INITIAL_STATE__ = {json.dumps({'feed': posts})};</script>"
    items = "".join(f'<div class="entry"><time>just now</time><p>{SENTENCES[i]}</p></div>'
                    for i in range(3))
    page = _parse(script + items)
    assert [e.time.strftime("%H:%M") if e.time else None for e in page.entries] == [
        "14:00", "13:50", "13:40"]


def test_local_clock_written_with_a_false_utc_mark() -> None:
    """<time datetime="...T16:56Z">16:56</time> on an Italian page: the CMS
    wrote Rome's wall clock with a "Z"; the printed clock is the time."""
    posts = "".join(
        f'<section class="post"><time class="pubdate" datetime="2023-11-02T1{6 - i}:5{i}Z">'
        f"\n      1{6 - i}:5{i}\n    </time><h2>Titolo {i}</h2><p>{SENTENCES[i]}</p></section>"
        for i in range(3))
    page = _parse(posts, head=_day("2023-11-02T15:58:23Z"), lang="it")
    assert [e.time.isoformat() if e.time else None for e in page.entries] == [
        "2023-11-02T16:50:00+01:00", "2023-11-02T15:51:00+01:00", "2023-11-02T14:52:00+01:00"]
    assert [e.time_text for e in page.entries] == ["16:50", "15:51", "14:52"]
    assert {e.zone for e in page.entries} == {"Europe/Rome"}


def test_right_instants_printed_in_another_offset_keep_their_instant() -> None:
    """Epoch times are right; the page prints its clocks two hours ahead of
    the zone its language suggests: the time is the instant, in the
    offset of the printed clock, and no zone name is claimed."""
    posts = "".join(
        f'<div class="post" data-timestamp="{1709647200 - 3600 * i}"><span class="time">'
        f"{16 - i}:00</span><h2>Headline {i}</h2><p>{SENTENCES[i]}</p></div>" for i in range(3))
    page = _parse(posts, lang="en")
    assert [e.time.isoformat() if e.time else None for e in page.entries] == [
        "2024-03-05T16:00:00+02:00", "2024-03-05T15:00:00+02:00", "2024-03-05T14:00:00+02:00"]
    assert {e.zone for e in page.entries} == {None}


def test_italian_day_headers_date_the_clocks_below_them() -> None:
    body = ("<h3>giovedì 2 novembre 2023</h3>"
            + "".join(f"<h2>{16 - i}:0{i} Titolo {i}</h2><p>{SENTENCES[i]}</p>" for i in range(2))
            + "<h3>mercoledì 1 novembre 2023</h3>"
            + "".join(f"<h2>2{3 - i}:1{i} Titolo {i + 2}</h2><p>{SENTENCES[i + 2]}</p>"
                      for i in range(2)))
    page = _parse(body, head=_day("2023-11-02T17:00:00+01:00"), lang="it")
    assert [e.time.isoformat() if e.time else None for e in page.entries] == [
        "2023-11-02T16:00:00+01:00", "2023-11-02T15:01:00+01:00",
        "2023-11-01T23:10:00+01:00", "2023-11-01T22:11:00+01:00"]
