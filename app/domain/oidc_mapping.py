"""Which role and team a person gets from the municipality's identity provider: the groups in one claim of the
ID token, mapped by the municipality's own file (docs/oidc-mapping.example.yaml).

The first group of the file that the person is in decides, so the file's order is its priority (list the
narrower role first). A person in none of the groups gets no role and is not let in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.codes import ROLES, VERTROUWELIJKHEID

DEFAULT_CLAIM = "groups"
_GROUP_KEYS = {"role", "team", "zaaktypes", "max_vertrouwelijkheid"}


class MappingError(ValueError):
    """The mapping file is not usable; the message names the group and the key (Dutch, for the beheerder)."""


@dataclass(frozen=True)
class Grant:
    """What one group gives. zaaktypes and max_vertrouwelijkheid None: set once at provisioning, then the
    beheerder's to change; role and team always follow the provider."""

    group: str
    role: str
    team: str
    zaaktypes: tuple[str, ...] | None = None
    max_vertrouwelijkheid: str | None = None


@dataclass(frozen=True)
class RoleMapping:
    claim: str
    grants: tuple[Grant, ...]

    def grant_for(self, claims: Mapping[str, Any]) -> Grant | None:
        """The grant of the first listed group the person is in, or None."""
        groups = set(groups_in(claims.get(self.claim)))
        return next((grant for grant in self.grants if grant.group in groups), None)

    def has_claim(self, claims: Mapping[str, Any]) -> bool:
        return self.claim in claims


def groups_in(value: Any) -> Iterable[str]:
    """A claim holds a list of group names, or one name (some providers send a single string)."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return (item for item in value if isinstance(item, str))
    return ()


def parse_mapping(raw: Any, powers: Iterable[str]) -> RoleMapping:
    """Read the mapping file's data; raise MappingError on anything that would give a wrong role."""
    if not isinstance(raw, dict) or not isinstance(raw.get("groups"), dict) or not raw["groups"]:
        raise MappingError("Het bestand met de rollen per groep moet 'groups' bevatten met minstens één groep.")
    unknown = set(raw) - {"claim", "groups"}
    if unknown:
        raise MappingError(f"Onbekende sleutel in het bestand met de rollen per groep: {sorted(unknown)}.")
    claim = raw.get("claim", DEFAULT_CLAIM)
    if not isinstance(claim, str) or not claim.strip():
        raise MappingError("'claim' moet de naam zijn van het gegeven met de groepen (bijvoorbeeld groups).")
    known = set(powers)
    return RoleMapping(claim.strip(), tuple(_grant(str(group), entry, known) for group, entry in raw["groups"].items()))


def _grant(group: str, entry: Any, powers: set[str]) -> Grant:
    if not isinstance(entry, dict) or set(entry) - _GROUP_KEYS:
        raise MappingError(f"Groep {group}: gebruik alleen {sorted(_GROUP_KEYS)}.")
    role, team = entry.get("role"), entry.get("team")
    if role not in ROLES:
        raise MappingError(f"Groep {group}: 'role' moet een van {', '.join(ROLES)} zijn.")
    if not isinstance(team, str) or not team.strip() or len(team) > 80:
        raise MappingError(f"Groep {group}: 'team' is verplicht (hoogstens 80 tekens).")
    zaaktypes = entry.get("zaaktypes")
    if zaaktypes is not None and (not isinstance(zaaktypes, list) or not set(zaaktypes) <= powers):
        raise MappingError(f"Groep {group}: 'zaaktypes' moet een lijst van bestaande bevoegdheden zijn "
                           f"({', '.join(sorted(powers))}).")
    level = entry.get("max_vertrouwelijkheid")
    if level is not None and level not in VERTROUWELIJKHEID:
        raise MappingError(f"Groep {group}: 'max_vertrouwelijkheid' moet een van {', '.join(VERTROUWELIJKHEID)} zijn.")
    return Grant(group, role, team.strip(), tuple(zaaktypes) if zaaktypes is not None else None, level)
