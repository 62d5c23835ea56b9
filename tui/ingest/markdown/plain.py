"""Between plain text and Markdown, with no HTML machinery: text escaped so
that it renders as itself, and the words a reader sees in a Markdown body
(for headlines made from a body, for comparing texts)."""

from __future__ import annotations

import re

from tui.textnorm import clean_inline

HEADLINE_MAX = 160  # characters of a headline made from a body's first sentence

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_LINE_MARK = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+",
                           re.MULTILINE)
# Emphasis marks: runs of * or _ at a word's edge (not inside 3_000_000).
_MD_EMPHASIS = re.compile(r"(?<![\w\\])[*_]{1,3}(?=\S)|(?<=[^\s\\])[*_]{1,3}(?!\w)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def markdown_plain(markdown: str) -> str:
    """The words of a Markdown body as a reader sees them: link text without
    its target, no emphasis, heading, quote or list marks, escapes undone."""
    text = _MD_IMAGE.sub(r"\1", markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_LINE_MARK.sub("", text)
    text = _MD_EMPHASIS.sub("", text)
    return _MD_ESCAPE.sub(r"\1", text)


_ESCAPE_SPECIAL = re.compile(r"([\\`*_<])")
_ESCAPE_TABLE = str.maketrans({c: "\\" + c for c in "\\`*_<"})
# `[text](` that would open a link; the text holds no `[`, so each `[` is
# looked at once ("[_[_[_…" took minutes when the text could hold them).
_ESCAPE_LINK = re.compile(r"\[([^\]\[]*)\]\(")
_ESCAPE_BLOCK = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])(?=\s|$)")


def escape_markdown(text: str, *, block: bool = True) -> str:
    """Text as Markdown that renders as the same text."""
    if not (_ESCAPE_SPECIAL.search(text) or "](" in text or block and _ESCAPE_BLOCK.match(text)):
        return text  # nothing to escape (most paragraphs)
    text = text.translate(_ESCAPE_TABLE)  # C speed: 2.6 million `_` took seconds
    text = _ESCAPE_LINK.sub(r"\\[\1\\](", text)
    if block:
        text = _ESCAPE_BLOCK.sub(r"\1\\\2", text)
    return text


def first_sentence(markdown: str) -> str:
    """An entry without a headline is listed by its first sentence (of
    20 characters at least), cut to HEADLINE_MAX."""
    text = clean_inline(markdown_plain(markdown))
    m = re.match(r"(.{20,}?[.!?…])(?:\s|$)", text)
    sentence = m.group(1) if m else text
    if len(sentence) > HEADLINE_MAX:
        sentence = sentence[: HEADLINE_MAX - 1].rsplit(" ", 1)[0] + "…"
    return sentence
