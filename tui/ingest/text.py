"""Plain-text page dumps: what a browser's "save as text" or `w3m -dump` gives.

A dump keeps the whole page as lines: menus and footers as bullet lists,
promotions and notices as stray lines, photo captions glued to their credits,
and the article or live blog somewhere in the middle. The parser works on
"units" (a line, or a whole bullet list) and applies general rules, in French,
English, German and Italian, never rules for one publisher:

1. find the title (a headline-like line followed by a standfirst, a byline or
   a date), and where the content ends (comments, "related", paywall...);
2. read the header between the title and the body: standfirst, authors,
   dates, tags, the lead picture;
3. tell a live blog from an article, and split it into entries: at each
   entry's stamp (a clock as dumps print it, glued to an author, a relative
   time or a date, after 'Updated'/'Posted at'; a run of bare '16.06' lead-ins;
   match minutes on a sports page; or a stamp under each entry's text), when
   the stamped entries hold text and most of the page's; else, on a page
   marked LIVE, at each headline line followed by a body paragraph. Entries
   are dated from their own day or a day header, else the day nearest the
   entry before, in the zone the page states (a timed rail, a TV schedule or
   teasers without text leave an article an article);
4. drop chrome everywhere; keep captions, videos and embedded posts as media.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Generic, TypeVar

from tui.ingest.clean import strip_controls
from tui.ingest.dates import (
    CLOCK_RE,
    at_clock,
    day_of,
    find_date,
    find_datetime,
    fold,
    fold_page,
    parse_clock,
    zone_for_language,
)
from tui.ingest.lang import guess_language
from tui.ingest.markdown_text import escape_markdown, first_sentence
from tui.ingest.minutes import period_marker, split_minute_prefix
from tui.ingest.text_lexicon import (
    ENTRY_TAGS,
    GLUED_TAG,
    RELATIVE_PREFIX,
    STAMP_PREFIX,
    VIDEO_WORDS,
)
from tui.ingest.zones import stated_zone, zone_after_clock, zone_label
from tui.model import Entry, Link, Media, Page, PageKind, entry_id

# --------------------------------------------------------------------------
# Units: the dump as lines and lists

_T = TypeVar("_T")


class _lazy(Generic[_T]):
    """functools.cached_property without its lock (Python 3.11 takes one on
    every first access): a dump has thousands of units, each read by one thread."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__

    def __get__(self, unit: Any, owner: type | None = None) -> _T:
        value = unit.__dict__[self.name] = self.func(unit)
        return value


@dataclass
class Unit:
    text: str  # the line; for a list, its items joined with " | "
    items: tuple[str, ...] | None = None  # bullet items when this is a list
    gap_before: bool = True  # a blank line (or the start) comes before it
    gap_after: bool = True

    @property
    def is_list(self) -> bool:
        return self.items is not None

    @_lazy
    def words(self) -> int:
        if self.items is None and self.text:
            # A line's text is already split and joined on single spaces.
            return self.text.count(" ") + 1
        return len(self.text.split())

    @_lazy
    def folded(self) -> str:
        return _f(self.text)

    @_lazy
    def chrome(self) -> bool:
        return _chrome(self)

    @_lazy
    def stamp(self) -> _Stamp | None:
        return _stamp(self.text)

    @_lazy
    def zone(self) -> tzinfo | None:
        """The zone this line states for the clocks below it ('All times UTC')."""
        if self.items is not None or self.words > 25:
            return None
        folded = self.folded  # (a cheap test first: every statement names times)
        if not any(w in folded for w in ("time", "heure", "zeit", "orari")):
            return None
        return stated_zone(self.text)

    @_lazy
    def end(self) -> bool:
        if self.is_list or self.words > 20:
            return False
        return bool(_END_MARKERS.match(self.folded.strip(" :")))


_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?:[•□◦▪▫‣∙●○◆*]|-(?=\s)"
    r"|\d{1,2}\.(?=\s)(?!\s+[^\W\d_]+\.?,?\s+(?:19|20)\d\d\b))"  # (not '19. Oktober 2019')
    r"[ \t]*(?P<text>.*)$"
)
_SENTENCE_END = ".!?»\"”'…)"


_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")


def _fold_line(line: str) -> str:
    """One line, spaces folded (the text has been through _clean first)."""
    return " ".join(line.split())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines a dump tool hard-wrapped at a fixed width (w3m -cols N)."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if not lengths:
        return lines
    width = max(lengths)
    if width > 400 or width < 40:
        return lines
    near = [line.rstrip() for line in lines if len(line.rstrip()) >= width - 25]
    open_ended = sum(1 for line in near if line[-1] not in _SENTENCE_END)
    if len(near) < 3 or open_ended < len(near) / 2:
        return lines
    out: list[str] = []
    last = ""  # the line before, as printed (out[-1] may hold several joined)
    for line in lines:
        prev = out[-1] if out else ""
        if (
            line.strip()
            and last.strip()
            and len(last.rstrip()) >= width - 25
            and not _BULLET.match(line)
            and (_indent(line) == _indent(last) or _BULLET.match(prev))
        ):
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
        last = line
    return out


