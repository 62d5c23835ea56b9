"""Plain-text page dumps: the five seeds, general rules on small made-up
dumps, and (when w3m and ../shared/corpus are there) dumps of real pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tui.ingest import parse
from tui.ingest.text import parse_text
from tui.model import PageKind

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
I24 = SEEDS / "i24news_liveblog_2026-02-11_trump-netanyahou-iran.txt"
ACTUJ = SEEDS / "actuj_2026-01-25_gaza-israel-trump-alignes.txt"
ALLISRAEL = SEEDS / "allisrael_2025-07-08_netanyahu-trump-rencontre.txt"
SEED_002 = SEEDS / "article_2026-02-12_netanyahou-interets-securitaires.txt"
SEED_003 = SEEDS / "article_guerre-israel-hamas-chefs-defense.txt"

I24_HEADLINES = [
    "Donald Trump : « J’ai insisté pour que les négociations avec l’Iran se poursuivent »",
    "Benjamin Netanyahou et Donald Trump conviennent de poursuivre leur coordination stratégique",
    "Netanyahou–Trump : une rencontre de près de trois heures sans déclaration officielle",
    "Iran : Benjamin Netanyahou tente de durcir la position de Trump lors d’une rencontre à huis"
    " clos",
    "L’ambassade américaine dément l’ouverture d’un bureau consulaire à Efrat",
    "Judée-Samarie : l’armée israélienne arrête des membres du Hamas et du Jihad islamique",
    "Berlin dénonce un pas vers une « annexion de facto » en Judée-Samarie",
    "Benjamin Netanyahou à la Maison-Blanche : l’Iran au cœur des discussions avec Trump",
    "Mahmoud Abbas appelle les États-Unis et la communauté internationale à une réponse \"ferme\""
    " face au plan israélien en Judée-Samarie",
    "Le chef d’état-major de Tsahal exclut toute réduction des forces terrestres",
    "Téhéran : une effigie mêlant Baal, étoile de David et Donald Trump incendiée aux cris de"
    " \"Mort à Israël\"",
    "L’Iran se dit prêt à des inspections nucléaires mais refuse toute \"exigence excessive\"",
    "Gaza : Tsahal élimine un terroriste du Hamas responsable de la mort de sept soldats",
    "L’Australie réclame des poursuites après la mort d’une humanitaire dans une frappe"
    " israélienne présumée à Gaza",
    "Moscou envisage d'établir un hôpital russe dans la bande de Gaza",
    "Le Canada \"condamne fermement\" l’extension du contrôle israélien en Judée-Samarie",
    "Benjamin Netanyahou doit rencontrer Marco Rubio avant son entretien avec Donald Trump",
    "Donald Trump réitère son opposition à l'annexion de la Judée-Samarie par Israël",
    "Washington envisagerait la saisie de pétroliers iraniens pour accentuer la pression sur"
    " Téhéran",
    "Donald Trump : \"Les Iraniens seraient stupides de ne pas conclure un accord\"",
]

CHROME = [
    "Video poster", "cookies", "Cet article a reçu", "commentaires", "Commentaires",
    "Obtenez l'application", "Conditions générales", "S'inscrire à la newsletter", "•",
    "Désolé, votre navigateur", "1 min", "2 minutes", "NEWSLETTER", "WHATSAPP",
    "Recevez les dernières infos", "Latest Stories",
]


def read(path: Path):
    return parse(path.read_bytes())


# --------------------------------------------------------------------------
# The live blog seed


@pytest.fixture(scope="module")
def i24():
    return read(I24)


def test_i24_is_a_liveblog_from_i24news_of_11_february(i24):
    assert i24.kind is PageKind.LIVEBLOG
    assert i24.source == "i24NEWS"
    # The dump gives the day only: it stays a date, no invented midnight.
    assert i24.published == date(2026, 2, 11)
    assert i24.title.startswith("LIVE BLOG | Après leur rencontre, Trump insiste")
    assert i24.lead == (
        "Une rencontre à huis clos jugée stratégique, sur fond de tensions régionales et de"
        " négociations sensibles autour de l’Iran et de Gaza."
    )


def test_i24_has_exactly_the_twenty_headlines_in_order(i24):
    assert [e.headline for e in i24.entries] == I24_HEADLINES
    assert [e.position for e in i24.entries] == list(range(20))


def test_i24_invents_no_time(i24):
    assert all(e.time is None and e.time_text is None for e in i24.entries)


def test_i24_bodies_have_no_chrome(i24):
    for entry in i24.entries:
        assert entry.body_markdown, entry.headline
        for junk in CHROME:
            assert junk not in entry.body_markdown, (junk, entry.headline)
    assert "Trump-Netanyahou : la rencontre" not in [e.headline for e in i24.entries]


def test_i24_bodies_keep_their_paragraphs(i24):
    first = i24.entries[0].body_markdown
    assert first.startswith("Donald Trump a qualifié de « très bonne » sa réunion")
    assert first.endswith("selon Donald Trump.")
    eighth = i24.entries[7].body_markdown.split("\n\n")
    assert len(eighth) == 3 and eighth[-1].startswith("Donald Trump a affirmé hier")
    assert i24.entries[5].body_markdown.endswith("Plusieurs armes auraient également été saisies,"
                                                 " selon l’armée.")


def test_i24_video_is_media_of_the_fourth_entry(i24):
    fourth = i24.entries[3]
    assert [(m.kind, m.caption) for m in fourth.media] == [
        ("video", "Trump-Netanyahou : la rencontre")
    ]
    assert "Pour peser dans les discussions" in fourth.body_markdown
    assert all(not e.media for i, e in enumerate(i24.entries) if i not in (3, 19))


def test_i24_embedded_post_is_media_and_its_cookie_notice_is_gone(i24):
    last = i24.entries[-1]
    assert [(m.kind, m.url) for m in last.media] == [
        ("embed", "https://x.com/i/web/status/2021346935991685158")
    ]
    assert "x.com" not in last.body_markdown
    assert last.body_markdown.endswith("si nous en détruisons d'autres cette fois-ci...\"")


def test_i24_lead_picture_caption_and_credit(i24):
    caption = "Donald Trump rencontre Benjamin Netanyahou ce mercredi 11 février 2026"
    assert i24.image_caption == caption


def test_i24_topics_are_the_tag_list_not_the_menu(i24):
    assert {"Iran", "Gaza", "Etats-Unis", "Moyen-Orient", "Tsahal"} <= set(i24.topics)
    for menu in ("À la Une", "Radio", "Connexion", "English", "Direct", "Vidéos"):
        assert menu not in i24.topics
    assert "Iran" in i24.entries[0].topics


def test_i24_entry_ids_are_stable_and_distinct(i24):
    again = read(I24)
    assert [e.id for e in again.entries] == [e.id for e in i24.entries]
    assert len({e.id for e in i24.entries}) == 20


def test_entry_ids_use_the_url_when_given():
    text = I24.read_text(encoding="utf-8")
    a = parse_text(text, url="https://example.org/live")
    b = parse_text(text)
    assert a.url == "https://example.org/live"
    assert a.entries[0].id != b.entries[0].id


# --------------------------------------------------------------------------
# The article seeds


def test_actuj_article():
    page = read(ACTUJ)
    assert page.kind is PageKind.ARTICLE
    assert len(page.entries) == 1
    entry = page.entries[0]
    assert page.title.startswith("Gaza : Israël et l'administration Trump \"totalement alignés\"")
    assert entry.headline == page.title
    # The dump gives the day only: it stays a date, no invented midnight.
    assert page.published == date(2026, 1, 25)
    assert page.authors == ("Guitel Benishay",)
    assert page.source == "ActuJ"
    assert page.lead is not None and page.lead.startswith("Steve Witkoff, l'émissaire spécial")
    assert [(m.kind, m.caption, m.credit) for m in entry.media] == [
        ("image", "Steve Witkoff", "Chaim Goldberg/Flash90")
    ]
    body = entry.body_markdown
    assert body.startswith("Steve Witkoff, l'émissaire du Président Trump au Moyen-Orient")
    assert body.endswith("au détriment du retour de son fils.")
    assert len(body.split("\n\n")) == 5
    for junk in CHROME + ["israj.media-j.com", "tiny.cc", "ActuJ", "Photo by"]:
        assert junk not in body, junk


def test_allisrael_article():
    page = read(ALLISRAEL)
    assert page.kind is PageKind.ARTICLE and len(page.entries) == 1
    assert page.title.startswith("Netanyahu et Trump se rencontrent pour la deuxième fois")
    # The dump gives the day only: it stays a date, no invented midnight.
    assert page.published == date(2025, 7, 8)
    assert page.source == "All Israel"
    assert page.lead is not None and page.lead.startswith("\"Nous ne céderons pas")
    entry = page.entries[0]
    media = entry.media[0]
    assert media.kind == "image" and media.credit == "Benjamin Netanyahu X"
    assert media.caption is not None and media.caption.startswith("Le Premier ministre israélien")
    body = entry.body_markdown
    assert body.startswith("Le Premier ministre israélien Benjamin Netanyahu et le président")
    assert "Photo :" not in body
    for junk in CHROME:
        assert junk not in body, junk


def test_seed_002_article_with_date_above_the_title():
    page = read(SEED_002)
    assert page.kind is PageKind.ARTICLE and len(page.entries) == 1
    assert page.title.startswith("Benjamin Netanyahou a tenu à défendre les intérêts sécuritaires")
    # The dump gives the day only: it stays a date, no invented midnight.
    assert page.published == date(2026, 2, 12)
    assert page.source is None  # the dump does not name its publisher
    body = page.entries[0].body_markdown
    assert body.startswith("C’est qu’affirme le communiqué")  # no standfirst: the text starts
    assert "12 février 2026" not in body
    assert len(body.split("\n\n")) == 5


def test_seed_003_article_without_a_date():
    page = read(SEED_003)
    assert page.kind is PageKind.ARTICLE and len(page.entries) == 1
    assert page.title.startswith("Guerre Israël-Hamas : les chefs de la défense")
    assert page.published is None
    body = page.entries[0].body_markdown
    # The key points are text: kept as a Markdown list.
    assert body.startswith("- Les chefs de la défense des États-Unis et d'Israël se rencontrent")
    assert body.count("\n- ") == 3
    # The title repeated in the middle (a picture's alt text) is not body text.
    assert page.title not in body
    assert body.endswith("a contribué à ce rapport.")


# --------------------------------------------------------------------------
# General rules, on small made-up dumps


def test_timed_liveblog_in_english_with_glued_times_and_authors():
    text = """\
  • Home
  • News

