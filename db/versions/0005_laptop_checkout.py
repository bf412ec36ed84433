"""laptop check-out and check-in: check-outs, applied batches, conflicts, audit device columns

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

The team database records which cases are checked out to which laptop (``checkout``), which laptop batches it
has applied per case (``checkin_applied``: a check-in that is run again skips what it did), and the conflicts a
check-in found for a person to decide (``conflict``). A laptop's own file keeps what it checked out
(``laptop_base``: each case as it was, the base of the three-way merge). Audit entries made on a laptop keep the
laptop's name and clock (``device``, ``device_at``); ``at`` stays the server's time of arrival.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "checkout",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("checked_out_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("ended_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("end_reason", sa.String(32), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_checkout_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkout")),
        sa.UniqueConstraint("batch_id", "case_id", name=op.f("uq_checkout_batch_id")),
    )
    op.create_index(op.f("ix_checkout_case_id"), "checkout", ["case_id"])
    op.create_table(
        "checkin_applied",
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.Column("server_number", sa.String(32), nullable=False, server_default=""),
        sa.Column("snapshot", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("batch_id", "case_id", name=op.f("pk_checkin_applied")),
    )
    op.create_table(
        "conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("case_number", sa.String(32), nullable=False),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("record", sa.String(32), nullable=False),
        sa.Column("record_key", sa.String(64), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("base", sa.Text(), nullable=False),
        sa.Column("server", sa.Text(), nullable=False),
        sa.Column("laptop", sa.Text(), nullable=False),
        sa.Column("server_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("server_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("resolution", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict")),
        sa.UniqueConstraint("batch_id", "case_id", "record", "record_key", "field", name=op.f("uq_conflict_batch_id")),
    )
    op.create_index(op.f("ix_conflict_case_id"), "conflict", ["case_id"])
    op.create_table(
        "laptop_base",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_laptop_base")),
    )
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("device", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("device_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("device_at")
        batch.drop_column("device")
    op.drop_table("laptop_base")
    op.drop_index(op.f("ix_conflict_case_id"), table_name="conflict")
    op.drop_table("conflict")
    op.drop_table("checkin_applied")
    op.drop_index(op.f("ix_checkout_case_id"), table_name="checkout")
    op.drop_table("checkout")
