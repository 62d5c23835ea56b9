"""Parse-time benchmark: prints the median of a few runs per page. No asserts.

    .venv/bin/python tests/bench/bench_parse.py [runs]

Pages: the seeds (through tui.ingest.parse), the real pages in
../shared/corpus when present, and synthesized ~500 KB live blogs (dense HTML,
HTML with long entries, a plain-text dump). For the synthesized pages it also
prints where the time goes: the parser, assign_topics and sanitize.

Then the throughput over the whole corpus (its total bytes over the sum of the
pages' median times), and a linear-time check: for each page shape (container
live blog, bold clock lead-ins, "12.31 Uhr:" headings, match minutes,
microdata, a long article, a text dump) a ~1.9 MB and a ~19 MB page (under the
parser's size limit), the time and MB/s of each and the ratio of the times: a
ratio near 10 is linear; above 15 a warning line is printed.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.ingest import parse  # noqa: E402
from tui.ingest.clean import sanitize  # noqa: E402
from tui.ingest.decode import decode, looks_like_html  # noqa: E402
from tui.ingest.html import parse_html  # noqa: E402
from tui.ingest.textdump import parse_text  # noqa: E402
from tui.ingest.topics import assign_topics  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def synthesized_liveblog(target_bytes: int = 500_000, paragraphs: int = 1) -> bytes:
    """A live blog shaped like real ones: head metadata, JSON-LD with every
    update, navigation, scripts, then time-stamped entry containers. With
    paragraphs=1 entries are ~0.9 KB (dense: ~560 entries in 500 KB); real
    pages in the corpus carry 5-10 KB of HTML per entry."""
    entry = (
        '<div class="live-post" id="post-{i}" data-post-time="{ms}">'
        '<div class="post-meta"><time>{hh:02d}:{mm:02d}</time><span>Jane Doe</span></div>'
        "<h3>Update {i}: ministers meet as the situation develops</h3>"
        "<p>The meeting began at {hh:02d}:{mm:02d}, officials said, with <a href=\"/story/{i}\">"
        "more details here</a>. Talks are expected to go on late into the night, and a "
        "statement may follow.</p>{extra}<p>&ldquo;We are making progress,&rdquo; a "
        "spokesperson told reporters outside the building, declining to say more.</p>"
        '<figure><img src="/img/{i}.jpg" alt="Ministers arrive"><figcaption>Ministers '
        'arrive <span class="credit">Photo: Agency</span></figcaption></figure>'
        '<div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a></div></div>'
    )
    start_ms = 1_721_299_680_000
    extra = ("<p>" + "Negotiators from both sides returned to the table after a short break, "
             "according to people familiar with the matter. " * 4 + "</p>") * (paragraphs - 1)
    parts: list[str] = []
    updates: list[dict[str, str]] = []
    size = i = 0
    while size < target_bytes * 0.8:
        minute = 600 - i
        text = entry.format(i=i, ms=start_ms - i * 60_000, hh=minute // 60 % 24, mm=minute % 60,
                            extra=extra)
        parts.append(text)
        updates.append({"@type": "BlogPosting", "headline": f"Update {i}",
                        "articleBody": "The meeting began, officials said.",
                        "datePublished": "2024-07-18T10:00:00+01:00"})
        size += len(text)
        i += 1
    ld = json.dumps({"@context": "https://schema.org", "@type": "LiveBlogPosting",
                     "headline": "Live: talks go on", "datePublished": "2024-07-18T07:00:00+01:00",
                     "liveBlogUpdate": updates})
    head = (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Live: talks go on - "
        "The Paper</title><meta property=og:site_name content='The Paper'>"
        f'<script type="application/ld+json">{ld}</script>'
        + "<script>var x = '" + "y" * 20_000 + "';</script></head><body>"
        + "<nav>" + "<a href='/s'>Section</a>" * 200 + "</nav><main>"
    )
    return (head + "".join(parts) + "</main><footer>(c) The Paper</footer></body></html>").encode()


TEXT_SEED = ROOT / "seeds" / "i24news_liveblog_2026-02-11_trump-netanyahou-iran.txt"


def synthesized_text_liveblog(target_bytes: int = 500_000) -> bytes:
    """A plain-text dump of a French live blog: the i24NEWS seed's menus and
    header, then its updates repeated (numbered, so headlines differ) under
    clock-time lines, then its footer; ~0.75 KB per entry, accented text."""
    lines = TEXT_SEED.read_text().split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("Donald Trump : « J’ai"))
    last = next(i for i, line in enumerate(lines) if line.startswith("https://x.com/"))
    head, footer = "\n".join(lines[:first]), "\n".join(lines[last:])
    # (headline, first paragraph) pairs of the seed's updates
    blocks = [b.strip() for b in "\n".join(lines[first:last]).split("\n\n") if b.strip()]
    updates = [(h, b) for h, b in zip(blocks, blocks[1:], strict=False)
               if len(h) < 160 and len(b) > 160]
    parts: list[str] = []
    size = i = 0
    while size < target_bytes * 0.97:
        headline, body = updates[i % len(updates)]
        minute = 23 * 60 + 50 - i
        part = f"{minute // 60 % 24:02d}:{minute % 60:02d}\n\n{headline} ({i})\n\n{body}\n\n"
        parts.append(part)
        size += len(part.encode())
        i += 1
    return (head + "\n\n" + "".join(parts) + footer).encode()


def breakdown(data: bytes, runs: int) -> str:
    """Median ms of each stage of tui.ingest.parse: parser, topics, sanitize."""
    text = decode(data, None)
    html = looks_like_html(text, None)
    stages: dict[str, list[float]] = {"parse": [], "topics": [], "sanitize": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        page = parse_html(text, None) if html else parse_text(text, None)
        t1 = time.perf_counter()
        page = assign_topics(page)
        t2 = time.perf_counter()
        sanitize(page)
        t3 = time.perf_counter()
        for key, value in zip(stages, (t1 - t0, t2 - t1, t3 - t2), strict=True):
            stages[key].append(value)
    name = "parse_html" if html else "parse_text"
    parse_ms, topics_ms, clean_ms = (statistics.median(v) * 1000 for v in stages.values())
    return (f"    {name} {parse_ms:.1f} ms, assign_topics {topics_ms:.1f} ms, "
            f"sanitize {clean_ms:.1f} ms")


def measure(data: bytes, runs: int) -> tuple[float, int, str]:
    times = []
    page = None
    for _ in range(runs):
        start = time.perf_counter()
        page = parse(data)
        times.append(time.perf_counter() - start)
    assert page is not None
    return statistics.median(times) * 1000, len(page.entries), str(page.kind)


# --- linear-time check: one generator per page shape --------------------------------

SMALL, LARGE = 1_900_000, 19_000_000  # bytes; the large page stays under the size limit
WARN_RATIO = 15.0
_PARAGRAPH = ("Negotiators returned to the table after a short break, according to people "
              "familiar with the matter, and a statement may follow later in the evening. ")
# Each live-blog entry carries ~7.5 KB of HTML (real pages: 5-10 KB), so that the
# 19 MB page (~2,500 entries) stays under the parser's cap of 3,000 entries and
# both sizes go through the same code.
_FILLER = ("<p>" + _PARAGRAPH * 4 + "</p>") * 11


def _page(head: str, entry: Callable[[int], str], tail: str, target: int) -> bytes:
    """head + entry(0) + entry(1) + ... + tail, about `target` bytes of UTF-8."""
    parts, size, i = [head], len(head.encode()) + len(tail.encode()), 0
    while size < target:
        part = entry(i)
        parts.append(part)
        size += len(part.encode())
        i += 1
    parts.append(tail)
    return "".join(parts).encode()


def _clock(i: int, sep: str = ":") -> str:
    """Clock times running back from 23:59, one minute per entry, day after day."""
    minute = 24 * 60 - 1 - i % (24 * 60)
    return f"{minute // 60:02d}{sep}{minute % 60:02d}"


def _html_head(title: str, extra: str = "") -> str:
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
            f"<meta property=og:site_name content='The Paper'>{extra}</head><body>"
            "<nav>" + "<a href='/s'>Section</a>" * 50 + "</nav><main>")


_HTML_TAIL = "</main><footer>(c) The Paper</footer></body></html>"


def container_liveblog(target: int) -> bytes:
    """Repeated <article> containers, each with <time datetime> and a heading."""
    def entry(i: int) -> str:
        day = 18 - i // 1440
        return (f'<article class="post" id="p{i}"><header><time datetime="2024-07-{day:02d}T'
                f'{_clock(i)}:00+01:00">{_clock(i)}</time><h3>Update {i}: ministers meet</h3>'
                f"</header><p>{_PARAGRAPH}</p><p>“We are making progress,” a spokesperson "
                f"said of update {i}.</p>{_FILLER}</article>")
    return _page(_html_head("Live: talks go on"), entry, _HTML_TAIL, target)


def marker_liveblog(target: int) -> bytes:
    """A flat run of <p><strong>HH.MM</strong> text</p>, no entry markup."""
    def entry(i: int) -> str:
        return (f"<p><strong>{_clock(i, '.')}</strong> Update {i}: {_PARAGRAPH}</p>"
                f"<p>More on update {i}, with <strong>Jane Doe</strong> reporting.</p>{_FILLER}")
    return _page(_html_head("AirAsia plane missing: live") + '<div class="body">', entry,
                 "</div>" + _HTML_TAIL, target)


def heading_liveblog(target: int) -> bytes:
    """<h2>12.31 Uhr: Titel</h2> headings, each followed by body paragraphs."""
    def entry(i: int) -> str:
        return (f"<h2>{_clock(i, '.')} Uhr: Meldung {i} aus dem Landtag</h2>"
                f"<p>Die Abgeordneten haben am Nachmittag über den Antrag {i} beraten, "
                "wie ein Sprecher mitteilte. Eine Entscheidung wird am Abend erwartet.</p>"
                + _FILLER)
    return _page(_html_head("Liveticker", "") + "<p>Dienstag, 27. August 2024</p>", entry,
                 _HTML_TAIL, target)


def minute_liveblog(target: int) -> bytes:
    """A minute-by-minute match report: <p><strong>45+2'</strong> text</p>."""
    def entry(i: int) -> str:
        minute = 90 - i % 90
        printed = f"45+{i % 4 + 1}'" if minute == 45 else f"{minute}'"
        return (f"<p><strong>{printed}</strong> Corner for the visitors after move {i}, "
                "headed clear at the near post by the centre-back.</p>" + _FILLER)
    return _page(_html_head("France - Italie en direct"), entry, _HTML_TAIL, target)


