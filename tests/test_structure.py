"""House rules that keep the code easy to change: boundaries, sizes, and every power having every part."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from app.config import ROOT
from app.powers import POWERS

APP = ROOT / "app"
MAX_MODULE_LINES = 300
# Modules allowed over the limit, each with its reason.
ALLOWLIST: dict[str, str] = {}


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


def test_domain_and_powers_stay_pure():
    shells = ("flask", "sqlalchemy", "durable", "docxtpl", "app.models", "app.web", "app.services")
    for folder in ("domain", "powers"):
        for path in (APP / folder).rglob("*.py"):
            impure = {n for n in imports(path) if n.split(".")[0] in shells or n.startswith(shells)}
            assert not impure, f"{path.relative_to(ROOT)} imports {sorted(impure)}"


def test_only_config_reads_the_environment():
    readers = [str(p.relative_to(ROOT)) for p in modules() if "os.environ" in p.read_text(encoding="utf-8")]
    assert readers == ["app/config.py"]


def test_modules_stay_under_the_size_limit():
    too_long = {str(p.relative_to(ROOT)): n for p in modules()
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
                and str(p.relative_to(ROOT)) not in ALLOWLIST}
    assert not too_long


def test_every_power_has_rules_module_templates_and_manifest_lines():
    manifest = yaml.safe_load((ROOT / "letter_templates" / "manifest.yaml").read_text(encoding="utf-8"))
    rule_folders = {p.name for p in (ROOT / "rules").iterdir() if p.is_dir() and p.name != "algemeen"}
    assert rule_folders == set(POWERS)
    for code in POWERS:
        assert (ROOT / "rules" / code / "index.yaml").exists()
        assert (ROOT / "rules" / code / "cases.yaml").exists()
        assert (APP / "powers" / f"{code}.py").exists()
        templates = [e["template"] for e in manifest if e["power"] == code]
        assert templates and all((ROOT / "letter_templates" / t).exists() for t in templates)
