"""The wall between core and UI: parsing, the library and fetching never load
Textual (so they stay fast to import, to test and to use from scripts)."""

import subprocess
import sys


def test_core_modules_never_import_textual():
    code = (
        "import sys\n"
        "import tui.ingest, tui.ingest.html, tui.ingest.text, tui.ingest.topics\n"
        "import tui.library, tui.fetch, tui.model\n"
        "import tui.cli\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported textual: {result.stdout}"
