"""covering index for calendar month counts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

The calendar counts milestones per due day and per what their urgency depends on. With every such column in
one index SQLite answers a month from the index alone instead of reading ~36,000 table rows (each carrying
its explanation text) at 100k cases. It replaces the (state, due_on) index, which it extends.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["state", "due_on", "due_at", "rule_id", "provisional", "warn_on", "done_on", "case_id", "id"]


def upgrade() -> None:
    op.create_index("ix_milestone_calendar", "milestone", COLUMNS)
    op.drop_index("ix_milestone_state_due", table_name="milestone")


def downgrade() -> None:
    op.create_index("ix_milestone_state_due", "milestone", ["state", "due_on"])
    op.drop_index("ix_milestone_calendar", table_name="milestone")
