"""Bytes, JSON and files -> Document: decoding, article objects, coded errors."""

from __future__ import annotations

import json

import pytest

from newsextract.errors import InputError
from newsextract.ingest import (
    decode_bytes,
    decode_html_bytes,
    document_from_json,
    load_path,
    load_text,
    looks_html,
    sniff_charset,
)

ZH = "恒瑞医药与默沙东签署独家许可协议，默沙东将支付2亿美元首付款，以及最高17.7亿美元的里程碑付款。" * 3


@pytest.mark.parametrize(
    "data,declared,expected",
    [
        (b"Acme pays $5 million.", None, "Acme pays $5 million."),
        ("\ufeffAcme €5 million".encode(), None, "Acme €5 million"),
        ("Acme €5 million".encode("utf-16"), None, "Acme €5 million"),
        (ZH.encode("gbk"), "gb2312", ZH),
        (ZH.encode("gb18030"), "GBK", ZH),
        (ZH.encode("gbk"), None, ZH),  # undeclared: detected
        ("Zürich – €50 million".encode(), "iso-8859-1", "Zürich – €50 million"),  # mislabelled UTF-8
        ("Zürich – “€50 million”".encode("cp1252"), "windows-1252", "Zürich – “€50 million”"),
        ("Zürich – “€50 million”".encode("cp1252"), None, "Zürich – “€50 million”"),
    ],
)
def test_ingest_decode_bytes(data, declared, expected):
    assert decode_bytes(data, declared=declared) == expected


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 40, bytes(range(0, 32)) * 20, b"PK\x03\x04\x00\x00"])
def test_ingest_decode_bytes_binary_is_e004(data):
    with pytest.raises(InputError, match="^E004"):
        decode_bytes(data, "x.bin")


@pytest.mark.parametrize(
    "head,expected",
    [
        (b'<meta charset="gbk">', "gbk"),
        (b"<meta charset=utf-8 />", "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=Big5">', "Big5"),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><html>', "ISO-8859-1"),
        (b"<html><head><title>x</title>", None),
    ],
)
def test_ingest_sniff_charset(head, expected):
    assert sniff_charset(head) == expected


def test_ingest_decode_html_bytes_uses_meta_charset():
    page = '<html><head><meta charset="gbk"><title>授权</title></head><body><p>' + ZH + "</p></body></html>"
    assert ZH in decode_html_bytes(page.encode("gbk"))


@pytest.mark.parametrize(
    "obj,doc_id,title,published,text_has",
    [
        ({"id": 7, "text": "Acme."}, "7", None, None, "Acme."),
        ({"id": "a", "text": "Acme.", "title": "T", "published": "2025-03-04", "url": "u", "lang": "en"},
         "a", "T", "2025-03-04", "Acme."),
        ({"html": "<html><head><title>Page</title></head><body><article><p>Acme pays.</p></article></body></html>"},
         None, "Page", None, "Acme pays."),
        ({"id": "h", "title": "Feed title", "html": "<html><head><title>Page</title></head><body><p>Acme.</p></body></html>"},
         "h", "Feed title", None, "Acme."),
        ({"id": "", "text": "Acme."}, None, None, None, "Acme."),
    ],
)
def test_ingest_document_from_json(obj, doc_id, title, published, text_has):
    doc = document_from_json(obj)
    assert (doc.doc_id, doc.title, doc.published) == (doc_id, title, published)
    assert text_has in doc.text


@pytest.mark.parametrize(
    "obj,code",
    [([1, 2], "E022"), ("text", "E022"), ({"id": 1}, "E023"), ({"text": 5}, "E023"), ({"html": None}, "E023")],
)
def test_ingest_document_from_json_errors(obj, code):
    with pytest.raises(InputError, match=f"^{code}"):
        document_from_json(obj)


def test_ingest_load_path_kinds(tmp_path):
    (tmp_path / "a.md").write_text("# Title\n\nAcme pays.", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "b1", "text": "Acme."}), encoding="utf-8")
    (tmp_path / "c.json").write_text('{"id": "c",\n "text": }', encoding="utf-8")
    (tmp_path / "d.htm").write_bytes(b"<html><body><nav>Menu</nav><p>Acme pays $5 million.</p></body></html>")
    (tmp_path / "e.txt").write_text("<!DOCTYPE html><html><body><p>Sniffed page.</p></body></html>")
    assert load_path(tmp_path / "a.md").text == "# Title\n\nAcme pays."
    assert load_path(tmp_path / "b.json", doc_id="fallback").doc_id == "b1"
    with pytest.raises(InputError, match="^E020 malformed JSON on line 2"):
        load_path(tmp_path / "c.json")
    assert load_path(tmp_path / "d.htm").text == "Acme pays $5 million."
    assert load_path(tmp_path / "e.txt").text == "Sniffed page."
    with pytest.raises(InputError, match="^E021"):
        load_path(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("<html lang='en'><body><p>x</p></body></html>", True),
        ("Use the <b> tag for bold. Acme pays $5 million.", False),
        ("Acme <Nasdaq: ACME> pays.", False),
    ],
)
def test_ingest_looks_html(text, expected):
    assert looks_html(text) is expected
    assert (load_text(text).text != text) is expected
