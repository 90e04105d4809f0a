"""The registry of powers: every package under app/powers/ that exports a SPEC, found at import.

Powers are discovered, not listed. `check_agreement` makes start-up fail when the rules folders, the
registered powers and the letter manifest disagree, so a half-added power never serves a request.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from app.domain.errors import UnknownPower
from app.powers.spec import PowerSpec

_REGISTRY: dict[str, PowerSpec] = {}


def _discover() -> None:
    for found in pkgutil.iter_modules(__path__):
        if found.ispkg:
            register(importlib.import_module(f"{__name__}.{found.name}").SPEC, found.name)


def register(spec: PowerSpec, package: str | None = None) -> None:
    """Add a power; its code must equal its package name. Tests register a fictional one this way."""
    if package is not None and spec.code != package:
        raise RuntimeError(f"app/powers/{package}: SPEC.code is {spec.code!r}, the package is {package!r}")
    _REGISTRY[spec.code] = spec


def unregister(code: str) -> None:
    """Remove a power registered by a test."""
    _REGISTRY.pop(code, None)


def registry() -> Mapping[str, PowerSpec]:
    """Every registered power by code (read-only)."""
    return MappingProxyType(_REGISTRY)


def power(code: str) -> PowerSpec:
    """The spec of one power. Raises UnknownPower."""
    try:
        return _REGISTRY[code]
    except KeyError:
        raise UnknownPower() from None


def check_agreement(rule_powers: Iterable[str], manifest_powers: Iterable[str]) -> None:
    """Start-up check: rules/, app/powers/ and the letter manifest name the same powers.

    Raises:
        RuntimeError: naming what is missing where.
    """
    parts = {"rules/": set(rule_powers), "app/powers/": set(_REGISTRY), "letter_templates/manifest.yaml":
             set(manifest_powers)}
    every = set().union(*parts.values())
    missing = [f"{code} ontbreekt in {where}" for code in sorted(every) for where, have in parts.items()
               if code not in have]
    if missing:
        raise RuntimeError("Bevoegdheden zijn niet compleet: " + "; ".join(missing))


_discover()
