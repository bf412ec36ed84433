"""Dialect-neutral statements that SQLAlchemy spells per dialect: INSERT ... ON CONFLICT, which SQLite (3.24+)
and PostgreSQL share word for word, so a uniqueness rule lives in the database instead of a check-then-insert."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
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


@contextmanager
def large_page_cache(session: Session, mebibytes: int = 64) -> Iterator[None]:
    """A bigger SQLite page cache for one big read (the figures read a quarter's cases at random: at 100k cases
    the 2 MB default page cache makes them ~1.5× slower), then back to what it was. PostgreSQL keeps its own
    shared buffers: nothing to do there."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = session.connection()
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(mebibytes) * 1024}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")
