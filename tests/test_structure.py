"""House rules that keep the code easy to change: boundaries, sizes, every power having every part, and a
core that never names a power (adding one touches only its own package, rules, templates and manifest)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from app.config import ROOT
from app.domain.objection_decision import CORE_LETTERS
from app.letters.manifest import load_manifest
from app.powers import registry
from app.rulebook import Rulebook

APP = ROOT / "app"
MAX_MODULE_LINES = 300
# Modules allowed over the limit, each with its reason.
ALLOWLIST: dict[str, str] = {}
BOOK = Rulebook.load(ROOT / "rules")
# Words a power may share with the core because they are Awb concepts, not that power's own vocabulary.
AWB_WORDS = {
    "rechthebbende": "Awb 5:24 lid 3: a last is notified to the owner or landlord, whatever the power",
    "overtreder": "Awb 5:1: the offender",
    "verhuurder": "Awb 5:24 lid 3: the kind of rechthebbende who lets the premises (a landlord)",
    "gebruiker": "a user account of the product (and, in a power, the user of premises)",
    "gezaghebbende": "BW 1:245: a person with parental authority, the role of an outcome's `guardians`",
    "gezaghebbenden": "BW 1:245: the persons with parental authority a minor's case file lists",
    "geschiktheid": "awb-procedure.md §3.2: the three-step proportionality test every sanctioning power records",
    "noodzakelijkheid": "awb-procedure.md §3.2: the three-step proportionality test every sanctioning power records",
    "evenwichtigheid": "awb-procedure.md §3.2: the three-step proportionality test every sanctioning power records",
    "bijzondere_omstandigheden": "Awb 4:84: the judgement that justifies deviating from policy",
    "spoed": "Awb 4:11 onder a: the judgement that urgency is real",
    "duur": "the generic field of a measure's duration (a draft's `duur`)",
    "naam": "a person's name in every address block",
    "geboortedatum": "a person's date of birth (minors get no letter of their own)",
    "begunstigingstermijn": "Awb 5:24 lid 2 and 5:32a: the compliance period of a last",
    "gegevens": "the case file of every melding (its power's own fields live under it)",
    "oordelen": "the judgements made with a decision on the spot, for every power that has one",
    # Words of an application-based power (Bibob) that are also plain words of the core's own texts.
    "aanvrager": "Awb 1:3 lid 3: the applicant; the core's closure reason 'aanvraag ingetrokken door de aanvrager'",
    "derde": "Awb 4:8: a third party heard before a decision; the core's reasoning rule ('in de derde persoon')",
    "betrokkene": "the core's Betrokkene, a person in a zaak; the Wet Bibob's word for the applicant",
    "application": "the MIME type application/... of documents and API responses",
    "conditions": "the rulebook's conditions of a rule; the Wet Bibob's voorschriften of a power's case file",
}


def modules() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def importers_of(prefix: str) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in modules()
            if any(name == prefix or name.startswith(prefix + ".") for name in imports(p))]


def test_only_the_engine_wrapper_imports_durable_rules():
    importers = [str(p.relative_to(ROOT)) for p in modules() if any(n.startswith("durable") for n in imports(p))]
    assert importers == ["app/rules_engine.py"]  # durable and its C extension durable_rules_engine


def test_only_the_letter_renderer_imports_docxtpl():
    assert importers_of("docxtpl") == ["app/letters/render.py"]


def test_only_the_job_module_knows_the_queue():
    assert importers_of("huey") == ["app/jobs.py"]  # rq or Celery could replace huey there alone


def test_only_the_pdf_module_runs_libreoffice_and_reads_pdfs():
    assert importers_of("pikepdf") == ["app/letters/pdf.py"]
    runners = [str(p.relative_to(ROOT)) for p in modules() if "subprocess" in imports(p)]
    assert runners == ["app/letters/pdf.py"]


def test_domain_and_powers_stay_pure():
    shells = ("flask", "sqlalchemy", "durable", "docxtpl", "app.models", "app.web", "app.services", "app.runtime")
    for folder in ("domain", "powers", "schemas"):
        for path in (APP / folder).rglob("*.py"):
            impure = {n for n in imports(path) if n.split(".")[0] in shells or n.startswith(shells)}
            assert not impure, f"{path.relative_to(ROOT)} imports {sorted(impure)}"


def test_no_shell_imports_the_web_layer():
    """cli, seed and services sit below the web layer (they used to borrow its schemas and helpers)."""
    for path in modules():
        if "web" not in path.relative_to(APP).parts and path != APP / "__init__.py":
            assert not any(n.startswith("app.web") for n in imports(path)), path.relative_to(ROOT)


def test_only_config_reads_the_environment():
    readers = [str(p.relative_to(ROOT)) for p in modules() if "os.environ" in p.read_text(encoding="utf-8")]
    assert readers == ["app/config.py"]


def test_modules_stay_under_the_size_limit():
    too_long = {str(p.relative_to(ROOT)): n for p in modules()
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
                and str(p.relative_to(ROOT)) not in ALLOWLIST}
    assert not too_long


def test_powers_are_discovered_and_agree_with_rules_and_manifest():
    manifest = {e.power for e in load_manifest(ROOT / "letter_templates")} - {CORE_LETTERS}  # the core's own letters
    packages = {p.parent.name for p in (APP / "powers").glob("*/__init__.py")}
    assert set(registry()) == set(BOOK.powers) == manifest == packages


def test_every_power_has_every_part():
    for code, spec in registry().items():
        index = BOOK.index(code)
        assert (ROOT / "rules" / code / "cases.yaml").exists() and BOOK.cases(code)
        assert spec.code == code and spec.templates == APP / "powers" / code / "templates"
        for partial in (spec.form.intake, spec.form.facts):
            assert partial.startswith(f"powers/{code}/") and (spec.templates / partial.split("/", 2)[2]).exists()
        fields = spec.case_file_schema._declared_fields
        assert set(spec.editable_facts) <= set(fields), code
        unlabelled = [f for f in (*spec.editable_facts, *index.facts) if f not in spec.labels]
        assert not unlabelled, f"{code}: no Dutch label for {unlabelled}"
        assert spec.melding_schema._declared_fields["gegevens"].nested is spec.case_file_schema


def test_every_recipient_role_of_every_outcome_has_a_letter_and_roles_are_known():
    entries = {(e.power, e.outcome, e.addressee) for e in load_manifest(ROOT / "letter_templates")}
    for code, spec in registry().items():
        for outcome in BOOK.index(code).outcomes.values():
            for role in outcome.recipients:
                assert (code, outcome.code, spec.letters.addressee(role)) in entries, (code, outcome.code, role)


def test_every_finding_of_every_rule_has_dutch_words_on_the_case_page():
    """The advice shows a finding's value as a heading: a judgement by its question, anything else by label."""
    from app.config import Config
    from app.runtime import build_runtime
    from app.web.labels import Labels

    label, unlabelled = Labels(build_runtime(Config())), []
    for code in registry():
        judgements = {j.code for j in BOOK.index(code).judgements}
        for rule in (r for version in BOOK.versions(code) for r in version.rules):
            value = str(rule.conclusion["value"])
            known = value in judgements if rule.conclusion["finding"] == "oordeel" else label(value, code) != value
            if not known:
                unlabelled.append(f"{code}/{rule.id}: {value}")
    assert not unlabelled, unlabelled


