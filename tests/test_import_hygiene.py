"""The wall between core and UI: parsing, the library and fetching never load
Textual (so they stay fast to import, to test and to use from scripts)."""

import subprocess
import sys


def test_core_modules_never_import_textual():
    code = (
        "import sys\n"
        "import tui.ingest, tui.ingest.html, tui.ingest.textdump, tui.ingest.topics\n"
        "import tui.library, tui.pipeline.fetch, tui.model\n"
        "import tui.cli\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported textual: {result.stdout}"


def test_parsing_a_file_never_loads_httpx(tmp_path):
    """`newsreader parse FILE` and `newsreader add FILE` need no HTTP client:
    httpx (~50 ms to import) is loaded only when a URL is fetched."""
    code = (
        "import sys\n"
        "import tui.pipeline.sources, tui.pipeline.fetch, tui.cli.parse, tui.cli.add, tui.cli\n"
        "from tui.pipeline.sources import parse_source, read_source\n"
        "parse_source(read_source(sys.argv[1]))\n"
        "print('httpx' in sys.modules)\n"
    )
    page = tmp_path / "page.txt"
    page.write_text("Live: a page\n\n10:00 - Something happened\n\nIt did.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
