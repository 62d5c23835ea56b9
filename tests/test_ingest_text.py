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
from tui.ingest.textdump import parse_text
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


# --------------------------------------------------------------------------
# The shapes live blogs take in dumps (issue 8), on small made-up dumps


def _times(page, fmt="%Y-%m-%d %H:%M %z"):
    return [e.time.strftime(fmt) if e.time else None for e in page.entries]


def test_numbered_updates_with_the_clock_said_twice():
    text = """\
Storm Ciarán: Live updates as thousands of homes are left without power

Thousands of homes are without power across the south of England as gusts reach 100mph.

2 November 2023

 1. Posted at 15:0515:05

    Trains cancelled across the south

    Network Rail says all services south of London are cancelled until tomorrow morning.

 2. Posted at 14:4814:48

    BreakingSchool closures announced for Friday

    More than 200 schools will stay closed on Friday, the county council said this afternoon.

 3. Posted at 14:3014:30

    Breaking

    Yellow warning extended to Sunday

    The Met Office has extended its yellow weather warning for wind across the region to Sunday.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("15:05", "Trains cancelled across the south"),
        ("14:48", "School closures announced for Friday"),
        ("14:30", "Yellow warning extended to Sunday"),
    ]
    assert _times(page, "%Y-%m-%d %H:%M") == [
        "2023-11-02 15:05", "2023-11-02 14:48", "2023-11-02 14:30"]
    assert page.entries[2].body_markdown.startswith("The Met Office has extended")
    assert all("Breaking" not in e.body_markdown for e in page.entries)


def test_time_after_the_body_closes_each_entry():
    text = """\
Israel-Hamas war live: latest news as talks resume in Cairo on Monday

The latest updates from the region, as our reporters bring you every development.

Talks resume in Cairo

Negotiators from both sides arrived in Cairo on Monday morning, officials said.

A second round is expected later this week.

Jamie Braidwood14 August 2023 10:01

Aid lorries cross at Rafah

Forty lorries carrying food and medicine crossed into Gaza at Rafah, the UN said.

Jamie Braidwood14 August 2023 09:45

Airstrikes reported overnight in the north

Residents reported heavy airstrikes overnight in the north of the territory, local media said.

Jane Doe14 August 2023 09:12
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [e.headline for e in page.entries] == [
        "Talks resume in Cairo", "Aid lorries cross at Rafah",
        "Airstrikes reported overnight in the north",
    ]
    assert [e.time_text for e in page.entries] == ["10:01", "09:45", "09:12"]
    assert _times(page, "%Y-%m-%d %H:%M") == [
        "2023-08-14 10:01", "2023-08-14 09:45", "2023-08-14 09:12"]
    first = page.entries[0].body_markdown
    assert first.endswith("A second round is expected later this week.")
    assert "Braidwood" not in first


def test_clock_glued_to_author_breaking_tag_and_video_duration():
    text = """\
Manchester news LIVE: trams suspended and road closed after fire on Tuesday

All the latest news from across Greater Manchester on Tuesday, October 6, 2020, as it happens.

By Antony Thrower
09:14, Tue, Oct 6, 2020

21:00Antony Thrower

Breaking

Tram services suspended after crash

Metrolink said services between Piccadilly and Eccles are suspended after a collision this evening.

Video

01:27

Watch the moment the tram stopped

20:45Antony Thrower

Road closed after fire in city centre

Firefighters were called to the building at 8pm, and the road is expected to stay closed overnight.

1601998800000

Residents were asked to keep their windows closed because of the smoke, the fire service said.

20:15Antony Thrower

Bus lane cameras switched on

The council said the cameras would be switched on tomorrow, and fines start next month.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("21:00", "Tram services suspended after crash"),
        ("20:45", "Road closed after fire in city centre"),
        ("20:15", "Bus lane cameras switched on"),
    ]
    assert _times(page, "%Y-%m-%d %H:%M") == [
        "2020-10-06 21:00", "2020-10-06 20:45", "2020-10-06 20:15"]
    assert "01:27" not in " ".join(e.time_text or "" for e in page.entries)
    assert all("1601998800000" not in e.body_markdown for e in page.entries)
    assert all("Antony Thrower" not in e.body_markdown for e in page.entries)


def test_relative_time_glued_to_clock_key_events_and_summary_are_not_entries():
    text = """\
