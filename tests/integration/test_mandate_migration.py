"""Migration 0010: existing mandates get the explicit list of every outcome of their power (an empty list
would cover nothing), a placeholder validity, and the function from their old free-text signature."""

from __future__ import annotations

import json

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.config import ROOT
from app.db import make_engine

USER = ("INSERT INTO users (username, display_name, role, team, zaaktypes, max_vertrouwelijkheid, password_hash, "
        "phone, active, created_at) VALUES ('k', 'K. Kabinet', 'kabinet', 'oov', '[]', 'vertrouwelijk', 'x', '', "
        ":active, '2026-01-01 00:00:00')")
MANDATE = ("INSERT INTO mandaten (user_id, besluittype, hoedanigheid, mandaatbesluit, ondertekening) "
           "VALUES (:user, :code, :capacity, :besluit, :signature)")


def test_existing_mandates_name_every_outcome_of_their_power_and_keep_their_function(database_url):
    cfg = AlembicConfig(toml_file=str(ROOT / "pyproject.toml"))
    cfg.attributes["url"] = database_url
    command.downgrade(cfg, ScriptDirectory.from_config(cfg).get_revision("0010").down_revision)
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text(USER), {"active": True})
        user = conn.execute(text("SELECT id FROM users WHERE username = 'k'")).scalar_one()
        for code, capacity, besluit, signature in (
                ("damocles", "gemandateerde", "Mandaat 2024", "namens de burgemeester,\nK. Kabinet\nhoofd Kabinet"),
                ("huisverbod", "hulpofficier_van_justitie", "", "namens de burgemeester,\nK. Kabinet"),
                ("damocles", "orgaan", "", "De burgemeester,\nK. Kabinet")):
            conn.execute(text(MANDATE), {"user": user, "code": code, "capacity": capacity, "besluit": besluit,
                                         "signature": signature})
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT besluittype, hoedanigheid, uitkomsten, valid_from, valid_until, "
                                 "mandaatbesluit, functie FROM mandaten ORDER BY id")).all()
    engine.dispose()
    outcomes = [json.loads(r[2]) if isinstance(r[2], str) else r[2] for r in rows]
    assert outcomes == [["waarschuwing", "voornemen_sluiting", "sluiting"],
                        ["huisverbod", "verlenging_huisverbod", "intrekking_huisverbod"],
                        ["waarschuwing", "voornemen_sluiting", "sluiting"]]
    assert [(r[5], r[6]) for r in rows] == [("Mandaat 2024", "hoofd Kabinet"), ("(nog vastleggen)", "(nog vastleggen)"),
                                            ("", "")]
    assert all(str(r[3]) == "2000-01-01" and r[4] is None for r in rows)
