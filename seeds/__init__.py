"""Sample pages shipped with the app (package data `tui.seeds`).

A regular package, not a namespace one, so `importlib.resources.files("tui.seeds")`
also works from an editable install."""
