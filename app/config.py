"""Configuration: the only reader of os.environ. Production settings are validated at start-up."""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Config:
    """Settings for one app instance; tests pass overrides to create_app instead of touching the environment."""

    env: str = "development"
    database_url: str = f"sqlite:///{ROOT / 'instance' / 'bevoegd.sqlite'}"
    secret_key: str = ""
    rules_dir: Path = ROOT / "rules"
    letter_templates_dir: Path = ROOT / "letter_templates"
    gemeente: str = "Maastricht"
    session_cookie_secure: bool = False
    session_cookie_name: str = "bevoegd_session"
    reauth_minutes: int = 15
    idle_minutes: int = 30
    absolute_hours: int = 10
    login_max_failures: int = 5
    login_window_minutes: int = 15
    testing: bool = False
    csrf_enabled: bool = True
    # E-mail for notifications: off while smtp_host is empty. smtp_tls: "starttls", "ssl" or "" (plain).
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_sender: str = ""
    smtp_tls: str = ""
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_timeout: float = 5.0  # seconds; a slow server must not hold up the page that caused the message
    public_url: str = "http://127.0.0.1:5000"  # the links in e-mails start with this
    termijn_signaal_dagen: int = 3  # a deadline within this many days is noticed by `flask notificaties termijnen`
    strict_templates: bool = False  # tests: an undefined template variable fails instead of printing nothing
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_env(cls, overrides: dict[str, Any] | None = None) -> Config:
        """Read BEVOEGD_* variables, apply overrides, validate; raise RuntimeError on unsafe production settings."""
        env = os.environ
        cfg = cls(
            env=env.get("BEVOEGD_ENV", "development"),
            database_url=env.get("BEVOEGD_DATABASE_URL", cls.database_url),
            secret_key=env.get("BEVOEGD_SECRET_KEY", ""),
            gemeente=env.get("BEVOEGD_GEMEENTE", "Maastricht"),
            **_mail_settings(env),
        )
        names = {f.name for f in fields(cls)}
        cfg = replace(cfg, **{k: v for k, v in (overrides or {}).items() if k in names})
        if not cfg.secret_key:
            cfg = replace(cfg, secret_key=_development_secret(cfg))
        if cfg.env == "production":
            cfg = replace(cfg, session_cookie_secure=True, session_cookie_name="__Host-session")
        _check(cfg)
        _warn_malloc(env)
        return cfg


def _mail_settings(env: os._Environ[str] | dict[str, str]) -> dict[str, Any]:
    """BEVOEGD_SMTP_* and the public URL for the links in e-mails."""
    names = {"smtp_host": "BEVOEGD_SMTP_HOST", "smtp_sender": "BEVOEGD_SMTP_SENDER", "smtp_tls": "BEVOEGD_SMTP_TLS",
             "smtp_user": "BEVOEGD_SMTP_USER", "smtp_password": "BEVOEGD_SMTP_PASSWORD",
             "public_url": "BEVOEGD_PUBLIC_URL"}
    found: dict[str, Any] = {k: env[v] for k, v in names.items() if v in env}
    if "BEVOEGD_SMTP_PORT" in env:
        found["smtp_port"] = int(env["BEVOEGD_SMTP_PORT"])
    if "BEVOEGD_TERMIJN_SIGNAAL_DAGEN" in env:
        found["termijn_signaal_dagen"] = int(env["BEVOEGD_TERMIJN_SIGNAAL_DAGEN"])
    return found


def _development_secret(cfg: Config) -> str:
    if cfg.env == "production":
        raise RuntimeError("BEVOEGD_SECRET_KEY is verplicht in productie.")
    return secrets.token_hex(32)


def _check(cfg: Config) -> None:
    if cfg.env != "production":
        return
    if len(cfg.secret_key) < 32:
        raise RuntimeError("BEVOEGD_SECRET_KEY moet in productie minstens 32 tekens zijn.")
    if not cfg.csrf_enabled or cfg.testing:
        raise RuntimeError("CSRF en testinstellingen zijn in productie niet toegestaan.")


def _warn_malloc(env: os._Environ[str] | dict[str, str]) -> None:
    # glibc reads these at process start; without them the engine pays ~3x in page faults (rules-engine.md §4).
    if "MALLOC_TOP_PAD_" not in env or "MALLOC_TRIM_THRESHOLD_" not in env:
        logging.getLogger(__name__).warning(
            "MALLOC_TOP_PAD_/MALLOC_TRIM_THRESHOLD_ not set: the rules engine will run slower."
        )


def database_url_for_tests() -> str | None:
    """TEST_DATABASE_URL selects the PostgreSQL lane of the test suite."""
    return os.environ.get("TEST_DATABASE_URL")
