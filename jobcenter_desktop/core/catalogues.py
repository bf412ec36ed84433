"""Rule catalogues over time: which catalogue a new case is registered under on a given day, which target groups
are still open to new cases then, and why a group is missing.

A case keeps the catalogue it was registered under (``CaseRow.catalogue_id``); moving open cases to a newer one
is an explicit, previewed action (services/catalogue_move.py), never a side effect of adding a catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import TypeVar

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.rules import Catalogue, CatalogueError, CatalogueProblem, Group, MilestoneRule

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Catalogues:
    """Every catalogue the database knows, oldest ``valid_from`` first; ids are unique."""

    items: tuple[Catalogue, ...]

    @staticmethod
    def of(catalogues: Iterable[Catalogue]) -> Catalogues:
        """Validated: one id once, and no two catalogues in force on the same day."""
        items = tuple(sorted(catalogues, key=lambda c: (c.valid_from, c.id)))
        if not items:
            raise CatalogueError([CatalogueProblem("<kataloger>", "kataloger", "", "der er intet regelkatalog")])
        problems: list[CatalogueProblem] = []
        seen: dict[str, Catalogue] = {}
        for cat in items:
            if cat.id in seen:
                problems.append(CatalogueProblem(cat.path, "catalogue", "id", f"id {cat.id!r} findes allerede i "
                                                 f"{seen[cat.id].path}"))  # fmt: skip
            seen[cat.id] = cat
        for older, newer in pairwise(items):
            if older.valid_from == newer.valid_from:
                problems.append(CatalogueProblem(newer.path, "catalogue", "valid_from", f"{older.id} gælder også fra "
                                                 f"{format_date(newer.valid_from)}; to kataloger kan ikke begynde "
                                                 "samme dag"))  # fmt: skip
            elif older.valid_to is not None and older.valid_to >= newer.valid_from:
                problems.append(CatalogueProblem(older.path, "catalogue", "valid_to", f"{older.id} gælder til "
                                                 f"{format_date(older.valid_to)}, men {newer.id} gælder allerede fra "
                                                 f"{format_date(newer.valid_from)}"))  # fmt: skip
        if problems:
            raise CatalogueError(problems)
        return Catalogues(items)

    def __iter__(self) -> Iterator[Catalogue]:
        return iter(self.items)

    def get(self, catalogue_id: str) -> Catalogue | None:
        return next((c for c in self.items if c.id == catalogue_id), None)

    def end_of(self, cat: Catalogue) -> date | None:
        """The last day new cases are registered under ``cat``: its valid_to, else the day before the next one."""
        if cat.valid_to is not None:
            return cat.valid_to
        later = [c.valid_from for c in self.items if c.valid_from > cat.valid_from]
        return min(later) - timedelta(days=1) if later else None

    def in_force(self, day: date) -> Catalogue | None:
        """The catalogue a case starting on ``day`` is registered under (None: a gap, or before the first)."""
        for cat in reversed(self.items):
            if cat.valid_from <= day:
                end = self.end_of(cat)
                return cat if end is None or day <= end else None
        return None

    def newest(self) -> Catalogue:
        return self.items[-1]

    def open_groups(self, day: date) -> tuple[Group, ...]:
        cat = self.in_force(day)
        return tuple(g for g in cat.groups.values() if g.open_on(day)) if cat else ()

    def why_not(self, group_id: str, day: date) -> str | None:
        """Why a new case of this group cannot start on ``day`` (Danish), or None when it can."""
        cat = self.in_force(day)
        if cat is None:
            first = self.items[0]
            if day < first.valid_from:
                return f"Intet regelkatalog gælder før {format_date(first.valid_from)}."
            return f"Intet regelkatalog gælder den {format_date(day)}."
        group = cat.groups.get(group_id)
        if group is None:
            return f"Målgruppen findes ikke i {cat.title} (gælder fra {format_date(cat.valid_from)})."
        if not group.open_on(day):
            assert group.closed_from is not None
            return (f"{group.name} er lukket for nye sager fra {format_date(group.closed_from)}; "
                    "åbne sager kører videre.")  # fmt: skip
        return None

    def rule(self, rule_id: str, catalogue_id: str = "") -> MilestoneRule | None:
        """A milestone rule from the case's catalogue, else from the newest catalogue that has it."""
        return self._find(lambda cat: cat.milestones, rule_id, catalogue_id)

    def group(self, group_id: str, catalogue_id: str = "") -> Group | None:
        return self._find(lambda cat: cat.groups, group_id, catalogue_id)

    def _find(self, table: Callable[[Catalogue], Mapping[str, T]], key: str, catalogue_id: str) -> T | None:
        own = self.get(catalogue_id) if catalogue_id else None
        for cat in ([own] if own is not None else []) + list(reversed(self.items)):
            if key in table(cat):
                return table(cat)[key]
        return None

    def describe(self) -> list[str]:
        """One Danish line per catalogue: which applies from which day."""
        lines = []
        for cat in self.items:
            end = self.end_of(cat)
            until = f" til og med {format_date(end)}" if end else ""
            closed = [f"{g.name} lukket fra {format_date(g.closed_from)}" for g in cat.groups.values()
                      if g.closed_from is not None]  # fmt: skip
            extra = f" ({'; '.join(closed)})" if closed else ""
            lines.append(f"{cat.title} ({cat.id} v{cat.version}): nye sager fra {format_date(cat.valid_from)}"
                         f"{until}{extra}")  # fmt: skip
        return lines
