"""Topics for a page and for each of its entries.

An entry's topics are the page's own topics it mentions (matched without
regard to case or accents, on word boundaries: "Etats-Unis" finds
"États-Unis") followed by the names that recur across the page: capitalised
multi-word names ("Donald Trump", "Judée-Samarie") found in two entries or
more (in an article's one entry: said twice or more). A page without topics
of its own gets the most frequent of those names, so the sidebar is never
empty. Pure string work, linear in the size of the page.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import chain

from tui.model import Entry, Page
from tui.textnorm import fold, fold_page

MAX_PAGE_TOPICS = 12
MAX_ENTRY_NAMES = 8

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_CAP = rf"[{_UPPER}][\w’'-]*"
# A run of capitalised words, allowing a name particle inside ("Ursula von der
# Leyen", "Mohammed bin Salman"); single spaces only, so punctuation and line
# ends break a run.
_PARTICLES = r"(?:(?:de|du|von|van|der|al|bin|ben|el|da|del|di|la|le) )*"
_RUN = re.compile(rf"{_CAP}(?: {_PARTICLES}{_CAP})*")
# The runs of _RUN that hold a space or a hyphen, the only ones that can be
# names: the lookahead rejects, in C, a lone word without a hyphen (most
# capitalised words), and a rejected word's later letters cannot start a run
# that goes further. Where it accepts, _RUN's match is unchanged.
# (The first letter comes before the lookahead: a pattern that starts with a
# character set lets the engine skip to the capitals.)
# A run starts a word (the lookbehind): tried at every capital inside a long
# word ("AAAA…", "AbAbAb…"), the lookahead rescanned the rest of the word
# each time, quadratic (40 KB took 7.8 s). Inside a word ("iPhone") no name
# starts; a run after it ("iPhone Air Max") is found from its own first word.
_MULTI_RUN = re.compile(
    rf"(?<![\w’'-])[{_UPPER}](?=[\w’'-]*(?:-| {_PARTICLES}[{_UPPER}]))"
    rf"[\w’'-]*(?: {_PARTICLES}{_CAP})*"
)
_ELISION = re.compile(r"^(?:[LlDdJjMmNnSsTtCc]|[Qq]u)['’]")

# Capitalised words that start sentences or titles without being names.
_LEADING = frozenset(
    fold(w)
    for w in """
