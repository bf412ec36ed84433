"""Which cases are registered under which rule catalogue (for moving open cases, and refusing to remove a
catalogue cases still use)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobcenter_desktop.core.models import CaseStatus
from jobcenter_desktop.storage.orm import CaseRow


def open_cases_not_under(s: Session, catalogue_id: str) -> list[uuid.UUID]:
    """Open cases registered under another catalogue than ``catalogue_id``, by case number."""
    q = (select(CaseRow.id).where(CaseRow.status == CaseStatus.OPEN.value, CaseRow.catalogue_id != catalogue_id)
         .order_by(CaseRow.number))  # fmt: skip
    return list(s.scalars(q))


def cases_per_catalogue(s: Session) -> dict[str, int]:
    q = select(CaseRow.catalogue_id, func.count()).group_by(CaseRow.catalogue_id)
    return {cat: int(n) for cat, n in s.execute(q)}
