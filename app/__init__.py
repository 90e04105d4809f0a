"""Bevoegd: prepares a Dutch mayor's enforcement decisions from declarative rules.

create_app reads as the table of contents of the service: configuration, logs, database, law (rules and
letters), security, authentication, routes, error handling and CLI.
"""

from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the app; tests pass overrides instead of touching the environment."""
    from app import audit_key, cli, db, jobs, logs_setup, security
    from app.config import Config
    from app.runtime import build_runtime
    from app.web import auth, errors, oidc, register_blueprints

    config = Config.from_env(overrides)
    app = Flask(__name__)
    if config.trusted_proxies:  # the client's address, not the proxy's (the login throttle and logs need it)
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=config.trusted_proxies)  # type: ignore[method-assign]
    logs_setup.init_app(app, config)  # first: its request id is bound before any other hook can log
    app.extensions["bevoegd_config"] = config  # read by the notification mailer (SMTP settings)
    audit_key.use(config.audit_key)  # the log rows are keyed from any session of this process (app/audit_key.py)
    app.config.update(security.flask_settings(config))
    # The law first: a half-added power refuses to start before a database connection is opened.
    app.extensions["bevoegd"] = build_runtime(config)
    engine = db.make_engine(config.database_url)
    db.check_schema_at_head(engine)  # the app never migrates itself (make run does)
    db.init_app(app, engine)
    jobs.init_app(app, config)  # side effects recorded in the outbox run after commit
    security.init_app(app, config)
    auth.init_app(app)
    oidc.init_app(app, config)  # single sign-on, when an identity provider is configured
    register_blueprints(app)
    if config.strict_templates:
        from jinja2 import StrictUndefined

        app.jinja_env.undefined = StrictUndefined
    errors.register_error_handlers(app)
    cli.init_app(app)
    return app