def _units(text: str) -> list[Unit]:
    text = strip_controls(text)
    # (str `in` finds one character at C speed; the pattern's scan is slower)
    if any(char in text for char in _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    lines = _unwrap(text.split("\n"))
    units: list[Unit] = []
    gap = True
    i, n = 0, len(lines)
    while i < n:
        raw = lines[i]
        if not raw.strip():
            gap = True
            if units:
                units[-1].gap_after = True
            i += 1
            continue
        m = _BULLET.match(raw)
        if m:
            base = len(m.group("indent"))
            items: list[str] = []
            parts: list[list[tuple[str, bool]]] = []  # each item's lines, blank line before
            blank = False
            while i < n:
                raw = lines[i]
                if not raw.strip():
                    j = i
                    while j < n and not lines[j].strip():
                        j += 1
                    # Text indented under an item continues it; a new bullet
                    # after a blank line starts another list.
                    if j < n and _indent(lines[j]) > base and not _BULLET.match(lines[j]):
                        i, blank = j, True
                        continue
                    break
                m = _BULLET.match(raw)
                if m and (len(m.group("indent")) >= base):
                    items.append(_fold_line(m.group("text")))
                    parts.append([(items[-1], True)])
                elif _indent(raw) > base and items:
                    items[-1] = (items[-1] + " " + _fold_line(raw)).strip()
                    parts[-1].append((_fold_line(raw), blank))
                else:
                    break
                blank = False
                i += 1
            if _stream_list(parts):
                units.extend(_stream_units(parts, gap))
                gap = False
                continue
            unit = Unit(" | ".join(items), tuple(items), gap_before=gap, gap_after=False)
        else:
            unit = Unit(_fold_line(raw), gap_before=gap, gap_after=False)
            i += 1
        if units and not gap:
            units[-1].gap_after = False
        # A line printed twice in a row (alt text and caption, a byline...)
        if (
            units
            and not unit.is_list
            and not units[-1].is_list
            and unit.text == units[-1].text
        ):
            gap = False
            continue
        if unit.text or unit.is_list:
            units.append(unit)
        gap = False
    if units:
        units[-1].gap_after = True
    return units


def _stream_list(parts: list[list[tuple[str, bool]]]) -> bool:
    """A list that is the live blog itself (an <ol> or <ul> of updates): items
    that open with an entry's stamp and hold lines of text under it."""
    opened = 0
    for lines in parts:
        if len(lines) > 1 and lines[0][0][:1].isalnum():
            found = _stamp(lines[0][0])
            if found is not None and not found.weak and found.kind in ("clock", "minute"):
                opened += 1
    # (w3m ends a list at a blank line: one item per list is common)
    return opened >= 1 and opened >= len(parts) / 2


def _stream_units(parts: list[list[tuple[str, bool]]], gap: bool) -> list[Unit]:
    """The lines of a stream list as lines: each item's stamp, then its text."""
    out: list[Unit] = []
    for lines in parts:
        for k, (line, blank) in enumerate(lines):
            before = (gap if not out else True) if k == 0 else blank
            if out:
                out[-1].gap_after = before
            if line:
                out.append(Unit(line, gap_before=before, gap_after=False))
    return out


# --------------------------------------------------------------------------
# What a line is


def _f(text: str) -> str:
    """Folded for matching: no accents, lower case, straight apostrophes."""
    return fold(text).replace("’", "'").replace("‘", "'")


def _fold_units(units: list[Unit]) -> None:
    """Unit.folded, at once, for the lines the chrome and end tests fold
    anyway (up to 90 words): one fold of their joined text rather than one
    per line. _f works character by character and no character folds to a
    newline, so the folded text splits back into the lines."""
    short = [u for u in units if u.items is None and u.words <= 90]
    joined = "\n".join(u.text for u in short)
    if joined.count("\n") != len(short) - 1:
        return  # (a line holding a newline: never, units are lines)
    folded = fold_page(joined).replace("’", "'").replace("‘", "'").split("\n")
    for unit, text in zip(short, folded, strict=True):
        unit.__dict__["folded"] = text


_CHROME_LINES = frozenset(
    _f(s)
    for s in """
share partager teilen commenter comment kommentieren imprimer print drucken
publicité advertisement advertising anzeige werbung sponsored sponsorisé annonce
menu menü navigation rechercher recherche search suche connexion login anmelden
register inscription subscriptions abonnement abonnements direct live
undefined expand bild bildbeitrag image photo video vidéo audio content footer
feuilleter farbschema fermer close schließen accueil home startseite top
facebook twitter x instagram youtube linkedin whatsapp telegram snapchat email e-mail
cookies newsletters newsletter bookmark podcasts
""".split()
) | frozenset(
    _f(s)
    for s in (
        "se connecter", "s'inscrire", "s'abonner", "abonnez-vous", "log in", "sign in",
        "sign out", "sign up", "se déconnecter", "my account", "mon compte", "mein konto",
        "en direct", "nach oben", "back to top", "retour en haut", "key events",
        "voir plus", "see more", "mehr anzeigen", "load more", "charger plus",
        "skip to content", "aller au contenu", "navigation überspringen",
        "zum inhalt springen", "follow us", "suivez-nous", "nous suivre", "folgen sie uns",
        "lire la suite", "read more", "weiterlesen", "en continu", "copier le lien",
        "copy link", "link kopieren", "link copied", "ajouter à mes articles",
        "ajouter à vos sélections", "video poster", "article réservé aux abonnés",
        "le fil info", "plus...", "more", "mehr",
        "show more", "show more updates", "load more updates", "load more posts",
        "afficher plus", "mehr laden", "weitere meldungen laden", "carica altri", "mostra altro",
        "condividi", "pubblicità", "leggi anche", "leggi", "abbonati", "accedi", "iscriviti",
        "commenta", "copia link", "in diretta", "diretta", "torna su",
    )
)

# Phrases that mark a short paragraph as promotion, notice or site furniture
# (folded text). Plain substrings first: `in` is much faster than one big regex.
_CHROME_SUBSTRINGS = (
    "cookie", "newsletter", "google play", "app store", "appstore", "l'appli",
    "download the app", "download our app", "app downloaden", "javascript",
    "votre navigateur", "your browser", "ihr browser", "synthese vocale",
    "aux abonnes", "a nos abonnes", "subscribers only", "abonnez-vous", "s'abonner",
    "unsubscribe", "cliquez ici", "en cliquant", "click here", "klicken sie",
    "privacy policy", "politique de confidentialite", "datenschutz",
    "all rights reserved", "tous droits reserves", "alle rechte vorbehalten",
    "scroll down for", "follow us", "suivez-nous", "folgen sie uns", "join us on",
    "rejoignez-nous", "nos offres", "our offers", "offnet in einem neuen fenster",
    "recevez les", "recevoir nos", "get the latest", "news notifications",
    "vous possedez deja un compte", "identifiez-vous", "s'inscrire gratuitement",
    "lecture du monde en cours", "publicite",
)
_CHROME_PATTERNS = re.compile(
    r"^(?:(?:a )?lire aussi|read (?:more|also)|mehr zum thema|see also|sur le meme sujet|"
    r"voir aussi|suivez|follow|folgen|partager sur|share on)\b"
    r"|\b(?:sur|on|auf|via notre|our) whatsapp|whatsapp (?:channel|group)|\bsubscribe\b"
    r"|\bsign(?:ing)? up (?:for|to)\b|\b\d+\s+(?:commentaires?|comments?|kommentare?)\b"
    r"|\bpar e-?mail\b"
)


_PATTERN_KEYS = (
    "lire aussi", "read ", "mehr zum", "see also", "sur le meme", "voir aussi", "suivez",
    "follow", "folgen", "partager", "share", "whatsapp", "subscribe", "sign", "comment",
    "kommentar", "mail",
)


def _chrome_phrase(folded: str) -> bool:
    if any(s in folded for s in _CHROME_SUBSTRINGS):
        return True
    return any(k in folded for k in _PATTERN_KEYS) and bool(_CHROME_PATTERNS.search(folded))


# The few that also mark a longer paragraph (a subscription pitch, a consent notice).
_LONG_PROMO = ("nos offres", "our offers", "newsletter", "cookie", "unsubscribe", "cliquez ici",
               "click here")
_READING_TIME = re.compile(
    r"^(?:temps de lecture|lesezeit|reading time|lecture)?\s*:?\s*(?:\d+\s*(?:-|à|to|bis)\s*)?"
    r"\d+\s*(?:min|mins|minutes?|minuten|mn)\b\.?\s*(?:de lecture|read|reading|lesezeit)?\.?$",
    re.IGNORECASE,
)
_JUNK = re.compile(
    r"^[\W_]*$"  # no letters or digits
    r"|^(?:\[[^\]]*\]\s*)+$"  # [image] placeholders, [   ] form fields
    r"|^\S+\.(?:png|jpe?g|gif|webp|svg|avif)$"  # image file names
    r"|^[a-z0-9]+(?:_[a-z0-9]+)+$"  # template identifiers (nav_close_menu)
    r"|^1\d{9}(?:\d{3})?$"  # a raw epoch (seconds or ms) a script left as text
    r"|^(?:\(öffnet in einem neuen fenster\)\s*)+$",
    re.IGNORECASE,
)
# Where the page's content ends: comments, "related", paywalls, footers.
_END_MARKERS = re.compile(
    r"^(?:commentaires?|comments?|kommentare?|"
    r"cet article a recu \d+ commentaires?|\d+ (?:commentaires?|comments?|kommentare?)|"
    r"les plus lus|les plus partages|les plus commentes|most read(?: in .*)?|most popular|"
    r"most recent|top stories|latest stories|latest videos|related articles|related stories|"
    r"more on|more from .*|you may also like|recommended(?: for you)?|read next|"
    r"das konnte sie auch interessieren|meistgelesen|weitere artikel|mehr aus .*|"
    r"commenti|i piu letti|piu letti|ti potrebbe interessare|potrebbe interessarti|"
    r"nos videos|videos les plus vues|a la une de .*|sur le meme theme|"
    r"il vous reste .* a lire.*|lecture restreinte|la suite est reservee .*)$"
)
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
_LIVE_MARKER = re.compile(
    r"\bLIVE\b|\b[Ll]ive[ -]?(?:[Bb]log|[Tt]icker|[Uu]pdates?)\b|\bLiveblog|[Tt]icker\b|"
    r"\b[Ee]n direct\b|\bDIRECT\b|\bLe fil info\b|\bFil info\b|\bminute par minute\b|"
    r"\bas it happened\b|\bTHIS IS A LIVE BLOG\b|"
    r"\b[Ll]ive(?::| [-–—] )|[-–—] [Ll]ive\b"  # 'Ukraine war live: ...', '... – live'
)
# "Par X", "ParGuitel Benishay" (glued), "By X", "Von X", "di X" (Italian, in
# lower case: "Di Maio ha detto" is a sentence); or the word alone,
# the name on the next line.
_AUTHOR = re.compile(
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
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
# A photo credit closing a caption: "(Image: Getty)", "Photo by X", "© X".
_CREDIT = re.compile(
    r"(?:\((?:Photos?|Image|Images|Foto|Bild|Illustration|Crédits?(?: photo)?|Credits?)"
    r"\s*(?:by|par|de|von|:)?\s*(?P<c1>[^()]{2,80})\)"
    r"|\b(?:Photos?|PHOTO|Image|Foto|Bildrechte|Crédits?(?: photo)?|Credits?|Illustration)"
    r"\s*(?:by|par|de|von)?\s*:?\s+(?P<c2>[^()]{2,80}?)"
    r"|©\s*(?P<c3>[^()]{2,80}?))\s*$"
)
_VIDEO_LABEL = re.compile(
    r"^(?:video poster|video|vidéo|play video|lire la vidéo|regarder la vidéo|video abspielen)$",
    re.IGNORECASE,
)


def _is_chrome(unit: Unit) -> bool:
    return unit.chrome


def _chrome(unit: Unit) -> bool:
    if unit.is_list:
        return True
    text = unit.text
    words = unit.words
    if words > 90:
        return False  # running text
    folded = unit.folded.strip(" :|·-–—")
    if folded in _CHROME_LINES or _JUNK.match(text) or _READING_TIME.match(text):
        return True
    if words <= 40 and _chrome_phrase(unit.folded):
        return True
    if words <= 5 and RELATIVE_PREFIX.fullmatch(text):
        return True  # '4m ago' alone: when the page was saved, not the entry's time
    if 40 < words <= 90 and any(s in unit.folded for s in _LONG_PROMO):
        return True
    # SHOUTED lines: promotions and section banners, never a paragraph.
    if words >= 2 and text == text.upper() and sum(c.isalpha() for c in text) >= 8:
        return True
    return False


def _is_end(unit: Unit) -> bool:
    return unit.end


def _headline_like(text: str, min_words: int = 1) -> bool:
    if len(text) > 250:  # (before the split: most paragraphs are longer)
        return False
    words = text.split()
    if not (min_words <= len(words) <= 30):
        return False
    if text[-1] in ".,;:" and not text.endswith(("...", "…")):
        return False
    first = next((c for c in text if c.isalnum()), "")
    return bool(first) and not first.islower()


def _paragraph_like(text: str) -> bool:
    """A sentence or more of running text."""
    words = len(text.split())
    return words >= 8 and (text[-1] in _SENTENCE_END or words > 30 or ", " in text)


def _content_list(unit: Unit) -> bool:
    """Bullet points that are part of the text (key points, enumerations)."""
    items = [i for i in unit.items or () if i]
    if not items:
        return False
    sentences = sum(1 for i in items if len(i.split()) >= 5 and i[-1] in ".!?»\";)")
    return sentences >= max(1, 0.6 * len(items))


_YEAR = re.compile(r"(?:19|20)\d\d")


def _is_date_line(text: str) -> bool:
    """A short line that gives a date (every date form has a year)."""
    if len(text) >= 160 or not _YEAR.search(text):
        return False
    # (a dump glues spans: 'Feb 19 20207:13 PM', 'November02202321:06')
    return find_date(text) is not None or find_date(_deglue(text)) is not None


# --------------------------------------------------------------------------
# Stamps: the line that marks where a live-blog entry starts (or ends)


@dataclass(frozen=True)
class _Stamp:
    """What an entry's stamp line says: '9h05 - Titre', 'Updated 1:48 AM',
    '4m ago12.50 BST', 'November02202321:06 (IST)', '95' Goal!', 'Mi-temps'."""

    clock: time | None  # None for a match minute or period
    printed: str | None  # the clock or minute as printed
    rest: str  # the text after it on the line (a headline, an author, a paragraph)
    day: date | None = None  # a date printed with the clock
    zone: tzinfo | None = None  # a zone printed after the clock ("BST")
    kind: str = "clock"  # "clock", "dotted" (a bare 16.06), "minute", "period", "relative"
    weak: bool = False  # a bare clock alone on its line: maybe a video's duration
    labelled: bool = False  # said with a word: 'Updated at', 'Posted at', '4m ago'


# Spaces a dump loses between spans: 'November02202321:06', 'Braidwood14',
# 'ago12.50', '21:22Jane'.
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_]{3})(?=\d)")
_CLOCK_LETTER = re.compile(r"(?<=\d[:.h]\d\d)(?=[^\W\d_])")
_CAPS_GLUE = re.compile(r"(?<=[A-Z]{3})(?=[A-Z][a-z])")  # 'ESTUpdated 7 min ago'
_GLUED_DIGITS = re.compile(r"(?<![\d.:])(\d{5,8})(?=[:.]\d\d(?!\d))")
_YEAR_AT = re.compile(r"(?:19|20)\d\d")
_DOTTED = re.compile(r"(?<![\d.:,])(?P<h>[01]\d|2[0-3])\.(?P<m>[0-5]\d)(?![\d.,:%])")
_DATE_HEAD = re.compile(
    r"(?:[^\W\d_]{2,}\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th|er)?\.?\s+[^\W\d_]{3,}\.?,?\s+(?:19|20)\d\d"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)"
)
_SEPARATORS = " -–—:|•·,/"
_DIGIT = re.compile(r"\d")
_MARKS = "+■▶►◆▪ "  # printed before a ticker's entries ('+++ 12:31 Uhr: ...')