Ukraine war live: Zelenskiy meets allies in Kyiv as drones hit Odesa port

Tue 15 Aug 2023 12.55 BST

Key events

  • 4m ago12.50 BST Zelenskiy meets allies in Kyiv
  • 1h ago11.58 BST Drone attack on Odesa port

Summary

  • Zelenskiy met allies in Kyiv on Tuesday to discuss air defence.
  • A drone attack hit Odesa port overnight, officials said.

4m ago12.50 BST

Zelenskiy meets allies in Kyiv

Volodymyr Zelenskiy met defence ministers from five countries in Kyiv on Tuesday, his office said.

1h ago11.58 BST

Drone attack on Odesa port

Ukraine's air force said it shot down 12 of 15 drones launched at the port overnight.

2h ago10.20 BST

Grain exports resume

Three ships carrying grain left the port this morning, the ministry said.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("12.50", "Zelenskiy meets allies in Kyiv"),
        ("11.58", "Drone attack on Odesa port"),
        ("10.20", "Grain exports resume"),
    ]
    assert _times(page) == [
        "2023-08-15 12:50 +0100", "2023-08-15 11:58 +0100", "2023-08-15 10:20 +0100"]
    assert [e.zone for e in page.entries] == ["BST", "BST", "BST"]


def test_minute_by_minute_match_minutes_are_markers_not_times():
    text = """\
PSG - OM (2-1) : le PSG s'impose au terme d'un match fou, revivez le direct

Le Paris Saint-Germain a battu l'Olympique de Marseille dimanche soir au Parc des Princes.

Publié le 24 septembre 2023 à 20h45

95'

Fin du match ! Le PSG s'impose 2-1 au terme d'une rencontre très disputée.

90'+3

Carton jaune pour Rongier, qui stoppe une contre-attaque parisienne.

67'

BUT ! Mbappé double la mise d'une frappe croisée du pied droit.

Mi-temps

Les deux équipes rentrent aux vestiaires sur un score de parité, 1-1.

45+2'

Égalisation de l'OM par Vitinha sur un corner mal repoussé par la défense.

12'

But de Kolo Muani, bien servi par Dembélé sur le côté droit de la surface.

Coup d'envoi

C'est parti au Parc des Princes devant 47 000 spectateurs.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [e.time_text for e in page.entries] == [
        "95'", "90'+3", "67'", None, "45+2'", "12'", None]
    assert [e.minute for e in page.entries] == [
        "95'", "90'+3", "67'", None, "45+2'", "12'", None]
    assert all(e.time is None for e in page.entries)
    assert page.entries[3].headline == "Mi-temps"
    assert page.entries[6].headline == "Coup d'envoi"
    assert page.entries[0].body_markdown.startswith("Fin du match ! Le PSG s'impose 2-1")
    assert page.entries[0].headline.startswith("Fin du match ! Le PSG s'impose")


def test_minute_by_minute_in_english_with_the_minute_before_the_text():
    text = """\
Arsenal 2-1 Chelsea: live reaction as Saka wins it late at the Emirates

Follow all the action from the Emirates Stadium, minute by minute, as it happens.

Full-time

Arsenal hold on for a deserved win in a pulsating London derby at the Emirates.

90+4' Chelsea have one last corner, but Raya punches it clear and the whistle goes.

88' GOAL! Saka curls a left-footed shot into the far corner from the edge of the box.

Half-time

It's all square at the break after a lively first half in north London.

23' GOAL! Palmer converts the penalty, sending Raya the wrong way.

