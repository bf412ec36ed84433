"""Dialect-neutral statements that SQLAlchemy spells per dialect: INSERT ... ON CONFLICT, which SQLite (3.24+)
and PostgreSQL share word for word, so a uniqueness rule lives in the database instead of a check-then-insert."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Integer, String, type_coerce
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement


def _insert(session: Session, entity: Any) -> Any:
    # The dialect packages are imported here, not at start-up: PostgreSQL's pulls in every driver's module
    # (asyncpg, pg8000, …: ~60 ms of a window's start on a file).
    name = session.get_bind().dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(entity)
    if name == "sqlite":
        from sqlalchemy.dialects import sqlite

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


# ---------------------------------------------------------------- plain values for bulk reads
# A bulk read (a recompute of every open case) turns ~600,000 values into Python objects: SQLAlchemy's date and
# UUID processors cost more than the query. These constructs let the database hand back plain integers and
# ids as the driver gives them; each dialect spells them its own way, the call sites stay dialect-neutral.


class day_number(FunctionElement[int]):
    """A date's (or a timestamp's day's) proleptic Gregorian ordinal, as ``date.toordinal()``; NULL stays NULL."""

    type = Integer()
    inherit_cache = True


@compiles(day_number, "sqlite")
def _day_number_sqlite(element: day_number, compiler: Any, **kw: Any) -> str:
    # julianday('0001-01-01') is 1721425.5; date() drops a timestamp's time of day.
    return f"CAST(julianday(date({compiler.process(element.clauses, **kw)})) - 1721424.5 AS INTEGER)"


@compiles(day_number, "postgresql")
def _day_number_pg(element: day_number, compiler: Any, **kw: Any) -> str:
    return f"(CAST({compiler.process(element.clauses, **kw)} AS DATE) - DATE '0001-01-01' + 1)"


class minute_of_day(FunctionElement[int]):
    """A timestamp's minutes since midnight (its wall-clock time); NULL stays NULL."""

    type = Integer()
    inherit_cache = True


@compiles(minute_of_day, "sqlite")
def _minute_sqlite(element: minute_of_day, compiler: Any, **kw: Any) -> str:
    x = compiler.process(element.clauses, **kw)
    return f"(CAST(strftime('%H', {x}) AS INTEGER) * 60 + CAST(strftime('%M', {x}) AS INTEGER))"


@compiles(minute_of_day, "postgresql")
def _minute_pg(element: minute_of_day, compiler: Any, **kw: Any) -> str:
    x = compiler.process(element.clauses, **kw)
    return f"CAST(EXTRACT(HOUR FROM {x}) * 60 + EXTRACT(MINUTE FROM {x}) AS INTEGER)"


def raw_id(column: Any) -> Any:
    """A UUID column without SQLAlchemy's conversion: a hex string on SQLite, the driver's UUID on PostgreSQL —
    an opaque key, turned into a :class:`uuid.UUID` (:func:`as_uuid`) only for the rows that need one."""
    return type_coerce(column, String())  # String has no result processor on either driver



def plain_rows(session: Session, stmt: Any) -> list[tuple[Any, ...]]:
    """The rows of a read-only SELECT as the driver's plain tuples: no Row objects, no result processors (0.6 s of
    a 100k-case read). The columns must need no conversion or be converted by the caller (day_number, raw_id,
    text, integers; SQLite's dates come as ISO text). The values are rendered into the SQL by their types'
    literal processors (a UUID as SQLite's hex, a date as ISO text), so they match what the ORM stores.

    Run through SQLAlchemy's connection (its error wrapping turns a locked file or a lost server into the
    usual Danish messages, and a dead connection leaves the pool); with no parameters psycopg still reads the
    ``%%`` that a literal ``%`` is rendered as on its dialect."""
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True, "render_postcompile": True})
    result = conn.exec_driver_sql(str(compiled))
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()
