"""A bounded fuzz of ingest: mutations of the corpus pages and the seeds
(cut short, bytes flipped, tags broken, escape sequences and markup spliced
in, blocks repeated or nested) must parse to a Page or fail with IngestError,
never another exception, and nothing that reaches a Page holds a terminal
control character. A few seconds in CI; tests/bench/bench_fuzz.py runs the
same mutations longer and prints the slowest inputs."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

from conftest import CORPUS_DIR, SEEDS_DIR

from tui.ingest import IngestError, parse
from tui.model import Page

CONTROL = {chr(c) for c in range(32) if chr(c) not in "\n\t"} | {"\x7f", "\x9b"}
HOSTILE = [b"\x1b[2J", b"\x1b]52;c;SGVsbG8=\x07", b"\x1b]8;;http://x\x1b\\", b"[bold red]x[/]",
           b"\x00", b"\xff\xfe", b"<script>", b"</div></div></div>", b"<time datetime='9999'>",
           b"&#x1b;[31m", b"&#27;", b"\xe2\x80\xae", b"<p><strong>23.59</strong>"]


def _pages() -> list[bytes]:
    paths = sorted(SEEDS_DIR.glob("*.txt"))
    if CORPUS_DIR.is_dir():
        paths += sorted(CORPUS_DIR.glob("*.html"))[::3]  # a third: seconds, not minutes
    return [p.read_bytes() for p in paths]


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(1, len(data))]


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randrange(1, 40)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _splice(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.choice(HOSTILE) * rng.randrange(1, 50) + data[at:]


def _repeat(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    piece = data[start:start + rng.randrange(1, 2_000)]
    return data[:start] + piece * rng.randrange(2, 30) + data[start:]


def _break_tags(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b">", b"", rng.randrange(1, 200)).replace(b"</", b"<", rng.randrange(50))


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    _cut, _flip, _splice, _repeat, _break_tags]


def mutants(seed: int, per_page: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    for data in _pages():
        for _ in range(per_page):
            yield rng.choice(MUTATIONS)(data, rng)


def _strings(page: Page) -> Iterator[str]:
    yield from (page.title, page.source or "", page.lead or "", *page.authors, *page.topics)
    for entry in page.entries:
        yield from (entry.headline, entry.body_markdown, entry.time_text or "",
                    entry.minute or "", *entry.topics)
        yield from (link.url + link.text for link in entry.links)
        yield from ((m.caption or "") + (m.url or "") for m in entry.media)


def check(data: bytes) -> None:
    """What every input must do: a Page with clean strings, or IngestError."""
    try:
        page = parse(data)
    except IngestError:
        return
    for text in _strings(page):
        assert not (CONTROL & set(text)), repr(text[:80])


def test_mutated_pages_parse_or_fail_cleanly() -> None:
    count = 0
    for data in mutants(seed=8, per_page=4):
        check(data)
        count += 1
    assert count >= 20  # the seeds alone give 20


def test_hostile_shapes_parse() -> None:
    shapes = [
        b"<div>" * 50_000 + b"x",  # deep nesting
        b"<p " + b" ".join(b"a%d=1" % i for i in range(20_000)) + b">x</p>",  # many attributes
        b"<p>" + b"word " * 200_000 + b"</p>",  # one long text node
        b"<html><body>" + b"<time datetime='2024-01-01T10:00Z'>10:00</time>" * 5_000,
        b"\x1b[2J\x1b]52;c;AAAA\x07" * 1_000 + b"<p>text</p>",
    ]
    for data in shapes:
        check(data)


def test_names_css_cannot_take_are_no_crash() -> None:
    """Found by the long fuzz run (a flipped byte): a tag or data-* attribute
    name with a character Python's \\w takes and CSS does not ("ª", "²")
    made a selector selectolax could not parse."""
    for name in ("data-time\u00aa", "data-time\u00b2x", "data-x\u00b2-stamp"):
        items = "".join(f'<div {name}="2024-05-02T1{i}:00Z"><time>1{i}:00</time>'
                        f"<p>Update {i} happened today.</p></div>" for i in range(6))
        check(f"<html><body><h1>Live</h1>{items}</body></html>".encode())
    leaves = "".join(f"<sp\u00aa class=t>1{i}:05</sp\u00aa><p>Update {i} of the day.</p>"
                     for i in range(6))
    check(f"<html><body><h1>Live</h1>{leaves}</body></html>".encode())


def test_the_checker_can_fail(tmp_path: Path) -> None:
    page = Page(kind="article", title="t\x1b[2Jx")  # type: ignore[arg-type]
    assert CONTROL & set(next(_strings(page)))
