"""config.toml has one writer, and it keeps what it does not own: picking a
theme in the app leaves [follow], [follow.pages], [keys], other keys and the
user's comments as they were."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tui.config import Config
from tui.pipeline.follow import load_follow_config

SETTINGS = '''# my settings
sidebar = false
[keys]
"entry.star" = "asterisk"

[follow]
every = 90                     # a minute and a half
[follow.pages]
"https://example.org/live" = 120
'''


def test_saving_a_theme_keeps_every_other_table_and_comment(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(SETTINGS, encoding="utf-8")
    config = Config.load(path)
    config.theme = "nord"
    config.save()
    text = path.read_text(encoding="utf-8")
    assert "# my settings" in text and "# a minute and a half" in text
    data = tomllib.loads(text)
    assert data["theme"] == "nord" and data["sidebar"] is False
    assert data["keys"] == {"entry.star": "asterisk"}
    assert data["follow"] == {"every": 90, "pages": {"https://example.org/live": 120}}
    follow = load_follow_config(path)
    assert follow.every == 90 and follow.pages == {"https://example.org/live": 120}


def test_saving_into_a_new_or_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    config = Config.load(path)
    config.theme, config.keys = "gruvbox", {"app.quit": "ctrl+q"}
    config.save()
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "theme": "gruvbox", "sidebar": True, "keys": {"app.quit": "ctrl+q"}}
    path.write_text("theme = [broken", encoding="utf-8")
    assert Config.load(path).problem is not None
    config.save()
    assert tomllib.loads(path.read_text(encoding="utf-8"))["theme"] == "gruvbox"