def microdata_liveblog(target: int) -> bytes:
    """itemprop=liveBlogUpdate BlogPostings inside an itemscope LiveBlogPosting."""
    def entry(i: int) -> str:
        return ('<li itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">'
                f'<meta itemprop="datePublished" content="2023-11-02T{_clock(i)}:00+05:30">'
                f'<span>{_clock(i)} (IST)</span><h3 itemprop="headline">Live Score: over {i}'
                f'</h3><div itemprop="articleBody"><p>{_PARAGRAPH}</p>{_FILLER}</div></li>')
    head = _html_head("India vs Sri Lanka live") + (
        '<div itemscope itemtype="https://schema.org/LiveBlogPosting"><ul>')
    return _page(head, entry, "</ul></div>" + _HTML_TAIL, target)


def long_article(target: int) -> bytes:
    """An ordinary article (NewsArticle JSON-LD) with one very long body."""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "A long read", "datePublished": "2024-07-18T07:00:00+01:00"})
    head = _html_head("A long read", f'<script type="application/ld+json">{ld}</script>')

    def entry(i: int) -> str:
        return f"<p>{_PARAGRAPH}Paragraph {i} goes on about the talks.</p>"
    return _page(head + "<article><h1>A long read</h1>", entry, "</article>" + _HTML_TAIL,
                 target)


