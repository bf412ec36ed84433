"""What changed in the database since a view last looked: the cases touched, whether the calendar (closure days,
calendar settings, catalogue) changed, or "everything" when that cannot be known (another program wrote to a
file). Views reload what a change touches instead of everything after every action."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID


@dataclass(frozen=True)
class Changes:
    cases: frozenset[UUID] = field(default_factory=frozenset)
    calendar: bool = False
    everything: bool = False

    def __bool__(self) -> bool:
        return self.everything or self.calendar or bool(self.cases)

    def merge(self, other: Changes) -> Changes:
        return Changes(self.cases | other.cases, self.calendar or other.calendar, self.everything or other.everything)

NOTHING = Changes()
EVERYTHING = Changes(everything=True)
