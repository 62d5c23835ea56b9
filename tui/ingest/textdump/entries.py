"""Live blogs: the entries, cut at their stamps (or at headline lines on a
page marked LIVE that prints no times), and the tests that tell a live blog's
stamps from a rail of teasers or a schedule."""

from __future__ import annotations

from datetime import date, tzinfo

from tui.ingest.dates import find_date
from tui.ingest.markdown.plain import escape_markdown, first_sentence
from tui.ingest.textdump.chrome import (
    SENTENCE_END,
    YEAR,
    fold_text,
    headline_like,
    is_chrome,
    is_date_line,
    next_meaningful,
    paragraph_like,
)
from tui.ingest.textdump.fill import Body, collect_links, fill_body
from tui.ingest.textdump.header import AUTHOR
from tui.ingest.textdump.lexicon import ENTRY_TAGS, GLUED_TAG, VIDEO_WORDS
from tui.ingest.textdump.media import media_at
from tui.ingest.textdump.stamps import DATE_HEAD, Stamp
from tui.ingest.textdump.times import MIN_ORDER, dial, in_order, stamps_in_order
from tui.ingest.textdump.units import Unit


def _name_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 4:
        return False
    if text.isupper():
        return True
    return len(words) >= 2 and all(w[0].isupper() for w in words if w[0].isalpha())


def _stamps(units: list[Unit]) -> list[tuple[int, Stamp]]:
    """The units that open an entry, with their stamps. Bare dotted clocks
    ('16.06 Text') count when the page has a run of them in time order, match
    minutes and periods when it has a run of minutes; a bare clock next to a
    video label is the video's duration."""
    found = [(i, u.stamp) for i, u in enumerate(units) if u.items is None and u.stamp]
    dotted = [st.clock for _, st in found if st.kind == "dotted" and st.clock]
    use_dotted = len(dotted) >= 3 and in_order(dotted) >= 0.7
    use_minutes = sum(1 for _, st in found if st.kind == "minute") >= 3
    use_relative = sum(1 for _, st in found if st.kind == "relative") >= 3
    out = []
    for i, st in found:
        if st.kind == "dotted" and not use_dotted:
            continue
        if st.kind == "relative" and not use_relative:
            continue
        if st.kind in ("minute", "period") and not use_minutes:
            continue
        if st.weak and _near_video(units, i):
            continue
        rest = st.rest
        if rest and st.kind != "period" and not (
            _name_like(rest) or headline_like(rest) or rest[:1].isupper() or rest[:1] in "«\"“'‘"
        ):
            continue  # '14h30, la réunion ...': a clock inside a sentence
        out.append((i, st))
    return _one_per_block(units, _without_durations(out))


def _one_per_block(units: list[Unit], stamps: list[tuple[int, Stamp]]
                   ) -> list[tuple[int, Stamp]]:
    """Two stamps with nothing but chrome between them stamp one entry
    ('3.09am GMT' over 'Updated at 3.16am GMT', '15:05' over 'Posted at
    15:05'): the plain one is the entry's time, the labelled one goes."""
    drop: set[int] = set()
    for (i, a), (j, b) in zip(stamps, stamps[1:], strict=False):
        if a.labelled == b.labelled or not all(is_chrome(u) for u in units[i + 1 : j]):
            continue
        drop.add(j if b.labelled else i)
    return [(i, st) for i, st in stamps if i not in drop]


def _without_durations(stamps: list[tuple[int, Stamp]]) -> list[tuple[int, Stamp]]:
    """A bare clock alone on its line ('01:27') far from the printed times
    around it is a video's duration (the player prints it), not an entry."""
    strong = [(k, st.clock) for k, (_, st) in enumerate(stamps) if st.clock and not st.weak]
    out = []
    s = 0  # strong[s] is the first strong stamp after k
    for k, (i, st) in enumerate(stamps):
        while s < len(strong) and strong[s][0] <= k:
            s += 1
        if st.weak and st.clock and strong:
            near = [c for _, c in strong[max(0, s - 1) : s + 1]]
            gap = dial(near[0], near[-1]) if len(near) == 2 else 0
            if all(dial(st.clock, c) > max(60, gap) for c in near) and (
                len(near) == 2 or min(dial(st.clock, c) for c in near) > 360
            ):
                continue
        out.append((i, st))
    return out


def _near_video(units: list[Unit], i: int) -> bool:
    for j in (i - 1, i + 1):
        if 0 <= j < len(units) and units[j].items is None and units[j].words <= 6:
            if VIDEO_WORDS.search(units[j].text):
                return True
    return False


