"""Bevoegd: prepares a Dutch mayor's enforcement decisions from declarative rules.

create_app reads as the table of contents of the service: configuration, logs, database, law (rules and
letters), security, authentication, routes, error handling and CLI.
"""

from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the app; tests pass overrides instead of touching the environment."""
    from app import cli, db, jobs, logs_setup, security
    from app.config import Config
    from app.runtime import build_runtime
    from app.web import auth, errors, register_blueprints

    config = Config.from_env(overrides)
    app = Flask(__name__)
    logs_setup.init_app(app, config)  # first: its request id is bound before any other hook can log
    app.extensions["bevoegd_config"] = config  # read by the notification mailer (SMTP settings)
    app.config.update(security.flask_settings(config))
    # The law first: a half-added power refuses to start before a database connection is opened.
    app.extensions["bevoegd"] = build_runtime(config)
    engine = db.make_engine(config.database_url)
    db.check_schema_at_head(engine)  # the app never migrates itself (make run does)
    db.init_app(app, engine)
    jobs.init_app(app, config)  # side effects recorded in the outbox run after commit
    security.init_app(app, config)
    auth.init_app(app)
    register_blueprints(app)
    if config.strict_templates:
        from jinja2 import StrictUndefined

        app.jinja_env.undefined = StrictUndefined
    errors.register_error_handlers(app)
    cli.init_app(app)
    return app
