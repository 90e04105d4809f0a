"""Render letters from .docx templates. This is the ONLY module that imports docxtpl (letters.md §1, §3).

Rendering runs in `SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)`: without autoescape
`100<100` silently becomes `100100`, without the sandbox a template can run shell commands, and without
StrictUndefined a missing key prints as an empty "Kenmerk". Template bytes are read once, hashed and kept
in memory (`TemplateStore`), so a render parses no files from disk. Only the manifest's required keys reach
the template. Core properties are set with python-docx after rendering, never through Jinja, because
docxtpl renders properties with the autoescaping environment and `&` would come out as `&amp;`.

Output is deterministic: the core property dates come from the letter's verzenddatum and every zip member
gets that date as its timestamp, so identical input gives identical bytes (with the same zlib and library
versions, which are stored with each letter).
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from app.domain.errors import LetterRenderError
from app.letters.manifest import (
    Clause,
    ManifestEntry,
    ManifestError,
    check_agreement,
    load_clauses,
    load_manifest,
)
from app.letters.stamping import fixed_zip

# Stored with every letter (letters.md §10): the bytes depend on them.
LIBRARY_VERSIONS: dict[str, str] = {n: metadata.version(n) for n in ("docxtpl", "python-docx", "jinja2")}
PROPERTY_KEYS = ("onderwerp", "kenmerk", "verzenddatum")
LANGUAGE = "nl-NL"
_PROPERTY_NAMES = ("title", "subject", "author", "comments", "keywords", "category", "identifier", "language",
                   "content_status", "last_modified_by", "version")
_HEADER, _FOOTER = DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI
# Characters Word XML cannot hold or that its parser rewrites (CR becomes LF; lone surrogates cannot be
# encoded). clean_text removes them at the form layer; here they fail loudly instead of vanishing.
_UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")


def _escape_value(value: object) -> Markup:
    """Escape for XML and write braces as character references.

    Why: after rendering, docxtpl replaces `{_{`, `}_}`, `{_%` and `%_}` in the whole part (its escape
    syntax for literal tags), which would silently change a value such as `a{_{b`. A reference `&#123;`
    is read back by lxml as `{`, so the stored text is unchanged.
    """
    escaped = str(escape(value)).replace("{", "&#123;").replace("}", "&#125;")
    return Markup(escaped)  # noqa: S704 (escaped on the line above; Markup stops a second escape)


class _Sandbox(SandboxedEnvironment):
    """The sandbox with compiled templates cached by source text.

    Why: docxtpl compiles the whole document XML on every render. The patched XML of a stored template
    never changes, so a template compiled once can serve every later letter.
    """

    @functools.lru_cache(maxsize=128)  # noqa: B019 (one module-level environment lives as long as the process)
    def _compiled(self, source: str) -> Template:
        return super().from_string(source)

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        if isinstance(source, str) and globals is None and template_class is None:
            return self._compiled(source)
        return super().from_string(source, globals, template_class)


ENV = _Sandbox(autoescape=True, undefined=StrictUndefined, finalize=_escape_value)
_PATCHER = DocxTemplate(io.BytesIO())  # never rendered; only lends its (stateless) patch_xml


@functools.lru_cache(maxsize=128)
def _patched_xml(src_xml: str) -> str:
    return DocxTemplate.patch_xml(_PATCHER, src_xml)


class _Docx(DocxTemplate):
    """DocxTemplate with patch_xml cached by input.

    Why: patch_xml runs about twenty regular expressions over a part's XML before Jinja sees it. For a
    stored template that XML is the same on every render (measured: 8.8 -> 7.3 ms CPU per letter; the
    compile cache took it from 20 ms). patch_xml uses no instance state in docxtpl 0.20.2 (pinned).
    """

    def patch_xml(self, src_xml: str) -> str:
        return _patched_xml(src_xml)


@dataclass(frozen=True)
class ActiveTemplate:
    """A verified template: manifest entry, bytes and their SHA-256 (stored with every letter)."""

    entry: ManifestEntry
    content: bytes
    sha256: str

    @property
    def name(self) -> str:
        """The manifest name, e.g. damocles/sluiting__bewoner.docx."""
        return self.entry.template

    @property
    def required(self) -> tuple[str, ...]:
        """The context keys this template uses; the only keys it receives."""
        return self.entry.required


class TemplateStore:
    """All active templates and the vetted remedy clauses of one folder, read once and kept in memory."""

    def __init__(self, templates: Iterable[ActiveTemplate], clauses: Mapping[str, Clause] | None = None) -> None:
        self._by_name = {t.name: t for t in templates}
        self.clauses: Mapping[str, Clause] = dict(clauses or {})

    @classmethod
    def load(cls, root: Path) -> TemplateStore:
        """Read the manifest, every template it names (verifying each one) and the clause file.

        Raises:
            ManifestError: a file is missing, does not compile, or disagrees with the manifest.
        """
        templates = [activate(entry, (root / entry.template).read_bytes()) for entry in load_manifest(root)]
        return cls(templates, load_clauses(root))

    @property
    def entries(self) -> tuple[ManifestEntry, ...]:
        """The manifest lines of the active templates."""
        return tuple(t.entry for t in self._by_name.values())

    def get(self, name: str) -> ActiveTemplate:
        """The active template with this manifest name.

        Raises:
            LetterRenderError: the name is not in the manifest.
        """
        try:
            return self._by_name[name]
        except KeyError:
            raise LetterRenderError(template=name, reason="onbekend sjabloon") from None

    def __iter__(self) -> Iterator[ActiveTemplate]:
        return iter(self._by_name.values())


def activate(entry: ManifestEntry, content: bytes) -> ActiveTemplate:
    """Verify one template (no Jinja in properties, compiles in the sandbox, agrees with the manifest).

    Raises:
        ManifestError: naming the template and the problem.
    """
    try:
        check_properties(content)
        compile_parts(content)
        check_agreement(entry, undeclared_variables(content))
    except (TemplateError, ValueError) as exc:
        raise ManifestError(f"{entry.template}: {type(exc).__name__}: {exc}") from exc
    return ActiveTemplate(entry=entry, content=content, sha256=hashlib.sha256(content).hexdigest())


def check_properties(content: bytes) -> None:
    """Refuse Jinja in core properties: docxtpl would render it autoescaped (the double-escape trap)."""
    props = DocxTemplate(io.BytesIO(content)).get_docx().core_properties
    for name in _PROPERTY_NAMES:
        value = getattr(props, name) or ""
        if any(tag in value for tag in ("{{", "{%", "{#")):
            raise ValueError(f"Jinja in documenteigenschap {name!r}")


def compile_parts(content: bytes) -> None:
    """Compile body, headers and footers in the sandbox (catches syntax errors and unknown filters)."""
    doc = DocxTemplate(io.BytesIO(content))
    doc.init_docx()
    sources = [doc.get_xml()]
    for uri in (_HEADER, _FOOTER):
        sources += [doc.get_part_xml(part) for _, part in doc.get_headers_footers(uri)]
    for source in sources:
        ENV.compile(doc.patch_xml(source))


def undeclared_variables(content: bytes) -> set[str]:
    """The top-level names a template uses (body, headers and footers), parsed with the sandbox."""
    return set(DocxTemplate(io.BytesIO(content)).get_undeclared_template_variables(jinja_env=ENV))


def render(template_name: str, context: Mapping[str, object], store: TemplateStore) -> bytes:
    """Render one letter by manifest name.

    Raises:
        LetterRenderError: unknown template, missing key, template error or unusable text.
    """
    return render_template(store.get(template_name), context)


def render_template(template: ActiveTemplate, context: Mapping[str, object]) -> bytes:
    """Render one letter; only the template's required keys are passed in.

    Raises:
        LetterRenderError: with the template name and, for template errors, the surrounding paragraphs.
    """
    keys = list(dict.fromkeys((*template.required, *PROPERTY_KEYS)))
    missing = [k for k in keys if context.get(k) is None]  # None would print as "None"
    if missing:
        raise LetterRenderError(template=template.name, missing=missing, docx_context=[])
    unwritable = [k for k in keys if _has_unwritable(context[k])]
    if unwritable:
        raise LetterRenderError(template=template.name, unwritable=unwritable, docx_context=[])
    doc = _Docx(io.BytesIO(template.content))
    try:
        doc.render({k: context[k] for k in template.required}, jinja_env=ENV, autoescape=True)
        sent = _as_date(context["verzenddatum"])
        _set_properties(doc, context, sent)
        out = io.BytesIO()
        doc.save(out)
    except TemplateError as exc:
        raise _error(template, exc) from exc
    except (etree.XMLSyntaxError, ValueError, TypeError) as exc:
        # Text that bypassed clean_text (control characters) or a value of the wrong type.
        raise _error(template, exc) from exc
    return fixed_zip(out.getvalue(), sent)


CONCEPT_MARK = "CONCEPT – niet verzenden"


def mark_concept(content: bytes, mark: str = CONCEPT_MARK) -> bytes:
    """A rendered letter marked as a concept (the preview only): `mark` in bold as the first line of body and
    header, content status "Concept". Added after rendering, so the stored letters stay byte-identical."""
    document = DocxTemplate(io.BytesIO(content)).get_docx()
    parts = [document.paragraphs, document.sections[0].header.paragraphs if document.sections else []]
    for paragraphs in (p for p in parts if p):
        paragraphs[0].insert_paragraph_before().add_run(mark).bold = True
    document.core_properties.content_status = "Concept"
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue(), (document.core_properties.created or datetime.now(UTC)).date())


def _has_unwritable(value: object) -> bool:
    if isinstance(value, str):
        return _UNWRITABLE.search(value) is not None
    if isinstance(value, list | tuple):
        return any(_has_unwritable(v) for v in value)
    return False


def _error(template: ActiveTemplate, exc: Exception) -> LetterRenderError:
    # docxtpl attaches the surrounding paragraphs (a one-shot iterator) only to errors with a line number,
    # i.e. syntax errors; for runtime errors the paragraphs naming the offending name are the best pointer.
    paragraphs = [p.strip() for p in getattr(exc, "docx_context", []) if p.strip()]
    if not paragraphs and isinstance(exc, TemplateError):
        paragraphs = _mentioning(template.content, str(exc))
    return LetterRenderError(template=template.name, docx_context=paragraphs,
                             reason=f"{type(exc).__name__}: {exc}")


def _mentioning(content: bytes, message: str) -> list[str]:
    """Template paragraphs containing the first quoted name of a Jinja error message."""
    match = re.search(r"'([^']+)'", message)
    if match is None:
        return []
    document = DocxTemplate(io.BytesIO(content)).get_docx()
    section_parts = [part for s in document.sections for part in (s.header, s.footer)]
    texts = [p.text for p in document.paragraphs]
    texts += [p.text for part in section_parts for p in part.paragraphs]
    return [t for t in texts if "{" in t and match.group(1) in t]


def _as_date(value: object) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _set_properties(doc: _Docx, context: Mapping[str, object], sent: date) -> None:
    """Set the properties from the raw values, after rendering (python-docx escapes them once)."""
    props = doc.core_properties
    props.title = str(context["onderwerp"])
    props.identifier = str(context["kenmerk"])
    props.language = LANGUAGE
    props.created = props.modified = datetime(sent.year, sent.month, sent.day, tzinfo=UTC)
    props.revision = 1
