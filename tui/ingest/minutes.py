"""Match minutes and period markers of minute-by-minute sports pages.

A live match report marks its entries with the minute of play ("95'",
"45+2'", "90'+3") and with the periods ("Half-time", "Mi-temps",
"Anpfiff"), not with clock times. A minute is an entry marker: it is shown
as printed and never turned into a time of day.
"""

from __future__ import annotations

import re

MAX_MINUTE = 130  # extra time and stoppage; a larger number is not a minute

# "95'", "45+2'", "45 + 2’", "90'+3", "67′", "12 min" is left out (prose).
_MINUTE = r"(?P<min>\d{1,3})\s?(?:\+\s?(?P<add>\d{1,2})\s?)?['’′](?:\s?\+\s?(?P<add2>\d{1,2}))?"
_MINUTE_PREFIX = re.compile(
    r"^\s*(?P<printed>" + _MINUTE + r")(?![\w'’′])\s*(?:[-–—:|•·.]\s*)?(?P<rest>.*)$", re.DOTALL
)
# A minute as raw HTML writes it (the quote may be an entity), for finding
# elements whose whole text is one.
MINUTE_IN_HTML = (r"\d{1,3}\s?(?:\+\s?\d{1,2}\s?)?(?:'|’|′|&#39;|&rsquo;|&#8217;)"
                  r"(?:\s?\+\s?\d{1,2})?")

# The periods of a match, in the languages the app reads; each alone opens an
# entry ("Half-time", "Coup d'envoi de la seconde période").
_PERIODS = re.compile(
    r"^\W*(?:"
    r"kick[- ]?off|half[- ]?time|full[- ]?time|second half|first half|extra[- ]time|"
    r"end of (?:the )?(?:first|second) half|penalt(?:y|ies) shoot[- ]?out|"
    r"coup d['’]envoi|mi[- ]temps|fin du match|fin de la (?:première|premiere|seconde) période|"
    r"(?:début|debut) de la (?:seconde|deuxième|deuxieme) période|prolongations?|"
    r"tirs au but|"
    r"anpfiff|abpfiff|halbzeit(?:pause)?|spielende|(?:beginn|ende) der (?:ersten|zweiten) "
    r"halbzeit|wiederanpfiff|verlängerung|elfmeterschießen|"
    r"fischio d['’]inizio|calcio d['’]inizio|intervallo|fine (?:del )?(?:primo|secondo) tempo|"
    r"inizio (?:del )?secondo tempo|fine partita|triplice fischio|tempi supplementari"
    r")\b",
    re.IGNORECASE,
)


def split_minute_prefix(text: str) -> tuple[str, str] | None:
    """"45+2' Goal for France" -> ("45+2'", "Goal for France"); None when the
    text does not open with a match minute."""
    m = _MINUTE_PREFIX.match(text)
    if not m or int(m["min"]) > MAX_MINUTE:
        return None
    return m["printed"], m["rest"].strip()


def period_marker(text: str) -> bool:
    """Whether a short lead-in names a period of the match ("Mi-temps")."""
    return len(text) <= 80 and _PERIODS.match(text) is not None
