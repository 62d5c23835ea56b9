"""The page's header: its title, what lies between the title and the body
(standfirst, authors, dates, tags, the lead picture), and the site's name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from tui.ingest.dates import CLOCK_RE, at_clock, find_date, find_datetime, parse_clock
from tui.ingest.textdump.chrome import (
    CHROME_LINES,
    content_list,
    fold_text,
    headline_like,
    is_chrome,
    is_date_line,
    is_end,
    next_meaningful,
    paragraph_like,
)
from tui.ingest.textdump.media import media_at, split_credit
from tui.ingest.textdump.stamps import CAPS_GLUE, deglue
from tui.ingest.textdump.units import Unit
from tui.ingest.zones import zone_after_clock
from tui.model import Media
from tui.moments import day_of

_TAG_LABELS = re.compile(
    r"^(?:schlagworter|schlagwort|themen|tags?|mots[- ]cles|themes|sujets|topics|more on|"
    r"en relation|related topics|sujets associes|dans la meme rubrique)\s*:?$"
)
_SOCIAL = frozenset(
    "facebook twitter x instagram youtube linkedin whatsapp telegram snapchat tiktok "
    "rss email e-mail mail".split()
)
_GENERIC_CRUMBS = frozenset(
    "home accueil startseite frontpage front page news actualites actu".split()
)


# "Par X", "ParGuitel Benishay" (glued), "By X", "Von X", "di X" (Italian, in
# lower case: "Di Maio ha detto" is a sentence); or the word alone,
# the name on the next line.
AUTHOR = re.compile(
    r"^(?:(?i:par|by|von)|di)(?:\s+|(?=[A-ZÀ-ÖØ-Þ]))(?P<name>[A-ZÀ-ÖØ-Þ\[].*)$|^(?i:par|by|von)$"
)
_ROLE_WORDS = re.compile(
    r"\b(?:reporter|correspondent|editor|journalist|journaliste|correspondante?|redakteur|"
    r"redakteurin|chief|senior|staff|news|redaction|envoye spécial|envoyee speciale|"
    r"envoye special|with|avec|mit)\b",
    re.IGNORECASE,
)
_UPDATED = re.compile(
    r"(?:mis a jour|modifie|actualise|updated|last updated|aktualisiert|stand)"
    r"\s*:?\s*(?:le|on|am)?",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:publie|published|posted|veroffentlicht|erschienen|mis a jour|updated)\b"
)


def find_title(units: list[Unit]) -> int | None:
    """The first headline-like line followed by a standfirst, byline or date."""
    first_candidate = None
    for i, unit in enumerate(units):
        if unit.is_list or is_chrome(unit) or is_end(unit):
            continue
        text = unit.text
        if not headline_like(text, min_words=3) or is_date_line(text):
            continue
        found = unit.stamp
        if found and found.kind == "clock" or AUTHOR.match(text):
            continue
        if first_candidate is None:
            first_candidate = i
        nxt = next_meaningful(units, i + 1)
        if nxt is None:
            continue
        follower = units[nxt]
        if follower.is_list:
            if content_list(follower):
                return i
            continue
        if paragraph_like(follower.text):
            return i
        if is_date_line(follower.text):
            # (not a site's masthead: its date sits above the menu)
            after = nxt + 1 < len(units) and units[nxt + 1].is_list and len(units[nxt + 1].items
                                                                              or ()) > 8
            if not after:
                return i
        if AUTHOR.match(follower.text) and follower.words <= 8:
            return i
        if _byline_below(units, nxt):
            return i
    if first_candidate is not None:
        return first_candidate
    # No headline anywhere: the first line of text stands for the title.
    return next(
        (i for i, u in enumerate(units) if not u.is_list and not is_chrome(u) and u.words <= 30),
        None,
    )


def _byline_below(units: list[Unit], i: int) -> bool:
    """A byline within a few units, with only menus, share buttons and short
    labels ('Download the free app') between: under a title."""
    for unit in units[i : i + 6]:
        if unit.is_list or unit.words <= 4:
            continue
        return bool(AUTHOR.match(unit.text)) and unit.words <= 8
    return False


@dataclass
class _Header:
    body_start: int
    lead: str | None = None
    published: datetime | date | None = None
    published_day: date | None = None
    updated: datetime | date | None = None
    authors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # lines that may carry a LIVE marker
    crumb_source: str | None = None
    zone: tzinfo | None = None  # a zone printed with the page's dates ('5:00PM GMT')


def read_header(
    units: list[Unit], title_at: int | None, start: int, end: int, tz: tzinfo
) -> _Header:
    header = _Header(body_start=start)
    minutes = sum(1 for u in units[start:end] if u.items is None and u.stamp
                  and u.stamp.kind == "minute") >= 3
    before = units[max(0, (title_at or 0) - 6) : title_at or 0]
    header.context = [u.text for u in before[-3:] if not u.is_list]
    if title_at is not None:
        header.crumb_source = _breadcrumb_root(before, units[title_at].text)
    title = units[title_at].text if title_at is not None else None
    date_lines: list[str] = []
    i = start
    while i < end:
        unit = units[i]
        text = unit.text
        if unit.is_list:
            if content_list(unit):
                break
            tags = _tag_items(unit)
            if tags and not header.topics:
                header.topics = tags
            date_lines.extend(unit.items or ())
            i += 1
            continue
        media, used = media_at(units, i, end, title)
        if media:
            header.media.append(media)
            if media.caption:
                date_lines.append(media.caption)
            i += used
            continue
        if text == title or is_chrome(unit):
            i += 1
            continue
        if unit.words <= 6 and not paragraph_like(text) and _byline_below(units, i + 1):
            i += 1  # a label between the title and its byline ('Download the free app')
            continue
        found = unit.stamp
        if found and found.kind in ("clock", "dotted") and not is_date_line(text):
            break  # the first timed entry
        if found and found.kind in ("minute", "period") and minutes:
            break  # the first entry of a minute-by-minute page
        author = AUTHOR.match(text)
        if author and unit.words <= 10:
            name = author.group("name")
            if name is None and i + 1 < end and not units[i + 1].is_list:
                name = units[i + 1].text
                i += 1
            header.authors.extend(_split_authors(name or ""))
            date_lines.append(text)
            i += 1
            continue
        if is_date_line(text) or (unit.words <= 3 and text[-1] not in ".!?"):
            date_lines.append(text)
            header.context.append(text)
            i += 1
            continue
        if header.lead is None and paragraph_like(text) and _is_lead(units, i, end):
            header.lead = text
            header.context.append(text)
            i += 1
            continue
        break
    header.body_start = i
    # Dates in order of trust: a byline or date line under the title, a date
    # line just above it, then any date in the header (a caption...).
    ranked = [(0 if len(t.split()) <= 8 or _PUBLISHED.search(fold_text(t)) else 2, t)
              for t in date_lines]
    ranked += [(1, u.text) for u in reversed(before) if not u.is_list and u.words <= 8]
    for _rank, text in sorted(ranked, key=lambda pair: pair[0]):
        text = deglue(text)  # 'Feb 19 20207:13 PM'
        if find_date(text):
            printed = _printed_zone(text)
            header.zone = header.zone or printed
            _take_dates(header, text, printed or tz)
    if not header.topics:
        header.topics = _labelled_tags(units)
    return header


def _printed_zone(text: str) -> tzinfo | None:
    """The zone printed right after a clock in a date line ('7:13 PM EST')."""
    for m in CLOCK_RE.finditer(text):
        z = zone_after_clock(CAPS_GLUE.sub(" ", text[m.end() : m.end() + 12]))
        if z:
            return z[0]
    return None


def _is_lead(units: list[Unit], i: int, end: int) -> bool:
    """A standfirst is followed by meta lines (byline, date, picture, tags,
    chrome), not straight by the next paragraph of the text."""
    j = i + 1
    if j >= end:
        return False
    nxt = units[j]
    if nxt.is_list or is_chrome(nxt):
        return True
    text = nxt.text
    return (
        not paragraph_like(text)
        or is_date_line(text)
        or bool(AUTHOR.match(text))
        or split_credit(text) is not None
    )


def _take_dates(header: _Header, text: str, tz: tzinfo) -> None:
    """Publication and update dates from a byline/date line:
    'Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54',
    '11:48, Thu, Jul 18, 2024 | UPDATED: 11:50, ...', 'Updated21:22, 6 OCT 2020'."""
    m = _UPDATED.search(fold_text(text))
    head, tail = (text[: m.start()], text[m.end() :]) if m else (text, "")
    if header.published is None:
        header.published = _when(head, tz, header.published_day)
    if tail and header.updated is None:
        header.updated = _when(tail, tz, day_of(header.published))
    if header.published_day is None:
        header.published_day = day_of(header.published or header.updated)


def _when(text: str, tz: tzinfo, day: date | None) -> datetime | date | None:
    """A date with its time when the line gives one (after the date, or
    before it on a short line); a date alone stays a date (no invented time)."""
    found = find_datetime(text, tz)
    if isinstance(found, datetime):
        return found
    if found is None:
        clock = parse_clock(text[:12]) if day else None
        return at_clock(day, clock, tz) if day and clock else None
    before = text[: text.find(str(found.year))] if len(text) < 80 else ""
    clock = parse_clock(before) if before else None
    return at_clock(found, clock, tz) if clock else found


def _split_authors(names: str) -> list[str]:
    names = re.sub(r"\[[^\]]*\]", "", names)
    out = []
    for name in re.split(r"\s*(?:,|;| et | and | und | & )\s*", names):
        name = name.strip(" .")
        if (
            not name
            or _ROLE_WORDS.search(fold_text(name))
            or find_date(name)
            or len(name.split()) > 5
        ):
            continue
        out.append(name)
    return out


def _tag_items(unit: Unit) -> list[str]:
    items = [i for i in unit.items or () if i]
    if len(items) < 2:
        return []
    if any(len(i.split()) > 4 or len(i) > 40 or is_date_line(i) for i in items):
        return []
    real = [i for i in items if fold_text(i) not in CHROME_LINES and fold_text(i) not in _SOCIAL]
    if len(real) < 0.7 * len(items):
        return []
    if all(re.search(r"\D\d+$", i) for i in real):  # "Gaza398": tag and its count
        real = [re.sub(r"\d+$", "", i) for i in real]
    seen: dict[str, str] = {}
    for item in real:
        seen.setdefault(fold_text(item), item)
    return list(seen.values())


def _labelled_tags(units: list[Unit]) -> list[str]:
    for i, unit in enumerate(units[:-1]):
        if not unit.is_list and _TAG_LABELS.match(unit.folded) and units[i + 1].is_list:
            tags = _tag_items(units[i + 1])
            if tags:
                return tags
    return []


def _breadcrumb_root(before: list[Unit], title: str) -> str | None:
    """The site name from a breadcrumb that ends with the page title."""
    folded_title = fold_text(title)
    for unit in reversed(before):
        if unit.is_list and unit.items and len(unit.items) >= 2:
            last = fold_text(unit.items[-1])
            mostly = len(last) > 0.6 * len(folded_title) and last in folded_title
            if folded_title in last or mostly:
                for item in unit.items[:-1]:
                    if item and fold_text(item) not in _GENERIC_CRUMBS:
                        return item
    return None


_COPYRIGHT = re.compile(
    r"(?:©|copyright|tous droits réservés\s*-?)\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w'&.\- ]{1,40}?)"
    r"(?:\s+\d{4})?\s*(?:[.,;|]|$|all rights|tous droits)",
    re.IGNORECASE,
)


def find_source(units: list[Unit], title_at: int | None, header: _Header) -> str | None:
    if header.crumb_source:
        return header.crumb_source
    for unit in reversed(units):
        if unit.is_list:
            continue
        m = _COPYRIGHT.search(unit.text)
        if m and unit.words <= 30:
            name = m.group("name").strip(" .-")
            if name and name[0].isupper() and len(name.split()) <= 4:
                return name
    # A brand line closing the page ("ActuJ"), or opening it and said again.
    plain = [u for u in units if not u.is_list and not is_chrome(u) and not is_end(u)]
    if not plain:
        return None
    for unit, need_repeat in ((plain[-1], False), (plain[0], True)):
        text = unit.text
        if (
            1 <= unit.words <= 3
            and len(text) <= 30
            and text[0].isupper()
            and text[-1] not in ".!?:,"
            and not is_date_line(text)
            and (title_at is None or unit is not units[title_at])
        ):
            if need_repeat and sum(1 for u in plain if u.text == text) < 2:
                continue
            return text
    return None
