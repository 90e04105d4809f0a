"""Bulk runs (pure): reading the member list of a group incident, drawing the kabinet's sample, and the
progress of a run.

The sample (letters.md §5): the first letter always, a random share of the rest (at least a minimum), and
every letter a rule flagged (a safety signal, a guardian, an address abroad, an earlier letter). The draw is
seeded and the seed stored, so the reeks can show afterwards that the sample was random and not chosen.
"""

from __future__ import annotations

import csv
import io
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.domain.errors import InvalidInput

MAX_MEMBERS = 500  # a youth group is about 120; a larger list is almost certainly the wrong file


@dataclass(frozen=True)
class SamplePolicy:
    """How large the kabinet's random sample is: a percentage of the run, but never fewer than `minimum`."""

    minimum: int = 5
    percent: int = 5

    def size(self, total: int) -> int:
        return min(total, max(self.minimum, math.ceil(total * self.percent / 100)))


def draw_sample(ids: Sequence[int], flagged: Iterable[int], policy: SamplePolicy, seed: str) -> list[int]:
    """The ids the kabinet must read, in run order: the first, a seeded random draw and every flagged one."""
    if not ids:
        return []
    chosen = {ids[0], *(i for i in flagged if i in set(ids))}
    rest = [i for i in ids if i not in chosen]
    extra = max(policy.size(len(ids)) - 1, 0)
    chosen.update(random.Random(seed).sample(rest, min(extra, len(rest))))  # noqa: S311 - a review sample, not a secret
    return [i for i in ids if i in chosen]


def percent_done(total: int, done: int) -> int:
    """Whole percent, 100 only when everything is done."""
    if total <= 0:
        return 100
    return min(100, done * 100 // total) if done < total else 100


def read_members(data: bytes, columns: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a member list (CSV with a header row, comma or semicolon as Excel writes it in Dutch).

    Raises InvalidInput with a Dutch message for a file that is not such a list.
    """
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error as exc:
        raise InvalidInput({"bestand": "Dit is geen lijst met kolommen (CSV)."}) from exc
    lines = list(csv.reader(io.StringIO(text), dialect=dialect))
    header = [h.strip().lower() for h in lines[0]] if lines else []
    missing = [c for c in columns if c not in header]
    if missing:
        raise InvalidInput({"bestand": "De lijst mist de kolom(men): " + ", ".join(missing) + "."})
    rows = [{name: value.strip() for name, value in zip(header, line, strict=False) if name} for line in lines[1:]]
    rows = [r for r in rows if any(r.values())]
    if not rows:
        raise InvalidInput({"bestand": "De lijst bevat geen rijen."})
    if len(rows) > MAX_MEMBERS:
        raise InvalidInput({"bestand": f"De lijst heeft meer dan {MAX_MEMBERS} rijen; splits haar op."})
    return rows


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):  # Excel saves Dutch CSV as UTF-8 with BOM or as Windows-1252
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput({"bestand": "Het bestand is geen tekst (CSV)."})


def template_csv(columns: Sequence[str], rows: Iterable[Mapping[str, str]] = ()) -> str:
    """A member list with the expected header row (empty, to download and fill in; or with rows)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(columns)
    writer.writerows([row.get(c, "") for c in columns] for row in rows)
    return out.getvalue()