Kick-off

We're under way at the Emirates, with Chelsea getting us started.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [(e.time_text, e.headline[:24]) for e in page.entries] == [
        (None, "Full-time"),
        ("90+4'", "Chelsea have one last co"),
        ("88'", "GOAL! Saka curls a left-"),
        (None, "Half-time"),
        ("23'", "GOAL! Palmer converts th"),
        (None, "Kick-off"),
    ]
    assert all(e.time is None for e in page.entries)
    assert page.entries[2].body_markdown == (
        "GOAL! Saka curls a left-footed shot into the far corner from the edge of the box.")


def test_twelve_hour_clocks_in_two_stated_zones():
    text = """\
Coronavirus live updates: South Korea confirms first death; Hubei extends work suspension

Published Wed, Feb 19 20207:13 PM ESTUpdated 7 min ago
Holly Ellyatt@HollyEllyatt

This is a live blog. Please check back for updates.

All times below are in Beijing time.

6.15 pm: China's Hubei province asks firms not to resume work before March 11

China's Hubei province has asked firms not to resume work before March 11 due to the outbreak.

2:57 pm: Japan confirms two elderly passengers from Diamond Princess died

Japan's ministry of health has confirmed the deaths of two passengers who were on board.

7:58 am: Hubei reports an additional 108 deaths

Hubei's health authorities reported there were 108 additional fatalities on Feb. 19.

All times below are in Eastern time.

5:06 pm: Markets may face 'pretty serious reckoning' as coronavirus slows growth

The coronavirus may significantly weaken a global economy that was already precarious.

2:41 pm: CDC issues travel guidelines for Hong Kong

The Centers for Disease Control and Prevention issued new guidelines on Wednesday.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [e.time_text for e in page.entries] == [
        "6.15 pm", "2:57 pm", "7:58 am", "5:06 pm", "2:41 pm"]
    assert _times(page) == [
        "2020-02-20 18:15 +0800", "2020-02-20 14:57 +0800", "2020-02-20 07:58 +0800",
        "2020-02-19 17:06 -0500", "2020-02-19 14:41 -0500",
    ]
    assert [e.zone for e in page.entries] == ["Asia/Shanghai"] * 3 + ["America/New_York"] * 2
    assert all("All times" not in e.body_markdown for e in page.entries)


def test_bare_dotted_clocks_run_back_past_midnight():
    text = """\
AirAsia plane found in Java Sea: latest

Search teams in the Java Sea are to resume looking for bodies at dawn, as authorities say.

By Harriet Alexander

5:00PM GMT 31 Dec 2014

16.06 AirAsia QZ8501 made an "unbelievably" steep climb before it crashed, a source said.

The source, who declined to be named, added that more information was needed.

12.15 More photos are coming in from the search.

00.04 The grim task of identification of bodies from #QZ8501 will begin today.

23.46 This is the search area teams will be concentrating on this morning.

The price of petrol fell to 1.19 in the morning, and 16.5 per cent of flights were cancelled.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [e.time_text for e in page.entries] == ["16.06", "12.15", "00.04", "23.46"]
    assert _times(page) == [
        "2014-12-31 16:06 +0000", "2014-12-31 12:15 +0000", "2014-12-31 00:04 +0000",
        "2014-12-30 23:46 +0000",
    ]
    first = page.entries[0]
    # No headline line: the first sentence lists the entry, the text stays whole.
    assert first.headline.startswith("AirAsia QZ8501 made an \"unbelievably\" steep climb")
    assert first.body_markdown.startswith("AirAsia QZ8501 made an \"unbelievably\" steep climb")
    assert page.entries[3].body_markdown.endswith("16.5 per cent of flights were cancelled.")


