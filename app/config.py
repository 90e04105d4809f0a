"""Configuration: the only reader of os.environ. Production settings are validated at start-up."""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from app.audit_key import read_or_create

ROOT = Path(__file__).resolve().parent.parent
LOG_FORMATS = ("json", "console")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


@dataclass(frozen=True)
class Config:
    """Settings for one app instance; tests pass overrides to create_app instead of touching the environment."""

    env: str = "development"
    database_url: str = f"sqlite:///{ROOT / 'instance' / 'bevoegd.sqlite'}"
    secret_key: str = field(default="", repr=False)  # never printed or logged
    rules_dir: Path = ROOT / "rules"
    letter_templates_dir: Path = ROOT / "letter_templates"
    gemeente: str = "Maastricht"
    session_cookie_secure: bool = False
    session_cookie_name: str = "bevoegd_session"
    reauth_minutes: int = 15
    idle_minutes: int = 30
    absolute_hours: int = 10
    # Login throttle (services/login_throttle.py): a delay that doubles with each failure from its threshold,
    # capped; never a lock. Per (account, source) it stops only the guessing address; per source it counts every
    # name (an empty one too); per account it counts every address, high and short so no attacker can use it to
    # lock a person out. A counter forgets after login_window_minutes without failures once its block ended.
    login_max_failures: int = 5
    login_source_max_failures: int = 20
    login_account_max_failures: int = 100
    login_backoff_seconds: int = 1
    login_backoff_max_seconds: int = 900
    login_account_backoff_max_seconds: int = 60
    login_window_minutes: int = 15
    # Reverse proxies in front of the app that append to X-Forwarded-For (BEVOEGD_TRUSTED_PROXIES): the client
    # address is taken that many hops from the right. 0 (no proxy): the header is ignored, since anyone can send it.
    trusted_proxies: int = 0
    testing: bool = False
    csrf_enabled: bool = True
    # E-mail for notifications: off while smtp_host is empty. smtp_tls: "starttls", "ssl" or "" (plain).
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_sender: str = ""
    smtp_tls: str = ""
    smtp_user: str = ""
    smtp_password: str = field(default="", repr=False)
    smtp_timeout: float = 5.0  # seconds; a slow server must not hold up the page that caused the message
    public_url: str = "http://127.0.0.1:5000"  # the links in e-mails start with this
    termijn_signaal_dagen: int = 3  # a deadline within this many days is noticed by `flask notificaties termijnen`
    strict_templates: bool = False  # tests: an undefined template variable fails instead of printing nothing
    # Jobs (PDF conversion, ZGW publication): "huey-sqlite" (its own file, the embedded default), "huey-redis"
    # (redis_url), or "memory" (tests: queued in the process and run by the test). Empty: memory when testing.
    jobs: str = ""
    jobs_file: Path = ROOT / "instance" / "jobs.sqlite"
    redis_url: str = "redis://127.0.0.1:6379/0"
    job_max_attempts: int = 3
    job_backoff_seconds: int = 30  # first retry after this, doubling each time
    job_lease_seconds: int = 300  # a claimed job whose worker died is handed out again after this
    soffice: str = "soffice"
    # The kabinet's sample of a bulk run (letters.md §5): the first letter, every flagged one, and at random
    # this percentage of the run but never fewer than the minimum (counting the first).
    bulk_sample_minimum: int = 5
    bulk_sample_percent: int = 5
    pdf_timeout_seconds: int = 60
    pdf_profile_dir: Path = ROOT / "instance" / "libreoffice"  # one profile per worker process beneath this
    # Publication to a ZGW backend (Zaken, Besluiten, Documenten API): off while no API URL is set. zgw_url is
    # the root of an installation with the APIs at their standard paths (Open Zaak: /zaken/api/v1, ...); an API's
    # own URL overrides it. zgw_typen_file maps each power code to its Catalogi types (docs/zgw-typen.example.yaml).
    zgw_url: str = ""
    zgw_zaken_url: str = ""
    zgw_besluiten_url: str = ""
    zgw_documenten_url: str = ""
    zgw_client_id: str = ""
    zgw_secret: str = field(default="", repr=False)  # signs the ZGW JWT (HS256); never printed or logged
    zgw_rsin: str = ""  # the municipality's RSIN: bronorganisatie of every object (9 digits, 11-proof)
    zgw_typen_file: Path = ROOT / "instance" / "zgw.yaml"
    zgw_typen: dict[str, Any] = field(default_factory=dict)  # the same mapping as data (tests); wins over the file
    zgw_timeout_seconds: float = 10.0
    # Logs: "json" (one object a line, for the log collector) or "console" (for people). Empty: json in
    # production, console otherwise; gunicorn.conf.py sets BEVOEGD_LOG_FORMAT=json for every served process.
    log_format: str = ""
    log_level: str = "INFO"
    # Single sign-on (OpenID Connect): off while oidc_issuer is empty; then only local accounts log in.
    # oidc_issuer is the provider's issuer URL (its discovery document is at <issuer>/.well-known/openid-configuration);
    # oidc_mapping_file maps the provider's groups to a role and team (docs/oidc-mapping.example.yaml).
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = field(default="", repr=False)  # never printed or logged
    oidc_mapping_file: Path = ROOT / "instance" / "oidc.yaml"
    oidc_mapping: dict[str, Any] = field(default_factory=dict)  # the same mapping as data (tests); wins over the file
    oidc_timeout_seconds: float = 10.0
    # The audit key (outside the database: keys the log chains, signs their anchors) and the anchors' directory.
    audit_key: str = field(default="", repr=False)
    audit_key_file: Path = ROOT / "instance" / "audit.key"
    audit_anchor_dir: Path | None = ROOT / "instance" / "audit-anchors"
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
            trusted_proxies=_proxy_count(env.get("BEVOEGD_TRUSTED_PROXIES", "0")),
            **_mail_settings(env),
            **_job_settings(env),
            **_zgw_settings(env),
            **_log_settings(env),
            **_oidc_settings(env),
            **_audit_settings(env),
        )
        names = {f.name for f in fields(cls)}
        cfg = replace(cfg, **{k: v for k, v in (overrides or {}).items() if k in names})
        if not cfg.secret_key:
            cfg = replace(cfg, secret_key=_development_secret(cfg))
        if cfg.testing and "audit_anchor_dir" not in (overrides or {}) and "BEVOEGD_AUDIT_ANCHOR_DIR" not in env:
            cfg = replace(cfg, audit_anchor_dir=None)  # a test's fresh database must not meet the dev anchors
        if not cfg.audit_key:  # app/audit_key.py: generated once outside production, required in production
            cfg = replace(cfg, audit_key=read_or_create(cfg.audit_key_file, cfg.env))
        if not cfg.jobs:
            cfg = replace(cfg, jobs="memory" if cfg.testing else "huey-sqlite")
        if cfg.env == "production":
            cfg = replace(cfg, session_cookie_secure=True, session_cookie_name="__Host-session")
        cfg = _zgw_urls(cfg)
        cfg = _log_defaults(cfg)
        _check(cfg)
        _check_zgw(cfg)
        _check_oidc(cfg)
        _warn_malloc(env)
        return cfg


