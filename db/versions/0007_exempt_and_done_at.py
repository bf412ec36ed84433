"""exempt milestones (fritaget, with a reason), the clock time a milestone was done, and the figures' index

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

The team lead's timeliness figures (rettidighed) count milestones by due day whatever their state: on time,
late, overdue, exempt, not yet due. An hours deadline is met or missed to the minute, so a completion keeps its
clock time. An exemption must say why (a CHECK, not a Python test), and the figures read one index, not rows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KPI_COLUMNS = ["due_on", "state", "done_late", "due_at", "rule_id", "case_id", "id"]


def upgrade() -> None:
    with op.batch_alter_table("milestone") as batch:
        batch.add_column(sa.Column("done_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("exempt_reason", sa.Text(), nullable=False, server_default=""))
        batch.create_check_constraint("ck_milestone_exempt_reason", "state <> 'exempt' OR exempt_reason <> ''")
    op.create_index("ix_milestone_kpi", "milestone", KPI_COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_milestone_kpi", table_name="milestone")
    with op.batch_alter_table("milestone") as batch:
        batch.drop_constraint("ck_milestone_exempt_reason", type_="check")
        batch.drop_column("exempt_reason")
        batch.drop_column("done_at")