def test_stated_zones_utc_and_et_and_a_two_dotted_lines_are_no_run():
    utc = """\
Election results live: counting continues through the night in key states

Counting is under way in key states, with results expected through the night.

5 November 2024

All times UTC

02:10 - Polls close in the west

Polls have now closed in the western states, and the first results are expected soon.

01:45 - Turnout reported high

Officials in several states reported turnout well above the last election's figures.

01:20 - First results come in

The first results have come in from the east coast, with counting under way.
"""
    page = parse_text(utc)
    assert _times(page) == [
        "2024-11-05 02:10 +0000", "2024-11-05 01:45 +0000", "2024-11-05 01:20 +0000"]
    eastern = (utc.replace("All times UTC", "All times ET").replace("02:10", "9:05 pm")
               .replace("01:45", "8.40pm").replace("01:20", "8:15 PM"))
    page = parse_text(eastern)
    assert [e.time_text for e in page.entries] == ["9:05 pm", "8.40pm", "8:15 PM"]
    assert _times(page) == [
        "2024-11-05 21:05 -0500", "2024-11-05 20:40 -0500", "2024-11-05 20:15 -0500"]
    assert page.entries[0].zone == "America/New_York"
    article = """\
Petrol prices fall again as winter approaches across the country

Prices at the pump fell for the third week running, the motoring group said on Monday.

The average price fell to 1.45 a litre, and diesel to 1.52, the lowest since the spring.

12.30 Retailers said the cut would be passed on quickly to drivers everywhere.
"""
    assert parse_text(article).kind is PageKind.ARTICLE


def test_article_with_timed_teasers_ticker_and_tv_schedule_stays_an_article():
    teasers = "\n\n".join(
        f"{h:02d}:{m:02d}\n\nPolitik\n\nJohnson verliert die Abstimmung Nummer {n}"
        for n, (h, m) in enumerate([(14, 6), (14, 0), (11, 5), (8, 11), (7, 40)]))
    schedule = "\n".join(f"{15 + n}:00 NRK1: Fotball, kamp {n}" for n in range(8))
    text = f"""\
Brexit: Niederlage für Johnson im Parlament, die Abstimmung wird verschoben

Das britische Unterhaus hat am Samstag eine Entscheidung über den Brexit-Deal vertagt.

19.10.2019, 14:30 Uhr

Das Parlament stimmte mit 322 zu 306 Stimmen für einen Antrag, der die Entscheidung aufschiebt.

Premierminister Johnson muss nun bei der EU um eine Verlängerung bitten, sagte ein Sprecher.

Newsticker

{teasers}

TV-Programm

{schedule}
"""
    page = parse_text(text)
    assert page.kind is PageKind.ARTICLE
    assert len(page.entries) == 1


def test_italian_live_blog_with_italian_dates():
    text = """\
Israele-Hamas, la guerra in diretta: le notizie di oggi giovedì 2 novembre

Tutti gli aggiornamenti di oggi sulla guerra tra Israele e Hamas, in tempo reale.

2 novembre 2023

Aggiornato alle 14:05

Biden chiede una pausa umanitaria

Il presidente americano ha chiesto una pausa nei combattimenti per far uscire gli ostaggi.

Aggiornato alle 13:40

Aperto il valico di Rafah per i feriti

Il valico è stato aperto per permettere a decine di feriti di entrare in Egitto, dice la tv.

Aggiornato alle 12:15

Razzi su Tel Aviv

Sirene d'allarme sono suonate a Tel Aviv e nel centro di Israele, riferisce l'esercito.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [e.headline for e in page.entries] == [
        "Biden chiede una pausa umanitaria", "Aperto il valico di Rafah per i feriti",
        "Razzi su Tel Aviv"]
    assert _times(page, "%Y-%m-%d %H:%M") == [
        "2023-11-02 14:05", "2023-11-02 13:40", "2023-11-02 12:15"]


def test_a_bare_duration_far_from_the_entries_times_is_not_an_entry():
    text = """\
Budget 2024 LIVE: Chancellor delivers his statement to the Commons this afternoon