Storm LIVE: roads closed across the county as winds reach 100mph

Gusts are expected to peak this afternoon, forecasters have warned everyone.

By Jane Smith, News Reporter
09:14, Tue, Oct 6, 2020

Key Events

21:22Jane Smith

Goodnight

We are logging off for the night but we will be back from 7am with all your news.

2 hours ago19:05 Jane Smith

Bridge closed after tree falls

The bridge will stay closed until the morning, the council said in a statement.

A tree on the road (Image: Getty)
18:40 - Schools to open as normal tomorrow

All schools will open as normal, the department confirmed this evening.

Related articles

  • Another story
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert page.title == "Storm LIVE: roads closed across the county as winds reach 100mph"
    assert page.authors == ("Jane Smith",)
    assert page.published is not None
    assert page.published.isoformat().startswith("2020-10-06T09:14")
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("21:22", "Goodnight"),
        ("19:05", "Bridge closed after tree falls"),
        ("18:40", "Schools to open as normal tomorrow"),
    ]
    assert [e.time.strftime("%Y-%m-%d %H:%M") for e in page.entries if e.time] == [
        "2020-10-06 21:22", "2020-10-06 19:05", "2020-10-06 18:40",
    ]
    assert all(e.time.utcoffset() is not None for e in page.entries if e.time)
    bridge = page.entries[1]
    assert [(m.caption, m.credit) for m in bridge.media] == [("A tree on the road", "Getty")]
    assert "Image:" not in bridge.body_markdown
    assert "Another story" not in page.entries[-1].body_markdown


