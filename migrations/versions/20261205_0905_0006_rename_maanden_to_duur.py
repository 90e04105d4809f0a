"""rename maatregel.maanden to duur with its unit: the duration of any power's measure, not only months

Data only, idempotent: a beslissing that already has `duur` is left alone.

Revision ID: 0006
Revises: 0005
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TABLE = sa.table("beslissingen", sa.column("id", sa.Integer), sa.column("maatregel", sa.JSON))


def upgrade() -> None:
    _rewrite(_to_duur)


def downgrade() -> None:
    _rewrite(_to_maanden)


def _rewrite(change) -> None:  # noqa: ANN001
    bind = op.get_bind()
    for row_id, maatregel in bind.execute(sa.select(_TABLE.c.id, _TABLE.c.maatregel)).all():
        data = json.loads(maatregel) if isinstance(maatregel, str) else dict(maatregel or {})
        new = change(data)
        if new != data:
            bind.execute(_TABLE.update().where(_TABLE.c.id == row_id).values(maatregel=new))


def _to_duur(data: dict) -> dict:
    if "maanden" not in data:
        return data
    rest = {k: v for k, v in data.items() if k != "maanden"}
    voorstel = dict(rest.get("voorstel") or {})
    if "maanden" in voorstel:
        voorstel["duur"] = voorstel.pop("maanden")
    return {**rest, "duur": data["maanden"], "eenheid": "months" if data["maanden"] else None, "voorstel": voorstel}


def _to_maanden(data: dict) -> dict:
    if "duur" not in data:
        return data
    rest = {k: v for k, v in data.items() if k not in ("duur", "eenheid")}
    voorstel = dict(rest.get("voorstel") or {})
    if "duur" in voorstel:
        voorstel["maanden"] = voorstel.pop("duur")
    return {**rest, "maanden": data["duur"], "voorstel": voorstel}
