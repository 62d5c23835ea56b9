"""The user's settings: `config.toml` in platformdirs.user_config_dir("newsreader").

    theme = "gruvbox"          # any of Textual's themes; saved when you pick one
    sidebar = true             # show the topic sidebar on wide terminals
    clock = "page"             # times as the page prints them, or "local"
    mark_read_after = 1.5      # seconds an entry is shown before it is read;
                               # 0: at once, "never": only by `m` (or enter)
    [keys]                     # binding id -> keys, e.g. "entry.star" = "s,asterisk"
    [watch]
    words = ["Gaza", "Macron"] # entries with these words are marked and announced
    bell = false               # ring the terminal bell when one arrives

Reading never fails the app: a missing or broken file gives the defaults (and
`Config.problem` says what was wrong, for a notification).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from tui.i18n import LANGUAGES, _
from tui.moments import CLOCKS


def config_path() -> Path:
    return Path(platformdirs.user_config_dir("newsreader")) / "config.toml"


@dataclass
class Config:
    theme: str | None = None
    sidebar: bool = True
    keys: dict[str, str] = field(default_factory=dict)
    clock: str = "page"  # "page" | "local" (tui.moments.CLOCKS)
    watch: list[str] = field(default_factory=list)  # [watch] words
    bell: bool = False  # [watch] bell
    mark_read_after: float | None = 1.5  # None: never by looking, only by `m`/enter
    language: str | None = None  # "fr" | "en"; None: the environment's (tui.i18n)
    problem: str | None = None
    path: Path = field(default_factory=config_path)

    @classmethod
    def load(cls, path: Path | None = None) -> Config:
        path = path or config_path()
        config = cls(path=path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return config
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            config.problem = f"{path}: {exc}"
            return config
        theme = data.get("theme")
        if isinstance(theme, str) and theme:
            config.theme = theme
        sidebar = data.get("sidebar")
        if isinstance(sidebar, bool):
            config.sidebar = sidebar
        keys = data.get("keys")
        if isinstance(keys, dict):
            config.keys = {str(k): str(v) for k, v in keys.items() if isinstance(v, str)}
        ignored: list[str] = []
        watch = data.get("watch", {})
        if isinstance(watch, dict):
            words = watch.get("words", [])
            if isinstance(words, list):
                config.watch = [w.strip() for w in words if isinstance(w, str) and w.strip()]
            else:
                ignored.append(f"[watch] words = {words!r} " + _("(a list of words)"))
            config.bell = watch.get("bell") is True
        clock = data.get("clock", "page")
        if clock in CLOCKS:
            config.clock = str(clock)
        else:
            ignored.append(f"clock = {clock!r} " + _('("page" or "local")'))
        after = data.get("mark_read_after", 1.5)
        if after == "never":
            config.mark_read_after = None
        elif isinstance(after, int | float) and not isinstance(after, bool) \
                and 0 <= after < 3600:
            config.mark_read_after = float(after)
        else:
            ignored.append(f"mark_read_after = {after!r} " + _('(seconds, or "never")'))
        language = data.get("language")
        code = language.split("_")[0].split(".")[0].lower() if isinstance(language, str) else None
        if language is None or code in LANGUAGES:
            config.language = code  # "fr_FR" is French, as tui.i18n reads it
        else:
            ignored.append(f"language = {language!r} " + _('("fr" or "en")'))
        if ignored:
            config.problem = _("{path}: ignored {settings}").format(
                path=path, settings="; ".join(ignored))
        return config

    def save(self) -> None:
        """Write the settings the app owns (theme, sidebar, [keys]) into the
        file, atomically, keeping everything else in it as it was: the
        tables other parts own ([follow]), other keys, comments, layout."""
        import tomlkit

        try:
            document = tomlkit.parse(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            document = tomlkit.document()
        except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError):
            document = tomlkit.document()  # a broken file: the app's own settings at least
        if self.theme:
            document["theme"] = self.theme
        document["sidebar"] = self.sidebar
        if self.keys:
            keys = tomlkit.table()
            for binding, value in self.keys.items():
                keys[binding] = value
            document["keys"] = keys
        elif "keys" in document:
            del document["keys"]
        if self.watch or "watch" in document:
            watch = document.get("watch")
            if not isinstance(watch, dict):
                watch = tomlkit.table()
                document["watch"] = watch
            watch["words"] = list(self.watch)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".toml.tmp")
        tmp.write_text(tomlkit.dumps(document), encoding="utf-8")
        os.replace(tmp, self.path)
