"""Every letter of every power looks the same: one house font, no theme fonts, municipal headings.

Each rendered letter is opened with python-docx and every run's effective font, size and colour is read
back the way Word resolves it: the run's own properties, its character style, its paragraph's style and
their `basedOn` chains, then the document defaults. A style that names no font (a "No Spacing" not based
on Normal) or a theme font ("minorHAnsi" = Calibri, "majorHAnsi" = Cambria) fails here, because Word and
LibreOffice then take a font from outside the house style.
"""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from collections.abc import Iterator

import docx
import pytest
from docx.oxml.ns import qn
from letters_support import ROOT, build_context, entries, input_for, render

from app.config import ROOT as PROJECT
from app.letters.manifest import ManifestEntry

ENTRIES = entries()
IDS = [e.template for e in ENTRIES]
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
WORD_BLUES = {"4F81BD", "365F91", "17365D", "243F60", "2F5496", "1F3763", "4472C4"}  # Word's accent1 shades


def _generator():
    spec = importlib.util.spec_from_file_location("make_letter_templates", PROJECT / "scripts" /
                                                  "make_letter_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOUSE = _generator()
FONT, SIZE, COLOUR = HOUSE.HOUSE_FONT, HOUSE.HOUSE_SIZE.pt, str(HOUSE.HOUSE_COLOUR)
HEADINGS = {name: size.pt for name, size in HOUSE.HEADING_SIZES.items()}


class Styles:
    """Resolves run properties through the style chains of one document."""

    def __init__(self, document: docx.document.Document) -> None:
        root = document.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.iterchildren(qn("w:style"))}
        self.default_paragraph = next(s for s in root.iterchildren(qn("w:style"))
                                      if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1")
        self.defaults = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))

    def chain(self, style_id: str | None, fallback=None) -> list:
        """The rPr of a style and of every style it is based on, nearest first."""
        style, found, seen = self.by_id.get(style_id) if style_id else fallback, [], set()
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            found.append(style.find(qn("w:rPr")))
            based = style.find(qn("w:basedOn"))
            style = self.by_id.get(based.get(qn("w:val"))) if based is not None else None
        return found

    def run_chain(self, run) -> list:
        """Word's order: direct formatting, character style, paragraph style, document defaults."""
        paragraph = next(a for a in run.iterancestors(qn("w:p")))
        rpr, ppr = run.find(qn("w:rPr")), paragraph.find(qn("w:pPr"))
        r_style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        p_style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        chain = [rpr, *(self.chain(r_style.get(qn("w:val"))) if r_style is not None else [])]
        chain += self.chain(p_style.get(qn("w:val")) if p_style is not None else None, self.default_paragraph)
        return [r for r in [*chain, self.defaults] if r is not None]


def effective(chain: list, tag: str):
    """The nearest element `tag` along the chain (the property that wins), or None."""
    return next((rpr.find(qn(tag)) for rpr in chain if rpr.find(qn(tag)) is not None), None)


def font(chain: list, slot: str) -> str | None:
    theme_attribute = "w:cstheme" if slot == "cs" else f"w:{slot}Theme"
    for rpr in chain:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            continue
        if fonts.get(qn(theme_attribute)) is not None:  # a theme font wins over the named one in Word
            return f"theme:{fonts.get(qn(theme_attribute))}"
        if fonts.get(qn(f"w:{slot}")) is not None:
            return fonts.get(qn(f"w:{slot}"))
    return None


def runs(document: docx.document.Document) -> Iterator[tuple[str, object]]:
    """(style name of the paragraph, w:r element) for body, header and footer, fields included."""
    section = document.sections[0]
    for part in (document.element.body, section.header._element, section.footer._element):
        for run in part.iter(qn("w:r")):
            paragraph = next(run.iterancestors(qn("w:p")))
            ppr = paragraph.find(qn("w:pPr"))
            p_style = ppr.find(qn("w:pStyle")) if ppr is not None else None
            yield (p_style.get(qn("w:val")) if p_style is not None else "Normal"), run


