"""Row builders for bench/generate.py: fictional zaken and what hangs under them, as tuples for COPY.

Each table's columns come from the models' metadata (app.models) intersected with a template row the services
stored for a demo case of the same power; the generator sets only what makes a case its own (ids, dates, team,
people, address, phase) and copies the rest, so a column a later migration adds is filled as the app fills it.
Beslissingen and review rounds have no template in the seed: they start from the models' column defaults.
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import psycopg
from psycopg.rows import dict_row
from sqlalchemy import JSON

from app.db import Base

MUNICIPALITIES, DAYS = 342, 3650  # the issue: every municipality, ten years
WEIGHTS = {"damocles": 25, "straathandel": 20, "huisverbod": 20, "woonoverlast": 15, "ouderbrief": 15, "bibob": 5}
STREETS = ("Teststraat", "Proefweg", "Voorbeeldlaan", "Oefenplein", "Fictiefhof", "Demosingel", "Schijnkade",
           "Nepgracht", "Verzinhof", "Bedachtlaan")
NAMES = ("A. Testpersoon", "B. Voorbeeld", "C. Proefmans", "D. Fictief", "E. Demodijk", "F. Nepkamp", "G. Oefenaar",
         "H. Schijnvelt", "J. Verzinsel", "K. Bedenkers", "L. Denkbeeld", "M. Namaak")
# Phase of a case younger than a year (older ones are mostly closed), and the decision each phase has.
OPEN_PHASES = {"feiten": 10, "bevoegdheid": 20, "beleid": 10, "evenredigheid": 10, "voornemen": 10, "besluit": 10,
               "review": 3, "verzending": 5, "nazorg": 12, "afgesloten": 10}
DECISION = {"voornemen": "concept", "besluit": "concept", "review": "ter_vaststelling", "verzending": "vastgesteld",
            "nazorg": "verzonden", "afgesloten": "verzonden"}
REASONS = {"afgedaan": 60, "afgezien": 25, "niet_bevoegd": 15}  # only a case "afgedaan" was decided
DEMO = {"reporter": "handhaving", "jurists": ("jurist", "jurist2"), "kabinet": "kabinet"}
PERMITS = {"reporter": "vergunningen", "jurists": ("vergunningen_jurist",), "kabinet": "vergunningen_hoofd"}


def columns(table: str) -> list[str]:
    """The table's columns that a COPY may write (not computed by the database)."""
    return [c.name for c in Base.metadata.tables[table].columns if c.computed is None]


