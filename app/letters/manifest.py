"""The letter manifest and the objection clauses: the contract between the kabinet's templates and the code.

`letter_templates/manifest.yaml` joins every template to its power, outcome, addressee, required context
keys, legal basis and remedy clause (letters.md §2). `letter_templates/clauses/rechtsmiddelen.yaml`
holds the vetted remedy paragraphs (letters.md §8), each for bezwaar or for direct beroep. Both are read
with the project's strict YAML reader (app/strict_yaml.py). The folder is the configured one: the shell
reads it and passes it in; nothing here knows a default location.

The check that `required` equals a template's undeclared variables needs docxtpl, which only render.py
may import; render.py therefore calls `check_agreement` with the variables it found.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.procedure import REMEDIES
from app.strict_yaml import StrictYamlError, load

CLAUSE_KEY = "rechtsmiddelen"
CLAUSE_PLACEHOLDER = "termijn_tot"
_ENTRY_KEYS = {"template", "power", "outcome", "addressee", "besluit", "clause", "legal_basis", "required",
               "owner"}
_CLAUSE_KEYS = {"title", "owner", "legal_basis", "remedy", "paragraphs"}


class ManifestError(Exception):
    """The manifest, a template or the clause file is invalid (raised at load time, names the template)."""


def read_yaml(path: Path) -> Any:
    """Parse one YAML file with the project's strict reader (duplicate keys refused).

    Raises:
        ManifestError: naming the file and the line.
    """
    try:
        return load(path)
    except StrictYamlError as exc:
        raise ManifestError(f"{path.name}: {exc}") from exc


@dataclass(frozen=True)
class ManifestEntry:
    """One template and what it promises: addressee, legal basis, clause and required context keys."""

    template: str
    power: str
    outcome: str
    addressee: str
    besluit: bool
    clause: str | None
    legal_basis: tuple[str, ...]
    required: tuple[str, ...]
    owner: str


@dataclass(frozen=True)
class Clause:
    """A vetted remedy clause; `{termijn_tot}` in a paragraph is filled with the written-out last day."""

    code: str
    title: str
    owner: str
    legal_basis: tuple[str, ...]
    remedy: str  # bezwaar | beroep: must match the outcome's remedy in index.yaml
    paragraphs: tuple[str, ...]

    def fill(self, termijn_tot: str) -> list[str]:
        """The paragraphs with the last day filled in (values are never parsed as formats)."""
        return [p.format_map({CLAUSE_PLACEHOLDER: termijn_tot}) for p in self.paragraphs]


def load_clauses(root: Path) -> dict[str, Clause]:
    """Load and check clauses/rechtsmiddelen.yaml.

    Raises:
        ManifestError: unknown keys, empty paragraphs, or placeholders other than {bezwaar_tot}.
    """
    data = read_yaml(root / "clauses" / f"{CLAUSE_KEY}.yaml")
    if not isinstance(data, dict) or not data:
        raise ManifestError("clauses/rechtsmiddelen.yaml moet een niet-lege mapping zijn")
    return {code: _clause(code, body) for code, body in data.items()}


def _clause(code: str, body: Any) -> Clause:
    if not isinstance(body, dict) or set(body) != _CLAUSE_KEYS:
        raise ManifestError(f"clausule {code}: sleutels moeten {sorted(_CLAUSE_KEYS)} zijn")
    paragraphs = _strings(body["paragraphs"], f"clausule {code}: paragraphs")
    try:
        parsed = [item for p in paragraphs for item in string.Formatter().parse(p)]
    except ValueError as exc:  # an unbalanced brace would otherwise fail only when a letter is rendered
        raise ManifestError(f"clausule {code}: {exc}") from exc
    fields = {name for _, name, _, _ in parsed if name is not None}
    if fields != {CLAUSE_PLACEHOLDER}:
        raise ManifestError(f"clausule {code}: gebruik precies de plaatshouder {{{CLAUSE_PLACEHOLDER}}}")
    if body["remedy"] not in REMEDIES or body["remedy"] == "geen":
        raise ManifestError(f"clausule {code}: remedy moet bezwaar of beroep zijn")
    return Clause(code=code, title=str(body["title"]), owner=str(body["owner"]),
                  legal_basis=_strings(body["legal_basis"], f"clausule {code}: legal_basis"),
                  remedy=str(body["remedy"]), paragraphs=paragraphs)


def load_manifest(root: Path) -> tuple[ManifestEntry, ...]:
    """Load manifest.yaml and check it against the files and the clause file.

    Raises:
        ManifestError: naming the template whose entry is wrong.
    """
    data = read_yaml(root / "manifest.yaml")
    if not isinstance(data, list) or not data:
        raise ManifestError("manifest.yaml moet een niet-lege lijst zijn")
    clauses = load_clauses(root)
    entries = tuple(_entry(item, root, clauses) for item in data)
    _check_unique(entries)
    return entries


def _entry(item: Any, root: Path, clauses: dict[str, Clause]) -> ManifestEntry:
    name = item.get("template", "?") if isinstance(item, dict) else "?"
    if not isinstance(item, dict) or not (_ENTRY_KEYS - {"clause"}) <= set(item) <= _ENTRY_KEYS:
        raise ManifestError(f"{name}: sleutels moeten {sorted(_ENTRY_KEYS)} zijn")
    entry = ManifestEntry(
        template=str(item["template"]), power=str(item["power"]), outcome=str(item["outcome"]),
        addressee=str(item["addressee"]), besluit=item["besluit"], clause=item.get("clause"),
        legal_basis=_strings(item["legal_basis"], f"{name}: legal_basis"),
        required=_strings(item["required"], f"{name}: required"), owner=str(item["owner"]),
    )
    _check_file(entry, root)
    _check_clause(entry, clauses)
    return entry


def _check_file(entry: ManifestEntry, root: Path) -> None:
    # The name is also a path: keep it inside the power's folder and shaped <outcome>__<addressee>.docx.
    parts = entry.template.split("/")
    if len(parts) != 2 or parts[0] != entry.power or not parts[1].endswith(f"__{entry.addressee}.docx"):
        raise ManifestError(f"{entry.template}: naam moet <power>/<uitkomst>__<geadresseerde>.docx zijn")
    if not (root / entry.template).is_file():
        raise ManifestError(f"{entry.template}: bestand ontbreekt")


def _check_clause(entry: ManifestEntry, clauses: dict[str, Clause]) -> None:
    # Awb 3:45: a besluit states the remedies; a non-besluit must not suggest that objecting is possible.
    if not isinstance(entry.besluit, bool):
        raise ManifestError(f"{entry.template}: besluit moet true of false zijn")
    uses_clause = CLAUSE_KEY in entry.required
    if entry.besluit and (entry.clause not in clauses or not uses_clause):
        raise ManifestError(f"{entry.template}: een besluit heeft een bekende clause en '{CLAUSE_KEY}' nodig")
    if not entry.besluit and (entry.clause is not None or uses_clause):
        raise ManifestError(f"{entry.template}: geen besluit, dus geen clause en geen '{CLAUSE_KEY}'")


def _check_unique(entries: Iterable[ManifestEntry]) -> None:
    seen: set[object] = set()
    for entry in entries:
        for key in (entry.template, (entry.power, entry.outcome, entry.addressee)):
            if key in seen:
                raise ManifestError(f"{entry.template}: dubbele vermelding {key}")
            seen.add(key)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise ManifestError(f"{where}: moet een niet-lege lijst met tekst zijn")
    if len(set(value)) != len(value):
        raise ManifestError(f"{where}: dubbele waarden")
    return tuple(value)


def check_agreement(entry: ManifestEntry, undeclared: set[str]) -> None:
    """Check that a template's undeclared variables are exactly the entry's required keys.

    Raises:
        ManifestError: listing the keys the template uses but the manifest lacks, and the reverse.
    """
    required = set(entry.required)
    if undeclared != required:
        raise ManifestError(f"{entry.template}: sjabloon gebruikt {sorted(undeclared - required)} zonder "
                            f"vermelding; vermeld maar ongebruikt {sorted(required - undeclared)}")


def find_entry(entries: Iterable[ManifestEntry], power: str, outcome: str, addressee: str) -> ManifestEntry:
    """The entry for one power, outcome and addressee.

    Raises:
        ManifestError: when no template is registered for that combination.
    """
    for entry in entries:
        if (entry.power, entry.outcome, entry.addressee) == (power, outcome, addressee):
            return entry
    raise ManifestError(f"geen sjabloon voor {power}/{outcome}/{addressee}")
