"""The reader leaves when its terminal goes away, instead of spinning on a
dead terminal (seen: two orphaned apps at 83% CPU each for an hour)."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import user_env

from tui.app.hangup import terminal_hung_up

ROOT = Path(__file__).resolve().parent.parent


def test_a_closed_pty_reads_as_hung_up():
    master, slave = pty.openpty()
    try:
        assert not terminal_hung_up(slave)
        os.close(master)
        assert terminal_hung_up(slave)
    finally:
        os.close(slave)


def _start_reader(home: Path) -> tuple[subprocess.Popen, int]:
    """The real app on a pty of its own, in its own session (so closing the
    pty sends it no SIGHUP: only the hang-up check can notice)."""
    master, slave = pty.openpty()
    env = user_env(home, TERM="xterm-256color", COLUMNS="100", LINES="30")
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli"], stdin=slave, stdout=slave,
                            stderr=slave, env=env, cwd=ROOT, start_new_session=True)
    os.close(slave)
    # Wait for the first screen: the seeds' live blog title is drawn.
    seen, deadline = b"", time.monotonic() + 30
    while b"LIVE BLOG" not in seen and time.monotonic() < deadline:
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
    assert b"LIVE BLOG" in seen, "the app did not draw its first screen"
    return proc, master


def _wait_exit(proc: subprocess.Popen, seconds: float) -> int | None:
    try:
        return proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


@pytest.mark.skipif(sys.platform == "win32", reason="ptys are Unix")
def test_the_app_exits_when_its_terminal_hangs_up(tmp_path: Path):
    proc, master = _start_reader(tmp_path)
    os.close(master)  # the terminal goes away without a SIGHUP
    assert _wait_exit(proc, 10) is not None, "the app kept running on a dead terminal"


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="needs SIGHUP")
def test_the_app_exits_on_sighup(tmp_path: Path):
    proc, master = _start_reader(tmp_path)
    try:
        proc.send_signal(signal.SIGHUP)
        # Quit as `q` does (status 0, reading state saved), not killed by the signal.
        assert _wait_exit(proc, 10) == 0
    finally:
        os.close(master)