def test_the_core_never_names_a_power():
    """A power's code and its own vocabulary (outcomes, judgements, facts, case-file fields, roles, parameters)
    appear only in its package, its rules folder, its templates and its manifest lines."""
    leaks = []
    for code in registry():
        words = _vocabulary(code) - set(AWB_WORDS)
        for path, literal in _core_literals(code):
            if literal in words:
                leaks.append(f"{path.relative_to(ROOT)}: {literal!r} ({code})")
    assert not leaks, leaks


def _vocabulary(code: str) -> set[str]:
    index, spec = BOOK.index(code), registry()[code]
    own = (c for c, o in index.outcomes.items() if not o.reconsiders)  # the decision on a bezwaar is the core's
    words = {code, *own, *index.facts, *index.roles, *(j.code for j in index.judgements)}
    words |= set(BOOK.parameter_series(code)) | set(spec.case_file_schema._declared_fields)
    return words | {name for name in spec.melding_schema._declared_fields if name not in _envelope()}


def _envelope() -> set[str]:
    from app.schemas.melding import MeldingEnvelope

    return set(MeldingEnvelope._declared_fields)


def _core_literals(code: str):
    """Every string literal of the core's Python (not docstrings) and every quoted word in its templates."""
    powers = APP / "powers"
    for path in modules():
        if path.parent != powers and powers in path.parents:  # a power's own package is not the core
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(
            n, ast.Module | ast.FunctionDef | ast.ClassDef) and n.body and isinstance(n.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                yield from ((path, word) for word in re.findall(r"[a-z][a-z0-9_]+", node.value))
    for path in (APP / "templates").rglob("*.html"):
        for tag in re.findall(r"\{[{%](.*?)[%}]\}", path.read_text(encoding="utf-8"), re.S):
            yield from ((path, word) for word in re.findall(r"[\"']([a-z][a-z0-9_]*)[\"']", tag))
