"""The body of an ordinary article, from two passes that fail differently.

trafilatura (the reference extractor) picks the article's blocks well on
pages where a class word on an ancestor, text outside <p>, or a denser box
beside the article fools a paragraph-scoring pass. Its blocks are drawn as
Markdown from our own DOM (links, emphasis, lists, quotes and subheadings
kept); a block our DOM does not hold as such keeps trafilatura's text. Our
own main-content pass wins where it is the cleaner of the two: a clean part
of trafilatura's body that covers at least half of it (what trafilatura adds
there is more often a caption, a bio or a teaser than article text).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.ingest.markdown import Rendered, render
from tui.ingest.markdown.plain import escape_markdown
from tui.model import Media
from tui.textnorm import fold

MAX_EXTRACT_CHARS = 5_000_000  # a larger page is left to our own pass alone
# Elements past which the extractor's pruning and fallbacks cost 100 ms and
# more (a page with a TV schedule of 250 programmes): our own pass alone.
MAX_EXTRACT_TAGS = 6_000
LONG_FIRST_LINE = 2_000
MIN_CONFIRMED = 0.85  # of each other's words that our text and the structured body share
MIN_OWN_COVERAGE = 0.5  # of the extractor's body that ours must hold to be chosen
MIN_OWN_CLEAN = 0.95  # of ours that the extractor's body must hold to be chosen
SHINGLE = 4

_BLOCK_TAGS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, th, dd, dt, figcaption, div"
_NON_WORD = re.compile(r"\W+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph", "item", "quote", "code", "row"
    text: str
    level: int = 2  # of a heading


def extracted_blocks(html: str, url: str | None) -> list[Block] | None:
    """The article's blocks as trafilatura picks them (fast mode, comments
    left out), or None when it finds none or is not installed."""
    if len(html) > MAX_EXTRACT_CHARS or html.count("<") > MAX_EXTRACT_TAGS:
        return None
    try:
        from trafilatura import bare_extraction
    except ImportError:
        return None
    _quiet_extractor_logs()
    try:
        # (bare_extraction: its tree as it is, without the XML output's
        # serialising and fingerprinting, a fifth of extract()'s time)
        if "\n" not in html[:LONG_FIRST_LINE]:
            # trafilatura mends a doctype on the first line with a pattern
            # that backtracks over all of it: a page on one long line (broken
            # or minified) starts on the second line instead.
            html = "\n" + html
        document = bare_extraction(html, url=url, fast=True, include_comments=False,
                                   include_tables=True, include_images=False,
                                   with_metadata=False)
        body = getattr(document, "body", None)
        if body is None:
            return None
        blocks = _blocks(body)
    except Exception:  # an extractor's failure is ours to survive, not the reader's
        return None
    return blocks or None


_STARTS = frozenset(("p", "head", "item", "row", "quote", "code", "list", "table"))
_CONTAINERS = frozenset(("list", "table", "quote"))  # their children are the blocks


class _BlockWalk:
    """Blocks of trafilatura's tree (p, head, list/item, quote, code,
    table/row), with the text of their inline children and tails."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.kind = "paragraph"
        self.level = 2
        self.quoted = 0  # inside this many quotes: what is flushed is quoted

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        self.parts.clear()
        if text:
            kind = "quote" if self.quoted and self.kind == "paragraph" else self.kind
            self.blocks.append(Block(kind, text, self.level))

    def walk(self, node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        starts = tag in _STARTS
        if starts:
            self.flush()
            self.kind, self.level = "paragraph", 2
            if tag == "head":
                rend = str(node.get("rend") or "h2")
                self.kind, self.level = "heading", int(rend[1:]) if rend[1:].isdigit() else 2
            elif tag in ("item", "row", "quote", "code"):
                self.kind = tag
        if node.text:
            self.parts.append(node.text)
        self.quoted += tag == "quote"
        for child in node:
            self.walk(child)
            if child.tag in ("lb", "cell"):
                self.parts.append(" ")
            if child.tail:
                self.parts.append(child.tail)
        if tag == "quote":
            self.flush()
            self.quoted -= 1
        if starts and tag not in _CONTAINERS:
            self.flush()
            self.kind, self.level = "paragraph", 2


def _blocks(element: Any) -> list[Block]:
    walk = _BlockWalk()
    walk.walk(element)
    walk.flush()
    return walk.blocks


_QUIETED: list[bool] = []


def _quiet_extractor_logs() -> None:
    """The extractor and its helpers log to Python's last-resort handler,
    which writes to stderr: into the reader's screen, or a CLI's clean
    output. Their records go nowhere (a parse never prints)."""
    if _QUIETED:
        return
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
    _QUIETED.append(True)


def _key(text: str) -> str:
    return _NON_WORD.sub("", fold(text))


def _dom_blocks(tree: LexborHTMLParser) -> dict[str, LexborNode]:
    """Our DOM's blocks by their folded words; a block nested in another with
    the same words (a <p> in a <blockquote>) is the one kept."""
    body = tree.body
    index: dict[str, LexborNode] = {}
    if body is None:
        return index
    for node in body.css(_BLOCK_TAGS):
        if node.tag == "div" and len(node.text(deep=False, strip=True)) < 20:
            continue  # a div that only holds other blocks
        key = _key(node.text())
        if key:
            index[key] = node
    return index


def draw_blocks(blocks: list[Block], tree: LexborHTMLParser,
                base_url: str | None) -> Rendered:
    """The blocks as Markdown, each from our DOM's block with the same words
    when there is one (its links and emphasis kept, and left out if our
    renderer sees a label or a "read more" line), else from its text."""
    index = _dom_blocks(tree)
    pieces: list[str] = []
    links: dict[str, object] = {}
    drawn_nodes: list[LexborNode] = []
    previous = ""
    for block in blocks:
        node = index.get(_key(block.text))
        if node is None:
            text = _as_markdown(block)
        else:
            drawn = render([node], base_url)
            text = _marked(block.kind, drawn.markdown.strip())
            if not text:
                continue  # a "Read more" line, a label: our renderer leaves it out
            for link in drawn.links:
                links.setdefault(link.url, link)
            drawn_nodes.append(node)
        joiner = "\n" if block.kind == previous == "item" else "\n\n"
        pieces.append((joiner if pieces else "") + text)
        previous = block.kind
    return Rendered("".join(pieces), list(links.values()),  # type: ignore[arg-type]
                    _region_media(drawn_nodes, base_url))


def _region_media(nodes: list[LexborNode], base_url: str | None) -> list[Media]:
    """The pictures, videos and embedded posts of the article's region (the
    nearest element holding every drawn block), as our renderer reads them:
    the extractor leaves them out."""
    if not nodes:
        return []
    region = _common_ancestor(nodes)
    if region is None:
        return []
    found: dict[tuple[str, str | None, str | None], Media] = {}
    for element in region.css(_MEDIA_TAGS)[:MAX_MEDIA]:
        if element.tag == "img" and _inside_figure(element, region):
            continue  # (drawn with its figure, caption and credit)
        for item in render([element], base_url).media:
            found.setdefault((item.kind, item.url, item.caption), item)
    return list(found.values())


_MEDIA_TAGS = "figure, img, video, iframe, blockquote"
MAX_MEDIA = 60


def _inside_figure(node: LexborNode, region: LexborNode) -> bool:
    current = node.parent
    while current is not None and current.mem_id != region.mem_id:
        if current.tag in ("figure", "picture"):
            return True
        current = current.parent
    return False


def _common_ancestor(nodes: list[LexborNode]) -> LexborNode | None:
    def chain(node: LexborNode) -> list[LexborNode]:
        out: list[LexborNode] = []
        current: LexborNode | None = node
        while current is not None and current.tag not in ("html", "#document"):
            out.append(current)
            current = current.parent
        return out[::-1]

    shared = chain(nodes[0])
    for node in (nodes[-1], nodes[len(nodes) // 2]):
        ids = [n.mem_id for n in chain(node)]
        depth = 0
        while depth < min(len(shared), len(ids)) and shared[depth].mem_id == ids[depth]:
            depth += 1
        shared = shared[:depth]
    return shared[-1] if shared else None


def _marked(kind: str, markdown: str) -> str:
    """A quote's or a list item's Markdown drawn from an inner <p>, with the
    mark of what holds it."""
    if not markdown:
        return markdown
    if kind == "quote" and not markdown.startswith(">"):
        return "\n".join("> " + line if line else ">" for line in markdown.split("\n"))
    if kind == "item" and not re.match(r"[-*+] |\d+[.)] ", markdown):
        return "- " + markdown
    return markdown


def _as_markdown(block: Block) -> str:
    text = escape_markdown(block.text, block=block.kind == "paragraph")
    if block.kind == "heading":
        return "#" * min(max(block.level, 2), 6) + " " + text
    if block.kind == "item":
        return "- " + text
    if block.kind == "quote":
        return "> " + text
    return text


def _shingles(text: str) -> set[tuple[str, ...]]:
    """A text's runs of SHINGLE words (how the benchmark compares bodies)."""
    words = _WORD.findall(text.lower())
    return set(zip(*(words[i:] for i in range(SHINGLE)), strict=False))


def ours_is_cleaner(own_text: str, blocks: list[Block]) -> bool:
    """Whether our own pass's text is a clean part (MIN_OWN_CLEAN) of the
    extractor's blocks that covers at least MIN_OWN_COVERAGE of them."""
    mine = _shingles(own_text)
    other = _shingles(" ".join(block.text for block in blocks))
    if not mine or not other:
        return bool(mine) and not other
    shared = len(mine & other)
    return shared >= MIN_OWN_COVERAGE * len(other) and shared >= MIN_OWN_CLEAN * len(mine)


def confirmed(own_text: str, structured_body: str) -> bool:
    """Whether the publisher's structured data (JSON-LD articleBody) says the
    same as our own pass: then it found the article, and no second pass is
    asked."""
    if len(structured_body) < 300:
        return False
    mine, theirs = _shingles(own_text), _shingles(structured_body)
    if not mine or not theirs:
        return False
    shared = len(mine & theirs)
    return shared >= MIN_CONFIRMED * len(theirs) and shared >= MIN_CONFIRMED * len(mine)