def _split_digits(m: re.Match[str]) -> str:
    """'202321' -> '2023 21', '02202321' -> '02 2023 21', '20207' -> '2020 7':
    a year glued to the day before it and to the hour after it."""
    run = m.group(1)
    for day_len in (0, 1, 2):
        year = run[day_len : day_len + 4]
        hour = run[day_len + 4 :]
        if not _YEAR_AT.fullmatch(year) or not 1 <= len(hour) <= 2 or int(hour) > 23:
            continue
        if day_len and not 1 <= int(run[:day_len]) <= 31:
            continue
        return " ".join(p for p in (run[:day_len], year, hour) if p)
    return run


def _deglue(text: str) -> str:
    """Spaces put back where a dump glued spans together (only ever added)."""
    text = _LETTER_DIGIT.sub(" ", text)
    text = _CLOCK_LETTER.sub(" ", text)
    return _GLUED_DIGITS.sub(_split_digits, text)


def _original_index(original: str, deglued: str, k: int) -> int:
    """The index in `original` of deglued[k]: _deglue only adds spaces."""
    i = 0
    for j in range(k):
        if i < len(original) and original[i] == deglued[j]:
            i += 1
    return i


def _stamp(text: str) -> _Stamp | None:
    """The stamp a line opens with, or None."""
    pos = len(text) - len(text.lstrip(_MARKS)) if text[:1] in _MARKS else 0
    first = text[pos : pos + 1]
    if not first.isalnum() and first not in "(":
        return None
    if not first.isdigit() and not _DIGIT.search(text, pos, pos + 50):
        # no clock near the start (most lines): a period, 'just now', or nothing
        m = RELATIVE_PREFIX.match(text, pos)
        return _relative_stamp(text, pos, m.end()) if m else _match_marker(text)
    head = text[:160]
    prefixed = False
    relative = None
    for _ in range(2):
        m = STAMP_PREFIX.match(head, pos)
        if m is None and (m := RELATIVE_PREFIX.match(head, pos)):
            relative = (pos, m.end())
        if m is None or m.end() == pos:
            break
        pos, prefixed = m.end(), True
    if not head[pos : pos + 1].isdigit() and not _DATE_HEAD.match(head, pos) and (
        # ('Jamie Braidwood14 August 2023 10:01': a short line with a year)
        len(text) > 100 or not head[pos : pos + 1].isupper() or not _YEAR_AT.search(head, pos)
    ):
        if relative:
            return _relative_stamp(text, *relative)
        return _match_marker(text) if not prefixed else None
    glued = _deglue(head[pos:])
    kind = "clock"
    m = CLOCK_RE.search(glued, 0, 80)
    # (parsed with what follows: "12.50" is a clock because " BST" comes next)
    clock = parse_clock(glued[m.start() : m.end() + 6]) if m else None
    if m is None or clock is None:
        m = _DOTTED.match(glued)
        if m is None:
            if relative:
                return _relative_stamp(text, *relative)
            return _match_marker(text) if not prefixed else None
        clock, kind = time(int(m["h"]), int(m["m"])), "dotted"
    pre = glued[: m.start()].strip(_SEPARATORS)
    day = None
    name = ""
    if pre:
        # Before the clock, only a date, and maybe a name: "Jamie Braidwood 14
        # August 2023 10:01", "Wed, Feb 19 2020 7:13 PM".
        d = _DATE_HEAD.search(pre) if len(pre) <= 60 and kind != "dotted" else None
        day = find_date(d[0]) if d else None
        if d is None or day is None:
            return None
        name = (pre[: d.start()] + " " + pre[d.end() :]).strip(_SEPARATORS)
        if name and (len(name.split()) > 4 or not all(w[:1].isupper() for w in name.split())):
            return None
    start, end = (pos + _original_index(head[pos:], glued, k) for k in (m.start(), m.end()))
    printed = text[start:end].strip()  # as the page prints it ('8.40pm', not '8.40 pm')
    rest = text[end:]
    zone = None
    if (rest[:1] in " (" or rest[:2].isupper()) and (
        z := zone_after_clock(_CAPS_GLUE.sub(" ", rest[:12]) + rest[12:])
    ):
        zone, rest = z
    if rest[:1] in ":." and rest[1:3].isdigit():
        return None  # '2014-12-31 17:13:38.0': a machine's timestamp, not a printed clock
    rest = rest.lstrip(_SEPARATORS + ".")
    again = STAMP_PREFIX.match(rest)
    doubled = rest.startswith(printed) or again and rest[again.end() :].startswith(printed)
    if doubled:
        # 'Posted at 15:0515:05': the clock printed twice (shown and spoken)
        rest = rest[rest.index(printed) + len(printed) :].lstrip(_SEPARATORS)
    if day is None and (d := _DATE_HEAD.match(rest)) and (found := find_date(d[0])):
        day, rest = found, rest[d.end() :].lstrip(_SEPARATORS)  # 'Updated 6:27 PM / Feb 19, 2020'
    if rest.endswith("++"):
        rest = rest.rstrip("+ ")  # '+++ 12:31 Uhr: Titel +++'
    if name and rest and not rest[:1].isupper():
        return None  # 'On 2 May 2024 at 12:00 the minister said': a sentence
    weak = not (prefixed or pre or zone or rest or doubled or kind == "dotted") and (
        ":" in printed and len(printed) <= 5
    )
    return _Stamp(clock, printed, rest.strip(), day, zone, kind, weak, prefixed)