def test_timed_liveblog_in_german_and_french_clock_forms():
    german = """\
Nahost-Ticker: Die Lage am Dienstag

Alle Entwicklungen im Überblick, laufend aktualisiert von der Redaktion.

27.08.2024, 12:32 Uhr

12.31 Uhr: Zeitung lehnt Aussagen ab

Mit einem Aufmacher auf Arabisch hat sich die Zeitung gegen umstrittene Aussagen gestellt.

10.31 Uhr: Farbanschlag auf Gebäude in Berlin

Auf das Gebäude ist in der Nacht ein Farbanschlag verübt worden, sagte die Polizei.

08.57 Uhr: Araber bei Konfrontationen erschossen

Ein Mann ist nach Medienberichten erschossen worden, es gab widersprüchliche Berichte.
"""
    page = parse_text(german)
    assert page.kind is PageKind.LIVEBLOG
    assert [e.time_text for e in page.entries] == ["12.31 Uhr", "10.31 Uhr", "08.57 Uhr"]
    assert page.entries[0].time is not None
    assert page.entries[0].time.strftime("%Y-%m-%d %H:%M") == "2024-08-27 12:31"

    french = """\
Le fil info du jeudi 18 juillet

Toutes les infos de ce jeudi 18 juillet sont à suivre ici, en continu.

Publié le 18 juil. 2024 à 08:01

9h05 - La Bourse de Paris ouvre dans le vert

Lors des premiers échanges, le CAC 40 gagne 0,55 % à 7.612,52 points.

14 h 32 - Fin d'un exercice naval

La Chine a annoncé la fin d'exercices militaires dans ses eaux avec la Russie.

8h47 - ABB voit ses commandes fléchir

Le conglomérat industriel a vu ses commandes se contracter de 3 %, à 8,4 milliards.
"""
    page = parse_text(french)
    assert page.kind is PageKind.LIVEBLOG
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("9h05", "La Bourse de Paris ouvre dans le vert"),
        ("14 h 32", "Fin d'un exercice naval"),
        ("8h47", "ABB voit ses commandes fléchir"),
    ]
    assert page.entries[1].time is not None
    assert page.entries[1].time.strftime("%H:%M") == "14:32"


