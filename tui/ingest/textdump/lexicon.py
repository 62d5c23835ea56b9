"""Words and phrases the text-dump parser recognises, in English, French,
German and Italian: what a live-blog entry's stamp line says before or after
its clock, the tags printed above a headline, the words around a video's
duration. (Zones are in zones.py, match minutes in minutes.py: the HTML
parser reads them too.)

Plain data and small regexes only; the rules that use them are in the other
modules of this package.
"""

from __future__ import annotations

import re

# Words printed before an entry's clock: "Updated 1:48 AM", "Posted at 15:05",
# "Mis à jour à 14h05", "Aktualisiert um 12.31 Uhr", "Aggiornato alle 9:05".
STAMP_PREFIX = re.compile(
    r"(?:(?:last\s+)?updated|posted|published|publié|publie|mis\s+à\s+jour|mis\s+a\s+jour|"
    r"modifié|actualisé|aktualisiert|veröffentlicht|aggiornato|pubblicato|ore|heure|um|at|"
    r"today|yesterday|aujourd'hui|aujourd’hui|hier|heute|gestern|oggi|ieri)"
    r"\b\s*,?\s*(?:(?:alle|on|at|le|à|am|um|il|a)\b)?\s*[:,]?\s*",
    re.IGNORECASE,
)

# A time relative to the moment the page was saved, printed before the clock:
# "4m ago12.50 BST", "2 hours ago 19:05", "il y a 5 min", "vor 3 Min.", "5 minuti fa".
RELATIVE_PREFIX = re.compile(
    r"(?:(?:about\s+|an?\s+|\d+\s*)(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)"
    r"\s+ago|just\s+now|il\s+y\s+a\s+(?:une?|\d+)\s*(?:s|sec|secondes?|mn|min|minutes?|h|"
    r"heures?|j|jours?)(?!\w)|à\s+l['’]instant|a\s+l['’]instant|vor\s+(?:einer?|\d+)\s*"
    r"(?:sek\.?|sekunden?|min\.?|minuten?|std\.?|stunden?|tag(?:en)?)(?!\w)|gerade\s+eben|"
    r"(?:\d+|un)\s*(?:secondi|minuti|min|ore|ora|giorni)\s+fa|adesso)\s*",
    re.IGNORECASE,
)

# Tags a live blog prints above (or glued to) an entry's headline; never the
# headline themselves.
ENTRY_TAGS = frozenset(
    s.casefold()
    for s in (
        "breaking", "breaking news", "just in", "pinned", "pinned post", "key event",
        "key events", "important", "update", "new", "live", "exclusive", "watch", "video",
        "dernière minute", "derniere minute", "urgent", "alerte", "info", "épinglé",
        "epingle", "essentiel", "l'essentiel", "eilmeldung", "eil", "wichtig", "neu",
        "angepinnt", "ultim'ora", "ultimora", "ultima ora", "in evidenza", "importante",
    )
)
# The same, glued to the headline that follows ("BreakingStarmer says...").
GLUED_TAG = re.compile(
    r"^(?:BREAKING|Breaking(?: [Nn]ews)?|Just in|Pinned|Key event|Eilmeldung|Dernière minute|"
    r"Urgent|Alerte|Ultim'ora|Ultim’ora)(?=[A-ZÀ-ÖØ-Þ\"“«'‘])"
)

# A video's duration, printed by the player: never an entry's time.
VIDEO_WORDS = re.compile(
    r"\b(?:video|vidéo|play|watch|regarder|ansehen|abspielen|guarda|durée|dauer|durata|"
    r"duration)\b",
    re.IGNORECASE,
)
