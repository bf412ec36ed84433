"""ORM models. Portable SQL only (SQLite now, PostgreSQL for a team server later): UUID keys, timestamps,
and a row version used by SQLAlchemy for optimistic locking (a stale update raises StaleDataError)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
    event,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

# Stable constraint names so Alembic migrations (and batch mode on SQLite) can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


#: One open case per party and group: the name storage maps a violation by.
OPEN_CASE_INDEX = "uq_cases_open_party"


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as UTC and always read back timezone-aware (SQLite keeps no zone; PostgreSQL does)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive timestamp: pass an aware datetime (UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    """UUID key, created/updated timestamps and a row version for optimistic locking."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Team(Tracked, Base):
    __tablename__ = "team"
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Caseworker(Tracked, Base):
    __tablename__ = "caseworker"
    username: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("team.id"))
    team: Mapped[Team | None] = relationship()


class Membership(Base):
    """Which teams a login of the team database belongs to (row-level security reads it). Unused in a file."""

    __tablename__ = "membership"
    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("team.id"), primary_key=True)


class PartyRow(Tracked, Base):
    __tablename__ = "party"
    kind: Mapped[str] = mapped_column(String(16))  # citizen | company
    name: Mapped[str] = mapped_column(String(200))
    identifier: Mapped[str] = mapped_column(String(16), index=True)  # CPR DDMMYY-NNNN or CVR
    # casefold()ed name + identifier digits: SQL lower() is ASCII-only on SQLite, and Danish names have æøå.
    search_key: Mapped[str] = mapped_column(String(240), default="")