le la les l un une des du de d au aux ce cet cette ces il elle ils elles on nous vous je
selon pour dans en sur par avec sans mais et ou donc or ni car si lors après avant depuis
pendant alors toutefois cependant ainsi enfin fait face entre contre vers chez dont où
quand comme tandis puis aussi même déjà encore voici voilà plus moins très tout tous toute
toutes aucun aucune chaque son sa ses leur leurs notre nos votre vos mon ma mes
the a an this that these those he she it they we you i in on at for with by from of and
but or so if when after before during while however according as also there here his her
its their our your my no not yes all some many more most other such what which who whom
der die das den dem des ein eine einer eines einem einen und oder aber im am auf mit von
zu zum zur für nach bei seit laut er sie es wir ihr sich nicht auch noch schon wie wenn
als dass bis durch gegen ohne um unter über vor während wegen dieser diese dieses jetzt
lundi mardi mercredi jeudi vendredi samedi dimanche
monday tuesday wednesday thursday friday saturday sunday
montag dienstag mittwoch donnerstag freitag samstag sonntag
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
january february march april may june july august september october november december
januar februar märz juni juli oktober dezember
président présidente premier première ministre secrétaire général générale chef
president prime minister secretary general chief mr mrs ms dr mme m sir lord
präsident präsidentin kanzler kanzlerin minister ministerin herr frau bundeskanzler
bundeskanzlerin bundespräsident ministerpräsident außenminister premierminister regierungschef
bürgermeister sprecher sprecherin porte-parole spokesman spokeswoman
live blog ticker direct update updates
""".split()
)


# Names and words recur: fold each once.
_fold_name = lru_cache(maxsize=32768)(fold)


def assign_topics(page: Page) -> Page:
    """The page with each entry's topics filled (and page topics when it had none)."""
    if not page.entries:
        return page
    texts = [f"{e.headline}\n{e.body_markdown}" for e in page.entries]
    # The whole page is folded and searched at once, entries joined by a
    # character no name run nor topic pattern can match or cross: one fold,
    # one pass for names and one search per topic and entry at most, instead
    # of per-entry calls. The lookarounds see the separator where an entry's
    # own text would end, as at a string's edges.
    joined = _SEP.join(texts)
    starts = [0]
    for text in texts[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    found_names: list[list[str]] = [[] for _ in texts]
    for start, name in _names_at(joined):
        found_names[bisect_right(starts, start) - 1].append(name)
    per_entry = [{_fold_name(name) for name in names} for names in found_names]
    names = _recurring_names(found_names, per_entry)
    page_topics = page.topics or tuple(name for _key, name, _n in names[:MAX_PAGE_TOPICS])
    hits = _topic_hits(texts, joined, page_topics)
    rank = {key: i for i, (key, _name, _n) in enumerate(names)}
    entries = []
    for entry, keys, hit in zip(page.entries, per_entry, hits, strict=True):
        found: dict[str, str] = {}
        for key, topic in hit:
            found.setdefault(key, topic)
        # The entry's recurring names, in the page's order of frequency.
        extra = sorted(rank[k] for k in keys if k in rank and k not in found)
        for i in extra[:MAX_ENTRY_NAMES]:
            _key, name, _n = names[i]
            found[_fold_name(name)] = name
        entries.append(_with_topics(entry, tuple(found.values())))
    return dataclasses.replace(page, entries=tuple(entries), topics=tuple(page_topics))


_SEP = "\x00"


def _topic_hits(
    texts: list[str], joined: str, topics: tuple[str, ...]
) -> list[list[tuple[str, str]]]:
    """For each entry, the (folded key, topic) pairs of the topics its text
    mentions, in the order of `topics`."""
    hits: list[list[tuple[str, str]]] = [[] for _ in texts]
    if not topics:
        return hits
    matchers = [(fold(topic), topic, _matcher(topic)) for topic in topics]
    if joined.count(_SEP) != len(texts) - 1 or any(_SEP in t for t in topics):
        # The separator occurs in the text itself: search entry by entry.
        for text, hit in zip(texts, hits, strict=True):
            folded = fold(text)
            hit.extend((key, topic) for key, topic, phrase in matchers
                       if phrase.search(folded) >= 0)
        return hits
    # fold works character by character, so the folded page splits into the
    # folded entries.
    folded_texts = fold_page(joined).split(_SEP)
    starts = [0]
    for text in folded_texts:
        starts.append(starts[-1] + len(text) + 1)
    folded = _SEP.join(folded_texts)
    for key, topic, phrase in matchers:
        pos = 0
        while (at := phrase.search(folded, pos)) >= 0:
            index = bisect_right(starts, at) - 1
            hits[index].append((key, topic))
            pos = starts[index + 1]  # the next entry
    return hits


def _with_topics(entry: Entry, topics: tuple[str, ...]) -> Entry:
    if entry.topics == topics:
        return entry
    if type(entry) is not Entry or _ENTRY_HAS_INIT_WORK:
        return dataclasses.replace(entry, topics=topics)
    # dataclasses.replace, without its per-field work (a frozen __init__
    # sets each field through object.__setattr__): Entry has no
    # __post_init__ and no slots, so a copy of its fields is the same object.
    copy = object.__new__(Entry)
    fields = copy.__dict__
    fields.update(entry.__dict__)
    fields["topics"] = topics
    return copy


_ENTRY_HAS_INIT_WORK = hasattr(Entry, "__post_init__") or hasattr(Entry, "__slots__")


_SEPARATORS = r"[\s\-‐–]+"
_SEPARATOR_CHARS = frozenset(" \t\n\r\f\v\u00a0-‐–")


class _Phrase:
    """A topic's folded words, found whole in a folded text with any run of
    spaces or hyphens between them ("Etats-Unis" ~ "etats unis"). str.find
    does the searching: compiling a regex per topic cost more than the
    search, and every page brings topics of its own."""

    __slots__ = ("words",)

    def __init__(self, topic: str) -> None:
        folded = fold(topic)
        self.words = [w for w in re.split(_SEPARATORS, folded) if w] or [folded]

    def search(self, text: str, pos: int = 0) -> int:
        """Where the phrase starts in `text` at or after `pos`, or -1."""
        first, rest = self.words[0], self.words[1:]
        at = text.find(first, pos)
        while at >= 0:
            end = self._end(text, at + len(first), rest)
            if end >= 0 and not (at and _is_word(text[at - 1])):
                return at
            at = text.find(first, at + 1)
        return -1

    @staticmethod
    def _end(text: str, at: int, rest: list[str]) -> int:
        for word in rest:
            start = at
            while at < len(text) and text[at] in _SEPARATOR_CHARS:
                at += 1
            if at == start or not text.startswith(word, at):
                return -1
            at += len(word)
        return -1 if at < len(text) and _is_word(text[at]) else at


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


_PHRASES: dict[str, _Phrase] = {}


def _matcher(topic: str) -> _Phrase:
    phrase = _PHRASES.get(topic)
    if phrase is None:
        if len(_PHRASES) > 4096:
            _PHRASES.clear()
        phrase = _PHRASES[topic] = _Phrase(topic)
    return phrase


def names_in(text: str) -> list[str]:
    """Capitalised multi-word names in a text, leading stop-words removed."""
    return [name for _start, name in _names_at(text)]


def _names_at(text: str) -> list[tuple[int, str]]:
    """names_in with where each name's run starts."""
    out = []
    for m in _MULTI_RUN.finditer(text):
        name = _name_in_run(m.group(0))
        if name is not None:
            out.append((m.start(), name))
    return out


@lru_cache(maxsize=16384)
def _name_in_run(run: str) -> str | None:
    """The name a run of capitalised words holds, or None (cached: a page
    repeats the same names over and over)."""
    words = run.split(" ")
    words[0] = _ELISION.sub("", words[0])
    while words and _fold_name(words[0]) in _LEADING:
        words.pop(0)
    while words and _fold_name(words[-1]) in _LEADING:
        words.pop()
    if not words or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    name = " ".join(words).strip("-’'")
    if len(words) < 2 and not _capitalised_compound(name):
        return None
    if name.isupper():  # "KEY EVENT", "LIVE BLOG": shouting, not a name
        return None
    return name


def _capitalised_compound(word: str) -> bool:
    """'Judée-Samarie', 'Maison-Blanche', 'États-Unis': every part capitalised."""
    parts = word.split("-")
    return len(parts) >= 2 and all(p[:1].isupper() and len(p) > 1 for p in parts)


def _recurring_names(
    found_names: list[list[str]], per_entry: list[set[str]]
) -> list[tuple[str, str, int]]:
    """(folded key, name, count) for names found in two entries or more (or
    twice in a lone entry; failing that, once), commonest first, each in its
    most frequent spelling."""
    # Spellings counted at C speed, then folded once each: a key's most
    # frequent spelling, the first seen among equals (as most_common(1)).
    mentions: Counter[str] = Counter()
    spelling: dict[str, tuple[int, str]] = {}
    for name, count in Counter(chain.from_iterable(found_names)).items():
        key = _fold_name(name)
        mentions[key] += count
        best = spelling.get(key)
        if best is None or count > best[0]:
            spelling[key] = (count, name)
    entry_count: Counter[str] = Counter()
    for keys in per_entry:
        entry_count.update(keys)
    if len(found_names) > 1:
        keep = {k: n for k, n in entry_count.items() if n >= 2}
    else:
        keep = {k: n for k, n in mentions.items() if n >= 2} or dict(mentions)
    ranked = sorted(keep, key=lambda k: (-keep[k], -mentions[k], k))
    return [(k, spelling[k][1], keep[k]) for k in ranked]
