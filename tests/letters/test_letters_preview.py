"""The preview HTML is sanitised: mammoth let a javascript: link through (letters.md §11)."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from letters_support import build_context, entries, input_for, render

from app.letters.preview import sanitise, to_html


def _docx_with_link(url: str) -> bytes:
    document = docx.Document()
    paragraph = document.add_paragraph("Klik ")
    r_id = document.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "hier"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_javascript_link_is_removed() -> None:
    html = to_html(_docx_with_link("javascript:alert(document.cookie)"))
    assert "hier" in html
    assert "javascript" not in html.lower()


def test_https_link_is_kept() -> None:
    assert 'href="https://www.rechtspraak.nl"' in to_html(_docx_with_link("https://www.rechtspraak.nl"))


def test_sanitise_allowlist() -> None:
    html = sanitise('<p onclick="x()">a<img src="x" onerror="y()"><script>z()</script><style>p{}</style>'
                    '<a href="//evil.example/">b</a><a href="mailto:a@b.nl">c</a>'
                    '<iframe src="x"></iframe></p>')
    assert html == ('<p>a<a rel="noopener noreferrer">b</a>'
                    '<a href="mailto:a@b.nl" rel="noopener noreferrer">c</a></p>')


def test_letter_preview_has_structure_and_escaped_text() -> None:
    entry = next(e for e in entries() if e.template.endswith("sluiting__bewoner.docx"))
    context = build_context(input_for(entry, behandeld_door="<script>alert(1)</script> & Zn"))
    html = to_html(render(entry.template, context))
    assert "<h1>" in html and "<h2>" in html and "<ul>" in html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Zn" in html