def _proxy_count(value: str) -> int:
    """BEVOEGD_TRUSTED_PROXIES: a whole number >= 0; a typo must not silently trust a forged address."""
    if not value.strip().isdigit():
        raise RuntimeError(f"BEVOEGD_TRUSTED_PROXIES moet een geheel getal van 0 of meer zijn, niet {value!r}.")
    return int(value)


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


def _job_settings(env: os._Environ[str] | dict[str, str]) -> dict[str, Any]:
    """BEVOEGD_JOBS, BEVOEGD_JOBS_FILE, BEVOEGD_REDIS_URL, BEVOEGD_JOB_LEASE_SECONDS and the LibreOffice binary."""
    names = {"jobs": "BEVOEGD_JOBS", "redis_url": "BEVOEGD_REDIS_URL", "soffice": "BEVOEGD_SOFFICE"}
    found: dict[str, Any] = {k: env[v] for k, v in names.items() if v in env}
    if "BEVOEGD_JOBS_FILE" in env:
        found["jobs_file"] = Path(env["BEVOEGD_JOBS_FILE"])
    if "BEVOEGD_JOB_LEASE_SECONDS" in env:
        found["job_lease_seconds"] = int(env["BEVOEGD_JOB_LEASE_SECONDS"])
    return found


def _zgw_settings(env: os._Environ[str] | dict[str, str]) -> dict[str, Any]:
    """BEVOEGD_ZGW_*: the API URLs, the client id and secret, the RSIN, the types file and the timeout."""
    names = {"zgw_url": "BEVOEGD_ZGW_URL", "zgw_zaken_url": "BEVOEGD_ZGW_ZAKEN_URL",
             "zgw_besluiten_url": "BEVOEGD_ZGW_BESLUITEN_URL", "zgw_documenten_url": "BEVOEGD_ZGW_DOCUMENTEN_URL",
             "zgw_client_id": "BEVOEGD_ZGW_CLIENT_ID", "zgw_secret": "BEVOEGD_ZGW_SECRET",
             "zgw_rsin": "BEVOEGD_ZGW_RSIN"}
    found: dict[str, Any] = {k: env[v] for k, v in names.items() if v in env}
    if "BEVOEGD_ZGW_TYPEN" in env:
        found["zgw_typen_file"] = Path(env["BEVOEGD_ZGW_TYPEN"])
    if "BEVOEGD_ZGW_TIMEOUT_SECONDS" in env:
        found["zgw_timeout_seconds"] = float(env["BEVOEGD_ZGW_TIMEOUT_SECONDS"])
    return found