def test_article_with_subheading_is_one_entry_and_keeps_the_subheading():
    text = """\
Une grève très suivie dans les transports publics du pays

Les syndicats appellent à poursuivre le mouvement jusqu'à la fin de la semaine prochaine.

Par Marie Dupont et Jean Martin

Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54

Temps de Lecture 4 min.

La grève a commencé mardi matin, avec de fortes perturbations dans les trains et les bus.

« Désaccord total »

Les négociations n'ont rien donné, selon les représentants des salariés réunis hier soir.

Lire aussi :

Un autre article sur un autre sujet

Le gouvernement doit recevoir les syndicats lundi, a indiqué le ministère du travail.

Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés.

Ce texte ne fait pas partie de l'article et ne doit pas apparaître.
"""
    page = parse_text(text)
    assert page.kind is PageKind.ARTICLE and len(page.entries) == 1
    assert page.authors == ("Marie Dupont", "Jean Martin")
    assert page.lead == (
        "Les syndicats appellent à poursuivre le mouvement jusqu'à la fin de la semaine prochaine."
    )
    assert page.published is not None and page.updated is not None
    assert page.published.strftime("%Y-%m-%d %H:%M") == "2023-08-30 14:52"
    assert page.updated.strftime("%H:%M") == "15:54"
    body = page.entries[0].body_markdown.split("\n\n")
    assert body == [
        "La grève a commencé mardi matin, avec de fortes perturbations dans les trains et les bus.",
        "**« Désaccord total »**",
        "Les négociations n'ont rien donné, selon les représentants des salariés réunis hier soir.",
        "Le gouvernement doit recevoir les syndicats lundi, a indiqué le ministère du travail.",
    ]


