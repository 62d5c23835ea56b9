"""Text hygiene: hostile page text loses its escape sequences, keeps its words."""

from tui.ingest.clean import sanitize
from tui.model import Entry, Media, Page, PageKind
from tui.textnorm import clean_inline, clean_text, strip_controls


def test_terminal_escapes_are_removed_and_words_kept():
    hostile = "Breaking\x1b[2J\x1b[H news \x1b]52;c;ZXZpbA==\x07now\x1b]0;title\x1b\\!"
    assert clean_inline(hostile) == "Breaking news now!"


def test_c1_controls_and_8bit_csi_are_removed():
    assert strip_controls("a\x9b31mb\x85c\x07d") == "abcd"


def test_rich_markup_is_kept_as_literal_text():
    assert clean_inline("[bold red]x[/] and [link=http://e.vil]y[/link]") == (
        "[bold red]x[/] and [link=http://e.vil]y[/link]"
    )


def test_no_break_and_thin_spaces_fold_to_one_space():
    assert clean_inline("9h05 -\u00a0La\u202fBourse \u200b ouvre") == "9h05 - La Bourse ouvre"


def test_clean_text_keeps_paragraphs_and_drops_extra_blank_lines():
    assert clean_text("  one \r\n\r\n\r\n two\t \n\n") == "one\n\ntwo"


def test_sanitize_reaches_every_string_of_a_page():
    page = Page(
        kind=PageKind.LIVEBLOG,
        title="T\x1b[31mitle",
        entries=(
            Entry(
                id="x", position=0, headline="H\x07ead",
                body_markdown="Body\x1b]52;c;AAAA\x07 text\n\n- item",
                media=(Media(kind="image", caption="Cap\x1b[0mtion"),),
            ),
        ),
    )
    clean = sanitize(page)
    assert clean.title == "Title"
    assert clean.kind is PageKind.LIVEBLOG
    entry = clean.entries[0]
    assert entry.headline == "Head"
    assert entry.body_markdown == "Body text\n\n- item"
    assert entry.media[0].caption == "Caption"


def test_one_line_loses_every_kind_of_whitespace_but_single_spaces():
    import sys

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and c != 0x20]
    for space in spaces:
        assert clean_inline(f"a{space}b") in ("a b", "ab"), repr(space)
    assert clean_inline(" a  b ") == "a b"
    assert clean_inline("already clean: «ok» – é") == "already clean: «ok» – é"


def test_markdown_fields_keep_layout_and_lose_only_hygiene():
    entry = Entry(id="x", position=0, headline="h", body_markdown="  - one\n\n\n\n  - two\u00a0x ")
    assert sanitize(entry).body_markdown == "- one\n\n  - two x"
    tidy = Entry(id="x", position=0, headline="h", body_markdown="- one\n\n  - two\n\tcode")
    assert sanitize(tidy) is tidy
