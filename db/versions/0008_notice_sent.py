"""underretning (retssikkerhedsloven § 3, stk. 2): the day the first notice about a decision was sent

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

A decision that cannot be made within the published deadline needs a written notice to the applicant saying when
a decision can be expected. The first notice's day decides whether the law was kept (sent on or before the
deadline); the promised day is a trigger of the derived "Forventet afgørelse" milestone, so it needs no column.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("milestone") as batch:
        batch.add_column(sa.Column("notice_sent_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("milestone") as batch:
        batch.drop_column("notice_sent_on")
