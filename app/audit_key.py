"""The audit key: the secret outside the database that keys the log chains and signs their anchors (issue 13).

Someone who can write to the database can rewrite a plain hash chain from the edited row onwards; with the
chain keyed (HMAC-SHA256) he cannot, as long as the key is not in the database. The key is one per process, not
per app or session: log rows are appended from any session (a request's, the CLI's, a job's, a test's own) and
none of them carries the app. create_app installs the configured key; a process without an app (a script, a
child process in a test) reads the same settings through app.config on first use.

Each use gets its own key derived from the master key (chain hashes and content digests, anchor signatures,
the key's public fingerprint), so no value computed for one purpose is valid for another.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

_master: bytes | None = None


def use(key: str) -> None:
    """Install this process's key (create_app does, from its configuration)."""
    global _master  # noqa: PLW0603 - one key per process, see the module docstring
    if not key:
        raise RuntimeError("De auditsleutel is leeg.")
    _master = key.encode()


def master(key: str | bytes | None = None) -> bytes:
    """The given key (tests, a second opinion), else the process's key, read from the settings on first use."""
    if key is not None:
        return key.encode() if isinstance(key, str) else key
    if _master is None:  # a process without an app: the key its settings give (app/config.py)
        from app.config import Config

        use(Config.from_env().audit_key)
    assert _master is not None
    return _master


def derived(purpose: str, key: str | bytes | None = None) -> bytes:
    return hmac.new(master(key), f"bevoegd-audit:{purpose}".encode(), hashlib.sha256).digest()


def chain_key(key: str | bytes | None = None) -> bytes:
    """Keys the chain hashes and the content digests of the log rows."""
    return derived("chain", key)


def anchor_key(key: str | bytes | None = None) -> bytes:
    """Signs the exported chain heads."""
    return derived("anchor", key)


def fingerprint(key: str | bytes | None = None) -> str:
    """A public name for the key, written in each anchor: tells "another key" apart from "forged"."""
    return derived("id", key)[:8].hex()


def read_or_create(path: Path, env: str) -> str:
    """The key in `path`. Outside production a missing file gets a new key, once: unlike the session secret, a
    key that differed between processes would break every chain and anchor. Production requires the key."""
    if not path.exists() and env == "production":
        raise RuntimeError(f"BEVOEGD_AUDIT_KEY of BEVOEGD_AUDIT_KEY_FILE is verplicht in productie ({path} bestaat "
                           "niet).")
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    draft.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
    draft.chmod(0o600)
    try:  # link() refuses when another process created the key first: then that key is the one
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink()
    return path.read_text(encoding="utf-8").strip()