class CaseRow(Tracked, Base):
    __tablename__ = "cases"
    number: Mapped[str] = mapped_column(String(32), unique=True)
    group: Mapped[str] = mapped_column("group_id", String(64), index=True)
    catalogue_id: Mapped[str] = mapped_column(String(100))
    party_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party.id"))
    caseworker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("caseworker.id"), index=True)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("team.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The party's CPR/CVR, copied here so the database itself can refuse a second open case for the same
    # party in the same group (the partial unique index below; SQLite and PostgreSQL both have them).
    party_key: Mapped[str] = mapped_column(String(40))

    party: Mapped[PartyRow] = relationship(lazy="joined")
    caseworker: Mapped[Caseworker] = relationship(lazy="joined")
    team: Mapped[Team | None] = relationship(lazy="joined")
    triggers: Mapped[list[TriggerEventRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="TriggerEventRow.occurred_on"
    )
    # Created in catalogue order; ordered so every database hands them back that way (SQLite by rowid did).
    milestones: Mapped[list[MilestoneRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="(MilestoneRow.created_at, MilestoneRow.id)"
    )
    pauses: Mapped[list[PauseRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="PauseRow.start_on"
    )
    # Partial: one open case per party and group. The PostgreSQL half of the WHERE is added when a schema is
    # built there (_partial_on_postgresql): naming ``postgresql_where`` here would import the PostgreSQL dialect
    # (~50 ms) at every start of the desktop app on a file.
    __table_args__ = (
        Index(OPEN_CASE_INDEX, "group_id", "party_key", unique=True, sqlite_where=text("status = 'open'")),
    )


def _partial_on_postgresql(table: Any, connection: Any, **_kw: Any) -> None:
    if connection.dialect.name == "postgresql":
        for index in table.indexes:
            if index.name == OPEN_CASE_INDEX:
                index.dialect_options["postgresql"]["where"] = text("status = 'open'")


event.listen(CaseRow.__table__, "before_create", _partial_on_postgresql)


class TriggerEventRow(Tracked, Base):
    __tablename__ = "trigger_event"
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(64))
    occurred_on: Mapped[date] = mapped_column(Date)
    occurred_at: Mapped[datetime | None] = mapped_column(DateTime)  # local wall-clock time when it matters
    case: Mapped[CaseRow] = relationship(back_populates="triggers")
    __table_args__ = (UniqueConstraint("case_id", "kind"),)


class MilestoneRow(Tracked, Base):
    __tablename__ = "milestone"
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | done | not_applicable | exempt
    due_on: Mapped[date | None] = mapped_column(Date)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    warn_on: Mapped[date | None] = mapped_column(Date)  # soft rules: "due soon" from this day
    done_on: Mapped[date | None] = mapped_column(Date)
    done_late: Mapped[bool] = mapped_column(Boolean, default=False)
    catalogue_version: Mapped[str] = mapped_column(String(100), default="")
    calendar_fingerprint: Mapped[str] = mapped_column(String(32), default="")
    explanation: Mapped[str] = mapped_column(Text, default="")  # the Danish steps, one per line
    done_at: Mapped[datetime | None] = mapped_column(DateTime)  # local time it was done (hours deadlines)
    exempt_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    notice_sent_on: Mapped[date | None] = mapped_column(Date)  # the first underretning (rsl. § 3, stk. 2)
    case: Mapped[CaseRow] = relationship(back_populates="milestones")
    __table_args__ = (
        UniqueConstraint("case_id", "rule_id"),
        # An exemption always says why (migration 0007): the figures' exempt share is answerable line by line.
        CheckConstraint("state <> 'exempt' OR exempt_reason <> ''", name="exempt_reason"),
        # The timeliness figures select by due day whatever the state (migration 0007): from the index alone.
        Index("ix_milestone_kpi", "due_on", "state", "done_late", "due_at", "rule_id", "case_id", "id"),
        # Covers every column a calendar month counts by (migration 0002): the month comes from the index alone.
        Index("ix_milestone_calendar", "state", "due_on", "due_at", "rule_id", "provisional", "warn_on", "done_on",
              "case_id", "id"),
    )


class PauseRow(Tracked, Base):
    __tablename__ = "pause"
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    milestone_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("milestone.id", ondelete="CASCADE"))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    expected_end_on: Mapped[date | None] = mapped_column(Date)  # a reminder only; deadlines move at the resume
    case: Mapped[CaseRow] = relationship(back_populates="pauses")


class ClosureDay(Tracked, Base):
    __tablename__ = "closure_day"
    day: Mapped[date] = mapped_column(Date, unique=True)
    reason: Mapped[str] = mapped_column(String(200))


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Counter(Base):
    """Sequences done portably (no SQLite-only autoincrement tricks): e.g. case numbers per year."""

    __tablename__ = "counter"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class AuditRow(Base):
    """Append-only: rows are inserted, never updated or deleted."""

    __tablename__ = "audit_log"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    action: Mapped[str] = mapped_column(String(32))
    field: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    # Made on a laptop: its name and its clock; ``at`` is when the entry reached this database.
    device: Mapped[str] = mapped_column(String(64), default="", server_default="")
    device_at: Mapped[datetime | None] = mapped_column(UTCDateTime)



class CheckoutRow(Base):
    """A case checked out to a laptop (team database). Several laptops may hold one case; ended when checked in,
    released, or declared lost by a team lead."""

    __tablename__ = "checkout"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    batch_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    login: Mapped[str] = mapped_column(String(64))
    device: Mapped[str] = mapped_column(String(64))
    base_version: Mapped[int] = mapped_column(Integer)
    checked_out_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    end_reason: Mapped[str] = mapped_column(String(32), default="", server_default="")
    __table_args__ = (UniqueConstraint("batch_id", "case_id"),)


class CheckinAppliedRow(Base):
    """One laptop batch applied to one case: a check-in run again skips it (idempotent, resumable)."""

    __tablename__ = "checkin_applied"
    batch_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    login: Mapped[str] = mapped_column(String(64))
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    server_number: Mapped[str] = mapped_column(String(32), default="", server_default="")
    # The laptop's case as this check-in handed it in: the base for a later hand-in of the same batch.
    snapshot: Mapped[str] = mapped_column(Text, default="", server_default="")


class ConflictRow(Base):
    """A field both sides changed differently (or a laptop change that could not be applied), for a person to
    decide; until then the server's value stands."""

    __tablename__ = "conflict"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    batch_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    case_number: Mapped[str] = mapped_column(String(32))
    login: Mapped[str] = mapped_column(String(64))
    device: Mapped[str] = mapped_column(String(64))
    record: Mapped[str] = mapped_column(String(32))
    record_key: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(64))
    base: Mapped[str] = mapped_column(Text)
    server: Mapped[str] = mapped_column(Text)
    laptop: Mapped[str] = mapped_column(Text)
    server_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    server_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    resolution: Mapped[str] = mapped_column(Text, default="", server_default="")
    __table_args__ = (UniqueConstraint("batch_id", "case_id", "record", "record_key", "field"),)


class LaptopBaseRow(Base):
    """In a laptop's file: each checked-out case as it was (JSON), the base of the three-way merge."""

    __tablename__ = "laptop_base"
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[str] = mapped_column(Text)
