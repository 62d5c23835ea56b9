"""Build a library of generated pages (for benchmarks and trying the app
without network): `python scripts/demo_library.py PATH [ENTRIES]`."""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.library import Library
from tui.model import Entry, Page, PageKind, entry_id

WORDS = ("Gaza Israël Iran Trump Netanyahou négociations cessez-le-feu otages Téhéran "
         "Washington sommet frappe armée accord sanctions diplomatie Liban Hezbollah "
         "Jérusalem Knesset élections sécurité rencontre déclaration").split()
TOPICS = ("Iran", "Gaza", "Etats-Unis", "Israël", "Liban", "Diplomatie", "Défense")


def generated_page(number: int, entries: int, rng: random.Random) -> Page:
    url = f"https://example.org/live/{number}"
    start = datetime(2026, 2, 1, 6, 0, tzinfo=UTC) + timedelta(days=number % 20)
    items = []
    for position in range(entries):
        headline = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize()
        when = start + timedelta(minutes=7 * (entries - position))
        body = "\n\n".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 70))).capitalize() + "."
            for _ in range(rng.randint(1, 4)))
        items.append(Entry(
            id=entry_id(url, headline, when), position=position, headline=headline,
            body_markdown=body, time=when, time_text=f"{when:%H:%M}",
            topics=tuple(rng.sample(TOPICS, 2))))
    return Page(kind=PageKind.LIVEBLOG, title=f"Live blog {number}: " + " ".join(
        rng.choice(WORDS) for _ in range(6)), entries=tuple(items), url=url,
        source=f"Example {number % 7}", topics=TOPICS[:3])


def build(path: Path, total: int, per_page: int = 1000, seed: int = 1) -> None:
    rng = random.Random(seed)
    with Library.open(path, seed=False) as library:
        for number in range(max(1, total // per_page)):
            library.save_page(generated_page(number, min(per_page, total), rng))


if __name__ == "__main__":
    build(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
