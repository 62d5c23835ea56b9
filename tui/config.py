"""The user's settings: `config.toml` in platformdirs.user_config_dir("newsreader").

    theme = "gruvbox"          # any of Textual's themes; saved when you pick one
    sidebar = true             # show the topic sidebar on wide terminals
    [keys]                     # binding id -> keys, e.g. "entry.star" = "s,asterisk"

Reading never fails the app: a missing or broken file gives the defaults (and
`Config.problem` says what was wrong, for a notification).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs


def config_path() -> Path:
    return Path(platformdirs.user_config_dir("newsreader")) / "config.toml"


@dataclass
class Config:
    theme: str | None = None
    sidebar: bool = True
    keys: dict[str, str] = field(default_factory=dict)
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
        return config

    def save(self) -> None:
        """Write the file back (atomically); other top-level keys are kept."""
        try:
            existing = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            existing = {}
        existing.pop("keys", None)
        if self.theme:
            existing["theme"] = self.theme
        existing["sidebar"] = self.sidebar
        lines = [f"{key} = {_toml_value(value)}" for key, value in existing.items()
                 if isinstance(value, str | bool | int | float)]
        if self.keys:
            lines += ["", "[keys]"]
            lines += [f"{_toml_str(k)} = {_toml_str(v)}" for k, v in self.keys.items()]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".toml.tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _toml_value(value: str | bool | int | float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _toml_str(value)
    return repr(value)