SHAPES: list[tuple[str, Callable[[int], bytes]]] = [
    ("container live blog (<article> + <time datetime>)", container_liveblog),
    ("marker live blog (<p><strong>HH.MM</strong>)", marker_liveblog),
    ('headings ("<h2>12.31 Uhr: Titel</h2>")', heading_liveblog),
    ("minute-by-minute sports (<strong>45+2'</strong>)", minute_liveblog),
    ("microdata liveBlogUpdate", microdata_liveblog),
    ("article with a long body", long_article),
    ("text dump live blog (0.75 KB entries, no cap)", synthesized_text_liveblog),
]


def corpus_throughput(timings: list[tuple[int, float]]) -> None:
    """The corpus's total bytes over the sum of its pages' median parse times."""
    size = sum(n for n, _ms in timings)
    seconds = sum(ms for _n, ms in timings) / 1000
    print(f"\ncorpus throughput: {len(timings)} pages, {size / 1e6:.2f} MB in "
          f"{seconds * 1000:.0f} ms: {size / 1e6 / seconds:.1f} MB/s")


def linear_check(runs: int) -> None:
    print(f"\nlinear-time check ({SMALL / 1e6:.1f} MB and {LARGE / 1e6:.0f} MB pages; "
          f"median of {runs} runs / 1 run):")
    print(f"{'shape':<52} {'MB':>5} {'ms':>8} {'MB/s':>6} {'entries':>8}  kind")
    for name, make in SHAPES:
        results = []
        for target, repeat in ((SMALL, runs), (LARGE, 1)):
            data = make(target)
            ms, count, kind = measure(data, repeat)
            mb = len(data) / 1e6
            results.append((mb, ms))
            print(f"{name:<52} {mb:>5.1f} {ms:>8.0f} {mb / ms * 1000:>6.1f} {count:>8}  {kind}")
            del data
        (small_mb, small_ms), (large_mb, large_ms) = results
        ratio = large_ms / small_ms
        print(f"{'':<52} time ratio {ratio:.1f} for {large_mb / small_mb:.1f}x the bytes")
        if ratio > WARN_RATIO:
            print(f"WARNING: {name}: {ratio:.1f}x the time for {large_mb / small_mb:.1f}x "
                  "the bytes: worse than linear")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    pages: list[tuple[str, bytes]] = [
        (f"seed {p.name}", p.read_bytes()) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    if CORPUS.is_dir():
        pages += [(f"corpus {p.name}", p.read_bytes()) for p in sorted(CORPUS.glob("*.html"))]
    synthesized = [
        ("synthesized live blog, dense (0.9 KB entries)", synthesized_liveblog()),
        ("synthesized live blog, 4 KB entries", synthesized_liveblog(paragraphs=8)),
        ("synthesized text dump live blog (0.75 KB entries)", synthesized_text_liveblog()),
    ]
    print(f"{'page':<66} {'KB':>6} {'ms':>8} {'entries':>8}  kind")
    corpus: list[tuple[int, float]] = []
    for name, data in pages + synthesized:
        ms, count, kind = measure(data, runs)
        print(f"{name:<66} {len(data) / 1024:>6.0f} {ms:>8.1f} {count:>8}  {kind}")
        if any(data is d for _n, d in synthesized):
            print(breakdown(data, runs))
        if name.startswith("corpus "):
            corpus.append((len(data), ms))
    if corpus:
        corpus_throughput(corpus)
    linear_check(min(runs, 3))


if __name__ == "__main__":
    main()
