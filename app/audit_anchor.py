"""Anchors: the signed heads of both log chains, kept outside the database, as transparency logs publish theirs.

The keyed chain stops anyone without the key from re-hashing an edited row and its successors, but not from
cutting off the newest rows and moving the head back, and it does not key the rows sealed before the key. An
anchor fixes a chain's state outside the database: one JSON line {chain, chain_pos, hash, keyed_from, time,
key_id, sig} appended to `anchors.jsonl` in the anchor directory (BEVOEGD_AUDIT_ANCHOR_DIR), signed with HMAC
under a key derived from the audit key. Verification compares the database with each chain's latest anchor: a
chain shorter than the anchored position was truncated; another hash at that position means rewritten history;
another `keyed_from` means keyed rows are being passed off as plain ones. A line whose signature fails (forged,
or signed with another key) is reported. `anchor` checks the rows since the previous anchor before it appends,
so it never certifies a chain that broke in between.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit_key
from app.audit_chain import GENESIS, MODELS, Key, canonical, keyed_from_of, walk
from app.models.types import utcnow

FILE_NAME = "anchors.jsonl"
FIELDS = {"chain": str, "chain_pos": int, "hash": str, "keyed_from": int, "time": str, "key_id": str}


@dataclass(frozen=True)
class Anchor:
    """A chain's signed head: its last sealed position and that row's hash, at a moment."""

    chain: str
    chain_pos: int
    hash: str
    keyed_from: int
    time: str
    key_id: str


@dataclass(frozen=True)
class AnchorCheck:
    """One chain against its latest anchor (None: not anchored yet); `problem` in Dutch, None when it holds.
    From `anchor`: `written` says whether a new anchor was appended."""

    anchor: Anchor | None
    problem: str | None = None
    written: bool = False


@dataclass(frozen=True)
class AnchorReport:
    """Both chains against the anchor file, and the lines of that file whose signature fails."""

    directory: Path | None
    checks: dict[str, AnchorCheck]
    forged: tuple[int, ...] = ()

    @property
    def broken(self) -> bool:
        return bool(self.forged) or any(c.problem for c in self.checks.values())


def _signature(anchor: Anchor, key: Key) -> str:
    return hmac.new(audit_key.anchor_key(key), canonical(asdict(anchor)).encode(), hashlib.sha256).hexdigest()


def _parse(line: str, key: Key) -> Anchor | None:
    """The anchor on one line, or None when it is not a well-formed line signed with the key."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or set(data) != {*FIELDS, "sig"} or not isinstance(data["sig"], str):
        return None
    if not all(type(data[name]) is kind for name, kind in FIELDS.items()):
        return None
    anchor = Anchor(**{name: data[name] for name in FIELDS})
    return anchor if hmac.compare_digest(data["sig"], _signature(anchor, key)) else None


def read_anchors(directory: Path, key: Key = None) -> tuple[dict[str, Anchor], tuple[int, ...]]:
    """Each chain's latest signed anchor (the highest position; of equals the last line) and the numbers of the
    lines that fail their signature."""
    path = directory / FILE_NAME
    latest: dict[str, Anchor] = {}
    forged: list[int] = []
    if not path.exists():
        return latest, ()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            anchor = _parse(line, key)
            if anchor is None:
                forged.append(number)
            elif anchor.chain in MODELS and anchor.chain_pos >= getattr(latest.get(anchor.chain), "chain_pos", -1):
                latest[anchor.chain] = anchor
    return latest, tuple(forged)


def compare(session: Session, name: str, anchor: Anchor | None) -> str | None:
    """What is wrong with the chain in the database, measured against its anchor; None when it agrees."""
    if anchor is None:
        return None
    model = MODELS[name]
    keyed_from = keyed_from_of(session, name)
    if keyed_from != anchor.keyed_from:
        return (f"de sleutel geldt volgens het anker vanaf positie {anchor.keyed_from}, volgens de database vanaf "
                f"{keyed_from}")
    stored = session.scalar(select(model.hash).where(model.chain_pos == anchor.chain_pos))
    if stored is None:
        length = session.scalar(select(func.max(model.chain_pos))) or 0
        return (f"de keten is ingekort: positie {anchor.chain_pos} is verankerd op {anchor.time}, de database "
                f"heeft er {length}")
    if stored != anchor.hash:
        return (f"de hash op verankerde positie {anchor.chain_pos} verschilt van het anker van {anchor.time}: de "
                "geschiedenis is herschreven")
    return None


def verify_anchors(session: Session, directory: Path | None, key: Key = None) -> AnchorReport:
    """Both chains against their latest anchors (no directory: nothing to compare with)."""
    if directory is None:
        return AnchorReport(None, {})
    latest, forged = read_anchors(directory, key)
    checks = {name: AnchorCheck(latest.get(name), compare(session, name, latest.get(name))) for name in MODELS}
    return AnchorReport(directory, checks, forged)


def anchor(session: Session, directory: Path, key: Key = None) -> AnchorReport:
    """Append a signed head for each chain that grew since its latest anchor, after checking the rows since
    that anchor (keyed hashes, links, digests); a chain that does not hold is reported, not anchored."""
    latest, forged = read_anchors(directory, key)
    checks = {name: _extend(session, directory, name, latest.get(name), key) for name in MODELS}
    session.rollback()  # only read: end the read transaction (SQLite's would hold the write lock)
    return AnchorReport(directory, checks, forged)


def _extend(session: Session, directory: Path, name: str, last: Anchor | None, key: Key) -> AnchorCheck:
    problem = compare(session, name, last)
    if problem:
        return AnchorCheck(last, problem)
    keyed_from = keyed_from_of(session, name)
    start = (last.chain_pos, last.hash) if last else (0, GENESIS)
    broken, position, head = walk(session, name, keyed_from, key, start)
    if broken is not None:
        return AnchorCheck(last, f"regel {broken} klopt niet (na positie {start[0]}); niet verankerd")
    if position == start[0]:
        return AnchorCheck(last)
    new = Anchor(name, position, head, keyed_from, utcnow().isoformat(timespec="seconds"), audit_key.fingerprint(key))
    _append(directory / FILE_NAME, {**asdict(new), "sig": _signature(new, key)})
    return AnchorCheck(new, written=True)


def _append(path: Path, line: dict[str, object]) -> None:
    """One line, appended and forced to disk (O_APPEND: two anchorers never interleave a short line)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        file.write(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n")
        file.flush()
        os.fsync(file.fileno())