def _relative_stamp(text: str, start: int, end: int) -> _Stamp | None:
    """'5 mins ago' (and a headline after it): when the page was saved minus
    a lapse, printed as the entry's marker; never made into a time."""
    rest = text[end:].strip(_SEPARATORS)
    if len(rest) > 250:
        return None
    return _Stamp(None, text[start:end].strip(), rest, kind="relative", labelled=True)


def _match_marker(text: str) -> _Stamp | None:
    """A match minute ("95'", "45+2'") or a period ("Mi-temps") opening a line;
    a period names an entry alone on its line ('Fin du match ! Le PSG
    s'impose...' is the text of the 95' entry)."""
    if text[:1].isdigit():
        found = split_minute_prefix(text)
        return _Stamp(None, found[0], found[1], kind="minute") if found else None
    if len(text) <= 40 and text.count(" ") <= 5 and period_marker(text):
        return _Stamp(None, None, text, kind="period")
    return None


def _name_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 4:
        return False
    if text.isupper():
        return True
    return len(words) >= 2 and all(w[0].isupper() for w in words if w[0].isalpha())


# --------------------------------------------------------------------------
# Media


def _split_credit(text: str) -> tuple[str, str | None] | None:
    """'Steve Witkoff. Photo by X' -> ('Steve Witkoff.', 'X'); None if no credit."""
    if len(text) > 600:
        return None
    offset = max(0, len(text) - 100)  # a credit is at the end: look only there
    m = _CREDIT.search(text, offset)
    if not m:
        return None
    credit = (m.group("c1") or m.group("c2") or m.group("c3") or "").strip(" .")
    caption = text[: m.start()].rstrip(" .,;:–—-")
    if not credit or (m.group("c2") and text.rstrip().endswith(".")):
        return None
    return caption, credit


