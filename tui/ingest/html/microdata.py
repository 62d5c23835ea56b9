"""schema.org microdata (itemscope/itemprop) read into the same dict shape
JSON-LD has, so `jsonld.to_structured` normalises both."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.ingest.markdown import short_text

MAX_SCOPES = 500
MAX_PROPS = 2_000
MAX_NESTING = 4
MAX_CLIMB = 40
MAX_TEXT = 200_000  # ancestors looked at to find a property's owning item

_URL_TAGS = {"a": "href", "link": "href", "area": "href", "img": "src", "audio": "src",
             "video": "src", "source": "src", "iframe": "src", "embed": "src", "track": "src"}


def _owner(node: LexborNode) -> LexborNode | None:
    """The nearest ancestor carrying itemscope."""
    parent = node.parent
    for _ in range(MAX_CLIMB):
        if parent is None:
            return None
        if parent.attributes.get("itemscope") is not None or "itemscope" in parent.attributes:
            return parent
        parent = parent.parent
    return None


def _value(node: LexborNode) -> str:
    attrs = node.attributes
    tag = node.tag or ""
    if "content" in attrs:
        return attrs.get("content") or ""
    if tag in _URL_TAGS:
        return attrs.get(_URL_TAGS[tag]) or ""
    if tag == "time":
        return attrs.get("datetime") or short_text(node, 100)
    if tag in ("data", "meter"):
        return attrs.get("value") or ""
    if tag in ("object",):
        return attrs.get("data") or ""
    return short_text(node, MAX_TEXT, 50_000)


def _item(scope: LexborNode, props: dict[int, list[LexborNode]], depth: int) -> dict[str, Any]:
    itemtype = scope.attributes.get("itemtype") or ""
    item: dict[str, Any] = {"@type": itemtype.split()[0] if itemtype.split() else "Thing"}
    if scope.attributes.get("itemid"):
        item["@id"] = scope.attributes["itemid"]
    for prop in props.get(scope.mem_id, []):
        names = (prop.attributes.get("itemprop") or "").split()
        if "itemscope" in prop.attributes and prop.mem_id != scope.mem_id:
            if depth >= MAX_NESTING:
                continue
            value: Any = _item(prop, props, depth + 1)
        else:
            value = _value(prop)
        for name in names:
            if name in item:
                existing = item[name]
                item[name] = (existing if isinstance(existing, list) else [existing]) + [value]
            else:
                item[name] = value
    return item


def items(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Top-level microdata items (those that are not a property of another)."""
    scopes = tree.css("[itemscope]")[:MAX_SCOPES]
    if not scopes:
        return []
    props: dict[int, list[LexborNode]] = {}
    for prop in tree.css("[itemprop]")[:MAX_PROPS]:
        owner = _owner(prop)
        if owner is not None:
            props.setdefault(owner.mem_id, []).append(prop)
    return [_item(scope, props, 0) for scope in scopes if "itemprop" not in scope.attributes]
