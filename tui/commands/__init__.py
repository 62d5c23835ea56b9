"""One module per CLI subcommand. Each defines `HELP`, `add_arguments(parser)`
and `run(args) -> int`; tui.cli imports only the one that is asked for."""