Every announcement from the Chancellor's statement, as it happens, with reaction.

30 October 2024

13:05 - Fuel duty frozen for another year

The Chancellor said fuel duty would stay frozen, at a cost of three billion pounds.

02:13

Watch: the Chancellor arrives at the Commons

12:58

Income tax thresholds unchanged

The thresholds will not move until 2028, the Treasury confirmed this afternoon.

12:40 - Minimum wage to rise in April

The national living wage will rise by 6.7 per cent from April, the Chancellor said.
"""
    page = parse_text(text)
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("13:05", "Fuel duty frozen for another year"),
        ("12:58", "Income tax thresholds unchanged"),
        ("12:40", "Minimum wage to rise in April"),
    ]
    assert "Watch: the Chancellor arrives at the Commons" in page.entries[0].body_markdown


def test_ticker_marks_and_day_headers_between_entries():
    text = """\
Nahost-Ticker: Israel und Hamas verhandeln weiter in Kairo

Alle Entwicklungen im Überblick, laufend aktualisiert von der Redaktion.

Mittwoch, 28. August 2024

+++ 08.10 Uhr: Verhandlungen gehen weiter +++

Die Gespräche in Kairo werden am Mittwoch fortgesetzt, teilte Ägypten mit.

Dienstag, 27. August 2024

+++ 22.45 Uhr: Raketenalarm im Norden +++

Im Norden Israels heulten am Abend die Sirenen, berichtete die Armee.

+++ 18.05 Uhr: Hilfskonvoi erreicht Gaza +++

Ein Konvoi mit 40 Lastwagen hat den Grenzübergang passiert, sagte die UN.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("08.10 Uhr", "Verhandlungen gehen weiter"),
        ("22.45 Uhr", "Raketenalarm im Norden"),
        ("18.05 Uhr", "Hilfskonvoi erreicht Gaza"),
    ]
    assert _times(page) == [
        "2024-08-28 08:10 +0200", "2024-08-27 22:45 +0200", "2024-08-27 18:05 +0200"]
    assert all("2024" not in e.body_markdown for e in page.entries)


def test_updated_at_footers_and_relative_times_on_their_own_lines():
    text = """\
Ukraine war live: Zelenskiy meets allies in Kyiv as drones hit Odesa port

Tue 15 Aug 2023 13.05 BST

4m ago

12.50 BST

Zelenskiy meets allies in Kyiv

Volodymyr Zelenskiy met defence ministers from five countries in Kyiv on Tuesday, his office said.

Updated at 13.02 BST

1h ago

11.58 BST

Drone attack on Odesa port

Ukraine's air force said it shot down 12 of 15 drones launched at the port overnight.

2h ago

10.20 BST

Grain exports resume

Three ships carrying grain left the port this morning, the ministry said.
"""
    page = parse_text(text)
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("12.50", "Zelenskiy meets allies in Kyiv"),
        ("11.58", "Drone attack on Odesa port"),
        ("10.20", "Grain exports resume"),
    ]
    assert all("ago" not in e.body_markdown for e in page.entries)
    assert _times(page)[0] == "2023-08-15 12:50 +0100"


@pytest.mark.parametrize(("line", "printed", "rest"), [
    ("Updated 1:48 AM", "1:48 AM", ""),
    ("Posted at 15:0515:05", "15:05", ""),
    ("15:05Posted at 15:05", "15:05", ""),
    ("4m ago12.50 BST", "12.50", ""),
    ("November02202321:06 (IST)", "21:06", ""),
    ("Jamie Braidwood14 August 2023 10:01", "10:01", ""),
    ("21:00Antony Thrower", "21:00", "Antony Thrower"),
    ("Sept. 12, 2024, 2:57 PM EDT", "2:57 PM", ""),
    ("Heute, 12:31 Uhr: Titel", "12:31 Uhr", "Titel"),
    ("Aggiornato alle 9:05", "9:05", ""),
    ("Mis à jour à 14h05", "14h05", ""),
    ("Today at 8.40pm", "8.40pm", ""),
    ("3.27pm BST", "3.27pm", ""),
    ("Updated at 3.16am GMT", "3.16am", ""),
    ("+++ 12:31 Uhr: Titel +++", "12:31 Uhr", "Titel"),
    ("6.15 pm: China's Hubei province asks firms", "6.15 pm", "China's Hubei province asks firms"),
    ("95' Fin du match", "95'", "Fin du match"),
    ("45+2'", "45+2'", ""),
])
def test_stamp_lines(line, printed, rest):
    from tui.ingest.textdump.stamps import read_stamp

    found = read_stamp(line)
    assert found is not None and (found.printed, found.rest) == (printed, rest)


