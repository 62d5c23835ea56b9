"""What a line is: site chrome and junk (menus, share buttons, promotions,
notices), where the page's content ends, and the shapes the parser looks for
(a headline, a paragraph, a date line, a list that is part of the text)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from tui.ingest.dates import find_date
from tui.ingest.textdump.lexicon import RELATIVE_PREFIX
from tui.ingest.textdump.stamps import deglue
from tui.textnorm import fold


class Line(Protocol):
    """What the tests here read of a line: a units.Unit, which caches their
    verdicts (Unit.chrome, Unit.end) and so is not imported here."""

    text: str
    items: tuple[str, ...] | None

    @property
    def is_list(self) -> bool: ...
    @property
    def words(self) -> int: ...
    @property
    def folded(self) -> str: ...
    @property
    def chrome(self) -> bool: ...
    @property
    def end(self) -> bool: ...


SENTENCE_END = ".!?»\"”'…)"


def fold_text(text: str) -> str:
    """Folded for matching: no accents, lower case, straight apostrophes."""
    return fold(text).replace("’", "'").replace("‘", "'")


CHROME_LINES = frozenset(
    fold_text(s)
    for s in """
share partager teilen commenter comment kommentieren imprimer print drucken
publicité advertisement advertising anzeige werbung sponsored sponsorisé annonce
menu menü navigation rechercher recherche search suche connexion login anmelden
register inscription subscriptions abonnement abonnements direct live
undefined expand bild bildbeitrag image photo video vidéo audio content footer
feuilleter farbschema fermer close schließen accueil home startseite top
facebook twitter x instagram youtube linkedin whatsapp telegram snapchat email e-mail
cookies newsletters newsletter bookmark podcasts
""".split()
) | frozenset(
    fold_text(s)
    for s in (
        "se connecter", "s'inscrire", "s'abonner", "abonnez-vous", "log in", "sign in",
        "sign out", "sign up", "se déconnecter", "my account", "mon compte", "mein konto",
        "en direct", "nach oben", "back to top", "retour en haut", "key events",
        "voir plus", "see more", "mehr anzeigen", "load more", "charger plus",
        "skip to content", "aller au contenu", "navigation überspringen",
        "zum inhalt springen", "follow us", "suivez-nous", "nous suivre", "folgen sie uns",
        "lire la suite", "read more", "weiterlesen", "en continu", "copier le lien",
        "copy link", "link kopieren", "link copied", "ajouter à mes articles",
        "ajouter à vos sélections", "video poster", "article réservé aux abonnés",
        "le fil info", "plus...", "more", "mehr",
        "show more", "show more updates", "load more updates", "load more posts",
        "afficher plus", "mehr laden", "weitere meldungen laden", "carica altri", "mostra altro",
        "condividi", "pubblicità", "leggi anche", "leggi", "abbonati", "accedi", "iscriviti",
        "commenta", "copia link", "in diretta", "diretta", "torna su",
    )
)

# Phrases that mark a short paragraph as promotion, notice or site furniture
# (folded text). Plain substrings first: `in` is much faster than one big regex.
_CHROME_SUBSTRINGS = (
    "cookie", "newsletter", "google play", "app store", "appstore", "l'appli",
    "download the app", "download our app", "app downloaden", "javascript",
    "votre navigateur", "your browser", "ihr browser", "synthese vocale",
    "aux abonnes", "a nos abonnes", "subscribers only", "abonnez-vous", "s'abonner",
    "unsubscribe", "cliquez ici", "en cliquant", "click here", "klicken sie",
    "privacy policy", "politique de confidentialite", "datenschutz",
    "all rights reserved", "tous droits reserves", "alle rechte vorbehalten",
    "scroll down for", "follow us", "suivez-nous", "folgen sie uns", "join us on",
    "rejoignez-nous", "nos offres", "our offers", "offnet in einem neuen fenster",
    "recevez les", "recevoir nos", "get the latest", "news notifications",
    "vous possedez deja un compte", "identifiez-vous", "s'inscrire gratuitement",
    "lecture du monde en cours", "publicite",
)
_CHROME_PATTERNS = re.compile(
    r"^(?:(?:a )?lire aussi|read (?:more|also)|mehr zum thema|see also|sur le meme sujet|"
    r"voir aussi|suivez|follow|folgen|partager sur|share on)\b"
    r"|\b(?:sur|on|auf|via notre|our) whatsapp|whatsapp (?:channel|group)|\bsubscribe\b"
    r"|\bsign(?:ing)? up (?:for|to)\b|\b\d+\s+(?:commentaires?|comments?|kommentare?)\b"
    r"|\bpar e-?mail\b"
)


_PATTERN_KEYS = (
    "lire aussi", "read ", "mehr zum", "see also", "sur le meme", "voir aussi", "suivez",
    "follow", "folgen", "partager", "share", "whatsapp", "subscribe", "sign", "comment",
    "kommentar", "mail",
)


def _chrome_phrase(folded: str) -> bool:
    if any(s in folded for s in _CHROME_SUBSTRINGS):
        return True
    return any(k in folded for k in _PATTERN_KEYS) and bool(_CHROME_PATTERNS.search(folded))


# The few that also mark a longer paragraph (a subscription pitch, a consent notice).
_LONG_PROMO = ("nos offres", "our offers", "newsletter", "cookie", "unsubscribe", "cliquez ici",
               "click here")
_READING_TIME = re.compile(
    r"^(?:temps de lecture|lesezeit|reading time|lecture)?\s*:?\s*(?:\d+\s*(?:-|à|to|bis)\s*)?"
    r"\d+\s*(?:min|mins|minutes?|minuten|mn)\b\.?\s*(?:de lecture|read|reading|lesezeit)?\.?$",
    re.IGNORECASE,
)
_JUNK = re.compile(
    r"^[\W_]*$"  # no letters or digits
    r"|^(?:\[[^\]]*\]\s*)+$"  # [image] placeholders, [   ] form fields
    r"|^\S+\.(?:png|jpe?g|gif|webp|svg|avif)$"  # image file names
    r"|^[a-z0-9]+(?:_[a-z0-9]+)+$"  # template identifiers (nav_close_menu)
    r"|^1\d{9}(?:\d{3})?$"  # a raw epoch (seconds or ms) a script left as text
    r"|^(?:\(öffnet in einem neuen fenster\)\s*)+$",
    re.IGNORECASE,
)
# Where the page's content ends: comments, "related", paywalls, footers.
END_MARKERS = re.compile(
    r"^(?:commentaires?|comments?|kommentare?|"
    r"cet article a recu \d+ commentaires?|\d+ (?:commentaires?|comments?|kommentare?)|"
    r"les plus lus|les plus partages|les plus commentes|most read(?: in .*)?|most popular|"
    r"most recent|top stories|latest stories|latest videos|related articles|related stories|"
    r"more on|more from .*|you may also like|recommended(?: for you)?|read next|"
    r"das konnte sie auch interessieren|meistgelesen|weitere artikel|mehr aus .*|"
    r"commenti|i piu letti|piu letti|ti potrebbe interessare|potrebbe interessarti|"
    r"nos videos|videos les plus vues|a la une de .*|sur le meme theme|"
    r"il vous reste .* a lire.*|lecture restreinte|la suite est reservee .*)$"
)


def is_chrome(unit: Line) -> bool:
    return unit.chrome


def looks_like_chrome(unit: Line) -> bool:
    if unit.is_list:
        return True
    text = unit.text
    words = unit.words
    if words > 90:
        return False  # running text
    folded = unit.folded.strip(" :|·-–—")
    if folded in CHROME_LINES or _JUNK.match(text) or _READING_TIME.match(text):
        return True
    if words <= 40 and _chrome_phrase(unit.folded):
        return True
    if words <= 5 and RELATIVE_PREFIX.fullmatch(text):
        return True  # '4m ago' alone: when the page was saved, not the entry's time
    if 40 < words <= 90 and any(s in unit.folded for s in _LONG_PROMO):
        return True
    # SHOUTED lines: promotions and section banners, never a paragraph.
    if words >= 2 and text == text.upper() and sum(c.isalpha() for c in text) >= 8:
        return True
    return False


def is_end(unit: Line) -> bool:
    return unit.end


def headline_like(text: str, min_words: int = 1) -> bool:
    if len(text) > 250:  # (before the split: most paragraphs are longer)
        return False
    words = text.split()
    if not (min_words <= len(words) <= 30):
        return False
    if text[-1] in ".,;:" and not text.endswith(("...", "…")):
        return False
    first = next((c for c in text if c.isalnum()), "")
    return bool(first) and not first.islower()


def paragraph_like(text: str) -> bool:
    """A sentence or more of running text."""
    words = len(text.split())
    return words >= 8 and (text[-1] in SENTENCE_END or words > 30 or ", " in text)


def content_list(unit: Line) -> bool:
    """Bullet points that are part of the text (key points, enumerations)."""
    items = [i for i in unit.items or () if i]
    if not items:
        return False
    sentences = sum(1 for i in items if len(i.split()) >= 5 and i[-1] in ".!?»\";)")
    return sentences >= max(1, 0.6 * len(items))


YEAR = re.compile(r"(?:19|20)\d\d")


def is_date_line(text: str) -> bool:
    """A short line that gives a date (every date form has a year)."""
    if len(text) >= 160 or not YEAR.search(text):
        return False
    # (a dump glues spans: 'Feb 19 20207:13 PM', 'November02202321:06')
    return find_date(text) is not None or find_date(deglue(text)) is not None


def next_meaningful(units: Sequence[Line], i: int, limit: int = 3) -> int | None:
    """The next unit that is not chrome (lists count), within a few units."""
    seen = 0
    while i < len(units) and seen < limit:
        if units[i].is_list or not is_chrome(units[i]):
            return i
        i += 1
        seen += 1
    return None
