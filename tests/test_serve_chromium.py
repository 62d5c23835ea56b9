"""`newsreader serve` in a real browser: Debian's headless Chromium loads the
page, textual-serve's JavaScript opens the app's websocket, and the seeded
live blog's entries arrive in the frames the browser receives (read through
the DevTools protocol); the page's terminal is drawn (a screenshot that is
not blank). .ci/run installs `chromium` when it is missing; without it the
test skips and says why."""

from __future__ import annotations

import asyncio
import base64
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import user_env
from test_serve import free_port, stop, wait_for_port

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium on this machine (apt-get install chromium; .ci/run does it)")


def devtools_port(profile: Path, process: subprocess.Popen[bytes], seconds: float = 30) -> int:
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + seconds
    while not marker.exists() or not marker.read_text().strip():
        assert process.poll() is None, "Chromium ended at start"
        assert time.monotonic() < deadline, "Chromium never opened its DevTools port"
        time.sleep(0.2)
    return int(marker.read_text().split()[0])


async def load_in_browser(devtools: int, url: str, want: str, seconds: float = 45
                          ) -> tuple[str, bytes, bool]:
    """Open `url` in the browser's page; return (the text of the websocket
    frames it received once `want` is in them, a PNG screenshot, whether
    the page has xterm's screen)."""
    import aiohttp

    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{devtools}/json/list") as reply:
            targets = await reply.json()
        page = next(t for t in targets if t.get("type") == "page")
        async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            ids = iter(range(1, 10_000))
            replies: dict[int, dict[str, object]] = {}

            async def call(method: str, **params: object) -> dict[str, object]:
                ident = next(ids)
                await ws.send_json({"id": ident, "method": method, "params": params})
                while ident not in replies:
                    await pump(5)
                return replies.pop(ident)

            frames: list[bytes] = []

            async def pump(timeout: float) -> None:
                msg = await asyncio.wait_for(ws.receive_json(), timeout)
                if "id" in msg:
                    replies[int(msg["id"])] = msg.get("result", {})
                elif msg.get("method") == "Network.webSocketFrameReceived":
                    response = msg["params"]["response"]
                    data = response["payloadData"]
                    frames.append(base64.b64decode(data) if response.get("opcode") == 2
                                  else data.encode())

            def text() -> str:
                raw = re.sub(rb"\x1b\[[0-9;?]*[a-zA-Z]", b"", b"".join(frames))
                return raw.decode("utf-8", "replace")

            await call("Network.enable")
            await call("Page.enable")
            await call("Page.navigate", url=url)
            deadline = time.monotonic() + seconds
            while want not in text() and time.monotonic() < deadline:
                try:
                    await pump(1)
                except TimeoutError:
                    continue
            await asyncio.sleep(1)  # let xterm.js draw what arrived
            shot = await call("Page.captureScreenshot", format="png")
            found = await call("Runtime.evaluate",
                               expression="!!document.querySelector('.xterm-screen')")
            has_terminal = bool(found.get("result", {}).get("value"))  # type: ignore[union-attr]
            return text(), base64.b64decode(str(shot.get("data", ""))), has_terminal


def test_the_reader_in_headless_chromium(home: Path) -> None:
    chromium = browser()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "tui.cli", "serve", "--port", str(port)],
                              env=user_env(home), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    with tempfile.TemporaryDirectory() as profile:
        chrome = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--disable-dev-shm-usage", "--remote-debugging-port=0",
             f"--user-data-dir={profile}", "--window-size=1200,800", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_port(port, server, 30)
            devtools = devtools_port(Path(profile), chrome)
            text, png, has_terminal = asyncio.run(
                load_in_browser(devtools, f"http://127.0.0.1:{port}/", "Donald Trump"))
            assert "Donald Trump" in text and "newsreader" in text  # the entry list, the sidebar
            assert has_terminal
            # A blank 1200×800 page compresses to a few kB; the drawn reader doesn't.
            assert png.startswith(b"\x89PNG") and len(png) > 30_000, len(png)
        finally:
            stop(chrome, server)
