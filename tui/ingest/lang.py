"""A cheap guess at a page's language from its commonest words."""

from __future__ import annotations

import re

_STOPWORDS = {
    "fr": set(
        "le la les des du une est et en dans pour que qui sur au aux avec pas ce il elle".split()
    ),
    "en": set("the and of to in is that for on with as was at by it from his her has".split()),
    "de": set("der die das und den dem ist nicht mit sich auf des ein eine zu im für von".split()),
}
_WORD = re.compile(r"[a-zäöüßàâçéèêëîïôûùœ]+")


def guess_language(text: str, declared: str | None = None) -> str | None:
    """'fr', 'en', 'de' or None. A declared `lang` attribute wins when known."""
    if declared:
        code = declared.strip().lower()[:2]
        if code in _STOPWORDS:
            return code
    counts = dict.fromkeys(_STOPWORDS, 0)
    for word in _WORD.findall(text[:20000].lower()):
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 3 else None
