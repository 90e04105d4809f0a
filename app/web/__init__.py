"""HTTP shell: blueprints parse input, call one service, and render or redirect."""

from __future__ import annotations

from decimal import Decimal

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader


def withdrawals_on_page(zaak: object) -> dict:
    """The withdrawn offers of the zaak shown (the drafts section marks their letters)."""
    from app.db import get_session
    from app.services.withdrawal import withdrawals_of

    return withdrawals_of(get_session(), zaak)  # type: ignore[arg-type]


def register_blueprints(app: Flask) -> None:
    """Register every blueprint explicitly (no import-time side effects)."""
    from app.domain.codes import MELDING_BRONNEN
    from app.domain.numbers import format_number
    from app.domain.procedure import body_words
    from app.domain.wording import bracketed, in_sentence, with_article
    from app.domain.workflow import steps
    from app.letters.formatting import bedrag
    from app.web import (
        admin_mandates,
        admin_tokens,
        admin_users,
        api,
        auditor,
        auth,
        beheer,
        bezwaar,
        bulk,
        cases,
        casework,
        converters,
        documents,
        figures,
        follow_up,
        intake,
        kabinet,
        oidc,
        pages,
        password,
        people_form,
        review,
        taken,
        toegang,
        worklists,
        workspace,
        zaakbeheer,
        zgw,
    )
    from app.web.codenames import ruleset_label, unit_word, with_unit
    from app.web.fieldnames import field_label
    from app.web.labels import (
        Labels,
        beslissing_rows,
        betrokkene_option,
        kort,
        moment_kort,
        status_label,
        wettekst_op,
        zienswijze_row,
    )

    converters.init_app(app)  # before the first route: ids past 64 bits match no route (404, not 500)
    rt = app.extensions["bevoegd"]
    labels = Labels(rt)
    # A power's partials live in its package: {% include "powers/<code>/facts.html" %}.
    powers = PrefixLoader({"powers": PrefixLoader({code: FileSystemLoader(spec.templates)
                                                   for code, spec in rt.powers.items()})})
    app.jinja_loader = ChoiceLoader([app.jinja_loader, powers])
    app.jinja_env.globals.update(label=labels, options=labels.options, beslissing_rows=beslissing_rows,
                                 moment_kort=moment_kort,
                                 answers=lambda spec: [(o.code, o.label) for o in spec.outcomes],
                                 procedure=rt.procedure, power_title=lambda code: rt.book.index(code).title,
                                 zaak_steps=steps, field_label=field_label,
                                 ruleset_label=ruleset_label,
                                 with_unit=lambda value, unit, power=None: with_unit(
                                     value, unit, (lambda code: labels(code, power)) if power else None),
                                 unit_word=unit_word, with_article=with_article, body_words=body_words)
    app.jinja_env.globals["withdrawals"] = withdrawals_on_page
    # The kinds of source document a power's intake accepts (index.yaml `bron_soorten`); None: those of a report.
    app.jinja_env.globals["source_kinds"] = lambda code: rt.book.index(code).bron_soorten if code else MELDING_BRONNEN
    people_form.register(app)
    zgw.register(app)  # the case page's publication state (cases/_zgw.html)
    app.jinja_env.filters["label"] = labels
    app.jinja_env.filters["dutch_number"] = format_number
    app.jinja_env.filters["in_sentence"] = in_sentence  # a label inside a sentence: names keep their capitals
    app.jinja_env.filters["euro"] = lambda value: bedrag(Decimal(str(value)))
    app.jinja_env.filters["wettekst_op"] = wettekst_op
    app.jinja_env.filters["status_label"] = status_label
    app.jinja_env.filters["moment"] = moment_kort
    app.jinja_env.filters["datum"] = kort
    app.jinja_env.filters["bracketed"] = bracketed
    app.jinja_env.filters["zienswijze_row"] = zienswijze_row
    app.jinja_env.filters["betrokkene_option"] = betrokkene_option

    for blueprint in (auth.bp, pages.bp, intake.bp, cases.bp, review.bp, documents.bp, beheer.bp,
                      casework.bp, zaakbeheer.bp, worklists.bp, workspace.bp, bezwaar.bp, kabinet.bp,
                      admin_users.bp, admin_mandates.bp, admin_tokens.bp, auditor.bp, password.bp, follow_up.bp,
                      toegang.bp,
                      taken.bp, figures.bp, bulk.bp, zgw.bp, oidc.bp):
        app.register_blueprint(blueprint)
    api.init_app(app)
