"""Generate the first version of every power's letter templates (.docx) with python-docx.

Each power describes its templates in `letter_templates/<code>/layout.yaml` (sections of fixed text and
loops over context keys); the house style lives here, in one place for every power: the look (one font
that every style takes from Normal, no theme fonts or colours, bold black headings; see HOUSE_FONT) and the
shared parts (sender, reference block, greeting, signature, page numbers). The kabinet edits the generated
files in Word afterwards; this script exists so the first version is reviewable as code and data.
Run from the repository root:

    .venv/bin/python scripts/make_letter_templates.py [code ...]

Rules the output keeps (letters.md §2, §9, §12): real heading styles, document language nl-NL, loops as
paragraph tags (`{%p for … %}`), no subdocuments, no RichText, and no Jinja in the core properties.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.letters.stamping import fixed_zip  # noqa: E402  (needs the repository root on sys.path)
from app.strict_yaml import load  # noqa: E402

TEMPLATES = ROOT / "letter_templates"
# A fixed date keeps regenerated templates byte-identical when nothing changed.
GENERATED = datetime(2026, 1, 1, tzinfo=UTC)
# The letterhead: the body that writes (the context key `afzender`, "De burgemeester van Maastricht" or
# "Burgemeester en wethouders van Maastricht", from the zaak's body), then the municipality's address.
AFZENDER = ("{{ afzender }}", "Gemeente Maastricht · Postbus 1992, 6201 BZ Maastricht · telefoon 14 043")
LINE_LOOPS = ("adresregels", "ondertekening", "afschrift_aan")  # one line each, not a paragraph of text

# The house style: one font in one colour. Every paragraph and character style takes its font from Normal
# (or the document defaults, which say the same) and no style refers to a theme font, so Word's Calibri,
# Cambria and "accent" blue cannot return. Headings differ from body text in size and weight only.
HOUSE_FONT = "Arial"
HOUSE_SIZE = Pt(11)
HOUSE_COLOUR = RGBColor(0x00, 0x00, 0x00)  # black: contrast on paper and screen; no Word accent blue
HEADING_SIZES = {"Heading 1": Pt(14), "Heading 2": Pt(12)}  # the levels a layout uses ('#' and plain)
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme", "w:themeColor",
                     "w:themeShade", "w:themeTint", "w:themeFill", "w:themeFillShade", "w:themeFillTint")

# The letter parts every letter shares; a layout refers to these with {use: ...}.
_HEAD = [
    {"items": [{"loop": "adresregels", "style": "No Spacing"}, ""]},
    {"items": [{"text": f"{label}: {{{{ {key} }}}}", "style": "No Spacing"} for label, key in (
        ("Ons kenmerk", "kenmerk"), ("Datum", "datum_brief"), ("Onderwerp", "onderwerp"),
        ("Behandeld door", "behandeld_door"))]},
    {"heading": "#{{ onderwerp }}", "items": ["{{ aanhef }}", {"loop": "inleiding"}]},
]
_TAIL = [
    {"heading": "Heeft u vragen?",
     "items": ["Neem dan contact op met {{ behandeld_door }}. Noem daarbij ons kenmerk {{ kenmerk }}."]},
    {"items": ["Met vriendelijke groet,", {"loop": "ondertekening", "style": "No Spacing"}]},
]
_AFSCHRIFT = [{"items": ["", "Een kopie van deze brief gaat naar:", {"loop": "afschrift_aan", "style": "List Bullet"}]}]
# Who else receives the same decision, as full sentences the kit writes ("Ik stuur dit besluit ook aan: ...").
_VERZENDING = [{"items": ["", {"loop": "afschrift_aan", "style": "No Spacing"}]}]
HOUSE_STYLE = {"head": _HEAD, "tail": _TAIL, "tail_afschrift": _TAIL + _AFSCHRIFT,
               "tail_verzending": _TAIL + _VERZENDING}


def preserve_spaces(doc) -> None:
    """Mark every text run xml:space=preserve so leading or trailing spaces in a value survive Word."""
    for element in doc.element.body.iter(qn("w:t")):
        element.set(qn("xml:space"), "preserve")


def add_item(doc, item: str | dict) -> None:
    """Write one item; a loop is three paragraphs because {%p %} tags replace their whole paragraph."""
    if isinstance(item, str):
        item = {"text": item}
    style = item.get("style", "Normal")
    if "text" in item:
        doc.add_paragraph(item["text"], style=style)
        return
    value = item["loop"]
    var = "regel" if value in LINE_LOOPS else "alinea"
    doc.add_paragraph(f"{{%p for {var} in {value} %}}")
    doc.add_paragraph(f"{{{{ {var} }}}}", style=style)
    doc.add_paragraph("{%p endfor %}")


def add_sections(doc, sections: list[dict]) -> None:
    """Write the sections; a heading starting with '#' is Heading 1, others Heading 2."""
    for section in sections:
        for part in HOUSE_STYLE[section["use"]] if "use" in section else [section]:
            heading = part.get("heading")
            if heading is not None:
                doc.add_heading(heading.lstrip("#"), level=1 if heading.startswith("#") else 2)
            for item in part.get("items", ()):
                add_item(doc, item)


# Parts of python-docx's default template that a letter does not need. Each render parses and compresses
# every part, and these made up nearly all of the 830 kB (stylesWithEffects alone is 438 kB).
# The theme only names the fonts and colours the house style replaces (Calibri, Cambria, accent blue).
_UNUSED_RELS = (RT.THUMBNAIL, RT.CUSTOM_XML, RT.THEME, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects")
_UNUSED_STYLE_PREFIXES = ("Light", "Medium", "Dark", "Colorful")  # table styles; Word re-adds any it uses


def slim(doc) -> None:
    """Drop unused parts and the built-in table styles, so a render stays within its time budget."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rId in [rId for rId, rel in rels.items() if rel.reltype in _UNUSED_RELS]:
            del rels[rId]
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId"), "").startswith(_UNUSED_STYLE_PREFIXES):
            styles.remove(style)


