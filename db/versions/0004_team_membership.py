"""team membership of the team database's logins

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

On the PostgreSQL team server every person connects as their own login role; which teams' cases a login may
see and change is this table, read by the row-level-security policies (storage.server_admin). A SQLite file has
no logins and leaves it empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "membership",
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_membership_team_id_team")),
        sa.PrimaryKeyConstraint("login", "team_id", name=op.f("pk_membership")),
    )


def downgrade() -> None:
    op.drop_table("membership")
