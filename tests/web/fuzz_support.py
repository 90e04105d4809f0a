"""Form and JSON fuzzing shared by tests/web/test_fuzz.py (bounded) and bench/fuzz.py (>= 10,000 inputs).

One generator (hypothesis strategies) draws a role, a POST route of the app's url_map, path ids (real ones,
absent ones and ids past 64 bits) and a body: form fields named after the schemas' own dotted field names,
mutated into the shapes that broke the forms before (a scalar where a nested field is expected, a nested name
under a scalar, deep or huge dotted names) with hostile values, or a JSON document of the same names. A probe
sends it as that role and reports a 5xx, or a rejected request that stored a row anyway.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from flask import Flask
from hypothesis import strategies as st
from marshmallow import Schema, fields
from marshmallow.class_registry import _registry
from sqlalchemy import text
from werkzeug.datastructures import MultiDict

from app.db import Base

# Logging out or in changes who the next example is; a password change could lock a role out.
SKIPPED = {"auth.logout", "auth.login_post", "wachtwoord.opslaan", "static"}
# Rows a refused request writes on purpose: the access log (denied reads) and the sealing bookkeeping.
LOGGED_ON_REFUSAL = {"access_entries", "audit_entries", "chain_heads", "login_throttles", "login_sessions"}
VALUES = ("x", "", " ", "0", "1", "-1", "2,5", "1.500", "nan", "1e309", str(2**31), str(2**63), str(2**64),
          "9999-12-31", "2999-01-01", "0001-01-01", "1899-12-31", "2026-02-30", "ja", "true", "nee",
          "a" * 6000, "\x00", "<script>", "'; DROP TABLE zaken; --", "é" * 50, "2026-01-01T25:61")
BIG_IDS = (0, 2**31, 2**63 - 1, 2**63, 2**64, 10**30)
MATRIX = yaml.safe_load((Path(__file__).parent / "access_matrix.yaml").read_text(encoding="utf-8"))


class _Forms(HTMLParser):
    """The POST forms of a page: action and (name, value) of every field, as a browser would send them."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self.forms.append((a.get("action", ""), []))
        elif tag in ("input", "select", "textarea") and self.forms and a.get("name"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.forms[-1][1].append((a["name"], a.get("value", "")))


def scrape_forms(clients: dict[str, Any], pages: list[str]) -> dict[str, list[tuple[str, list[tuple[str, str]]]]]:
    """Per role, the POST forms on the pages it can open (the real field names, versions and ids)."""
    found: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
    for role, client in clients.items():
        for page in pages:
            response = client.get(page)
            if response.status_code == 200 and response.mimetype == "text/html":
                parser = _Forms()
                parser.feed(response.get_data(as_text=True))
                found.setdefault(role, []).extend(
                    (action.split("#")[0], fields_) for action, fields_ in parser.forms
                    if action.startswith("/") and not action.startswith(("/logout", "/login", "/wachtwoord")))
    return found


def allowed_roles(endpoint: str, roles: tuple[str, ...]) -> list[str]:
    return [r for r in MATRIX["endpoints"].get(endpoint, roles) if r in roles] or list(roles)


def schema_paths() -> list[str]:
    """The dotted field names of every marshmallow schema the app defines (lists as row 0)."""
    paths: set[str] = set()
    for classes in list(_registry.values()):
        for cls in classes:
            if cls.__module__.startswith("app."):
                _walk(cls, "", paths, 0)
    return sorted(paths)


def _walk(cls: type[Schema], prefix: str, paths: set[str], depth: int) -> None:
    for name, declared in getattr(cls, "_declared_fields", {}).items():
        path = f"{prefix}{declared.data_key or name}"
        paths.add(path)
        inner = declared.inner if isinstance(declared, fields.List) else declared
        if isinstance(inner, fields.Nested) and depth < 3 and isinstance(inner.nested, type):
            row = f"{path}.0." if isinstance(declared, fields.List) or inner.many else f"{path}."
            _walk(inner.nested, row, paths, depth + 1)


@dataclass
class Target:
    endpoint: str
    rule: str
    args: tuple[tuple[str, str], ...]  # (name, converter: "int" or "str")


def targets(app: Flask) -> list[Target]:
    """Every POST route, plus GET routes with an id in the path (the ids past 64 bits)."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIPPED:
            continue
        int_args = {a for a in rule.arguments if f"<int:{a}>" in rule.rule}
        if "POST" in rule.methods or int_args:
            args = tuple((a, "int" if a in int_args else "str") for a in sorted(rule.arguments))
            found.append(Target(rule.endpoint, rule.rule, args))
    return sorted(found, key=lambda t: (t.rule, t.endpoint))


@dataclass
class Probe:
    role: str
    method: str
    path: str
    form: list[tuple[str, str]] | None = None
    json_body: Any = None
    notes: list[str] = field(default_factory=list)


def _name_mutation(path: str) -> st.SearchStrategy[list[str]]:
    """Names built from one schema path in the shapes that confused the form parser."""
    head = path.split(".", maxsplit=1)[0]
    return st.sampled_from([
        [path], [head], [head, path], [path, head], [f"{path}.x"], [f"{path}.0"], [f"{head}.0"],
        [f"{head}.{2**63}.x"], [".".join(["a"] * 600)], ["x" * 5000], [f"{head}..x"], [f"{path}.-1"],
    ])


def form_bodies(paths: list[str]) -> st.SearchStrategy[list[tuple[str, str]]]:
    names = st.sampled_from(paths).flatmap(_name_mutation)
    value = st.one_of(st.sampled_from(VALUES), st.text(max_size=20))
    pair = st.tuples(names, value).map(lambda nv: [(n, nv[1]) for n in nv[0]])
    return st.lists(pair, max_size=6).map(lambda rows: [p for row in rows for p in row])


def mutated(form: list[tuple[str, str]], paths: list[str]) -> st.SearchStrategy[list[tuple[str, str]]]:
    """A real form with some values made hostile, some fields dropped, and crafted names added."""
    value = st.one_of(st.sampled_from(VALUES), st.text(max_size=20))
    names = [n for n, _ in form] or ["x"]

    @st.composite
    def build(draw: Any) -> list[tuple[str, str]]:
        body = [(n, draw(value) if draw(st.integers(0, 4)) == 0 else v) for n, v in form
                if draw(st.integers(0, 9)) > 0]
        for _ in range(draw(st.integers(0, 2))):
            name = draw(st.sampled_from(names))
            crafted = draw(_name_mutation(name) | st.sampled_from(paths).flatmap(_name_mutation))
            body.extend((n, draw(value)) for n in crafted)
        return body

    return build()


def json_bodies(paths: list[str]) -> st.SearchStrategy[Any]:
    keys = st.sampled_from([p.split(".")[-1] for p in paths if not p.split(".")[-1].isdigit()] + ["gegevens"])
    scalar = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
                       st.floats(allow_nan=True), st.sampled_from(VALUES), st.text(max_size=10))
    tree = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(keys, inner, max_size=4)), max_leaves=12)
    return st.dictionaries(keys, tree, max_size=8)


def probes(app: Flask, roles: tuple[str, ...], ids: dict[str, list[int]],
           forms: dict[str, list[tuple[str, list[tuple[str, str]]]]] | None = None) -> st.SearchStrategy[Probe]:
    """A role, a route with path values, and a form or JSON body; `ids` are real ids per path argument, `forms`
    the real forms per role (scrape_forms): half the probes mutate one of those."""
    paths, routes = schema_paths(), targets(app)
    scraped = [(role, action, body) for role, found in (forms or {}).items() for action, body in found]
    if scraped:
        real = st.sampled_from(scraped).flatmap(
            lambda f: mutated(f[2], paths).map(lambda body: Probe(f[0], "POST", f[1], form=body)))
        return st.one_of(real, _random_probes(app, roles, ids, paths, routes))
    return _random_probes(app, roles, ids, paths, routes)


def _random_probes(app: Flask, roles: tuple[str, ...], ids: dict[str, list[int]], paths: list[str],
                   routes: list[Target]) -> st.SearchStrategy[Probe]:
    words = st.sampled_from(["x", "damocles", "huisverbod", "bibob", "zienswijze", "bewoners", "horen", "a" * 300])

    @st.composite
    def probe(draw: Any) -> Probe:
        target = draw(st.sampled_from(routes))
        path = target.rule
        for name, kind in target.args:
            real = ids.get(name, [1])
            value = (draw(st.sampled_from(real + list(BIG_IDS))) if kind == "int" else draw(words))
            path = path.replace(f"<int:{name}>" if kind == "int" else f"<{name}>", str(value))
        method = "POST" if "POST" in app.url_map._rules_by_endpoint[target.endpoint][0].methods else "GET"
        result = Probe(draw(st.sampled_from(allowed_roles(target.endpoint, roles))), method, path)
        if method == "GET":
            return result
        if path.startswith("/api/") or draw(st.booleans()) and draw(st.booleans()):
            result.json_body = draw(json_bodies(paths))
        else:
            result.form = draw(form_bodies(paths))
        return result

    return probe()


def row_counts(session: Any) -> dict[str, int]:
    """Rows per table in one statement (cheap enough to run around every probe)."""
    tables = [t.name for t in Base.metadata.sorted_tables if t.name not in LOGGED_ON_REFUSAL]
    query = "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in tables)
    session.rollback()
    return dict(zip(tables, session.execute(text(query)).one(), strict=True))


def send(clients: dict[str, Any], session: Any, probe: Probe, statuses: Any = None) -> str | None:
    """Send one probe; a description of what went wrong, or None. `statuses` (a Counter) counts the answers."""
    before = row_counts(session)
    client = clients[probe.role]
    if probe.method == "GET":
        response = client.get(probe.path)
    elif probe.json_body is not None:
        response = client.post(probe.path, data=json.dumps(probe.json_body, default=str),
                               content_type="application/json", headers={"Accept": "application/json"})
    else:
        response = client.post(probe.path, data=MultiDict(probe.form or []))
    if statuses is not None:
        statuses[str(response.status_code)] += 1
    if response.status_code >= 500:
        return f"{response.status_code} {probe}"
    if response.status_code >= 400:
        after = row_counts(session)
        grown = {t: after[t] - before[t] for t in after if after[t] != before[t]}
        if grown:
            return f"rejected ({response.status_code}) but stored {grown}: {probe}"
    return None
