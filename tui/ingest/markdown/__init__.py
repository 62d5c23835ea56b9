"""HTML fragments -> Markdown body, links and media.

A fragment is first walked iteratively (pages nest elements 100,000 deep)
and re-serialised as small, clean HTML: only the tags Markdown can say, no
attributes but href, nothing from scripts, share bars, ads or "read more"
boxes, nesting capped. Pictures, videos and embedded posts come out as
`Media`; links as `Link`. markdownify then turns the clean HTML into Markdown;
its recursion is safe because the nesting it sees is bounded.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from markdownify import MarkdownConverter
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.ingest.markdown.simple import CLOSE, OPEN, TEXT, Token, simple_markdown
from tui.model import Link, Media
from tui.textnorm import clean_inline, fold

MAX_EMITTED_DEPTH = 30  # nesting handed to markdownify
MAX_BODY_CHARS = 300_000  # clean HTML per body
MAX_LINKS = 200
MAX_MEDIA = 100

# Subtrees that are never content.
SKIP_TAGS = frozenset(
    "script style noscript template svg math canvas button input select textarea "
    "option label nav aside footer head link meta object map dialog menu".split()
)
KEEP_TAGS = frozenset(
    "p br h1 h2 h3 h4 h5 h6 ul ol li blockquote strong b em i code pre sup sub "
    "table thead tbody tfoot tr th td hr dl dt dd q s del u".split()
)
BLOCK_TAGS = frozenset(
    "div section article header main center details summary address hgroup figcaption "
    "fieldset".split()
)
# Class or id words that mark boilerplate inside an article or an entry.
BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharebar|social|socials|related|newsletter|promo|"
    r"advert|advertisement|advertising|ad|ads|adslot|ad-slot|dfp|sponsor|sponsored|outbrain|"
    r"taboola|read-?more|readmore|see-?also|also-?read|more-?on|comments?|subscribe|"
    r"subscription|breadcrumbs?|tags|toolbar|visually-hidden|sr-only|screen-reader)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
# Whole-block texts that are labels, not content.
_LABELS = {
    "publicite", "advertisement", "advertising", "anzeige", "werbung", "pub", "ad",
    "sponsored", "sponsorise", "partenaire",
}
# Blocks starting with these are "read more" boxes.
_READ_MORE_PHRASES = (
    "a lire aussi", "lire aussi", "a lire egalement", "lire egalement", "voir aussi",
    "read more", "read also", "see also", "more on this", "related", "lesen sie auch",
    "auch interessant", "mehr zum thema", "das konnte sie auch interessieren",
    "sur le meme sujet",
)
_READ_MORE = re.compile(
    r"^\s*(?:[»>›]\s*)?(?:" + "|".join(map(re.escape, _READ_MORE_PHRASES)) + r")\b"
)
_LABEL_STRIP = " :.\u00a0\n\t"
# What a label or a "read more" box can start with, once folded and stripped.
_LABEL_STARTS = frozenset("»>›" + "".join(w[0] for w in (*_LABELS, *_READ_MORE_PHRASES)))
_EMBED_CLASS = re.compile(r"tweet|twitter|instagram|tiktok|facebook|embed|bluesky|threads|x-post",
                          re.IGNORECASE)
_VIDEO_SRC = re.compile(r"youtube|youtu\.be|vimeo|dailymotion|video|player|brightcove|jwplayer",
                        re.IGNORECASE)
_CAPTION_CLASS = re.compile(r"caption|legend|credit|copyright", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|author", re.IGNORECASE)

_CONVERTER = MarkdownConverter(
    heading_style="atx", bullets="-", escape_underscores=False, escape_misc=False,
    strip_document="strip",
)


@dataclass
class Rendered:
    markdown: str = ""
    links: list[Link] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)


def absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if url.startswith(("javascript:", "data:", "#", "about:", "blob:")):
        return None
    if base:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    if url.startswith("//"):
        url = "https:" + url
    return url if url.startswith(("http://", "https://", "mailto:")) else None


def is_embedded_post(node: LexborNode) -> bool:
    """A quoted post of a social network (a tweet's blockquote): shown as an
    embed, not as the article's own quote."""
    return node.tag == "blockquote" and bool(
        _EMBED_CLASS.search(node.attributes.get("class") or ""))


def is_boilerplate(node: LexborNode, attrs: dict[str, str | None] | None = None) -> bool:
    attrs = node.attributes if attrs is None else attrs
    # BOILERPLATE on the class, id and role joined by spaces finds a word in
    # one of them (no word it looks for holds a space, a space bounds words):
    # each is tested on its own, and a page repeats its class names.
    for name in ("class", "id", "role"):
        marks = attrs.get(name)
        if marks and _boilerplate_marks(marks):
            return True
    return "hidden" in attrs or attrs.get("aria-hidden") == "true"


_BOILERPLATE_MARKS: dict[str, bool] = {}


def _boilerplate_marks(marks: str) -> bool:
    found = _BOILERPLATE_MARKS.get(marks)
    if found is None:
        found = bool(BOILERPLATE.search(marks))
        if len(_BOILERPLATE_MARKS) > 8192:
            _BOILERPLATE_MARKS.clear()
        _BOILERPLATE_MARKS[marks] = found
    return found


def is_label_or_read_more(text: str) -> bool:
    """A short block that is an ad label or a 'read more' box."""
    if len(text) > 400:
        return False
    folded = fold(text.strip()[:48]).strip(_LABEL_STRIP)
    return folded in _LABELS or bool(_READ_MORE.match(folded))


def block_is_label_or_read_more(node: LexborNode) -> bool:
    """is_label_or_read_more on the start of a block's text, skipping the
    text gathering and folding when the first character rules it out."""
    if not _may_be_label(node):
        return False
    return is_label_or_read_more(short_text(node, 401, 16))


_FOLDED_CHARS: dict[str, str] = {}


def _may_be_label(node: LexborNode) -> bool:
    """False when the first character that survives is_label_or_read_more's
    stripping cannot start a label (fold works character by character, so
    the first characters decide). The walk stays within short_text's node
    bound; at or past it, 'maybe'."""
    seen = 0  # characters of the stripped text looked at (it keeps 48)
    leading = True
    for count, child in enumerate(node.traverse(include_text=True)):
        if count > 16:
            return True
        if not child.is_text_node:
            continue
        for char in child.text_content or "":
            if leading and char.isspace():
                continue  # str.strip()
            leading = False
            seen += 1
            if seen > 48:
                return True
            folded = _FOLDED_CHARS.get(char)
            if folded is None:
                folded = fold(char)
                if len(_FOLDED_CHARS) < 4096:
                    _FOLDED_CHARS[char] = folded
            for x in folded:
                if x not in _LABEL_STRIP:
                    return x in _LABEL_STARTS or x.isspace()
    return True


def short_text(node: LexborNode, limit: int = 400, max_nodes: int = 2_000) -> str:
    """The start of a node's text, at most about `limit` characters, looking
    at no more than `max_nodes` descendants: node.text() costs the whole
    subtree, and pages nest thousands deep."""
    parts: list[str] = []
    size = 0
    for count, child in enumerate(node.traverse(include_text=True)):
        if count > max_nodes:
            break
        if child.is_text_node:
            text = child.text_content or ""
            parts.append(text)
            size += len(text)
            if size > limit:
                break
    return "".join(parts)


def _img_url(node: LexborNode) -> str | None:
    attrs = node.attributes
    for key in ("src", "data-src", "data-original", "data-lazy-src"):
        value = attrs.get(key)
        if value and not value.startswith("data:"):
            return value
    srcset = attrs.get("srcset") or attrs.get("data-srcset")
    if srcset:
        return srcset.split(",")[0].strip().split(" ")[0]
    return None


_MEDIA_TAGS = frozenset(("img", "video", "iframe", "blockquote"))
# [class*="..." i]: a substring in any ASCII case.
_CAPTION_WORD = re.compile("caption", re.IGNORECASE | re.ASCII)
_CREDIT_WORD = re.compile("credit|copyright", re.IGNORECASE | re.ASCII)


def _figure_parts(
    figure: LexborNode,
) -> tuple[LexborNode | None, LexborNode | None, LexborNode | None]:
    """What these css_first calls give, in one walk of the figure (itself
    included, document order) instead of four selector compilations:
    "img, video, iframe, blockquote"; "figcaption" or else
    '[class*="caption" i]'; '[class*="credit" i], [class*="copyright" i]'."""
    target = figcaption = captioned = credit = None
    for node in figure.traverse():
        if not node.is_element_node:
            continue
        tag = node.tag
        if target is None and tag in _MEDIA_TAGS:
            target = node
        if figcaption is None and tag == "figcaption":
            figcaption = node
        if captioned is None or credit is None:
            classes = node.attributes.get("class")
            if classes:
                if captioned is None and _CAPTION_WORD.search(classes):
                    captioned = node
                if credit is None and _CREDIT_WORD.search(classes):
                    credit = node
        if target is not None and figcaption is not None and credit is not None:
            break
    return target, figcaption or captioned, credit


class _Walk:
    """One rendering pass over one or more sibling subtrees."""

    def __init__(self, base_url: str | None, skip: set[int]) -> None:
        self.base = base_url
        self.skip = skip
        self.tokens: list[Token] = []
        self.size = 0
        self.links: dict[str, Link] = {}
        self.media: list[Media] = []
        self.last_media_from_caption = False

    # media -------------------------------------------------------------
    def _add_media(self, media: Media) -> None:
        if len(self.media) < MAX_MEDIA:
            self.media.append(media)

    def _figure(self, node: LexborNode) -> None:
        target, caption_node, credit_node = _figure_parts(node)
        caption = clean_inline(short_text(caption_node, 1000)) if caption_node else ""
        credit = clean_inline(short_text(credit_node, 300)) if credit_node else ""
        if credit and caption.endswith(credit):
            caption = caption[: -len(credit)].rstrip(" .-–—|")
        kind, url = "image", None
        if target is not None:
            if target.tag == "img":
                url = _img_url(target)
                caption = caption or clean_inline(target.attributes.get("alt"))
            elif target.tag in ("video", "iframe"):
                kind = "video" if target.tag == "video" or _VIDEO_SRC.search(
                    target.attributes.get("src") or "") else "embed"
                url = target.attributes.get("src") or _img_url(target)
            else:
                kind = "embed"
                caption = caption or clean_inline(short_text(target, 500))[:500]
        if caption or url:
            self._add_media(Media(kind, caption or None, credit or None, absolute(url, self.base)))

    def _img(self, node: LexborNode) -> None:
        url = _img_url(node)
        alt = clean_inline(node.attributes.get("alt") or node.attributes.get("title"))
        width = node.attributes.get("width")
        if width and width.isdigit() and int(width) < 50:  # tracking pixels, icons
            return
        if alt or url:
            self._add_media(Media("image", alt or None, None, absolute(url, self.base)))

    def _caption(self, node: LexborNode) -> None:
        """A caption-like element next to a picture: it describes the last media."""
        text = clean_inline(short_text(node, 1000))
        if not text:
            return
        credit = ""
        for inner in node.css('[class*="credit" i], [class*="copyright" i], [class*="caption" i]'):
            if inner.mem_id != node.mem_id:
                credit = clean_inline(short_text(inner, 300))
                break
        if credit and text.endswith(credit):
            text = text[: -len(credit)].rstrip(" .-–—|")
        credit = credit.strip("() ")
        if self.media and self.media[-1].kind == "image":
            last = self.media[-1]
            self.media[-1] = Media(last.kind, text or last.caption, credit or last.credit, last.url)
        else:
            self._add_media(Media("image", text, credit or None, None))

    def _embed(self, node: LexborNode) -> None:
        attrs = node.attributes
        url = attrs.get("data-instgrm-permalink") or attrs.get("cite") or attrs.get("src")
        if not url:
            links = node.css("a[href]")
            if links:
                url = links[-1].attributes.get("href")
        kind = "video" if node.tag in ("video",) or _VIDEO_SRC.search(url or "") else "embed"
        raw = short_text(node, 2000)
        if node.tag == "iframe" and "<" in raw:
            # An iframe's fallback content is raw text to the HTML parser:
            # parse it to get at its words, not its tags.
            raw = LexborHTMLParser(raw).text(separator=" ")
        caption = (clean_inline(raw)[:500] or clean_inline(attrs.get("title")) or None)
        self._add_media(Media(kind, caption, None, absolute(url, self.base)))

    # walking -------------------------------------------------------------
    def _element(self, node: LexborNode, depth: int, stack: list) -> None:
        tag = node.tag or ""
        if tag in SKIP_TAGS or node.mem_id in self.skip:
            return
        if tag == "img":
            self._img(node)
            return
        if tag == "figure" or tag == "picture":
            self._figure(node)
            return
        if tag in ("iframe", "video", "audio", "embed"):
            self._embed(node)
            return
        attrs = node.attributes
        if is_embedded_post(node):
            self._embed(node)
            return
        if attrs and is_boilerplate(node, attrs):
            return
        if (self.media and tag not in ("p", "li") and attrs.get("class")
                and _CAPTION_CLASS.search(attrs.get("class") or "")):
            self._caption(node)
            return
        if tag in BLOCK_TAGS or tag in ("p", "ul", "ol", "h2", "h3", "h4", "h5", "h6"):
            if depth < 12 and block_is_label_or_read_more(node):
                return
        if tag == "a":
            raw_href = (attrs.get("href") or "").lstrip()
            if raw_href[:11].lower() == "javascript:" and len(short_text(node, 41)) <= 40:
                return  # a script button (share, like, print): no words of the text
            href = absolute(raw_href, self.base)
            if href:
                text = clean_inline(short_text(node, 300))
                if href not in self.links and len(self.links) < MAX_LINKS:
                    self.links[href] = Link(href, text)
                self._push(node, "a", depth, stack, href)
                return
            self._push(node, None, depth, stack)
            return
        if tag in KEEP_TAGS:
            self._push(node, tag, depth, stack)
        elif tag in BLOCK_TAGS:
            self._push(node, "div", depth, stack)
        else:
            self._push(node, None, depth, stack)

    def _push(self, node: LexborNode, tag: str | None, depth: int, stack: list,
              href: str | None = None) -> None:
        if tag is not None and depth < MAX_EMITTED_DEPTH:
            self.tokens.append((OPEN, tag, href))
            self.size += 8
            if tag in ("br", "hr"):
                return
            stack.append((None, tag, depth))
            depth += 1
        else:
            tag = None
        children = [(child, None, depth) for child in node.iter(include_text=True)]
        children.reverse()
        stack.extend(children)

    def run(self, roots: Iterable[LexborNode]) -> None:
        stack: list[tuple[LexborNode | None, str | None, int]] = []
        for root in reversed(list(roots)):
            stack.append((root, None, 0))
        while stack:
            if self.size > MAX_BODY_CHARS:
                break
            node, closing, depth = stack.pop()
            if node is None:
                self.tokens.append((CLOSE, closing or "", None))
                continue
            if node.is_text_node:
                text = node.text_content
                if text:
                    self.tokens.append((TEXT, text, None))
                    self.size += len(text)
            elif node.is_element_node:
                self._element(node, depth, stack)
        # close what a size cap left open
        self.tokens.extend((CLOSE, c or "", None) for n, c, _ in reversed(stack) if n is None)


def render(roots: Iterable[LexborNode], base_url: str | None = None,
           skip: set[int] | None = None) -> Rendered:
    walk = _Walk(base_url, skip or set())
    walk.run(roots)
    markdown = simple_markdown(walk.tokens)
    if markdown is None:
        clean_html = tokens_to_html(walk.tokens)
        markdown = to_markdown(clean_html) if clean_html.strip() else ""
    return Rendered(markdown, list(walk.links.values()), walk.media)


def tokens_to_html(tokens: list[Token]) -> str:
    out: list[str] = []
    for kind, value, href in tokens:
        if kind == TEXT:
            out.append(htmllib.escape(value, quote=False))
        elif kind == OPEN:
            out.append(f'<a href="{htmllib.escape(href)}">' if href else f"<{value}>")
        else:
            out.append(f"</{value}>")
    return "".join(out)


def to_markdown(clean_html: str) -> str:
    try:
        text = _CONVERTER.convert(clean_html)
    except RecursionError:  # cannot happen with capped nesting; never a traceback
        text = clean_inline(LexborHTMLParser(clean_html).text())
    text = text.replace("\u00a0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def render_fragment(fragment: str, base_url: str | None = None) -> Rendered:
    """A body given as a string (JSON-LD articleBody): HTML, entity-encoded
    HTML or plain text with newlines."""
    if not _TAG.search(fragment) and "&lt;" in fragment:
        fragment = htmllib.unescape(fragment)
    if _TAG.search(fragment):
        tree = LexborHTMLParser(fragment)
        return render([tree.body] if tree.body else [], base_url)
    text = htmllib.unescape(fragment)
    paragraphs = [clean_inline(p) for p in re.split(r"\n+", text)]
    clean_html = "".join(f"<p>{htmllib.escape(p, quote=False)}</p>" for p in paragraphs if p)
    return Rendered(to_markdown(clean_html) if clean_html else "")


def plain_text(value: str | None) -> str:
    """One line of text from a value that may hold tags or entities."""
    if not value:
        return ""
    if "<" in value and _TAG.search(value):
        value = LexborHTMLParser(value).text(separator=" ")
    elif "&" in value:
        value = htmllib.unescape(value)
        if "&" in value:  # double-encoded ("&amp;#39;")
            value = htmllib.unescape(value)
    return clean_inline(value)
