"""Leave cleanly when the terminal goes away.

An SSH connection that drops sends SIGHUP; a terminal closed without one
(a killed tmux server, a pty whose other end is gone) leaves stdin at
end-of-file, where Textual's input thread would poll forever at full CPU.
Both end the app the way `q` does, so the reading state is saved.
"""

from __future__ import annotations

import asyncio
import select
import signal
import sys
from collections.abc import Callable

CHECK_EVERY = 1.0  # seconds between checks of the terminal


def terminal_hung_up(fd: int) -> bool:
    """True when the terminal on `fd` has hung up (its other end closed)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    try:
        return any(mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL)
                   for _fd, mask in poller.poll(0))
    except OSError:
        return True


def stdin_fd() -> int | None:
    try:
        stream = sys.__stdin__
        return stream.fileno() if stream is not None and stream.isatty() else None
    except (OSError, ValueError):
        return None


def watch_for_hangup(set_interval: Callable[..., object], quit_app: Callable[[], None]) -> None:
    """Call `quit_app` on SIGHUP, or when stdin's terminal hangs up."""
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, quit_app)
    except (NotImplementedError, RuntimeError, ValueError, AttributeError):
        pass  # no SIGHUP here (not a Unix main thread); the poll below still works
    fd = stdin_fd()
    if fd is None:
        return

    def check() -> None:
        if terminal_hung_up(fd):
            quit_app()

    set_interval(CHECK_EVERY, check, name="hangup watch")
