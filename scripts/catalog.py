"""The French catalog: `python scripts/catalog.py` finds every message the
code marks (`_`, `ngettext`, `N_`), adds the new ones to
tui/locale/fr/LC_MESSAGES/newsreader.po (untranslated), drops the ones no
longer in the code, and compiles newsreader.mo, which the package ships.
`--check` only says what is missing (tests/test_i18n.py does the same).
`--merge FILE.json` takes translations from a JSON object {msgid: msgstr}
(a list of forms for a plural message: {singular: [one, many]})."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "tui" / "locale" / "fr" / "LC_MESSAGES" / "newsreader.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}


def extracted() -> Catalog:
    """Every marked message of tui/, with where it is."""
    catalog = Catalog(locale="fr", domain="newsreader", project="newsreader")
    for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / "tui", method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        catalog.add(message, None, [(f"tui/{filename}", lineno)],
                    auto_comments=comments, context=context)
    return catalog


def updated() -> Catalog:
    """The .po brought up to the code: translations kept, new messages added."""
    catalog = read_po(PO.open("rb"), locale="fr") if PO.exists() \
        else Catalog(locale="fr", domain="newsreader")
    catalog.update(extracted(), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    # gettext's classic French plural (CLDR adds a form for millions).
    catalog._num_plurals, catalog._plural_expr = 2, "(n > 1)"
    catalog.project, catalog.version = "newsreader", "1"
    catalog.fuzzy = False
    return catalog


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def merge(catalog: Catalog, path: Path) -> int:
    """Translations from a JSON file into the catalog; how many were used."""
    used = 0
    for msgid, string in json.loads(path.read_text(encoding="utf-8")).items():
        message = catalog.get(msgid)
        if message is None:
            continue
        message.string = tuple(string) if isinstance(string, list) else string
        message.flags.discard("fuzzy")
        used += 1
    return used


def missing(catalog: Catalog) -> list[str]:
    """Messages of the code without a French translation, with where they are."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            where = " ".join(f"{f}:{n}" for f, n in message.locations)
            out.append(f"{where}: {message.id if isinstance(message.id, str) else message.id[0]!r}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only list what is missing")
    parser.add_argument("--merge", type=Path, nargs="*", default=[], metavar="JSON")
    args = parser.parse_args()
    catalog = updated()
    for path in args.merge:
        print(f"{path}: {merge(catalog, path)} translations used", file=sys.stderr)
    gaps = missing(catalog)
    for message in gaps:
        print(f"untranslated: {message}", file=sys.stderr)
    if not args.check:
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=100, sort_output=False, omit_header=False)
        PO.write_bytes(buffer.getvalue())
        MO.write_bytes(compiled(catalog))
        print(f"{PO.relative_to(ROOT)}: {len(catalog)} messages, {len(gaps)} untranslated")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
