"""Text helpers every layer needs, whatever the text came from: terminal
safety (escape sequences and control characters out), whitespace folding,
accent- and case-folding for matching, and the one test for a web link.

Neutral ground: it imports nothing of newsreader, so ingest, the library,
the pipeline, the CLI and the app all use it without crossing a wall.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings
# (terminated by BEL or ST), and two-byte escapes. The 8-bit C1 forms too.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?            # CSI
  | \x9b[0-?]*[ -/]*[@-~]?              # 8-bit CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])  # OSC, DCS, SOS, PM, APC ...
    [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?    # ... up to BEL or ST
  | \x1b[ -/]*[0-~]?                     # other ESC sequences
    """,
    re.VERBOSE,
)
# Remaining C0 controls (tab and newline are kept), DEL, C1 controls, and the
# bidi overrides that can make text display differently from what it is.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Every kind of horizontal space a page uses (no-break, thin, narrow, ...).
SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# ESC or an 8-bit C1 byte: only then is the (slower) escape pass needed.
_ESCAPE_START = re.compile(r"[\x1b\x80-\x9f]")
# Most strings are already clean; one search proves it and skips the passes.
# Any character some pass above would remove or change, and, for one line,
# every whitespace character str.split() knows except the plain space (two
# in a row, and three newlines, are tested with `in`: a pattern that is one
# character class lets the regex engine scan at full speed).
INLINE_WORK = re.compile(
    r"[\x00-\x1f\x7f-\xa0\xad\u1680\u2000-\u200d\u2028-\u202f\u205f\u2060\u2066-\u2069"
    r"\u3000\ufeff]"
)
def web_url(url: str | None) -> str | None:
    """`url` (stripped) when it is an absolute http(s) URL with a host that
    parses; None for anything else (`file:`, `javascript:`, `smb:`,
    `vscode:`, relative, `http://[::1`): the one test for a link the reader
    may store as a page's address, open or copy."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or _CONTROLS.search(url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError on a bad port
    except ValueError:
        return None
    return url if parts.hostname else None


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters; keep \\n and \\t."""
    if not _CONTROLS.search(text):
        return text  # no \r, ESC or C1 byte either: they are controls too
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ESCAPE_START.search(text):
        text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def clean_inline(text: str | None) -> str:
    """One line of text: controls removed, all whitespace folded to single spaces."""
    if not text:
        return ""
    if (not INLINE_WORK.search(text) and "  " not in text
            and text[0] != " " and text[-1] != " "):
        return text
    text = ZERO_WIDTH.sub("", strip_controls(text))
    return " ".join(SPACES.sub(" ", text).split())


def clean_text(text: str | None) -> str:
    """A block of text: lines folded, at most one blank line between paragraphs."""
    if not text:
        return ""
    text = ZERO_WIDTH.sub("", strip_controls(text)).replace("\t", " ")
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


_ASCII_BYTES = bytes(range(128))


def fold(text: str) -> str:
    """Lower case without accents: 'Février' -> 'fevrier', 'März' -> 'marz'."""
    if text.isascii():  # NFKD leaves ASCII as it is
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    # A page uses a handful of distinct non-ASCII characters: delete each
    # combining one with str.replace (C speed) rather than mapping every
    # character of the text through a translate table. Those characters are
    # found in C too: UTF-8 less its ASCII bytes is exactly their encodings.
    others = (
        decomposed.encode("utf-8", "surrogatepass")
        .translate(None, _ASCII_BYTES)
        .decode("utf-8", "surrogatepass")
    )
    for char in set(others):
        if unicodedata.combining(char):
            decomposed = decomposed.replace(char, "")
    return decomposed.casefold()


def fold_page(text: str) -> str:
    """fold() for a long text: the same string, faster when the text repeats
    a few distinct non-ASCII characters (a page). fold works character by
    character (NFKD decomposes each character on its own, every combining
    mark is dropped, so canonical reordering leaves nothing to reorder, and
    casefold has no context), so each distinct character is folded once and
    replaced, and ASCII is lowered as bytes."""
    if text.isascii():
        return text.casefold()
    encoded = text.encode("utf-8", "surrogatepass")
    others = set(encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    changes = [(char, fold(char)) for char in others]
    changes = [(char, folded) for char, folded in changes if folded != char]
    produced = {x for _char, folded in changes for x in folded}
    if any(char in produced for char, _folded in changes):
        return fold(text)  # a replacement would fold again what another made
    out = encoded.lower().decode("utf-8", "surrogatepass")  # ASCII only
    for char, folded in changes:
        out = out.replace(char, folded)
    return out


_NAME_SEPARATORS = str.maketrans({c: " " for c in "-\u2010\u2011\u2012\u2013\u2014_'\u2019."})


def topic_key(name: str) -> str:
    """What tells two spellings of one topic apart, removed: accents, case,
    hyphens, apostrophes and spacing ("États-Unis" and "Etats Unis" give
    "etats unis")."""
    return " ".join(fold(name).translate(_NAME_SEPARATORS).split())


def watch_tokens(word: str) -> list[str]:
    """A watch word as folded word tokens ("Maison-Blanche" -> ["maison", "blanche"])."""
    return re.findall(r"\w+", fold(word))


#: Fewer words than this and two entries alike are not taken for one wire
#: item ("Good morning", "Summary"): they stay apart.
SHARED_MIN_WORDS = 8
#: Link targets in markdown and bare addresses: one copy links, another doesn't.
_LINK_TARGETS = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|https?://\S+")


def text_key(headline: str, body: str) -> str | None:
    """What two copies of one wire item have in common: the words of the
    headline and body, folded, without punctuation or markup (one page's
    markdown bolds or links what another's doesn't), hashed. None for an
    entry of too few words to tell."""
    text = _LINK_TARGETS.sub(" ", f"{headline}\n{body}")
    words = re.findall(r"\w+", fold_page(text))
    if len(words) < SHARED_MIN_WORDS:
        return None
    return hashlib.blake2b(" ".join(words).encode(), digest_size=12).hexdigest()