def _oidc_settings(env: os._Environ[str] | dict[str, str]) -> dict[str, Any]:
    """BEVOEGD_OIDC_*: the issuer, the client id and secret, the mapping file and the timeout."""
    names = {"oidc_issuer": "BEVOEGD_OIDC_ISSUER", "oidc_client_id": "BEVOEGD_OIDC_CLIENT_ID",
             "oidc_client_secret": "BEVOEGD_OIDC_CLIENT_SECRET"}
    found: dict[str, Any] = {k: env[v].strip() for k, v in names.items() if v in env}
    if "BEVOEGD_OIDC_MAPPING" in env:
        found["oidc_mapping_file"] = Path(env["BEVOEGD_OIDC_MAPPING"])
    if "BEVOEGD_OIDC_TIMEOUT_SECONDS" in env:
        found["oidc_timeout_seconds"] = float(env["BEVOEGD_OIDC_TIMEOUT_SECONDS"])
    return found


def _check_oidc(cfg: Config) -> None:
    """Once an issuer is set, the client and the role mapping must be too: a half-configured single sign-on
    would send every user to the provider and refuse them on return."""
    if not cfg.oidc_issuer:
        return
    if not cfg.oidc_client_id or not cfg.oidc_client_secret:
        raise RuntimeError("BEVOEGD_OIDC_CLIENT_ID en BEVOEGD_OIDC_CLIENT_SECRET zijn verplicht voor inloggen "
                           "via de identiteitsprovider (BEVOEGD_OIDC_ISSUER is ingesteld).")
    if not cfg.oidc_mapping and not cfg.oidc_mapping_file.is_file():
        raise RuntimeError(f"BEVOEGD_OIDC_MAPPING: het bestand {cfg.oidc_mapping_file} met de rollen per groep "
                           "bestaat niet.")
    if cfg.env == "production" and not cfg.oidc_issuer.startswith("https://"):
        raise RuntimeError("BEVOEGD_OIDC_ISSUER moet in productie een https-adres zijn.")


def _log_settings(env: os._Environ[str] | dict[str, str]) -> dict[str, Any]:
    """BEVOEGD_LOG_FORMAT (json or console) and BEVOEGD_LOG_LEVEL (DEBUG, INFO, WARNING, ERROR)."""
    names = {"log_format": "BEVOEGD_LOG_FORMAT", "log_level": "BEVOEGD_LOG_LEVEL"}
    return {k: env[v].strip().lower() for k, v in names.items() if v in env}


def _audit_settings(env: os._Environ[str] | dict[str, str]) -> dict[str, Any]:
    """BEVOEGD_AUDIT_KEY (the key itself), BEVOEGD_AUDIT_KEY_FILE (a file holding it), BEVOEGD_AUDIT_ANCHOR_DIR."""
    names = {"audit_key_file": "BEVOEGD_AUDIT_KEY_FILE", "audit_anchor_dir": "BEVOEGD_AUDIT_ANCHOR_DIR"}
    found: dict[str, Any] = {k: Path(env[v]) for k, v in names.items() if env.get(v)}
    return {**found, "audit_key": env["BEVOEGD_AUDIT_KEY"].strip()} if env.get("BEVOEGD_AUDIT_KEY") else found


