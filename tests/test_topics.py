"""Topics for pages and entries."""

from __future__ import annotations

import time

from tui.ingest import parse
from tui.ingest.topics import assign_topics, names_in
from tui.model import Entry, Page, PageKind


def page(*bodies: str, topics: tuple[str, ...] = (), kind: PageKind = PageKind.LIVEBLOG) -> Page:
    entries = tuple(
        Entry(id=str(i), position=i, headline=f"Update {i}", body_markdown=body)
        for i, body in enumerate(bodies)
    )
    return Page(kind=kind, title="A page", entries=entries, topics=topics)


def test_page_topics_match_without_case_or_accents_on_word_boundaries():
    result = assign_topics(page(
        "Les États-Unis ont réagi ce matin.",
        "L'IRAN dément, selon ses diplomates.",
        "Les iraniens manifestent ; rien sur les etats unis.",
        "Rien à voir: Gazaoui n'est pas Gaza... ah si, Gaza.",
        topics=("Etats-Unis", "Iran", "Gaza"),
    ))
    assert [e.topics for e in result.entries] == [
        ("Etats-Unis",), ("Iran",), ("Etats-Unis",), ("Gaza",),
    ]
    assert result.topics == ("Etats-Unis", "Iran", "Gaza")  # given topics are kept


def test_recurring_names_are_added_after_page_topics():
    result = assign_topics(page(
        "Donald Trump a reçu Benjamin Netanyahou à la Maison-Blanche.",
        "Selon Donald Trump, la Judée-Samarie n'est pas à l'ordre du jour.",
        "Benjamin Netanyahou parle de la Judée-Samarie. Le Premier ministre insiste.",
        "Une entrée sans nom propre répété. Marco Rubio est là une seule fois.",
        topics=("Iran",),
    ))
    assert set(result.entries[0].topics) == {"Donald Trump", "Benjamin Netanyahou"}
    assert set(result.entries[1].topics) == {"Donald Trump", "Judée-Samarie"}
    assert set(result.entries[2].topics) == {"Benjamin Netanyahou", "Judée-Samarie"}
    assert result.entries[3].topics == ()  # Marco Rubio appears in one entry only


def test_names_skip_sentence_starts_titles_and_stop_words():
    names = names_in(
        "Le Premier ministre Benjamin Netanyahou et le président Donald Trump. "
        "Selon Antoine Heulard, la Maison-Blanche et l'Union européenne. "
        "The White House said on Monday. Der Bundeskanzler Olaf Scholz sagte am Dienstag. "
        "KEY EVENT. Mercredi Matin."
    )
    assert names == [
        "Benjamin Netanyahou", "Donald Trump", "Antoine Heulard", "Maison-Blanche",
        "White House", "Olaf Scholz",
    ]


def test_a_page_without_topics_gets_its_recurring_names():
    result = assign_topics(page(
        "Olaf Scholz trifft Emmanuel Macron in Berlin.",
        "Emmanuel Macron und Olaf Scholz sprechen über die Ukraine.",
        "Olaf Scholz sagt nichts.",
    ))
    assert result.topics[:2] == ("Olaf Scholz", "Emmanuel Macron")
    assert result.entries[2].topics == ("Olaf Scholz",)


def test_an_article_uses_its_one_entry():
    result = assign_topics(page(
        "Steve Witkoff a rencontré Benjamin Netanyahou. Steve Witkoff repart demain.",
        kind=PageKind.ARTICLE,
    ))
    assert result.topics == ("Steve Witkoff",)
    assert result.entries[0].topics == ("Steve Witkoff",)


def test_a_page_without_entries_is_returned_as_is():
    empty = Page(kind=PageKind.ARTICLE, title="x")
    assert assign_topics(empty) is empty


def test_seed_entry_topics():
    from tests.conftest import I24_SEED

    result = parse(I24_SEED.read_bytes())
    first = result.entries[0]
    assert "Iran" in first.topics and "Gaza" in first.topics
    assert "Donald Trump" in first.topics
    embassy = result.entries[4]  # "L’ambassade américaine dément ..."
    assert "Etats-Unis" in embassy.topics  # the text says "États-Unis"
    assert "Judée-Samarie" in embassy.topics


def test_topics_are_fast_on_a_large_page():
    bodies = [
        f"Update {i}: Donald Trump et Benjamin Netanyahou parlent de l'Iran et de Gaza. "
        + "Des mots ordinaires sans nom propre pour remplir la page. " * 12
        for i in range(600)
    ]
    big = page(*bodies, topics=("Iran", "Gaza", "Etats-Unis", "Israël", "Tsahal"))
    start = time.perf_counter()
    result = assign_topics(big)
    elapsed = time.perf_counter() - start
    assert result.entries[-1].topics[:2] == ("Iran", "Gaza")
    assert elapsed < 1.0  # generous: about 0.05 s here; a guard against quadratic work


def test_topic_matches_start_and_end_on_word_boundaries_with_any_accents():
    result = assign_topics(page(
        "Siran et Tirana ne comptent pas, Iranien non plus.",
        "Iran, au début du texte.",
        "(IRÁN) entre parenthèses ; l'Irán après une élision.",
        "Les Etats–Unis, États\u00a0Unis et e\u0301tats-unis.",
        "Sous-États-Unis-bis: un mot composé reste une frontière.",
        topics=("Iran", "États-Unis"),
    ))
    assert [e.topics for e in result.entries] == [
        (), ("Iran",), ("Iran",), ("États-Unis",), ("États-Unis",),
    ]
