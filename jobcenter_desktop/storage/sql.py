"""Dialect-neutral statements that SQLAlchemy spells per dialect: INSERT ... ON CONFLICT, which SQLite (3.24+)
and PostgreSQL share word for word, so a uniqueness rule lives in the database instead of a check-then-insert."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def _insert(session: Session, entity: Any) -> Any:
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(entity)
    if name == "sqlite":
        return sqlite.insert(entity)
    raise NotImplementedError(f"INSERT ... ON CONFLICT for {name}")


def insert_if_absent(session: Session, entity: Any, values: Mapping[str, Any], conflict: Sequence[str]) -> bool:
    """INSERT the row unless one with the same ``conflict`` columns exists (then nothing happens). True when
    this call inserted it."""
    session.flush()  # pending ORM rows first: the statement below must see them, and they must see it
    stmt = _insert(session, entity).values(**values).on_conflict_do_nothing(
        index_elements=list(conflict))
    return bool(getattr(session.execute(stmt), "rowcount", 0))


def upsert(session: Session, entity: Any, values: Mapping[str, Any], conflict: Sequence[str],
           changes: Mapping[str, Any]) -> None:  # fmt: skip
    """INSERT the row, or apply ``changes`` to the existing one with the same ``conflict`` columns."""
    session.flush()
    stmt = _insert(session, entity).values(**values).on_conflict_do_update(
        index_elements=list(conflict), set_=dict(changes))
    session.execute(stmt)