def _untag(text: str) -> str:
    """A headline without the 'Breaking' tag glued before it."""
    m = GLUED_TAG.match(text)
    return text[m.end() :].lstrip(" :-–—") if m else text


def _is_tag(text: str) -> bool:
    return len(text) <= 20 and fold_text(text).strip(" :!-–—") in ENTRY_TAGS


def _title_line(units: list[Unit], j: int, stop: int) -> bool:
    """Whether units[j] is an entry's own headline line."""
    unit = units[j]
    if unit.items is not None or not headline_like(unit.text) or is_chrome(unit):
        return False
    if not paragraph_like(unit.text):
        return True
    # 'India vs Sri Lanka Live Score: India WIN!!!' above its longer text
    nxt = units[j + 1] if j + 1 < stop else None
    return unit.words <= 12 and nxt is not None and nxt.items is None and nxt.words > unit.words


def _split_stamped(units: list[Unit], stamps: list[tuple[int, Stamp]],
                   zones: list[tzinfo | None]) -> list[Body]:
    """Entries that start at their stamps: the stamp's line, its headline
    (after the clock or on the next line), then the text up to the next."""
    bodies: list[Body] = []
    above = _headlines_above(units, stamps)
    starts = [i - 1 if i in above else i for i, _ in stamps]
    day = next((d for u in reversed(units[: starts[0]]) if (d := _day_header(u))), None)
    for n, (i, st) in enumerate(stamps):
        stop = starts[n + 1] if n + 1 < len(stamps) else len(units)
        entry_day, day = st.day or day, None
        for unit in units[i + 1 : stop]:
            day = _day_header(unit) or day  # ('Dienstag, 27. August 2024' above the next)
        part = _entry_units(units[i + 1 : stop])
        j = 0
        while j < len(part) and _above_headline(part, j):
            j += 1  # 'Breaking', 'Pinned', 'By Jane Smith' above the headline
        rest = _untag(st.rest)
        headline, lead = "", None
        if i in above:
            headline = _untag(units[i - 1].text)
        elif st.kind == "period":
            headline = rest
        elif not rest or _name_like(rest) or _is_tag(rest):
            if j < len(part) and _title_line(part, j, len(part)):
                headline, j = _untag(part[j].text), j + 1
            elif not _is_tag(rest):
                headline = rest  # ('05.20 Uhr: Mittlerweile 640 Tote')
        elif headline_like(rest) and not paragraph_like(rest):
            headline = rest
        else:
            lead = rest  # the entry's text runs on after its clock
        body = Body(headline=headline, time_text=st.printed, clock=st.clock, day=entry_day,
                     zone=st.zone or zones[i], minute=st.printed if st.kind == "minute" else None)
        if lead:
            body.paragraphs.append(escape_markdown(lead))
            collect_links(body, lead)
        fill_body(body, part[j:], headline, subheadings=True)
        bodies.append(body)
    return bodies


def _above_headline(part: list[Unit], j: int) -> bool:
    """A tag or a byline between an entry's stamp and its headline."""
    unit = part[j]
    if unit.items is not None:
        return False
    if _is_tag(unit.text):
        return True
    if unit.words > 8 or j + 1 >= len(part):
        return False
    byline = bool(AUTHOR.match(unit.text)) or _name_like(unit.text)
    return byline and _title_line(part, j + 1, len(part))


def _headlines_above(units: list[Unit], stamps: list[tuple[int, Stamp]]) -> set[int]:
    """The stamps whose headline is printed above them ('Titre' / '14h05' /
    text), when the page does so for most of its bare stamps: a title line
    above, running text (not a title) below."""
    above = set()
    bare = 0
    for i, st in stamps:
        if st.rest or st.kind == "period":
            continue
        bare += 1
        if i == 0 or i + 1 >= len(units) or units[i - 1].stamp:
            continue
        if _title_line(units, i - 1, i) and not _title_line(units, i + 1, len(units)):
            above.add(i)
    return above if len(above) >= 2 and len(above) >= 0.6 * bare else set()


def _entry_units(units: list[Unit]) -> list[Unit]:
    """An entry's lines without the page's furniture among them: a zone
    statement ('All times below are in Eastern time.'), a stamp line that
    stamps nothing ('Updated at 3.41pm BST', a video's '01:27')."""
    return [u for u in units if not u.zone and not (
        u.items is None and u.stamp and u.stamp.kind == "clock" and not u.stamp.rest)]


def _day_header(unit: Unit) -> date | None:
    """The day a line that holds only a date gives the entries below it."""
    if unit.items is not None or unit.words > 6 or not YEAR.search(unit.text):
        return None
    m = DATE_HEAD.fullmatch(unit.text.strip(" :,.-–—"))
    return find_date(m[0]) if m else None