def house_style(doc) -> None:
    """Give every style of the document the house font and colour (see HOUSE_FONT)."""
    styles = doc.styles.element
    _fonts(styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for style in styles.iterchildren(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            rpr.remove(rpr.find(qn("w:rFonts")))  # inherit the house font
        based_on = style.find(qn("w:basedOn"))
        if style.get(qn("w:type")) == "paragraph" and based_on is None and style.get(qn("w:default")) != "1":
            style.get_or_add_basedOn().set(qn("w:val"), "Normal")  # "No Spacing" fell back to Cambria
    for element in styles.iter():
        for attribute in _THEME_ATTRIBUTES:
            element.attrib.pop(qn(attribute), None)
        if element.tag == qn("w:color") or (element.get(qn("w:color")) not in (None, "auto")):
            element.set(qn("w:val" if element.tag == qn("w:color") else "w:color"), str(HOUSE_COLOUR))
    _fonts(doc.styles["Normal"].element.get_or_add_rPr())
    _size(doc.styles["Normal"], HOUSE_SIZE)
    for name, size in HEADING_SIZES.items():
        heading = doc.styles[name]
        link = heading.element.find(qn("w:link"))  # "Heading 1 Char": the same look on part of a paragraph
        linked = [s for s in doc.styles if link is not None and s.style_id == link.get(qn("w:val"))]
        for style in (heading, *linked):
            _size(style, size)
            style.font.bold, style.font.color.rgb = True, HOUSE_COLOUR


def _size(style, size: Pt) -> None:
    """One size for every script: w:sz for Latin text and w:szCs for complex scripts."""
    style.font.size = size
    rpr = style.element.get_or_add_rPr()
    complex_size = rpr.find(qn("w:szCs"))
    if complex_size is None:
        complex_size = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(complex_size)  # the schema puts szCs right after sz
    complex_size.set(qn("w:val"), str(int(size.pt * 2)))


def font_table(doc) -> None:
    """List only the fonts a letter uses (the house font and Symbol, Word's bullet glyph), so a reader who
    checks the document's fonts finds the house font and not the default template's Calibri and Cambria."""
    part = next(p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    table = etree.fromstring(part.blob)
    for entry in table.findall(qn("w:font")):
        if entry.get(qn("w:name")) not in (HOUSE_FONT, "Symbol"):
            table.remove(entry)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fonts(rpr) -> None:
    """Name the house font in all four script slots of a run-properties element, without theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in (*_FONT_SLOTS, *_THEME_ATTRIBUTES[:4]):
        fonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), HOUSE_FONT)


def set_language(doc, lang: str = "nl-NL") -> None:
    """Set the document language in the style defaults and settings (screen readers, hyphenation)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    for tag in defaults.iter(qn("w:lang")):
        tag.set(qn("w:val"), lang)
        tag.set(qn("w:eastAsia"), lang)
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), lang)
    doc.core_properties.language = lang


def page_field(paragraph) -> None:
    """Append a PAGE field, so the footer shows the page number."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    run_text = OxmlElement("w:t")
    run_text.text = "1"
    run.append(run_text)
    field.append(run)
    paragraph._p.append(field)


def a4(doc) -> None:
    """A4 paper: python-docx's default document is US Letter, which the post room and window envelopes do not take."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)


def header_footer(doc) -> None:
    """Sender block in the header (the body that writes, then the address); kenmerk and page number in the footer."""
    section = doc.sections[0]
    first, second = section.header.paragraphs[0], section.header.add_paragraph(AFZENDER[1])
    first.add_run(AFZENDER[0]).bold = True
    first.alignment = second.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.add_run("Ons kenmerk {{ kenmerk }} · pagina ")
    page_field(footer)


def core_properties(doc, name: str) -> None:
    """Fixed properties without Jinja: title and identifier are set by render.py after rendering."""
    props = doc.core_properties
    props.title = ""
    props.subject = ""
    props.identifier = ""
    props.keywords = ""
    props.comments = f"Sjabloon {name}; eerste versie uit scripts/make_letter_templates.py"
    props.author = "Gemeente Maastricht"
    props.last_modified_by = "Gemeente Maastricht"
    props.category = "brief"
    props.revision = 1
    props.created = props.modified = GENERATED


def build(name: str, sections: list[dict]) -> bytes:
    """Build one template and return its bytes (zip timestamps fixed)."""
    doc = Document()
    slim(doc)
    house_style(doc)
    font_table(doc)
    set_language(doc)
    a4(doc)
    header_footer(doc)
    add_sections(doc, sections)
    preserve_spaces(doc)
    core_properties(doc, name)
    out = io.BytesIO()
    doc.save(out)
    return fixed_zip(out.getvalue(), GENERATED.date())


def main(codes: list[str]) -> None:
    """Write the templates of the named powers (all powers with a layout.yaml when none are named)."""
    layouts = sorted(TEMPLATES.glob("*/layout.yaml"))
    for layout in layouts:
        code = layout.parent.name
        if codes and code not in codes:
            continue
        for name, sections in load(layout)["templates"].items():
            path = layout.parent / f"{name}.docx"
            path.write_bytes(build(f"{code}/{name}.docx", sections))
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
