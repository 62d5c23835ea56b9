"""Bytes to text: encodings, binary files and oversized input."""

import gzip

import pytest

from tui.ingest import IngestError, parse
from tui.ingest.decode import decode, describe_binary, looks_like_html


def test_bom_wins():
    assert decode("\ufeffÉtats-Unis".encode("utf-8")) == "États-Unis"
    assert decode("\ufeffTéhéran".encode("utf-16-le")) == "Téhéran"


def test_http_charset_then_meta_charset():
    latin = "Téhéran".encode("latin-1")
    assert decode(latin, "text/html; charset=ISO-8859-1") == "Téhéran"
    page = b'<html><head><meta charset="windows-1252"></head><body>' + latin
    assert decode(page).endswith("Téhéran")


def test_utf8_page_claiming_latin1_is_read_as_utf8():
    assert decode("Téhéran".encode(), "text/html; charset=iso-8859-1") == "Téhéran"


def test_invalid_bytes_never_crash():
    assert decode(b"caf\xe9 \xff\xfe ok").startswith("café")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"),
        (b"%PDF-1.7", "PDF"),
        (b"abc\x00\x00\x00def", "binary"),
    ],
)
def test_binary_files_are_named(data, what):
    assert what in describe_binary(data)


def test_image_content_type_is_not_a_page():
    assert "image/png" in describe_binary(b"<html>", "image/png")


def test_html_sniffing():
    assert looks_like_html("<!DOCTYPE html><html>")
    assert looks_like_html("x", "text/html; charset=utf-8")
    assert not looks_like_html("Titre\n\nUn paragraphe.")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty page"),
        (b"   \n\t ", "empty page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (gzip.compress(b"\x89PNG\r\n\x1a\n"), "PNG image"),
        (b"\x1f\x8b\x08\x00broken", "damaged gzip"),
    ],
)
def test_parse_refuses_what_is_not_a_page_with_one_line(data, message):
    with pytest.raises(IngestError, match=message) as info:
        parse(data)
    assert "\n" not in str(info.value)


def test_parse_refuses_oversized_input():
    with pytest.raises(IngestError, match="too large"):
        parse(b"a" * (33 * 1024 * 1024))


def test_a_text_dump_that_quotes_a_tag_is_text_and_a_fragment_is_html() -> None:
    dump = "Title\n\nThe <p> tag of the page was broken, said the editor.\n\nMore text."
    assert not looks_like_html(dump)
    assert looks_like_html("<div><p>One</p><p>Two</p></div>")
    assert looks_like_html("<!DOCTYPE html><title>x</title>")