def _split_trailing(units: list[Unit], stamps: list[tuple[int, Stamp]],
                    zones: list[tzinfo | None]) -> list[Body]:
    """Entries whose stamp closes them ('Jamie Braidwood14 August 2023 10:01'
    under the text): each runs from the previous stamp to its own."""
    bodies: list[Body] = []
    start = 0
    for i, st in stamps:
        part = _entry_units(units[start:i])
        start = i + 1
        k = 0
        while k < len(part) and part[k].items is None and _is_tag(part[k].text):
            k += 1
        headline = ""
        if k < len(part) and _title_line(part, k, len(part)) and k + 1 < len(part):
            headline, k = _untag(part[k].text), k + 1
        body = Body(headline=headline, time_text=st.printed, clock=st.clock, day=st.day,
                     zone=st.zone or zones[i])
        fill_body(body, part[k:], headline, subheadings=True)
        if body.paragraphs or headline:
            bodies.append(body)
    return bodies


def _text_words(units: list[Unit]) -> int:
    """Words of running text (paragraphs, not labels) in the units."""
    total = 0
    for u in units:
        words = u.words
        if u.items is None and words >= 8:
            text = u.text
            if words > 30 or text[-1] in SENTENCE_END or ", " in text:
                total += words
    return total


def _body_words(body: Body) -> int:
    return sum(p.count(" ") + 1 for p in body.paragraphs)


def stamped_bodies(units: list[Unit], zone: tzinfo | None, live_hint: bool) -> list[Body]:
    """The live blog's entries found at their stamps, or [] when the stamps do
    not make a live blog (a sidebar of timed teasers, a TV schedule...)."""
    stamps = _stamps(units)
    if len(stamps) < 2:
        return []
    zones: list[tzinfo | None] = []
    for unit in units:
        if unit.zone:
            zone = unit.zone
        zones.append(zone)
    first, last = stamps[0][0], stamps[-1][0]
    trailing = (
        all(not st.rest for _, st in stamps)
        and _text_words(units[last + 1 :]) < 8
        and _text_words(units[:first]) >= 8
    )
    if trailing:
        bodies = _split_trailing(units, stamps, zones)
    else:
        bodies = _split_stamped(units, stamps, zones)
    bodies = [b for b in _without_copies(bodies) if b.paragraphs or b.media or b.headline]
    for body in bodies:
        if not body.headline and body.paragraphs:
            body.headline = first_sentence(body.paragraphs[0])
        elif not body.headline and body.media:
            body.headline = body.media[0].caption or ""  # a picture or a post alone
    with_text = sum(1 for b in bodies if _body_words(b) >= 8)
    if live_hint:
        return bodies if with_text >= 1 else []
    if with_text < 3 or with_text < 0.5 * len(bodies):
        return []
    if stamps_in_order(bodies) < MIN_ORDER:
        return []  # stamps in no order: comments, a rail of teasers, a deals list
    # The entries hold most of the page's text (not a rail beside an article).
    covered = sum(_body_words(b) for b in bodies)
    return bodies if covered >= 0.5 * _text_words(units) else []


def _without_copies(bodies: list[Body]) -> list[Body]:
    """A key-events or summary list repeats entries' headlines and times with
    no text: such a copy is dropped when the entry itself is there."""
    if all(b.paragraphs for b in bodies):
        return bodies
    full = {(b.headline[:30].casefold(), b.time_text) for b in bodies if b.paragraphs}
    return [b for b in bodies
            if b.paragraphs or (b.headline[:30].casefold(), b.time_text) not in full]


def split_headlines(units: list[Unit], title: str) -> list[Body]:
    """Entries without printed times: a headline line, a blank line, then body
    paragraphs, up to the next headline."""
    heads = []
    i = 0
    while i < len(units):
        unit = units[i]
        media, used = (None, 0) if unit.is_list else media_at(units, i, len(units), title)
        if media:
            i += used
            continue
        if (
            not unit.is_list
            and unit.gap_before
            and unit.gap_after
            and unit.text != title
            and headline_like(unit.text, min_words=2)
            and not is_chrome(unit)
            and not is_date_line(unit.text)
        ):
            j = next_meaningful(units, i + 1)
            if j is not None and not units[j].is_list and paragraph_like(units[j].text):
                if not headline_like(units[j].text) or units[j].words > 30:
                    heads.append(i)
        i += 1
    bodies = []
    for n, i in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(units)
        body = Body(headline=units[i].text)
        fill_body(body, units[i + 1 : stop], body.headline, subheadings=False)
        bodies.append(body)
    return bodies
