"""A fast path from the cleaned token stream of `markdown._Walk` to Markdown,
for the bodies most entries have: paragraphs, headings, flat lists, quotes,
bold, italics and links. Anything else (tables, code, nested lists, blocks
inside inline elements) returns None and goes through markdownify.

markdownify builds a BeautifulSoup tree for every body; on a live blog with
hundreds of entries that alone costs more than the whole parse budget.
"""

from __future__ import annotations

OPEN, CLOSE, TEXT = 0, 1, 2
Token = tuple[int, str, str | None]  # (kind, tag or text, href)

_EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*"}
_PLAIN_INLINE = {"a", "u", "sup", "sub", "s", "del"}
_INLINE = set(_EMPHASIS) | _PLAIN_INLINE
_LEAVES = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li"}
_LISTS = {"ul", "ol"}


class _Bail(Exception):
    """The body needs the full converter."""


def _wrap(tag: str, href: str | None, content: str) -> str:
    stripped = " ".join(content.split())
    if not stripped:
        return content
    lead = " " if content[:1].isspace() else ""
    trail = " " if content[-1:].isspace() else ""
    if tag in _EMPHASIS:
        mark = _EMPHASIS[tag]
        return f"{lead}{mark}{stripped}{mark}{trail}"
    if tag == "a" and href:
        return f"{lead}[{stripped}]({href}){trail}"
    return content


class _Writer:
    def __init__(self) -> None:
        self.blocks: list[tuple[str, bool]] = []  # (text, is list item)
        self.frames: list[list[str]] = [[]]
        self.inline: list[tuple[str, str | None]] = []
        self.leaf: str | None = None
        self.lists: list[list] = []  # [tag, items so far]
        self.quote = 0

    def flush(self, tag: str | None) -> None:
        if not self.frames[0]:
            return  # (every block boundary flushes; most find nothing)
        text = " ".join("".join(self.frames[0]).split())
        self.frames[0] = []
        if not text:
            return
        is_item = tag == "li"
        if tag and tag[0] == "h" and tag[1:].isdigit():
            text = "#" * int(tag[1:]) + " " + text
        elif is_item:
            if self.lists and self.lists[-1][0] == "ol":
                self.lists[-1][1] += 1
                text = f"{self.lists[-1][1]}. {text}"
            else:
                text = "- " + text
        if self.quote:
            text = "> " * self.quote + text
        self.blocks.append((text, is_item))

    def open(self, tag: str, href: str | None) -> None:
        if tag in _INLINE:
            self.frames.append([])
            self.inline.append((tag, href))
            return
        if tag == "br":
            if self.inline or self.leaf not in (None, "p"):
                self.frames[-1].append(" ")
            else:
                self.flush(self.leaf)
            return
        if self.inline or self.leaf:
            raise _Bail
        if tag in _LEAVES:
            self.flush(None)
            self.leaf = tag
        elif tag == "div":
            self.flush(None)
        elif tag in _LISTS:
            self.flush(None)
            self.lists.append([tag, 0])
        elif tag == "blockquote":
            self.flush(None)
            self.quote += 1
        else:
            raise _Bail

    def close(self, tag: str) -> None:
        if tag in _INLINE:
            if not self.inline:
                raise _Bail
            name, href = self.inline.pop()
            content = "".join(self.frames.pop())
            self.frames[-1].append(_wrap(name, href, content))
        elif tag in _LEAVES:
            self.flush(tag)
            self.leaf = None
        elif tag == "div":
            self.flush(None)
        elif tag in _LISTS:
            self.flush(None)
            if self.lists:
                self.lists.pop()
        elif tag == "blockquote":
            self.flush(None)
            self.quote = max(self.quote - 1, 0)

    def result(self) -> str:
        while self.inline:  # a size cap may leave elements open
            self.close(self.inline[-1][0])
        self.flush(self.leaf)
        out: list[str] = []
        previous_item = False
        for text, is_item in self.blocks:
            if out:
                out.append("\n" if is_item and previous_item else "\n\n")
            out.append(text)
            previous_item = is_item
        return "".join(out)


def simple_markdown(tokens: list[Token]) -> str | None:
    """Markdown for a simple body, or None when it needs markdownify."""
    writer = _Writer()
    try:
        for kind, value, href in tokens:
            if kind == TEXT:
                writer.frames[-1].append(value.replace("\\", "\\\\").replace("*", "\\*"))
            elif kind == OPEN:
                writer.open(value, href)
            else:
                writer.close(value)
        return writer.result()
    except _Bail:
        return None