def test_hard_wrapped_dump_is_unwrapped():
    words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
             "incididunt ut labore et dolore magna aliqua ").split()
    paragraph = " ".join(words * 6).capitalize() + "."
    lines = []
    line = ""
    for word in paragraph.split():  # wrap at 80 columns, as `w3m -cols 80` would
        if len(line) + len(word) + 1 > 80:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    text = "A headline for the wrapped page\n\n" + "\n".join(lines) + "\n\n" + "\n".join(lines)
    page = parse_text(text)
    body = page.entries[0].body_markdown.split("\n\n")
    assert body[-1] == paragraph


def test_markdown_special_characters_are_escaped():
    text = ("A headline about *stars* and #tags\n\n"
            "# not a heading, *not emphasis*, <b>not html</b> and [not](a link).\n\n"
            "Another paragraph of plain words that end the article here.\n")
    body = parse_text(text).entries[0].body_markdown
    assert body.startswith("\\# not a heading, \\*not emphasis\\*, \\<b>not html\\</b>")
    assert "\\[not\\](a link)" in body


def test_nothing_but_chrome_gives_no_entry():
    page = parse_text("  • Menu\n  • Accueil\n\nPublicité\n\nS'abonner\n")
    assert page.entries == () and page.title == ""


# --------------------------------------------------------------------------
# Dumps of real pages (built at test time; never stored in the project)


def _dump(corpus: Path, name: str) -> str:
    if shutil.which("w3m") is None:
        pytest.skip("w3m is not installed")
    out = subprocess.run(
        ["w3m", "-dump", "-T", "text/html", "-cols", "200", str(corpus / name)],
        capture_output=True, check=True, timeout=60,
    )
    return out.stdout.decode("utf-8", "replace")


def _expected(corpus: Path) -> dict[str, dict]:
    data = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    return {p["file"]: p for p in data["pages"]}


@pytest.mark.parametrize("name", [
    "liveblog_en_corkbeo_2020-10-06.html",
    "liveblog_en_express_2024-07-18.html",
    "liveblog_de_br24_2024-08-27.html",
])
def test_corpus_liveblog_dumps_split_into_their_timed_entries(corpus_dir, name):
    expected = _expected(corpus_dir)[name]
    page = parse_text(_dump(corpus_dir, name))
    assert page.kind is PageKind.LIVEBLOG
    assert len(page.entries) == expected["entries"]
    for which, entry in (("first", page.entries[0]), ("last", page.entries[-1])):
        want = expected[which]
        assert entry.headline.startswith(want["headline_prefix"])
        assert entry.time is not None
        assert entry.time.strftime("%Y-%m-%dT%H:%M") == want["time"]


def test_corpus_lesechos_dump_splits_at_its_printed_times(corpus_dir):
    name = "liveblog_fr_lesechos_2024-07-18.html"
    expected = _expected(corpus_dir)[name]
    page = parse_text(_dump(corpus_dir, name))
    assert page.kind is PageKind.LIVEBLOG
    # The dump prints 20 timed headlines (the HTML's structure gives 18 entries).
    assert len(page.entries) >= expected["entries"]
    for which, entry in (("first", page.entries[0]), ("last", page.entries[-1])):
        assert entry.headline.startswith(expected[which]["headline_prefix"])
        assert entry.time is not None
        assert entry.time.strftime("%Y-%m-%dT%H:%M") == expected[which]["time"]
    assert all("Publicité" not in e.body_markdown for e in page.entries)


@pytest.mark.parametrize("name", [
    "article_fr_lemonde_2023-08-30.html",
    "article_fr_liberation_2015-04-30.html",
])
def test_corpus_article_dumps(corpus_dir, name):
    expected = _expected(corpus_dir)[name]
    page = parse_text(_dump(corpus_dir, name))
    assert page.kind is PageKind.ARTICLE
    assert len(page.entries) == 1
    assert page.title == expected["title"]
    assert page.published is not None
    assert page.published.isoformat().startswith(expected["published"])
    body = page.entries[0].body_markdown
    for junk in ("Se connecter", "Partager", "newsletter", "abonnés", "•"):
        assert junk not in body, junk
