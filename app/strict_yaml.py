"""The one strict YAML reader of the project: rules, parameters, cases, the letter manifest and clauses.

PyYAML's `safe_load` silently keeps the last of two equal keys, which would drop a rule, a fact, a
parameter value or a template line without a trace. This reader refuses duplicate keys and YAML merge
keys, and its errors carry the line, so a jurist can fix a file without reading Python.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE_TAG = "tag:yaml.org,2002:merge"


class StrictYamlError(ValueError):
    """The file cannot be read, is not YAML, or repeats a key; the message names the line."""


class StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that rejects duplicate mapping keys and `<<` merge keys."""

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            _reject_duplicates(self, node)
        return super().construct_mapping(node, deep=deep)


def _reject_duplicates(loader: StrictLoader, node: yaml.MappingNode) -> None:
    seen: dict[Any, int] = {}
    for key_node, _value in node.value:
        if key_node.tag == _MERGE_TAG:
            raise ConstructorError(None, None, "merge keys (<<) are not allowed", key_node.start_mark)
        key = loader.construct_object(key_node, deep=True)
        marker = _hashable(key)
        if marker in seen:
            problem = f"duplicate key {key!r} (first at line {seen[marker]})"
            raise ConstructorError(None, None, problem, key_node.start_mark)
        seen[marker] = key_node.start_mark.line + 1


def _hashable(key: Any) -> Any:
    # Keep True and 1 apart: YAML 1.1 turns `yes` into True, which must not collide with a key 1.
    try:
        return (type(key).__name__, key) if isinstance(key, bool) else key
    except TypeError:  # pragma: no cover - unhashable keys are rejected by PyYAML itself
        return repr(key)


def load(path: Path) -> Any:
    """Parse one YAML file strictly.

    Raises:
        StrictYamlError: unreadable file, YAML syntax error, merge key or duplicate key ("line N: ...").
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StrictYamlError(f"cannot read file ({exc})") from exc
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise StrictYamlError(f"{line}{exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise StrictYamlError(str(exc)) from exc
