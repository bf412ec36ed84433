"""one open case per party and group, enforced by the database

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

Until now the "already an open case" rule was checked in Python before the write transaction, so two adds racing
behind another writer both got in. The party's CPR/CVR is copied onto the case (``party_key``) and a partial
unique index on (group, party_key) over open cases makes the database refuse the second one.

A file may already hold such duplicates (the race happened): the oldest open case keeps the plain key, each
later one gets ``<key>#<case number>`` so the index can be built, and an audit entry names them for review.
Nothing is closed or deleted.
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


AUDIT = sa.table(
    "audit_log", sa.column("id", sa.Uuid()), sa.column("at", sa.DateTime()), sa.column("actor", sa.String()),
    sa.column("entity", sa.String()), sa.column("entity_id", sa.String()), sa.column("case_id", sa.Uuid()),
    sa.column("action", sa.String()), sa.column("field", sa.String()), sa.column("before", sa.Text()),
    sa.column("after", sa.Text()), sa.column("reason", sa.Text()),
)


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("party_key", sa.String(40), nullable=True))
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE cases SET party_key = (SELECT identifier FROM party WHERE party.id = cases.party_id)"))
    rows = conn.execute(sa.text(
        "SELECT id, number, group_id, party_key FROM cases WHERE status = 'open' ORDER BY number")).all()
    seen: dict[tuple[str, str], str] = {}
    for case_id, number, group, key in rows:
        first = seen.setdefault((group, key), number)
        if first == number:
            continue
        conn.execute(sa.text("UPDATE cases SET party_key = :k WHERE id = :id"), {"k": f"{key}#{number}", "id": case_id})
        conn.execute(sa.insert(AUDIT).values(
            id=uuid.uuid4(), at=datetime.now(UTC).replace(tzinfo=None), actor="system", entity="case",
            entity_id=number, case_id=uuid.UUID(str(case_id)), action="duplicate", field="status", before="",
            after="open", reason=f"Endnu en åben sag i målgruppen for samme part som sag {first}; gennemse og luk den ene."))
    with op.batch_alter_table("cases") as batch:
        batch.alter_column("party_key", existing_type=sa.String(40), nullable=False)
        batch.create_index("uq_cases_open_party", ["group_id", "party_key"], unique=True,
                           sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_index("uq_cases_open_party")
        batch.drop_column("party_key")