def as_copy(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """JSON columns as JSON text (COPY's text format carries every value as text)."""
    for column in Base.metadata.tables[table].columns:
        if isinstance(column.type, JSON) and row.get(column.name) is not None and not isinstance(row[column.name], str):
            row[column.name] = json.dumps(row[column.name], ensure_ascii=False)
    return row


def defaults(table: str) -> dict[str, Any]:
    """A row of the models' Python-side defaults; a required column without one must be set by the generator."""
    row: dict[str, Any] = {}
    for column in Base.metadata.tables[table].columns:
        default = column.default
        value = None if default is None else default.arg(None) if default.is_callable else default.arg
        row[column.name] = value
    return as_copy(table, row)


class Receipt:
    """The template receipt of a power, serialised once the way the app hashes it, with its peildatum left open."""

    MARK = "@@PEILDATUM@@"

    def __init__(self, assessment: dict[str, Any]) -> None:
        marked = {**assessment, "peildatum": self.MARK} if "peildatum" in assessment else assessment
        self.parts = json.dumps(marked, sort_keys=True, ensure_ascii=False).split(self.MARK)

    def text(self, peildatum: date) -> tuple[str, str]:
        """(JSON text, its SHA-256): services/assessment.py hashes json.dumps(sort_keys=True, ensure_ascii=False)."""
        body = peildatum.isoformat().join(self.parts)
        return body, hashlib.sha256(body.encode()).hexdigest()


class Plan:
    """What to generate: templates per power, the people per team, the next id per table, a seeded random."""

    def __init__(self, conn: psycopg.Connection, count: int, own_share: float, seed: int) -> None:
        self.count, self.own_share, self.rng = count, own_share, random.Random(seed)  # noqa: S311 - test data
        self.today = date.today()
        self.templates = _templates(conn)
        self.powers = [p for p in WEIGHTS if p in self.templates]
        self.weights = [WEIGHTS[p] for p in self.powers]
        self.receipts = {p: Receipt(json.loads(t["beoordeling"]["assessment"])) for p, t in self.templates.items()}
        self.outcomes = _outcomes(self.powers)
        self.first = _first_rules(self.powers)
        self.next = {t: _next_id(conn, t) for t in ("zaken", "meldingen", "betrokkenen", "beoordelingen",
                                                     "beslissingen", "reviewrondes")}
        self.teams = _teams(conn)
        self.cols = {t: columns(t) for t in self.next}
        self.defaults = {t: defaults(t) for t in ("beslissingen", "reviewrondes")}

    @classmethod
    def from_database(cls, conn: psycopg.Connection, count: int, own_share: float, seed: int) -> Plan:
        return cls(conn, count, own_share, seed)

    def batch(self, first: int, size: int) -> dict[str, tuple[list[str], list[tuple]]]:
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in self.next}
        for n in range(first, first + size):
            self._zaak(n, rows)
        return {t: (self._present(t, r), [tuple(x.get(c) for c in self._present(t, r)) for x in r])
                for t, r in rows.items()}

    def _present(self, table: str, rows: list[dict[str, Any]]) -> list[str]:
        return [c for c in self.cols[table] if rows and c in rows[0]]

    def fix_sequences(self, conn: psycopg.Connection) -> None:
        """The app's next inserts continue after the generated ids."""
        for table in self.next:
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 - our table names
                         f"(SELECT coalesce(max(id), 1) FROM {table}))")

    def _zaak(self, n: int, rows: dict[str, list[dict[str, Any]]]) -> None:
        rng, zid = self.rng, self.next["zaken"] + n
        registered = self.today - timedelta(days=DAYS - (n * DAYS) // max(self.count, 1))
        # Only a power whose rules cover the report's date (a report is at most ten days old at registration).
        covered = [(p, w) for p, w in zip(self.powers, self.weights, strict=True)
                   if self.first[p] <= registered - timedelta(days=10)]
        power = rng.choices([p for p, _ in covered], [w for _, w in covered])[0]
        template = self.templates[power]
        own = rng.random() < self.own_share
        team = ("vergunningen" if power == "bibob" else "oov") if own else f"gem{rng.randrange(1, MUNICIPALITIES):03d}"
        people = self.teams.get(team) or self.teams["oov"]
        fase = self._phase(registered)
        address = {"straat": rng.choice(STREETS), "huisnummer": str(rng.randrange(1, 400)),
                   "postcode": f"{1000 + rng.randrange(8999)} T{chr(65 + rng.randrange(26))}",
                   "woonplaats": f"Testplaats {team[3:] if team.startswith('gem') else '000'}"}
        zaak = {**template["zaak"], "id": zid, "identificatie": f"BEV-{registered.year}-{zid:06d}", "team": team,
                "fase": fase, "registratiedatum": registered, "startdatum": registered,
                "adres_straat": address["straat"], "adres_huisnummer": address["huisnummer"],
                "adres_postcode": address["postcode"], "adres_woonplaats": address["woonplaats"],
                "adres_sleutel": f"{address['postcode'].replace(' ', '')}|{address['huisnummer']}",
                "created_by_id": people["reporter"], "created_at": _moment(registered),
                "behandelaar_id": rng.choice(people["jurists"]) if rng.random() < 0.8 else None,
                "vervolg_op_id": None, "reeks_id": None, "version_id": 1, **self._closure(fase, registered)}
        rows["zaken"].append(zaak)
        self._melding(n, zaak, template, rows)
        for person in template["betrokkenen"]:
            rows["betrokkenen"].append(self._person(person, zid, address))
        self._assessment(n, zaak, power, rows)
        if (fase in DECISION and zaak["afsluitreden"] in (None, "afgedaan")) or power == "huisverbod":
            self._decision(zaak, power, people, rows)

    def _phase(self, registered: date) -> str:
        if (self.today - registered).days > 365:
            return "afgesloten" if self.rng.random() < 0.85 else "nazorg"
        return self.rng.choices(list(OPEN_PHASES), list(OPEN_PHASES.values()))[0]

    def _closure(self, fase: str, registered: date) -> dict[str, Any]:
        if fase != "afgesloten":
            return {"einddatum": None, "afsluitreden": None, "afsluittoelichting": None}
        reason = self.rng.choices(list(REASONS), list(REASONS.values()))[0]
        return {"einddatum": min(self.today, registered + timedelta(days=self.rng.randrange(20, 300))),
                "afsluitreden": reason, "afsluittoelichting": "Afgehandeld (fictieve testzaak)."}

    def _melding(self, n: int, zaak: dict[str, Any], template: dict[str, Any], rows: dict) -> None:
        found = zaak["registratiedatum"] - timedelta(days=self.rng.randrange(1, 10))
        rows["meldingen"].append({**template["melding"], "id": self.next["meldingen"] + n, "zaak_id": zaak["id"],
                                  "submission_id": f"bench-{zaak['id']:09d}",
                                  "bron_kenmerk": f"PV-{found.year}-{zaak['id']:07d}", "bron_datum": found,
                                  "pleegdatum": found, "reporter_id": zaak["created_by_id"],
                                  "created_at": zaak["created_at"], "version_id": 1})
        zaak["_found"] = found

    def _person(self, template: dict[str, Any], zaak_id: int, address: dict[str, str]) -> dict[str, Any]:
        born = template.get("geboortedatum")
        self.next["betrokkenen"] += 1
        return {**template, "id": self.next["betrokkenen"] - 1, "zaak_id": zaak_id, "version_id": 1,
                "naam": template["naam"] if template.get("is_organisatie") else self.rng.choice(NAMES),
                "geboortedatum": born and date(1950 + self.rng.randrange(55), 1 + self.rng.randrange(12), 1),
                **({k: address[k] for k in ("straat", "huisnummer", "postcode", "woonplaats")}
                   if not template.get("is_organisatie") else {})}

    def _assessment(self, n: int, zaak: dict[str, Any], power: str, rows: dict) -> None:
        body, digest = self.receipts[power].text(zaak.pop("_found"))
        rows["beoordelingen"].append({**self.templates[power]["beoordeling"], "id": self.next["beoordelingen"] + n,
                                      "zaak_id": zaak["id"], "peildatum": zaak["registratiedatum"],
                                      "beoordeeld_op": zaak["registratiedatum"], "assessment": body,
                                      "sha256": digest, "created_by_id": zaak["created_by_id"],
                                      "created_at": zaak["created_at"]})
        zaak["_receipt"] = self.next["beoordelingen"] + n

    def _decision(self, zaak: dict[str, Any], power: str, people: dict[str, Any], rows: dict) -> None:
        on_the_spot = power == "huisverbod"
        status = DECISION.get(zaak["fase"], "verzonden" if on_the_spot else "concept")
        code, besluit = self.rng.choice(self.outcomes[power])
        drafter = zaak["behandelaar_id"] or people["jurists"][0]
        decided = zaak["registratiedatum"] + timedelta(days=20)
        approved = status in ("vastgesteld", "verzonden")
        self.next["beslissingen"] += 1
        row = {**self.defaults["beslissingen"], "id": self.next["beslissingen"] - 1, "zaak_id": zaak["id"],
               "beoordeling_id": zaak.pop("_receipt"), "soort": code, "status": status, "besluit": besluit,
               "review_mode": "achteraf" if on_the_spot else "vooraf", "datum": decided if approved else None,
               "verzenddatum": decided + timedelta(days=1), "drafter_id": drafter,
               "ondertekenaar_id": None if status == "concept" else people["kabinet"],
               "approver_id": people["kabinet"] if approved else None,
               "approved_at": _moment(decided) if approved else None,
               "verzonden_at": _moment(decided + timedelta(days=1)) if status == "verzonden" else None,
               "created_at": _moment(decided - timedelta(days=2)), "version_id": 1}
        checked = approved and (not on_the_spot or decided < self.today - timedelta(days=30))
        if on_the_spot and checked:  # the open nacontrole list reads this column (migration 0029)
            row["nagecontroleerd_at"] = row["approved_at"]
        rows["beslissingen"].append(row)
        if checked:
            self.next["reviewrondes"] += 1
            rows["reviewrondes"].append({**self.defaults["reviewrondes"], "id": self.next["reviewrondes"] - 1,
                                         "beslissing_id": row["id"], "reviewer_id": people["kabinet"],
                                         "resultaat": "nagecontroleerd" if on_the_spot else "goedgekeurd",
                                         "created_at": row["approved_at"]})


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(10, 30), UTC)


