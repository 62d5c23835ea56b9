"""`newsreader serve`: the reader served to a browser through textual-serve.
The test talks to it as the browser page does (its websocket, the same
bytes xterm.js draws) and finds the seeded live blog's entries on the
screen it sends. (No Chromium here: the page's JavaScript is textual-serve's
own.)"""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

from conftest import user_env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def screen_text(port: int, seconds: float = 20) -> str:
    import aiohttp

    data = b""
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30") as ws:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and b"Trump" not in data:
                try:
                    msg = await asyncio.wait_for(ws.receive(), 1)
                except TimeoutError:
                    continue
                if msg.type == aiohttp.WSMsgType.BINARY:
                    data += msg.data
                elif msg.type != aiohttp.WSMsgType.TEXT:
                    break
    return re.sub(rb"\x1b\[[0-9;?]*[a-zA-Z]", b"", data).decode("utf-8", "replace")


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 20) -> None:
    """Until something listens on 127.0.0.1:`port`; the process's stderr
    when it ends first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            ended = process.poll() is not None
            assert not ended, process.stderr.read().decode() if process.stderr else "it ended"
            assert time.monotonic() < deadline, f"nothing listened on {port}"
            time.sleep(0.2)


def stop(*processes: subprocess.Popen[bytes]) -> None:
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_the_reader_in_a_browser(home: Path) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "tui.cli", "serve", "--port", str(port)],
                              env=user_env(home), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    try:
        wait_for_port(port, server)
        text = asyncio.run(screen_text(port))
        assert "Donald Trump" in text and "newsreader" in text
    finally:
        stop(server)


def test_serving_beyond_this_machine_is_said(home: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "tui.cli", "serve", "--port", "0"],
                            env=user_env(home), capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "--port must be between 1 and 65535" in result.stderr
    from tui.cli.serve import _loopback  # when the warning is given

    assert _loopback("127.0.0.1") and _loopback("::1") and _loopback("localhost")
    assert not _loopback("0.0.0.0") and not _loopback("192.168.1.5")