@pytest.mark.parametrize("line", [
    "3.50 euros were spent", "25.1 - This is a terrific shot", "IND 151/1 (25)",
    "On 2 November 2023 at 12:00 the police said", "2014-12-31 17:13:38.0",
    "VIDEO2:1702:17", "At least 20 people were hurt", "Hier ist 12:00 nichts los",
])
def test_lines_that_are_not_stamps(line):
    from tui.ingest.textdump.stamps import read_stamp

    assert read_stamp(line) is None


def test_key_events_list_of_stamped_items_repeats_entries_and_adds_none():
    text = """\
Ukraine war live: Zelenskiy meets allies in Kyiv as drones hit Odesa port

Tue 15 Aug 2023 12.55 BST

Key events

  • 12.50 BST
    Zelenskiy meets allies in Kyiv…
  • 11.58 BST
    Drone attack on Odesa port

12.50 BST

Zelenskiy meets allies in Kyiv to discuss air defence

Volodymyr Zelenskiy met defence ministers from five countries in Kyiv on Tuesday, his office said.

11.58 BST

Drone attack on Odesa port

Ukraine's air force said it shot down 12 of 15 drones launched at the port overnight.
"""
    page = parse_text(text)
    assert [e.headline for e in page.entries] == [
        "Zelenskiy meets allies in Kyiv to discuss air defence", "Drone attack on Odesa port"]


def test_a_published_and_an_updated_time_over_one_entry():
    text = """\
Politics live: Clegg says Labour are miserable as the conference season opens

Wed 18 Sep 2013 16.05 BST

3.27pm BST

Updated at 3.41pm BST

Clegg says Labour are miserable when there is good news for the economy, he told delegates.

2.50pm BST

The conference hall is filling up ahead of the deputy prime minister's speech this afternoon.

Updated at 3.02pm BST

2.10pm BST

Delegates have been arriving all morning, and the queues for the hall stretch round the block.
"""
    page = parse_text(text)
    assert [e.time_text for e in page.entries] == ["3.27pm", "2.50pm", "2.10pm"]
    assert _times(page) == [
        "2013-09-18 15:27 +0100", "2013-09-18 14:50 +0100", "2013-09-18 14:10 +0100"]
    assert page.entries[0].headline.startswith("Clegg says Labour are miserable")


def test_headline_printed_above_its_time():
    text = """\
Guerre en Ukraine, en direct : Kiev sous les bombes, la défense antiaérienne mobilisée

Suivez les dernières informations sur la guerre en Ukraine, heure par heure, avec nos envoyés.

Publié le 15 août 2023

Zelensky rencontre ses alliés à Kiev

14h05

Le président ukrainien a reçu les ministres de la Défense de cinq pays, a indiqué son bureau.

Attaque de drones sur le port d'Odessa

13h40

L'armée de l'air ukrainienne dit avoir abattu 12 des 15 drones lancés sur le port cette nuit.

Reprise des exportations de céréales

12h15

Trois navires chargés de céréales ont quitté le port ce matin, selon le ministère.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("14h05", "Zelensky rencontre ses alliés à Kiev"),
        ("13h40", "Attaque de drones sur le port d'Odessa"),
        ("12h15", "Reprise des exportations de céréales"),
    ]
    assert page.entries[0].body_markdown == (
        "Le président ukrainien a reçu les ministres de la Défense de cinq pays, a indiqué son"
        " bureau.")


def test_an_author_between_the_time_and_the_headline_is_not_the_headline():
    text = """\
