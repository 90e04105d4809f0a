"""Generate the first version of the Damocles letter templates (.docx) with python-docx.

The kabinet edits the generated files in Word afterwards; this script exists so the first version is
reviewable as code. Run from the repository root:

    .venv/bin/python scripts/make_letter_templates.py

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
from docx.shared import Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.letters.stamping import fixed_zip  # noqa: E402  (needs the repository root on sys.path)

OUT = ROOT / "letter_templates" / "damocles"
# A fixed date keeps regenerated templates byte-identical when nothing changed.
GENERATED = datetime(2026, 1, 1, tzinfo=UTC)
AFZENDER = ("Gemeente Maastricht — Burgemeester", "Postbus 1992, 6201 BZ Maastricht · telefoon 14 043")

# A section is (heading or None, items); an item is ("loop", list key, style) or ("text", text, style).
Section = tuple[str | None, list[tuple[str, str, str]]]


def loop(key: str, style: str = "Normal") -> tuple[str, str, str]:
    """A paragraph loop over a list key of the context."""
    return ("loop", key, style)


def text(value: str, style: str = "Normal") -> tuple[str, str, str]:
    """One fixed paragraph (may hold {{ key }} placeholders)."""
    return ("text", value, style)


def head() -> list[Section]:
    """Address block, reference block, subject heading, salutation and opening."""
    return [
        (None, [loop("adresregels", "No Spacing"), text("")]),
        (None, [
            text("Ons kenmerk: {{ kenmerk }}", "No Spacing"),
            text("Datum: {{ datum_brief }}", "No Spacing"),
            text("Onderwerp: {{ onderwerp }}", "No Spacing"),
            text("Behandeld door: {{ behandeld_door }}", "No Spacing"),
        ]),
        ("#{{ onderwerp }}", [text("{{ aanhef }}"), loop("inleiding")]),
    ]


def tail(afschrift: bool) -> list[Section]:
    """Contact, greeting, signature and (for voornemen and besluit) the copy list."""
    sections: list[Section] = [
        ("Heeft u vragen?", [
            text("Neem dan contact op met {{ behandeld_door }}. Noem daarbij ons kenmerk {{ kenmerk }}."),
        ]),
        (None, [text("Met vriendelijke groet,"), loop("ondertekening", "No Spacing")]),
    ]
    if afschrift:
        sections.append((None, [text(""), text("Een kopie van deze brief gaat naar:"),
                                loop("afschrift_aan", "List Bullet")]))
    return sections


def feiten(heading: str = "Wat is er gebeurd?") -> Section:
    """Facts: one opening paragraph and a bulleted list of what was found."""
    return (heading, [loop("feiten"), loop("aangetroffen", "List Bullet")])


def waarschuwing(addressee: str) -> list[Section]:
    """Waarschuwing: a feitelijke handeling, so no objection clause (awb-procedure §9.4)."""
    waarom = "Waarom krijgt u een waarschuwing?" if addressee == "bewoner" else "Waarom krijgt u deze brief?"
    return head() + [
        feiten(),
        (waarom, [loop("motivering")]),
        ("Wat gebeurt er als het opnieuw gebeurt?", [loop("vervolg")]),
        ("Kunt u bezwaar maken?", [
            text("Nee. Deze brief is een waarschuwing en geen besluit. Daarom kunt u geen bezwaar maken."),
            text("Ik bewaar deze brief wel. Gebeurt er opnieuw iets, dan weeg ik deze waarschuwing mee."),
        ]),
    ] + tail(afschrift=False)


def voornemen(addressee: str) -> list[Section]:
    """Voornemen: invitation to give a zienswijze, right to assistance, no clause (awb-procedure §9.1)."""
    return head() + [
        ("Wat ben ik van plan?", [loop("dictum")]),
        feiten(),
        ("Waarom wil ik dit doen?", [loop("motivering")]),
        ("Wat vindt u van mijn plan?", [
            text("Voordat ik een besluit neem, mag u mij vertellen wat u van mijn plan vindt. "
                 "Dat heet een zienswijze."),
            text("U kunt uw zienswijze schriftelijk of mondeling geven. "
                 "Doe dat uiterlijk {{ zienswijze_tot }}."),
            text("Schriftelijk reageren? Stuur een brief aan de burgemeester van Maastricht, Postbus 1992, "
                 "6201 BZ Maastricht. Noem daarin ons kenmerk {{ kenmerk }}."),
            text("Mondeling reageren? Maak dan een afspraak met {{ behandeld_door }}."),
            text("U mag zich laten helpen door een advocaat of door iemand anders die u vertrouwt."),
            text("Na {{ zienswijze_tot }} neem ik een besluit. Daarbij let ik op wat u mij heeft verteld."),
        ]),
        ("Is dit al een besluit?", [
            text("Nee. Deze brief is nog geen besluit. Daarom kunt u nu geen bezwaar maken."),
            text("U krijgt later mijn besluit. Tegen dat besluit kunt u wel bezwaar maken."),
        ]),
    ] + tail(afschrift=True)


def sluiting(addressee: str) -> list[Section]:
    """Besluit: last onder bestuursdwang with the objection clause (awb-procedure §9.2, damocles §6)."""
    vertrek = ("Zelf vertrekken en afsluiten: uiterlijk {{ begunstigingstermijn }}" if addressee == "bewoner"
               else "De bewoners moeten vertrokken zijn: uiterlijk {{ begunstigingstermijn }}")
    kosten = ("Wat gebeurt er als u zich niet aan het besluit houdt?" if addressee == "bewoner"
              else "Wie betaalt de kosten?")
    return head() + [
        ("In het kort", [
            text("Gesloten vanaf: {{ sluiting_van }}", "List Bullet"),
            text("Gesloten tot: {{ sluiting_tot }}", "List Bullet"),
            text(vertrek, "List Bullet"),
        ]),
        ("Mijn besluit", [loop("dictum")]),
        feiten(),
        ("Waarom neem ik dit besluit?", [loop("motivering")]),
        (kosten, [loop("kosten")]),
        ("Bezwaar maken", [loop("rechtsmiddelen")]),
    ] + tail(afschrift=True)


def preserve_spaces(doc) -> None:
    """Mark every text run xml:space=preserve so leading or trailing spaces in a value survive Word."""
    for element in doc.element.body.iter(qn("w:t")):
        element.set(qn("xml:space"), "preserve")


def add_item(doc, item: tuple[str, str, str]) -> None:
    """Write one item; a loop is three paragraphs because {%p %} tags replace their whole paragraph."""
    kind, value, style = item
    if kind == "text":
        doc.add_paragraph(value, style=style)
        return
    var = "regel" if value in ("adresregels", "ondertekening", "afschrift_aan") else "alinea"
    doc.add_paragraph(f"{{%p for {var} in {value} %}}")
    doc.add_paragraph(f"{{{{ {var} }}}}", style=style)
    doc.add_paragraph("{%p endfor %}")


def add_sections(doc, sections: list[Section]) -> None:
    """Write the sections; a heading starting with '#' is Heading 1, others Heading 2."""
    for heading, items in sections:
        if heading is not None:
            level = 1 if heading.startswith("#") else 2
            doc.add_heading(heading.lstrip("#"), level=level)
        for item in items:
            add_item(doc, item)


# Parts of python-docx's default template that a letter does not need. Each render parses and compresses
# every part, and these made up nearly all of the 830 kB (stylesWithEffects alone is 438 kB).
_UNUSED_RELS = (RT.THUMBNAIL, RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects")
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


def header_footer(doc) -> None:
    """Sender block in the header; kenmerk and page number in the footer."""
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


def build(outcome: str, addressee: str) -> bytes:
    """Build one template and return its bytes (zip timestamps fixed)."""
    doc = Document()
    slim(doc)
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    set_language(doc)
    header_footer(doc)
    builders = {"waarschuwing": waarschuwing, "voornemen": voornemen, "sluiting": sluiting}
    add_sections(doc, builders[outcome](addressee))
    preserve_spaces(doc)
    core_properties(doc, f"damocles/{outcome}__{addressee}.docx")
    out = io.BytesIO()
    doc.save(out)
    return fixed_zip(out.getvalue(), GENERATED.date())


def main() -> None:
    """Write all six Damocles templates."""
    OUT.mkdir(parents=True, exist_ok=True)
    for outcome in ("waarschuwing", "voornemen", "sluiting"):
        for addressee in ("bewoner", "rechthebbende"):
            path = OUT / f"{outcome}__{addressee}.docx"
            path.write_bytes(build(outcome, addressee))
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
