"""`python -m tui.cli`: the `newsreader` command."""

import sys

from tui.cli import main

sys.exit(main())
