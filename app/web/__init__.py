"""HTTP shell: blueprints parse input, call one service, and render or redirect."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Register every blueprint explicitly (no import-time side effects)."""
    from app.web import api, auth, cases, documents, intake, pages, review
    from app.web.labels import FACT_LABELS, beslissing_rows, label, options, status_label, wettekst_op

    app.jinja_env.globals.update(label=label, options=options, fact_labels=FACT_LABELS,
                                 beslissing_rows=beslissing_rows)
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["wettekst_op"] = wettekst_op
    app.jinja_env.filters["status_label"] = status_label

    for blueprint in (auth.bp, pages.bp, intake.bp, cases.bp, review.bp, documents.bp):
        app.register_blueprint(blueprint)
    api.init_app(app)