def _next_id(conn: psycopg.Connection, table: str) -> int:
    return conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]  # noqa: S608 - ours


def _templates(conn: psycopg.Connection) -> dict[str, dict[str, Any]]:
    """Per power, the first demo zaak that has a receipt: its row, its melding, its betrokkenen, its receipt."""
    found: dict[str, dict[str, Any]] = {}
    cur = conn.cursor(row_factory=dict_row)
    zaken = cur.execute("SELECT * FROM zaken z WHERE EXISTS (SELECT 1 FROM beoordelingen b WHERE b.zaak_id = z.id) "
                        "ORDER BY id").fetchall()
    for zaak in zaken:
        if zaak["zaaktype"] in found:
            continue
        one = {"zaak": as_copy("zaken", zaak)}
        one["melding"] = as_copy("meldingen", cur.execute(
            "SELECT * FROM meldingen WHERE zaak_id = %s ORDER BY id LIMIT 1", (zaak["id"],)).fetchone())
        one["betrokkenen"] = [as_copy("betrokkenen", r) for r in cur.execute(
            "SELECT * FROM betrokkenen WHERE zaak_id = %s ORDER BY id", (zaak["id"],)).fetchall()]
        one["beoordeling"] = as_copy("beoordelingen", cur.execute(
            "SELECT * FROM beoordelingen WHERE zaak_id = %s ORDER BY id DESC LIMIT 1", (zaak["id"],)).fetchone())
        found[zaak["zaaktype"]] = one
    return found


