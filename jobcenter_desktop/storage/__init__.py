"""Persistence: SQLAlchemy 2 ORM, Alembic migrations, repositories that hand core records upward."""