def _log_defaults(cfg: Config) -> Config:
    """JSON for a log collector in production, readable lines for a person at `flask run`; refuse typos."""
    log_format = cfg.log_format or ("json" if cfg.env == "production" else "console")
    if log_format not in LOG_FORMATS:
        raise RuntimeError(f"BEVOEGD_LOG_FORMAT moet json of console zijn, niet {cfg.log_format!r}.")
    log_level = cfg.log_level.upper()
    if log_level not in LOG_LEVELS:
        raise RuntimeError(f"BEVOEGD_LOG_LEVEL moet een van {', '.join(LOG_LEVELS)} zijn, niet {cfg.log_level!r}.")
    return replace(cfg, log_format=log_format, log_level=log_level)


def _zgw_urls(cfg: Config) -> Config:
    """Each API at its standard path under zgw_url, unless its own URL is given."""
    if not cfg.zgw_url:
        return cfg
    root = cfg.zgw_url.rstrip("/")
    return replace(cfg, **{f"zgw_{api}_url": getattr(cfg, f"zgw_{api}_url") or f"{root}/{api}/api/v1"
                           for api in ("zaken", "besluiten", "documenten")})


def _check_zgw(cfg: Config) -> None:
    """Once a ZGW API is configured, the rest must be too: a publication must not fail on every attempt."""
    from app.domain.zgw import rsin_valid

    urls = (cfg.zgw_zaken_url, cfg.zgw_besluiten_url, cfg.zgw_documenten_url)
    if not any(urls):
        return
    if not all(urls):
        raise RuntimeError("Stel de Zaken-, Besluiten- en Documenten-API alle drie in (BEVOEGD_ZGW_URL of "
                           "BEVOEGD_ZGW_ZAKEN_URL, BEVOEGD_ZGW_BESLUITEN_URL en BEVOEGD_ZGW_DOCUMENTEN_URL).")
    if not cfg.zgw_client_id or not cfg.zgw_secret:
        raise RuntimeError("BEVOEGD_ZGW_CLIENT_ID en BEVOEGD_ZGW_SECRET zijn verplicht voor het zaaksysteem.")
    if not rsin_valid(cfg.zgw_rsin):
        raise RuntimeError("BEVOEGD_ZGW_RSIN moet een geldig RSIN zijn: negen cijfers die de elfproef doorstaan.")


def _development_secret(cfg: Config) -> str:
    if cfg.env == "production":
        raise RuntimeError("BEVOEGD_SECRET_KEY is verplicht in productie.")
    return secrets.token_hex(32)


def _check(cfg: Config) -> None:
    if cfg.env != "production":
        return
    if len(cfg.secret_key) < 32:
        raise RuntimeError("BEVOEGD_SECRET_KEY moet in productie minstens 32 tekens zijn.")
    if len(cfg.audit_key) < 32:
        raise RuntimeError("De auditsleutel (BEVOEGD_AUDIT_KEY) moet in productie minstens 32 tekens zijn.")
    if not cfg.csrf_enabled or cfg.testing:
        raise RuntimeError("CSRF en testinstellingen zijn in productie niet toegestaan.")
    if cfg.jobs not in ("huey-sqlite", "huey-redis"):
        raise RuntimeError("BEVOEGD_JOBS moet in productie huey-sqlite of huey-redis zijn.")


def _warn_malloc(env: os._Environ[str] | dict[str, str]) -> None:
    # glibc reads these at process start; without them the engine pays ~3x in page faults (rules-engine.md §4).
    if "MALLOC_TOP_PAD_" not in env or "MALLOC_TRIM_THRESHOLD_" not in env:
        logging.getLogger(__name__).warning(
            "MALLOC_TOP_PAD_/MALLOC_TRIM_THRESHOLD_ not set: the rules engine will run slower."
        )


def database_url_for_tests() -> str | None:
    """TEST_DATABASE_URL selects the PostgreSQL lane of the test suite."""
    return os.environ.get("TEST_DATABASE_URL")