def _outcomes(powers: list[str]) -> dict[str, list[tuple[str, bool]]]:
    """Each power's outcomes (code, is a besluit) from its procedure data, as the drafting service names them."""
    from app.config import Config
    from app.runtime import build_runtime

    rt = build_runtime(Config())
    return {p: [(o.code, o.besluit) for o in rt.procedure(p).outcomes.values()] for p in powers}


def _first_rules(powers: list[str]) -> dict[str, date]:
    """The first day each power's rules cover: its oldest rules-<valid_from>.yaml (rulebook/versions.py)."""
    from app.config import Config

    return {p: min(date.fromisoformat(f.stem.removeprefix("rules-")) for f in (Config.rules_dir / p).glob(
        "rules-*.yaml")) for p in powers}


def _teams(conn: psycopg.Connection) -> dict[str, dict[str, Any]]:
    """The demo teams' people (app/seed.py), and for every other municipality a reporter, two jurists and a
    kabinet member copied from the demo ones (no password: nobody logs in as them)."""
    cur = conn.cursor(row_factory=dict_row)
    demo = {r["username"]: as_copy("users", r) for r in cur.execute("SELECT * FROM users").fetchall()}
    teams = {name: {"reporter": demo[who["reporter"]]["id"], "jurists": [demo[j]["id"] for j in who["jurists"]],
                    "kabinet": demo[who["kabinet"]]["id"]} for name, who in (("oov", DEMO), ("vergunningen", PERMITS))}
    next_id, made = _next_id(conn, "users"), []
    for k in range(1, MUNICIPALITIES):
        team, people = f"gem{k:03d}", {}
        for slot, username in (("reporter", "handhaving"), ("jurist", "jurist"), ("jurist2", "jurist2"),
                               ("kabinet", "kabinet")):
            made.append({**demo[username], "id": next_id, "username": f"{username}-{team}", "team": team,
                         "display_name": f"{demo[username]['display_name'].split(' (')[0]} ({team}, fictief)",
                         "password_hash": "!"})
            people[slot], next_id = next_id, next_id + 1
        teams[team] = {"reporter": people["reporter"], "jurists": [people["jurist"], people["jurist2"]],
                       "kabinet": people["kabinet"]}
    names = [c for c in columns("users") if c in made[0]]
    with cur.copy(f"COPY users ({', '.join(names)}) FROM STDIN") as copy:
        for row in made:
            copy.write_row(tuple(row[c] for c in names))
    conn.execute("SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users))")
    return teams
