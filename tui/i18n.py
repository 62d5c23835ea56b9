"""The interface's language: English (the messages as the code writes them)
or French (tui/locale/fr/LC_MESSAGES/newsreader.po, compiled to .mo).

Every layer that shows text to people imports `_` (and `ngettext` for counts)
from here. The language is chosen once, when this module is first imported:
`language = "fr"` in config.toml, else LANGUAGE / LC_ALL / LC_MESSAGES / LANG
as gettext reads them; `use()` changes it for what is translated afterwards
(messages built at import time, like key bindings, keep the first choice).
Dates and numbers are written by Babel in the same language.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

DOMAIN = "newsreader"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "fr")
#: Babel's locale for each language (numbers, dates).
_LOCALES = {"en": "en_US", "fr": "fr_FR"}

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def language_from_env(environ: Mapping[str, str] = os.environ) -> str:
    """The language gettext would pick from the environment, among ours:
    the first variable set decides; "C"/"POSIX" or another language is English."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if not value:
            continue
        for part in value.split(":"):  # LANGUAGE may list several: "fr:en"
            code = re.split(r"[_.@-]", part.strip(), maxsplit=1)[0].lower()
            if code in LANGUAGES:
                return code
        return "en"
    return "en"


def language_from_config() -> str | None:
    """config.toml's `language`, read early (before the app's Config):
    None when unset or unreadable."""
    try:
        import tomllib

        from platformdirs import user_config_path

        path = user_config_path("newsreader") / "config.toml"  # as tui.config.config_path
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("language")
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, str) and value.strip() else None


def use(language: str | None = None) -> str:
    """Speak `language` ("fr", "en", "fr_FR"...; None: the config's, else
    the environment's) from now on; returns the code chosen."""
    global _translations, _language
    wanted = language or language_from_config() or language_from_env()
    code = re.split(r"[_.@-]", wanted.strip(), maxsplit=1)[0].lower()
    if code not in LANGUAGES:
        code = "en"
    _language = code
    _translations = gettext.translation(DOMAIN, LOCALE_DIR, [code], fallback=True)
    return code


def language() -> str:
    return _language


def _(message: str) -> str:
    """`message` in the interface's language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count` ("1 entry", "3 entries"); the
    caller formats the number in (`number`)."""
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; `_` translates
    it where it is shown."""
    return message


def number(value: int) -> str:
    """1,234 in English, 1 234 in French."""
    if -1000 < value < 1000:
        return str(value)
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_LOCALES[_language])


def count(n: int) -> str:
    """A count in a message: as the English messages have always written it
    (2000), grouped in French (2 000: tui.i18n.number)."""
    return number(n) if _language == "fr" else str(n)


def decimal(value: float) -> str:
    """Seconds and sizes in a message: 0.5 and 60 in English, 0,5 in French."""
    text = f"{value:g}"
    return text.replace(".", ",") if _language == "fr" else text


def day_label(day: date) -> str:
    """A day separator: "Wednesday 11 February 2026", "mercredi 11 février 2026"."""
    from babel.dates import format_date

    return format_date(day, "EEEE d MMMM y", locale=_LOCALES[_language])


def short_day(day: date) -> str:
    """"Wed 11 Feb 2026", "mer. 11 févr. 2026"."""
    from babel.dates import format_date

    return format_date(day, "EEE d MMM y", locale=_LOCALES[_language])


def day_and_month(day: date) -> str:
    """The list's time column on a new day, in five cells: "2 Dec", "02/12"
    (French month names are longer: "2 févr.")."""
    if _language == "fr":
        return f"{day:%d/%m}"
    return f"{day.day} {day:%b}"


use()
