"""an expected end date on a pause (optional), for the reminder when it has passed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

A caseworker pausing a case for "Sygdom" often knows roughly when it should end (a doctor's note "til og med
fredag"). The date does not move any deadline - only the real resume does - but once it has passed without a
resume, the day's digest and the worklist say so.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pause") as batch:
        batch.add_column(sa.Column("expected_end_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pause") as batch:
        batch.drop_column("expected_end_on")
