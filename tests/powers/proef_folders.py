"""The rules/ and letter_templates/ folders with the fictional power `proef` added, for tests that start the app
with it (the generic flow over every power, and its per-zaak variant)."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path

from app.config import ROOT
from app.strict_yaml import load
from tests.powers import proef

FIXTURE_RULES = ROOT / "tests" / "rules" / "fixtures" / "rules" / "proef"
PROEF_LETTERS = Path(proef.__file__).parent / "letters"


def generate_templates(target: Path) -> None:
    """The proef templates, built by the same generator and house style as the real ones."""
    script = ROOT / "scripts" / "make_letter_templates.py"
    spec = importlib.util.spec_from_file_location("make_letter_templates", script)
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    target.mkdir()
    for name, sections in load(PROEF_LETTERS / "layout.yaml")["templates"].items():
        (target / f"{name}.docx").write_bytes(maker.build(f"proef/{name}.docx", sections))


def proef_folders(root: Path, edit_index: Callable[[str], str] = lambda text: text) -> dict[str, Path]:
    """Copies of the project's rules/ and letter_templates/ under `root` with proef in them (its index.yaml
    passed through `edit_index`); the create_app settings that point at them."""
    rules, letters = root / "rules", root / "letter_templates"
    shutil.copytree(ROOT / "rules", rules)
    shutil.copytree(FIXTURE_RULES, rules / "proef")
    index = rules / "proef" / "index.yaml"
    index.write_text(edit_index(index.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(ROOT / "letter_templates", letters)
    generate_templates(letters / "proef")
    manifest = letters / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n" + (PROEF_LETTERS / "manifest.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    return {"rules_dir": rules, "letter_templates_dir": letters}