def rendered(entry: ManifestEntry) -> docx.document.Document:
    return docx.Document(io.BytesIO(render(entry.template, build_context(input_for(entry)))))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_run_of_every_rendered_letter_is_in_the_house_font_and_size(entry: ManifestEntry) -> None:
    document = rendered(entry)
    styles = Styles(document)
    heading_ids = {document.styles[name].style_id: size for name, size in HEADINGS.items()}
    checked = 0
    for style_id, run in runs(document):
        if not "".join(t.text or "" for t in run.iter(qn("w:t"))).strip():
            continue
        chain = styles.run_chain(run)
        assert {slot: font(chain, slot) for slot in SLOTS} == dict.fromkeys(SLOTS, FONT), (style_id, run.xml)
        size, complex_size = (effective(chain, tag).get(qn("w:val")) for tag in ("w:sz", "w:szCs"))
        assert int(size) / 2 == heading_ids.get(style_id, SIZE) and complex_size == size, (style_id, size)
        checked += 1
    assert checked > 20  # the letter, its header and footer were read, not an empty document


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_headings_are_in_the_municipal_style_not_word_blue(entry: ManifestEntry) -> None:
    document = rendered(entry)
    styles = Styles(document)
    headings = [p for p in document.paragraphs if p.style.name in HEADINGS and p.text.strip()]
    assert {p.style.name for p in headings} == set(HEADINGS)
    for paragraph in headings:
        for run in paragraph._p.iter(qn("w:r")):
            chain = styles.run_chain(run)
            colour, bold = effective(chain, "w:color"), effective(chain, "w:b")
            assert colour.get(qn("w:themeColor")) is None, paragraph.text
            assert colour.get(qn("w:val")) == COLOUR and COLOUR.upper() not in WORD_BLUES, paragraph.text
            assert bold is not None and bold.get(qn("w:val")) in (None, "1", "true"), paragraph.text


def test_no_part_of_any_template_refers_to_a_theme_and_every_template_has_the_same_styles() -> None:
    styles = set()
    for entry in ENTRIES:
        package = zipfile.ZipFile(ROOT / entry.template)
        names = package.namelist()
        assert not [n for n in names if "theme" in n.lower()], entry.template
        for name in names:
            text = package.read(name).decode("utf-8")
            # w:themeFontLang (settings) is a language for hyphenation, not a font or colour reference
            found = set(re.findall(r'\bw:(\w*[Tt]heme\w*)="', text)) - {"themeFontLang"}
            assert not found and "relationships/theme" not in text, (entry.template, name, found)
        fonts = re.findall(r'<w:font w:name="([^"]+)"', package.read("word/fontTable.xml").decode("utf-8"))
        assert set(fonts) == {FONT, "Symbol"}, (entry.template, fonts)  # Symbol: the bullet glyph of a list
        styles.add(package.read("word/styles.xml"))
    assert len(styles) == 1


def test_every_paragraph_style_resolves_its_font_from_normal() -> None:
    # Word falls back to its own default (Cambria, Times New Roman) for a style outside Normal's chain.
    document = docx.Document(ROOT / ENTRIES[0].template)
    styles = Styles(document)
    normal = document.styles["Normal"].style_id
    for style in document.styles:
        if style.type != docx.enum.style.WD_STYLE_TYPE.PARAGRAPH or style.style_id == normal:
            continue
        chain, ids, current = styles.chain(style.style_id), [], style
        while current is not None:
            ids.append(current.style_id)
            current = current.base_style
        assert ids[-1] == normal, (style.name, ids)
        assert not any(r is not None and r.find(qn("w:rFonts")) is not None for r in chain[:-1]), style.name


def test_every_template_is_on_a4_paper_for_the_post_room_and_window_envelopes() -> None:
    sizes = {}
    for path in sorted((PROJECT / "letter_templates").glob("*/*.docx")):
        section = docx.Document(str(path)).sections[0]
        sizes[path.name] = (round(section.page_width.mm), round(section.page_height.mm))
    assert sizes and set(sizes.values()) == {(210, 297)}, sizes
