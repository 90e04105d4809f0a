"""Template and context stay in agreement (letters.md §14 "Agreement"), and the store verifies templates."""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from letters_support import (
    ROOT,
    build_context,
    context_keys,
    docx_with,
    entries,
    input_for,
    read_back,
    render,
)

from app.domain.errors import LetterRenderError
from app.letters.manifest import ManifestEntry, ManifestError, load_manifest
from app.letters.render import (
    ActiveTemplate,
    TemplateStore,
    activate,
    render_template,
    undeclared_variables,
)
from app.letters.stamping import fixed_zip

ENTRIES = entries()
IDS = [e.template for e in ENTRIES]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_undeclared_variables_equal_required(entry: ManifestEntry) -> None:
    content = (ROOT / entry.template).read_bytes()
    assert undeclared_variables(content) == set(entry.required)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_context_covers_required(entry: ManifestEntry) -> None:
    context = build_context(input_for(entry))
    assert set(context) == context_keys(entry)
    assert set(entry.required) <= set(context)
    assert set(entry.required) <= context_keys(entry)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_value_is_filled(entry: ManifestEntry) -> None:
    # letters.md §9.5: an empty field blocks review, so the fixture letter must have none.
    context = build_context(input_for(entry))
    for key in entry.required:
        value = context[key]
        assert value, key
        if isinstance(value, list) and key != "ondertekening":
            assert all(isinstance(v, str) and v.strip() for v in value), key


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_missing_key_raises(entry: ManifestEntry) -> None:
    context = build_context(input_for(entry))
    for key in entry.required:
        incomplete = {k: v for k, v in context.items() if k != key}
        with pytest.raises(LetterRenderError) as info:
            render(entry.template, incomplete)
        assert info.value.details["missing"] == [key]


def test_undefined_in_template_raises_with_paragraphs() -> None:
    # A template that uses a key the manifest does not list: StrictUndefined, not a blank field.
    entry = ManifestEntry("x/y__bewoner.docx", "x", "y", "bewoner", False, None, ("a",), (), "test")
    content = docx_with("Eerste alinea", "Kenmerk: {{ onbekend }}", "Laatste alinea")
    template = ActiveTemplate(entry=entry, content=content, sha256="0")
    with pytest.raises(LetterRenderError) as info:
        render_template(template, {"onderwerp": "o", "kenmerk": "k", "verzenddatum": "2026-04-01"})
    assert "Kenmerk: {{ onbekend }}" in info.value.details["docx_context"]
    assert info.value.details["template"] == "x/y__bewoner.docx"


def test_syntax_error_is_refused_at_activation() -> None:
    entry = ManifestEntry("x/y__bewoner.docx", "x", "y", "bewoner", False, None, ("a",), (), "test")
    with pytest.raises(ManifestError, match="TemplateSyntaxError"):
        activate(entry, docx_with("{% if kenmerk %}zonder einde"))


def test_unknown_filter_is_refused_at_activation() -> None:
    entry = ManifestEntry("x/y__bewoner.docx", "x", "y", "bewoner", False, None, ("a",), ("a",), "test")
    with pytest.raises(ManifestError):
        activate(entry, docx_with("{{ a|bestaat_niet }}"))


def test_jinja_in_core_properties_is_refused() -> None:
    document = docx.Document()
    document.add_paragraph("{{ a }}")
    document.core_properties.title = "Besluit {{ a }}"
    out = io.BytesIO()
    document.save(out)
    entry = ManifestEntry("x/y__bewoner.docx", "x", "y", "bewoner", False, None, ("a",), ("a",), "test")
    with pytest.raises(ManifestError, match="documenteigenschap"):
        activate(entry, out.getvalue())


def test_store_loads_and_hashes_every_template() -> None:
    store = TemplateStore.load(ROOT)
    assert sorted(t.name for t in store) == sorted(IDS)
    assert all(len(t.sha256) == 64 for t in store)
    with pytest.raises(LetterRenderError):
        store.get("damocles/bestaat_niet__bewoner.docx")


def _copy_root(tmp_path: Path) -> Path:
    root = tmp_path / "letter_templates"
    shutil.copytree(ROOT, root)
    return root


def test_manifest_rejects_duplicate_keys(tmp_path: Path) -> None:
    root = _copy_root(tmp_path)
    manifest = root / "manifest.yaml"
    text = manifest.read_text().replace("  owner: kabinet\n", "  owner: kabinet\n  owner: x\n", 1)
    manifest.write_text(text)
    with pytest.raises(ManifestError, match="duplicate key"):
        load_manifest(root)


def test_manifest_rejects_disagreeing_template(tmp_path: Path) -> None:
    root = _copy_root(tmp_path)
    manifest = root / "manifest.yaml"
    manifest.write_text(manifest.read_text().replace("afschrift_aan]", "afschrift_aan, extra]", 1))
    with pytest.raises(ManifestError, match="extra"):
        TemplateStore.load(root)


def test_manifest_rejects_missing_file(tmp_path: Path) -> None:
    root = _copy_root(tmp_path)
    (root / "damocles" / "sluiting__bewoner.docx").unlink()
    with pytest.raises(ManifestError, match="bestand ontbreekt"):
        load_manifest(root)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_render_is_deterministic(entry: ManifestEntry) -> None:
    letter = input_for(entry)
    context = build_context(letter)
    first = render(entry.template, context)
    assert render(entry.template, dict(context)) == first
    sent = letter.verzenddatum
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()}
    assert stamps == {(sent.year, sent.month, sent.day, 0, 0, 0)}
    assert read_back(first)["created"].date() == sent


def test_none_counts_as_missing() -> None:
    entry = ENTRIES[0]
    context = {**build_context(input_for(entry)), "aanhef": None}
    with pytest.raises(LetterRenderError) as info:
        render(entry.template, context)
    assert info.value.details["missing"] == ["aanhef"]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_template_structure(entry: ManifestEntry) -> None:
    # letters.md §12: real heading styles and document language nl-NL (screen readers, PDF/UA).
    document = docx.Document(ROOT / entry.template)
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2"} <= styles
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert {lang.get(qn("w:val")) for lang in defaults.iter(qn("w:lang"))} == {"nl-NL"}
    assert document.core_properties.language == "nl-NL"
    # The letterhead names the body that writes (G2: the zaak's body), then the municipality's address.
    assert document.sections[0].header.paragraphs[0].text == "{{ afzender }}"
    assert document.sections[0].header.paragraphs[1].text.startswith("Gemeente Maastricht · Postbus 1992")
    assert "{{ kenmerk }}" in document.sections[0].footer.paragraphs[0].text


def test_fixed_zip() -> None:
    data = fixed_zip(docx_with("a"), date(2026, 5, 4))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        assert {i.date_time for i in package.infolist()} == {(2026, 5, 4, 0, 0, 0)}
    assert fixed_zip(data, date(2026, 5, 4)) == data
    with pytest.raises(ValueError):
        fixed_zip(b"geen zip", date(2026, 5, 4))
