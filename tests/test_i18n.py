"""French and English: the interface speaks the language of config.toml's
`language`, else of LANG/LC_MESSAGES; every message shown is in the French
catalog (tui/locale/fr/LC_MESSAGES/newsreader.po, compiled to .mo); dates
and numbers are written in that language (Babel)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, user_env

sys.path.insert(0, str(ROOT / "scripts"))
import catalog  # noqa: E402  (scripts/catalog.py)

from tui import i18n  # noqa: E402


def shown(home: Path, lang: str, size: tuple[int, int] = (100, 30),
          **extra: str) -> dict[str, object]:
    """What the app showed (tests/i18n_screens.py) under LANG=`lang`."""
    env = user_env(home, LANG=lang, **extra)
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "i18n_screens.py"),
                           str(size[0]), str(size[1])], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def newsreader(home: Path, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], env=user_env(home, LANG=lang),
                          capture_output=True, text=True, timeout=60)


def test_the_reader_in_french_under_lang_fr(home: Path) -> None:
    screens = shown(home, "fr_FR.UTF-8")
    main = str(screens["main"])
    assert "Quitter" in main and "Chercher" in main and "Touches" in main  # the footer
    assert "mer. 11 févr. 2026" in main  # the entry's day, in French
    assert "Cette entrée n'a pas d'heure d'où partir." in screens["notices"]  # type: ignore[operator]
    assert "Touches" in str(screens["help"])
    assert "espace" in str(screens["help"]) and "échap" in str(screens["help"])  # key names
    english = [m for m in english_messages() if len(m.split()) >= 3]
    for name in ("main", "help", "all", "notice_screen"):
        leaks = [m for m in english if m in str(screens[name])]
        assert not leaks, f"English on the French {name} screen: {leaks}"


def test_the_reader_in_english_under_lang_en(home: Path) -> None:
    screens = shown(home, "en_US.UTF-8")
    main = str(screens["main"])
    assert "Quit" in main and "Search" in main and "Keys" in main
    assert "Wed 11 Feb 2026" in main
    assert "This entry has no time to go from." in screens["notices"]  # type: ignore[operator]
    assert "Quitter" not in main


def test_config_language_wins_over_the_environment(home: Path) -> None:
    config = home / "config" / "newsreader" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('language = "fr"\n', encoding="utf-8")
    assert "Quitter" in str(shown(home, "en_US.UTF-8")["main"])


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_french_fits_small_terminals(home: Path, size: tuple[int, int]) -> None:
    """French strings are longer: the footer and sidebar lines still end
    inside the screen (nothing wraps into the next line)."""
    screens = shown(home, "fr_FR.UTF-8", size)
    for name in ("main", "help", "all"):
        lines = str(screens[name]).splitlines()
        assert len(lines) == size[1]
        assert all(len(line) <= size[0] for line in lines)
    for name in ("main", "detail"):  # every key of the footer, its last one whole
        footer = str(screens[name]).splitlines()[-1]
        assert footer.rstrip().endswith("q Quitter"), footer


def test_cli_help_and_an_error_in_french(home: Path) -> None:
    done = newsreader(home, "fr_FR.UTF-8", "--help")
    assert done.returncode == 0
    assert "utilisation" in done.stdout.lower()
    done = newsreader(home, "fr_FR.UTF-8", "add", str(home / "absent.html"))
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "introuvable" in done.stderr or "n'existe pas" in done.stderr, done.stderr
    english = newsreader(home, "C.UTF-8", "add", str(home / "absent.html"))
    assert english.stderr != done.stderr


@pytest.mark.parametrize(("environ", "language"), [
    ({"LANG": "fr_FR.UTF-8"}, "fr"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "C"}, "en"),
    ({"LANGUAGE": "fr:en", "LANG": "en_US.UTF-8"}, "fr"), ({"LC_ALL": "fr_CA.UTF-8"}, "fr"),
    ({"LC_MESSAGES": "de_DE.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"), ({}, "en"),
])
def test_language_from_the_environment(environ: dict[str, str], language: str) -> None:
    assert i18n.language_from_env(environ) == language


def test_the_language_is_read_from_the_config_file_the_app_uses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tui.i18n reads config.toml before tui.config does: from the same
    file on every system (on Windows platformdirs puts an app's folder under
    its author's, which `appauthor=False` left out)."""
    import platformdirs
    import platformdirs.windows

    from tui.config import config_path

    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda _csidl: str(tmp_path))
    config_path().parent.mkdir(parents=True)
    config_path().write_text('language = "fr"\n', encoding="utf-8")
    assert i18n.language_from_config() == "fr"


def test_dates_numbers_and_plurals_in_both_languages() -> None:
    day = date(2026, 2, 11)
    try:
        i18n.use("fr")
        assert (i18n.short_day(day), i18n.day_label(day)) == (
            "mer. 11 févr. 2026", "mercredi 11 février 2026")
        assert i18n.number(1234).replace("\u202f", " ").replace("\xa0", " ") == "1 234"
        assert i18n.ngettext("{n} entry", "{n} entries", 1) == "{n} entrée"
        assert i18n.ngettext("{n} entry", "{n} entries", 3) == "{n} entrées"
        i18n.use("en")
        assert (i18n.short_day(day), i18n.day_label(day)) == (
            "Wed 11 Feb 2026", "Wednesday 11 February 2026")
        assert i18n.number(1234) == "1,234"
    finally:
        i18n.use("en")


def english_messages() -> list[str]:
    return [m.id for m in catalog.extracted() if isinstance(m.id, str) and m.id]


def test_every_message_of_the_code_has_its_french() -> None:
    """The catalog is complete and the shipped .mo is the .po compiled."""
    po = catalog.updated()
    assert catalog.missing(po) == []
    with catalog.PO.open("rb") as handle:
        shipped = catalog.read_po(handle, locale="fr")
    assert catalog.compiled(shipped) == catalog.MO.read_bytes(), \
        "newsreader.mo is older than the .po: run python scripts/catalog.py"


#: Calls whose text arguments people read: (function name, positions, keywords).
SINKS = {
    "notify": ((0,), ("title",)),
    "PromptScreen": ((0, 2, 3), ()),
    "ConfirmScreen": ((0,), ()),
    "Binding": ((2,), ("description", "tooltip")),
    "show_message": ((0,), ()),
    "add_argument": ((), ("help",)),
    "add_parser": ((), ("help", "description", "epilog")),
    "ArgumentParser": ((), ("description", "epilog")),
    "UserError": ((0,), ()),
    "print_error": ((0,), ()),
    "Divider": ((0,), ()),
    "set_border_text": ((2,), ()),
}


def _untranslated(node: ast.expr) -> bool:
    """A literal with words in it, not passed through the catalog."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and any(ch.isalpha() for ch in str(v.value))
                   for v in node.values)
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) or _untranslated(node.right)
    return False


def test_no_text_reaches_people_without_the_catalog() -> None:
    """Every literal given to what shows text (notices, prompts, key
    descriptions, CLI help and errors, dividers, border texts) goes through
    `_()`: a new message written without it fails here."""
    found = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else \
                func.id if isinstance(func, ast.Name) else ""
            if name not in SINKS:
                continue
            positions, keywords = SINKS[name]
            args = [node.args[i] for i in positions if i < len(node.args)]
            args += [k.value for k in node.keywords if k.arg in keywords]
            found += [f"{path.relative_to(ROOT)}:{arg.lineno}" for arg in args
                      if _untranslated(arg)]
    assert found == []