Storm LIVE: roads closed across the county as winds reach 100mph

Gusts are expected to peak this afternoon, forecasters have warned everyone.

6 October 2020

21:22

Jane Smith

Goodnight from the live team

We are logging off for the night but we will be back from 7am with all your news.

19:05

By John Brown

Bridge closed after tree falls

The bridge will stay closed until the morning, the council said in a statement.

18:40

Schools to open as normal tomorrow

All schools will open as normal, the department confirmed this evening.
"""
    page = parse_text(text)
    assert [e.headline for e in page.entries] == [
        "Goodnight from the live team", "Bridge closed after tree falls",
        "Schools to open as normal tomorrow"]


def test_relative_times_only_mark_entries_and_give_no_time():
    text = """\
Election LIVE: results as polls close across the country tonight

Counting is under way across the country, with the first results expected before midnight.

Updated 7 min ago

5 mins ago

First seat declared in the north east

The first result of the night has come in, a hold for the governing party.

32 mins ago

Turnout down on the last election

Officials say turnout is running about five points below the last general election.

1 hour ago

Polls close

Voting has ended, and ballot boxes are on their way to counting centres across the country.
"""
    page = parse_text(text)
    assert page.kind is PageKind.LIVEBLOG
    assert [(e.time_text, e.headline) for e in page.entries] == [
        ("5 mins ago", "First seat declared in the north east"),
        ("32 mins ago", "Turnout down on the last election"),
        ("1 hour ago", "Polls close"),
    ]
    assert all(e.time is None for e in page.entries)


def test_a_german_date_is_not_a_numbered_list_item():
    text = """\
Verhärtete Fronten nach Tumulten bei Luckes Vorlesung an der Universität

19. Oktober 2019 15:07

Hamburg (dpa/lno) – Trotz eines Gespräches mit dem AStA bleiben die Fronten verhärtet.

Ein Gespräch nur mit dem AStA sei auf dieser Basis nicht sinnvoll, hieß es am Samstag.
"""
    page = parse_text(text)
    assert page.kind is PageKind.ARTICLE
    assert page.title == "Verhärtete Fronten nach Tumulten bei Luckes Vorlesung an der Universität"
    assert page.published is not None
    assert page.published.strftime("%Y-%m-%d %H:%M") == "2019-10-19 15:07"


def test_an_article_followed_by_comments_with_clocks_stays_an_article() -> None:
    """Comments under an article print a clock each, in no order: not a live
    blog (a live blog's stamps run one way)."""
    article = ("Apple to fix its keyboards\n\nBy Jo Writer\n\nThe company is expected to "
               "move its whole laptop line to a new keyboard next year.\n\n")
    clocks = ["07:52 am", "07:47 am", "07:50 am", "07:51 am", "08:12 am", "07:44 am",
              "08:02 am", "07:58 am"]
    comments = "".join(
        f"Avatar\nReader {i}\n2 days ago at {clock}\nI think this is a good move, the old "
        f"keyboard broke twice on my machine and the repair took weeks, number {i}.\n"
        "Rating: 3 Votes\n" for i, clock in enumerate(clocks))
    page = parse_text(article + comments)
    assert page.kind is PageKind.ARTICLE


def test_live_in_a_title_with_one_story_is_an_article() -> None:
    page = parse_text("Markets live: US stocks fall\n\nMarkets closed lower on Friday after "
                      "a week of losses, traders said, and bonds rallied again.\n\n"
                      "Analysts expect more of the same next week.\n")
    assert page.kind is PageKind.ARTICLE and len(page.entries) == 1
