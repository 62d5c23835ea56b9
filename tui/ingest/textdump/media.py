"""Media: photo captions and their credits, videos and embedded posts."""

from __future__ import annotations

import re

from tui.ingest.textdump.units import Unit
from tui.model import Media

URL = re.compile(r"https?://[^\s<>\"')\]]+")
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


def split_credit(text: str) -> tuple[str, str | None] | None:
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
        split = split_credit(second)
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


def media_at(units: list[Unit], i: int, end: int, title: str | None) -> tuple[Media | None, int]:
    """Media starting at units[i]: (media, units used) or (None, 0)."""
    unit = units[i]
    text = unit.text
    nxt = units[i + 1] if i + 1 < end and not units[i + 1].is_list else None
    glued = nxt is not None and not unit.gap_after
    if _VIDEO_LABEL.match(text):
        if glued and nxt is not None and nxt.words <= 30:
            return Media("video", caption=nxt.text), 2
        return None, 0
    if URL.fullmatch(text):
        return Media("embed", url=text), 1
    found: Media | None = None
    after = i + 1
    if nxt is not None and (glued or (len(text) >= 20 and nxt.text.startswith(text))):
        found = _alt_and_caption(text, nxt.text)
        split = split_credit(nxt.text)
        if found is None and text == title and split:
            found = Media("image", caption=split[0], credit=split[1])
        after = i + 2
    if found is None:
        split = split_credit(text)
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