def _alt_and_caption(first: str, second: str) -> Media | None:
    """Image alt text then caption+credit: 'X' / 'XAvi Ohayon/GPO'."""
    if len(first) < 10:
        return None
    if second.startswith(first) and len(second) > len(first):
        rest = second[len(first) :].strip(" ()–—-")
        split = _split_credit(second)
        if split and split[0].startswith(first[: max(10, len(split[0]) // 2)]):
            return Media("image", caption=split[0] or first, credit=split[1])
        return Media("image", caption=first, credit=_strip_credit_label(rest) or None)
    prefix = _common_prefix(first, second)
    if len(prefix) >= 30:
        cut = prefix.rfind(". ")
        caption = prefix[: cut + 1] if cut >= 20 else prefix.rsplit(" ", 1)[0]
        credit = second[len(caption) :].strip(" ()–—-")
        return Media("image", caption=caption.strip(), credit=_strip_credit_label(credit) or None)
    return None


def _strip_credit_label(text: str) -> str:
    return re.sub(r"^(?:Photos?|Image|Foto|Crédits?|Credits?)\s*(?:by|par|de|von)?\s*:?\s*", "",
                  text, flags=re.IGNORECASE).strip(" .")


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


# --------------------------------------------------------------------------
# The parse


@dataclass
class _Body:
    """An entry (or the article) being assembled."""

    headline: str
    time_text: str | None = None
    clock: time | None = None
    day: date | None = None
    zone: tzinfo | None = None  # the zone the page gives this entry's clock
    minute: str | None = None  # a match minute ("95'"): shown, never a time
    when: datetime | None = None
    paragraphs: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def parse_text(text: str, url: str | None = None) -> Page:
    """A Page from a plain-text dump of a news page."""
    units = _units(text)
    if not units:
        return Page(kind=PageKind.ARTICLE, title="", url=url)
    _fold_units(units)
    lang = guess_language(text)
    tz = zone_for_language(lang)
    title_at = _find_title(units)
    title = units[title_at].text if title_at is not None else ""
    start = title_at + 1 if title_at is not None else 0
    end = next((i for i in range(start, len(units)) if _is_end(units[i])), len(units))
    header = _read_header(units, title_at, start, end, tz)
    body_units = units[header.body_start : end]

    live = bool(_LIVE_MARKER.search(" ".join([title, *header.context])))
    zone = next((u.zone for u in reversed(units[: header.body_start]) if u.zone), header.zone)
    bodies = _stamped_bodies(body_units, zone, live)
    if bodies:
        live = True
        anchor = (header.updated or header.published, header.published or header.updated)
        _assign_times(bodies, anchor, zone or tz)
    elif live:
        bodies = _split_headlines(body_units, title)
        if len(bodies) < 2:
            bodies, live = [], False  # "live" in a title, and one story: an article
    if not bodies:
        article = _Body(headline=title)
        article.media.extend(header.media)
        _fill(article, body_units, title, subheadings=True)
        if not article.paragraphs and header.lead:
            # What looked like a standfirst is all the text there is.
            article.paragraphs.append(escape_markdown(header.lead))
            header.lead = None
        bodies = [article] if title or article.paragraphs or article.media else []

    page_key = url or title
    entries = []
    for position, body in enumerate(bodies):
        when = body.when
        entries.append(
            Entry(
                id=entry_id(page_key, body.headline, when),
                position=position,
                headline=body.headline,
                body_markdown="\n\n".join(body.paragraphs),
                time=when,
                time_text=body.time_text,
                links=tuple(body.links),
                media=tuple(body.media),
                minute=body.minute,
                zone=zone_label(when.tzinfo) if when is not None else None,
            )
        )
    return Page(
        kind=PageKind.LIVEBLOG if live else PageKind.ARTICLE,
        title=title,
        entries=tuple(entries),
        url=url,
        source=_find_source(units, title_at, header),
        lead=header.lead,
        published=header.published,
        updated=header.updated,
        authors=tuple(header.authors),
        topics=tuple(header.topics),
        image_caption=header.media[0].caption if header.media else None,
    )


def _find_title(units: list[Unit]) -> int | None:
    """The first headline-like line followed by a standfirst, byline or date."""
    first_candidate = None
    for i, unit in enumerate(units):
        if unit.is_list or _is_chrome(unit) or _is_end(unit):
            continue
        text = unit.text
        if not _headline_like(text, min_words=3) or _is_date_line(text):
            continue
        found = unit.stamp
        if found and found.kind == "clock" or _AUTHOR.match(text):
            continue
        if first_candidate is None:
            first_candidate = i
        nxt = _next_meaningful(units, i + 1)
        if nxt is None:
            continue
        follower = units[nxt]
        if follower.is_list:
            if _content_list(follower):
                return i
            continue
        if _paragraph_like(follower.text):
            return i
        if _is_date_line(follower.text):
            # (not a site's masthead: its date sits above the menu)
            after = nxt + 1 < len(units) and units[nxt + 1].is_list and len(units[nxt + 1].items
                                                                              or ()) > 8
            if not after:
                return i
        if _AUTHOR.match(follower.text) and follower.words <= 8:
            return i
        if _byline_below(units, nxt):
            return i
    if first_candidate is not None:
        return first_candidate
    # No headline anywhere: the first line of text stands for the title.
    return next(
        (i for i, u in enumerate(units) if not u.is_list and not _is_chrome(u) and u.words <= 30),
        None,
    )


def _byline_below(units: list[Unit], i: int) -> bool:
    """A byline within a few units, with only menus, share buttons and short
    labels ('Download the free app') between: under a title."""
    for unit in units[i : i + 6]:
        if unit.is_list or unit.words <= 4:
            continue
        return bool(_AUTHOR.match(unit.text)) and unit.words <= 8
    return False


def _next_meaningful(units: list[Unit], i: int, limit: int = 3) -> int | None:
    """The next unit that is not chrome (lists count), within a few units."""
    seen = 0
    while i < len(units) and seen < limit:
        if units[i].is_list or not _is_chrome(units[i]):
            return i
        i += 1
        seen += 1
    return None


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


def _read_header(
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
            if _content_list(unit):
                break
            tags = _tag_items(unit)
            if tags and not header.topics:
                header.topics = tags
            date_lines.extend(unit.items or ())
            i += 1
            continue
        media, used = _media_at(units, i, end, title)
        if media:
            header.media.append(media)
            if media.caption:
                date_lines.append(media.caption)
            i += used
            continue
        if text == title or _is_chrome(unit):
            i += 1
            continue
        if unit.words <= 6 and not _paragraph_like(text) and _byline_below(units, i + 1):
            i += 1  # a label between the title and its byline ('Download the free app')
            continue
        found = unit.stamp
        if found and found.kind in ("clock", "dotted") and not _is_date_line(text):
            break  # the first timed entry
        if found and found.kind in ("minute", "period") and minutes:
            break  # the first entry of a minute-by-minute page
        author = _AUTHOR.match(text)
        if author and unit.words <= 10:
            name = author.group("name")
            if name is None and i + 1 < end and not units[i + 1].is_list:
                name = units[i + 1].text
                i += 1
            header.authors.extend(_split_authors(name or ""))
            date_lines.append(text)
            i += 1
            continue
        if _is_date_line(text) or (unit.words <= 3 and text[-1] not in ".!?"):
            date_lines.append(text)
            header.context.append(text)
            i += 1
            continue
        if header.lead is None and _paragraph_like(text) and _is_lead(units, i, end):
            header.lead = text
            header.context.append(text)
            i += 1
            continue
        break
    header.body_start = i
    # Dates in order of trust: a byline or date line under the title, a date
    # line just above it, then any date in the header (a caption...).
    ranked = [(0 if len(t.split()) <= 8 or _PUBLISHED.search(_f(t)) else 2, t) for t in date_lines]
    ranked += [(1, u.text) for u in reversed(before) if not u.is_list and u.words <= 8]
    for _rank, text in sorted(ranked, key=lambda pair: pair[0]):
        text = _deglue(text)  # 'Feb 19 20207:13 PM'
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
        z = zone_after_clock(_CAPS_GLUE.sub(" ", text[m.end() : m.end() + 12]))
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
    if nxt.is_list or _is_chrome(nxt):
        return True
    text = nxt.text
    return (
        not _paragraph_like(text)
        or _is_date_line(text)
        or bool(_AUTHOR.match(text))
        or _split_credit(text) is not None
    )


def _take_dates(header: _Header, text: str, tz: tzinfo) -> None:
    """Publication and update dates from a byline/date line:
    'Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54',
    '11:48, Thu, Jul 18, 2024 | UPDATED: 11:50, ...', 'Updated21:22, 6 OCT 2020'."""
    m = _UPDATED.search(_f(text))
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
        if not name or _ROLE_WORDS.search(_f(name)) or find_date(name) or len(name.split()) > 5:
            continue
        out.append(name)
    return out


def _tag_items(unit: Unit) -> list[str]:
    items = [i for i in unit.items or () if i]
    if len(items) < 2:
        return []
    if any(len(i.split()) > 4 or len(i) > 40 or _is_date_line(i) for i in items):
        return []
    real = [i for i in items if _f(i) not in _CHROME_LINES and _f(i) not in _SOCIAL]
    if len(real) < 0.7 * len(items):
        return []
    if all(re.search(r"\D\d+$", i) for i in real):  # "Gaza398": tag and its count
        real = [re.sub(r"\d+$", "", i) for i in real]
    seen: dict[str, str] = {}
    for item in real:
        seen.setdefault(_f(item), item)
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
    folded_title = _f(title)
    for unit in reversed(before):
        if unit.is_list and unit.items and len(unit.items) >= 2:
            last = _f(unit.items[-1])
            mostly = len(last) > 0.6 * len(folded_title) and last in folded_title
            if folded_title in last or mostly:
                for item in unit.items[:-1]:
                    if item and _f(item) not in _GENERIC_CRUMBS:
                        return item
    return None


_COPYRIGHT = re.compile(
    r"(?:©|copyright|tous droits réservés\s*-?)\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w'&.\- ]{1,40}?)"
    r"(?:\s+\d{4})?\s*(?:[.,;|]|$|all rights|tous droits)",
    re.IGNORECASE,
)


def _find_source(units: list[Unit], title_at: int | None, header: _Header) -> str | None:
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
    plain = [u for u in units if not u.is_list and not _is_chrome(u) and not _is_end(u)]
    if not plain:
        return None
    for unit, need_repeat in ((plain[-1], False), (plain[0], True)):
        text = unit.text
        if (
            1 <= unit.words <= 3
            and len(text) <= 30
            and text[0].isupper()
            and text[-1] not in ".!?:,"
            and not _is_date_line(text)
            and (title_at is None or unit is not units[title_at])
        ):
            if need_repeat and sum(1 for u in plain if u.text == text) < 2:
                continue
            return text
    return None


def _media_at(units: list[Unit], i: int, end: int, title: str | None) -> tuple[Media | None, int]:
    """Media starting at units[i]: (media, units used) or (None, 0)."""
    unit = units[i]
    text = unit.text
    nxt = units[i + 1] if i + 1 < end and not units[i + 1].is_list else None
    glued = nxt is not None and not unit.gap_after
    if _VIDEO_LABEL.match(text):
        if glued and nxt is not None and nxt.words <= 30:
            return Media("video", caption=nxt.text), 2
        return None, 0
    if _URL.fullmatch(text):
        return Media("embed", url=text), 1
    found: Media | None = None
    after = i + 1
    if nxt is not None and (glued or (len(text) >= 20 and nxt.text.startswith(text))):
        found = _alt_and_caption(text, nxt.text)
        split = _split_credit(nxt.text)
        if found is None and text == title and split:
            found = Media("image", caption=split[0], credit=split[1])
        after = i + 2
    if found is None:
        split = _split_credit(text)
        if not split:
            return None, 0
        found, after = Media("image", caption=split[0], credit=split[1]), i + 1
    found, after = _with_credit_line(units, after, end, found)
    return found, after - i


def _with_credit_line(units: list[Unit], j: int, end: int, media: Media) -> tuple[Media, int]:
    """A 'Bildrechte: Reuters' line under a caption: (media, index after it)."""
    if j < end and not units[j].is_list and units[j].words <= 6:
        m = re.match(r"^(?:Bildrechte|Credits?|Crédits?|Photo|Foto)\s*:\s*(.+)$", units[j].text)
        if m:
            if not media.credit:
                media = Media(media.kind, caption=media.caption, credit=m.group(1), url=media.url)
            return media, j + 1
    return media, j


# --------------------------------------------------------------------------
# Live blogs


def _stamps(units: list[Unit]) -> list[tuple[int, _Stamp]]:
    """The units that open an entry, with their stamps. Bare dotted clocks
    ('16.06 Text') count when the page has a run of them in time order, match
    minutes and periods when it has a run of minutes; a bare clock next to a
    video label is the video's duration."""
    found = [(i, u.stamp) for i, u in enumerate(units) if u.items is None and u.stamp]
    dotted = [st.clock for _, st in found if st.kind == "dotted" and st.clock]
    use_dotted = len(dotted) >= 3 and _in_order(dotted) >= 0.7
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
            _name_like(rest) or _headline_like(rest) or rest[:1].isupper() or rest[:1] in "«\"“'‘"
        ):
            continue  # '14h30, la réunion ...': a clock inside a sentence
        out.append((i, st))
    return _one_per_block(units, _without_durations(out))


def _one_per_block(units: list[Unit], stamps: list[tuple[int, _Stamp]]
                   ) -> list[tuple[int, _Stamp]]:
    """Two stamps with nothing but chrome between them stamp one entry
    ('3.09am GMT' over 'Updated at 3.16am GMT', '15:05' over 'Posted at
    15:05'): the plain one is the entry's time, the labelled one goes."""
    drop: set[int] = set()
    for (i, a), (j, b) in zip(stamps, stamps[1:], strict=False):
        if a.labelled == b.labelled or not all(_is_chrome(u) for u in units[i + 1 : j]):
            continue
        drop.add(j if b.labelled else i)
    return [(i, st) for i, st in stamps if i not in drop]


def _dial(a: time, b: time) -> int:
    """Minutes between two clocks the short way round the dial."""
    diff = abs(a.hour * 60 + a.minute - b.hour * 60 - b.minute)
    return min(diff, 1440 - diff)


def _without_durations(stamps: list[tuple[int, _Stamp]]) -> list[tuple[int, _Stamp]]:
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
            gap = _dial(near[0], near[-1]) if len(near) == 2 else 0
            if all(_dial(st.clock, c) > max(60, gap) for c in near) and (
                len(near) == 2 or min(_dial(st.clock, c) for c in near) > 360
            ):
                continue
        out.append((i, st))
    return out


def _steps(clocks: list[time]) -> tuple[int, int]:
    """How many steps from one clock to the next go forward and how many back,
    each the short way round the dial (23.46 after 00.04 is 18 minutes back);
    a step of more than six hours either way says nothing."""
    ups = downs = 0
    for a, b in zip(clocks, clocks[1:], strict=False):
        diff = (b.hour * 60 + b.minute - a.hour * 60 - a.minute) % 1440
        ups += 0 < diff <= 360
        downs += diff >= 1080
    return ups, downs


def _in_order(clocks: list[time]) -> float:
    """The share of steps that go the page's main way (up or down)."""
    ups, downs = _steps(clocks)
    return max(ups, downs) / (ups + downs) if ups + downs else 0.0


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
    return len(text) <= 20 and _f(text).strip(" :!-–—") in ENTRY_TAGS


def _title_line(units: list[Unit], j: int, stop: int) -> bool:
    """Whether units[j] is an entry's own headline line."""
    unit = units[j]
    if unit.items is not None or not _headline_like(unit.text) or _is_chrome(unit):
        return False
    if not _paragraph_like(unit.text):
        return True
    # 'India vs Sri Lanka Live Score: India WIN!!!' above its longer text
    nxt = units[j + 1] if j + 1 < stop else None
    return unit.words <= 12 and nxt is not None and nxt.items is None and nxt.words > unit.words


def _split_stamped(units: list[Unit], stamps: list[tuple[int, _Stamp]],
                   zones: list[tzinfo | None]) -> list[_Body]:
    """Entries that start at their stamps: the stamp's line, its headline
    (after the clock or on the next line), then the text up to the next."""
    bodies: list[_Body] = []
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
        elif _headline_like(rest) and not _paragraph_like(rest):
            headline = rest
        else:
            lead = rest  # the entry's text runs on after its clock
        body = _Body(headline=headline, time_text=st.printed, clock=st.clock, day=entry_day,
                     zone=st.zone or zones[i], minute=st.printed if st.kind == "minute" else None)
        if lead:
            body.paragraphs.append(escape_markdown(lead))
            _collect_links(body, lead)
        _fill(body, part[j:], headline, subheadings=True)
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
    byline = bool(_AUTHOR.match(unit.text)) or _name_like(unit.text)
    return byline and _title_line(part, j + 1, len(part))


def _headlines_above(units: list[Unit], stamps: list[tuple[int, _Stamp]]) -> set[int]:
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
    if unit.items is not None or unit.words > 6 or not _YEAR.search(unit.text):
        return None
    m = _DATE_HEAD.fullmatch(unit.text.strip(" :,.-–—"))
    return find_date(m[0]) if m else None


def _split_trailing(units: list[Unit], stamps: list[tuple[int, _Stamp]],
                    zones: list[tzinfo | None]) -> list[_Body]:
    """Entries whose stamp closes them ('Jamie Braidwood14 August 2023 10:01'
    under the text): each runs from the previous stamp to its own."""
    bodies: list[_Body] = []
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
        body = _Body(headline=headline, time_text=st.printed, clock=st.clock, day=st.day,
                     zone=st.zone or zones[i])
        _fill(body, part[k:], headline, subheadings=True)
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
            if words > 30 or text[-1] in _SENTENCE_END or ", " in text:
                total += words
    return total


def _body_words(body: _Body) -> int:
    return sum(p.count(" ") + 1 for p in body.paragraphs)


def _stamped_bodies(units: list[Unit], zone: tzinfo | None, live_hint: bool) -> list[_Body]:
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
    if _stamps_in_order(bodies) < MIN_ORDER:
        return []  # stamps in no order: comments, a rail of teasers, a deals list
    # The entries hold most of the page's text (not a rail beside an article).
    covered = sum(_body_words(b) for b in bodies)
    return bodies if covered >= 0.5 * _text_words(units) else []


# A live blog's stamps run one way (newest or oldest first), give or take an
# updated entry; comments and rails of teasers do not.
MIN_ORDER = 0.75
_AGO = re.compile(r"(\d+)\s*(m|min|minutes?|h|hrs?|hours?|d|days?)\b", re.IGNORECASE)
_AGO_MINUTES = {"m": 1, "h": 60, "d": 1440}


def _stamps_in_order(bodies: list[_Body]) -> float:
    """How steadily the entries' clocks (or their ages, "32M ago") run one
    way: 1.0 in order, near 0.5 for stamps in no order; 1.0 for fewer than
    five (too few to tell)."""
    clocks = [b.clock for b in bodies if b.clock is not None]
    if len(clocks) >= 5:
        return _in_order(clocks)
    ages = [int(m[1]) * _AGO_MINUTES[m[2][0].lower()]
            for b in bodies if b.minute is None and (m := _AGO.match(b.time_text or ""))]
    older = sum(a < b for a, b in zip(ages, ages[1:], strict=False))
    newer = sum(a > b for a, b in zip(ages, ages[1:], strict=False))
    return max(older, newer) / (older + newer) if older + newer >= 4 else 1.0


def _without_copies(bodies: list[_Body]) -> list[_Body]:
    """A key-events or summary list repeats entries' headlines and times with
    no text: such a copy is dropped when the entry itself is there."""
    if all(b.paragraphs for b in bodies):
        return bodies
    full = {(b.headline[:30].casefold(), b.time_text) for b in bodies if b.paragraphs}
    return [b for b in bodies
            if b.paragraphs or (b.headline[:30].casefold(), b.time_text) not in full]


_Moment = datetime | date | None


def _assign_times(bodies: list[_Body], anchors: tuple[_Moment, _Moment], zone: tzinfo) -> None:
    """Each entry's time from its printed clock: the day it prints (or a day
    header above it), else the day that keeps it nearest the entry before it
    in the page's order (which carries it over midnight), else, for the first,
    the page's date: its last update on a newest-first page, else its start."""
    clocks = [b.clock for b in bodies if b.clock is not None]
    down = _descending(clocks)
    anchor = anchors[0] if down else anchors[1]
    previous: datetime | None = None
    for body in bodies:
        if body.clock is None:
            continue
        tz = body.zone or zone
        if body.day is not None:
            previous = at_clock(body.day, body.clock, tz)
        elif previous is not None:
            previous = _next_moment(previous, body.clock, tz, down)
        elif isinstance(anchor, datetime):
            previous = at_clock(anchor.astimezone(tz).date(), body.clock, tz)
        elif anchor is not None:
            previous = at_clock(anchor, body.clock, tz)
        body.when = previous


def _descending(clocks: list[time]) -> bool:
    ups, downs = _steps(clocks)
    return downs > ups


def _next_moment(previous: datetime, clock: time, tz: tzinfo, down: bool) -> datetime:
    """The moment at `clock` next to `previous` going the page's way: back in
    time on a newest-first page, unless that takes a day and the clock is
    just after (an update, or midnight crossed the other way)."""
    base = previous.astimezone(tz)
    same = at_clock(base.date(), clock, tz)
    before = same if same <= base else at_clock(base.date() - timedelta(days=1), clock, tz)
    after = same if same >= base else at_clock(base.date() + timedelta(days=1), clock, tz)
    back, ahead = base - before, after - base
    if down:
        return after if ahead < timedelta(hours=6) and back > timedelta(hours=18) else before
    return before if back < timedelta(hours=6) and ahead > timedelta(hours=18) else after


def _split_headlines(units: list[Unit], title: str) -> list[_Body]:
    """Entries without printed times: a headline line, a blank line, then body
    paragraphs, up to the next headline."""
    heads = []
    i = 0
    while i < len(units):
        unit = units[i]
        media, used = (None, 0) if unit.is_list else _media_at(units, i, len(units), title)
        if media:
            i += used
            continue
        if (
            not unit.is_list
            and unit.gap_before
            and unit.gap_after
            and unit.text != title
            and _headline_like(unit.text, min_words=2)
            and not _is_chrome(unit)
            and not _is_date_line(unit.text)
        ):
            j = _next_meaningful(units, i + 1)
            if j is not None and not units[j].is_list and _paragraph_like(units[j].text):
                if not _headline_like(units[j].text) or units[j].words > 30:
                    heads.append(i)
        i += 1
    bodies = []
    for n, i in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(units)
        body = _Body(headline=units[i].text)
        _fill(body, units[i + 1 : stop], body.headline, subheadings=False)
        bodies.append(body)
    return bodies


# --------------------------------------------------------------------------
# Bodies


def _fill(body: _Body, units: list[Unit], headline: str, *, subheadings: bool) -> None:
    """Body paragraphs, lists and media from units, chrome dropped."""
    i = 0
    n = len(units)
    skip_next = False
    while i < n:
        unit = units[i]
        text = unit.text
        if skip_next:
            skip_next = False
            if not unit.is_list and unit.words <= 25 and not _paragraph_like(text):
                i += 1
                continue
        if unit.is_list:
            if _content_list(unit):
                items = [escape_markdown(item, block=False) for item in unit.items or () if item]
                body.paragraphs.append("\n".join(f"- {item}" for item in items))
                _collect_links(body, " ".join(unit.items or ()))
            i += 1
            continue
        if text == headline:
            i += 1
            continue
        if _is_promo_label(unit):
            skip_next = True
            i += 1
            continue
        media, used = _media_at(units, i, n, headline)
        if media:
            body.media.append(media)
            i += used
            continue
        if _is_chrome(unit):
            i += 1
            continue
        if _is_date_line(text) and unit.words <= 6:
            i += 1  # a day header
            continue
        following = units[i + 1] if i + 1 < n else None
        if following is not None and not following.is_list and _split_credit(following.text):
            if unit.words <= 12 and text[-1] not in ".!?":  # alt text above a caption
                i += 1
                continue
        if _headline_like(text) and unit.words <= 12:
            nxt = _next_meaningful(units, i + 1)
            if nxt is None or units[nxt].is_list and not _content_list(units[nxt]):
                if unit.words <= 3:
                    i += 1  # a stray label: "AFP", "Direct"
                    continue
            elif subheadings and _paragraph_like(units[nxt].text):
                body.paragraphs.append(f"**{escape_markdown(text, block=False)}**")
                i += 1
                continue
        body.paragraphs.append(escape_markdown(text))
        _collect_links(body, text)
        i += 1


_PROMO_LABEL = re.compile(
    r"^(?:a lire aussi|lire aussi|read more|read also|see also|mehr zum thema|"
    r"auch interessant|sur le meme sujet|voir aussi|related)\s*:?$"
)


def _is_promo_label(unit: Unit) -> bool:
    """'Lire aussi :' / 'Read more:' alone: the next short line is the promoted title."""
    return unit.words <= 5 and bool(_PROMO_LABEL.match(unit.folded))


def _collect_links(body: _Body, text: str) -> None:
    for url in _URL.findall(text):
        url = url.rstrip(".,;:")
        if all(link.url != url for link in body.links):
            body.links.append(Link(url))


