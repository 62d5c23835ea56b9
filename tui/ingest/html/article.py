"""The main text of an ordinary article: a lean readability-style scoring of
paragraph containers (fast enough for the parse budget), skipping page
furniture: navigation, sidebars, share bars, "read more" boxes."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.ingest.markdown import is_boilerplate, short_text
from tui.textnorm import clean_inline

MAX_PARAGRAPHS = 5_000
MIN_PARAGRAPH = 25
MAX_CLIMB = 12


def _link_chars(node: LexborNode) -> int:
    return sum(len(clean_inline(short_text(a, 500))) for a in node.css("a")[:2_000])


def _excluded(node: LexborNode) -> bool:
    """Inside page furniture (nav, aside, footer, boilerplate classes)."""
    current: LexborNode | None = node
    for _ in range(MAX_CLIMB):
        if current is None or current.tag in ("body", "html"):
            return False
        if current.tag in ("nav", "aside", "footer") or is_boilerplate(current):
            return True
        current = current.parent
    return False


def main_content(tree: LexborHTMLParser) -> LexborNode | None:
    """The element holding the article's text, or None for a page without."""
    body = tree.body
    if body is None:
        return None
    marked = body.css_first('[itemprop~="articleBody"]')
    if marked is not None and len(clean_inline(short_text(marked, 2_000, 20_000))) >= 500:
        return marked
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for para in body.css("p, pre, blockquote")[:MAX_PARAGRAPHS]:
        text = clean_inline(para.text())
        if len(text) < MIN_PARAGRAPH:
            continue
        score = 1.0 + text.count(",") + text.count("\u060c") + min(len(text) / 100, 3.0)
        parent = para.parent
        for weight in (1.0, 0.5):
            if parent is None or parent.tag in ("body", "html"):
                break
            scores[parent.mem_id] = scores.get(parent.mem_id, 0.0) + score * weight
            nodes[parent.mem_id] = parent
            parent = parent.parent
    best: LexborNode | None = None
    best_score = 0.0
    for mem_id, score in sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:10]:
        node = nodes[mem_id]
        if _excluded(node):
            continue
        chars = len(node.text()) or 1
        final = score * (1.0 - min(_link_chars(node) / chars, 1.0))
        if final > best_score:
            best, best_score = node, final
    return best
