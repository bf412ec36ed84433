"""Timeliness figures (rettidighed): which milestones were met on time, per period and breakdown.

The definitions (also on the Excel sheet "Om tallene" and in the CLI's help):

* A milestone counts in a period when its due date falls in it (provisional ones by their current due date).
* **on time**: done on or before the due date (hours deadlines: at or before the due instant);
  **late**: done after it; **overdue**: still open and the due date has passed, or the case was closed while
  it was overdue; **exempt**: fritaget with a reason; **not yet due**: open and not passed (a pause that began
  before the due date holds it) - shown, but outside the share.
* Milestones of closed cases that were never due (they lapsed at the closing) are left out.
* **share on time** = on time / (on time + late + overdue); None when nothing counted.
* Soft milestones (expected times, not promises) are counted in their own column only.

The database counts (storage/kpi_store.py, one GROUP BY); this module only adds counts up, so the breakdowns
sum to the totals by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR, format_date
from jobcenter_desktop.core.catalogues import Catalogues

MONTHS_DA = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
             "november", "december")  # fmt: skip
#: The reform's ceiling on exemptions per group (lov nr. 1750: up to 25 % may be exempted).
EXEMPT_CEILING = 0.25


class Bucket(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    EXEMPT = "exempt"
    NOT_YET_DUE = "not_yet_due"
    LEFT_OUT = "left_out"  # lapsed at a closing before it was due: not counted anywhere
    SOFT = "soft"  # a soft milestone (an expected time), whatever its state: its own column only


class Breakdown(StrEnum):
    GROUP = "group"
    MILESTONE = "milestone"
    CASEWORKER = "caseworker"
    TEAM = "team"


BREAKDOWN_DA = {Breakdown.GROUP: "Målgruppe", Breakdown.MILESTONE: "Milepæl", Breakdown.CASEWORKER: "Sagsbehandler",
                Breakdown.TEAM: "Team"}  # fmt: skip


class PeriodError(ValueError):
    """A period that cannot be read; the message is Danish."""


@dataclass(frozen=True, slots=True)
class KpiPeriod:
    start: date
    end: date  # inclusive
    key: str  # "2026-11", "2026-Q3", "2026" or "2026-01-05..2026-02-10"
    label: str  # Danish: "november 2026", "3. kvartal 2026", "2026", "05-01-2026–10-02-2026"

    @staticmethod
    def month(year: int, month: int) -> KpiPeriod:
        _year_ok(year)
        if not 1 <= month <= 12:
            raise PeriodError(f"måned {month} findes ikke (1–12)")
        start = date(year, month, 1)
        end = (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)
        return KpiPeriod(start, end, f"{year}-{month:02d}", f"{MONTHS_DA[month - 1]} {year}")

    @staticmethod
    def quarter(year: int, q: int) -> KpiPeriod:
        _year_ok(year)
        if not 1 <= q <= 4:
            raise PeriodError(f"kvartal {q} findes ikke (1–4)")
        start, end = KpiPeriod.month(year, 3 * q - 2).start, KpiPeriod.month(year, 3 * q).end
        return KpiPeriod(start, end, f"{year}-Q{q}", f"{q}. kvartal {year}")

    @staticmethod
    def year(year: int) -> KpiPeriod:
        _year_ok(year)
        return KpiPeriod(date(year, 1, 1), date(year, 12, 31), str(year), str(year))

    @staticmethod
    def between(start: date, end: date) -> KpiPeriod:
        if end < start:
            raise PeriodError("slutdatoen ligger før startdatoen")
        if (end - start).days > 3 * 366:
            raise PeriodError("perioden må højst være tre år")
        return KpiPeriod(start, end, f"{start.isoformat()}..{end.isoformat()}",
                         f"{format_date(start)}–{format_date(end)}")  # fmt: skip

    @staticmethod
    def parse(text: str) -> KpiPeriod:
        """'2026-11' (month), '2026-Q3' (quarter), '2026' (year)."""
        t = text.strip().upper()
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", t, flags=re.ASCII):
            return KpiPeriod.month(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-?(?:Q|K)(\d)", t, flags=re.ASCII):
            return KpiPeriod.quarter(int(m[1]), int(m[2]))
        if re.fullmatch(r"\d{4}", t, flags=re.ASCII):
            return KpiPeriod.year(int(t))
        raise PeriodError(f"{text[:20]!r} er ikke en periode (brug fx 2026-11, 2026-Q3 eller 2026)")

    @staticmethod
    def of_month(day: date) -> KpiPeriod:
        return KpiPeriod.month(day.year, day.month)

    def months_back(self, n: int) -> list[KpiPeriod]:
        """The n calendar months ending with the one ``end`` falls in, oldest first (a trend)."""
        y, m = self.end.year, self.end.month
        out = []
        for _ in range(n):
            if y >= MIN_YEAR:
                out.append(KpiPeriod.month(y, m))
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        return out[::-1]


def _year_ok(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"året skal ligge mellem {MIN_YEAR} og {MAX_YEAR}")


@dataclass(frozen=True, slots=True)
class KpiCount:
    """One group of the database's count: milestones of one rule, of one caseworker/team, in one bucket."""

    catalogue_id: str
    group: str
    rule_id: str
    caseworker: str
    team: str
    bucket: Bucket
    count: int
    notice: str = ""  # decisions (rsl. § 3, stk. 2): "decided" in time | missed: "in_time" | "none"; "" otherwise


@dataclass(frozen=True, slots=True)
class MissedLine:
    """A late or overdue milestone behind the figures (no party data: the figures are sent on)."""

    case_number: str
    catalogue_id: str
    group: str
    rule_id: str
    caseworker: str
    team: str
    bucket: Bucket
    due: date
    due_at: datetime | None
    done_on: date | None


@dataclass(slots=True)
class KpiRow:
    key: str  # the milestone or group id, the caseworker's login, the team's name; "" for the total
    label: str
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    exempt: int = 0
    not_yet_due: int = 0
    soft: int = 0
    target: float | None = None
    # Decisions on applications (retssikkerhedsloven § 3, stk. 2): made within the deadline; missed with the
    # applicant told in writing in time; missed without that notice (none, or only after the deadline).
    decisions_on_time: int = 0
    notified_in_time: int = 0
    not_notified: int = 0

    @property
    def counted(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def share_on_time(self) -> float | None:
        return self.on_time / self.counted if self.counted else None

    @property
    def exempt_share(self) -> float | None:
        """Exempt of everything that was due (the reform's 25 % ceiling is on this)."""
        total = self.counted + self.exempt
        return self.exempt / total if total else None

    @property
    def below_target(self) -> bool:
        share = self.share_on_time
        return share is not None and self.target is not None and share < self.target

    @property
    def over_exempt_ceiling(self) -> bool:
        share = self.exempt_share
        return share is not None and share > EXEMPT_CEILING

    def add(self, bucket: Bucket, n: int, *, soft: bool, notice: str = "") -> None:
        if bucket is Bucket.LEFT_OUT:
            return
        # Decisions (a soft one too: it is still a decision on an application), as the database judged them.
        if notice == "decided":
            self.decisions_on_time += n
        elif notice == "in_time":
            self.notified_in_time += n
        elif notice == "none":
            self.not_notified += n
        if soft or bucket is Bucket.SOFT:
            self.soft += n
        elif bucket is Bucket.ON_TIME:
            self.on_time += n
        elif bucket is Bucket.LATE:
            self.late += n
        elif bucket is Bucket.OVERDUE:
            self.overdue += n
        elif bucket is Bucket.EXEMPT:
            self.exempt += n
        else:
            self.not_yet_due += n

    def as_json(self) -> dict[str, object]:
        share = self.share_on_time
        return {"key": self.key, "label": self.label, "on_time": self.on_time, "late": self.late,
                "overdue": self.overdue, "exempt": self.exempt, "not_yet_due": self.not_yet_due, "soft": self.soft,
                "share_on_time": round(share, 4) if share is not None else None, "target": self.target,
                "decisions_on_time": self.decisions_on_time, "notified_in_time": self.notified_in_time,
                "not_notified": self.not_notified}  # fmt: skip


@dataclass(frozen=True, slots=True)
class KpiTable:
    period: KpiPeriod
    by: Breakdown
    rows: tuple[KpiRow, ...]
    total: KpiRow
    exempt_by_group: tuple[KpiRow, ...] = field(default=())  # the 25 % ceiling is per group


def figures(counts: Iterable[KpiCount], by: Breakdown, catalogues: Catalogues, main_id: str,
            names: Mapping[str, str] | None = None, period: KpiPeriod | None = None) -> KpiTable:  # fmt: skip
    """Add the database's counts up into one row per key of ``by`` (sorted by label) and a total.

    ``names``: caseworkers' full names by login (their label). Targets: a group's or milestone's own from its
    catalogue, else that catalogue's; the caseworker and team rows are measured against the main catalogue's."""
    names = names or {}
    main = catalogues.get(main_id) or catalogues.newest()
    rows: dict[str, KpiRow] = {}
    groups: dict[str, KpiRow] = {}
    # A milestone name used by several groups ("Henvisning af kandidater") is told apart by its group.
    seen: dict[str, set[str]] = {}
    for cat in catalogues:
        for r in cat.milestones.values():
            seen.setdefault(r.name, set()).add(r.group)
    shared = {name for name, gs in seen.items() if len(gs) > 1}
    total = KpiRow("", "I alt", target=main.target)
    cache: dict[tuple[str, str, str], tuple[str, str, float | None, bool]] = {}  # the same few keys, many counts
    for c in counts:
        ident = (c.catalogue_id, c.group, c.rule_id)
        found = cache.get(ident)
        if found is None:
            rule = catalogues.rule(c.rule_id, c.catalogue_id) if c.rule_id else None
            cat = catalogues.get(c.catalogue_id) or main
            group_name = _group_name(catalogues, c) if c.group else ""
            label = rule.name if rule else c.rule_id
            if label in shared:
                label = f"{label} ({group_name})"
            target = cat.target_of(c.group, c.rule_id or None) if c.group else main.target
            found = cache[ident] = (group_name, label, target, rule.soft if rule is not None else False)
        group_name, rule_label, target, soft = found
        if by is Breakdown.GROUP:
            key, label = c.group, group_name
        elif by is Breakdown.MILESTONE:
            key, label = c.rule_id, rule_label
        elif by is Breakdown.CASEWORKER:
            key, label, target = c.caseworker, names.get(c.caseworker) or c.caseworker, main.target
        else:
            key, label, target = c.team, c.team or "(uden team)", main.target
        row = rows.get(key)
        if row is None:
            row = rows[key] = KpiRow(key, label, target=target)
        row.add(c.bucket, c.count, soft=soft, notice=c.notice)
        total.add(c.bucket, c.count, soft=soft, notice=c.notice)
        if c.group:
            g = groups.get(c.group)
            if g is None:
                g = groups[c.group] = KpiRow(c.group, group_name, target=(catalogues.get(c.catalogue_id) or main)
                                             .target_of(c.group))  # fmt: skip
            g.add(c.bucket, c.count, soft=soft, notice=c.notice)
    # A key whose milestones were all left out (lapsed before they were due) has nothing to show: no row.
    ordered = tuple(sorted((r for r in rows.values() if r.counted or r.exempt or r.not_yet_due or r.soft),
                           key=lambda r: (r.label.casefold(), r.key)))  # fmt: skip
    by_group = tuple(sorted(groups.values(), key=lambda r: (r.label.casefold(), r.key)))
    return KpiTable(period or KpiPeriod.year(MIN_YEAR), by, ordered, total, by_group)


def _group_name(catalogues: Catalogues, c: KpiCount) -> str:
    group = catalogues.group(c.group, c.catalogue_id)
    return group.name if group is not None else c.group


def percent(share: float | None) -> str:
    """'75,0 %' (Danish decimal comma), '–' for nothing counted."""
    return "–" if share is None else f"{share * 100:.1f} %".replace(".", ",")


#: The definitions in Danish, for the workbook's "Om tallene" sheet, the Team view and the CLI's help.
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("Hvilke milepæle", "Milepæle hvis frist ligger i perioden (foreløbige efter deres nuværende frist)."),
    ("Til tiden", "Udført på eller før fristdagen; for frister i timer: på eller før fristens klokkeslæt."),
    ("For sent", "Udført efter fristen."),
    ("Overskredet", "Ikke udført, og fristen er passeret - eller sagen blev lukket, mens fristen var overskredet."),
    ("Fritaget", "Markeret fritaget med en begrundelse. Tæller ikke i andelen; højst 25 % pr. målgruppe."),
    ("Ikke forfaldne", "Åbne, og fristen er ikke passeret (en pause, der begyndte før fristen, holder den). Vises, "
                       "men tæller ikke i andelen."),
    ("Udeladt", "Milepæle i lukkede sager, som aldrig nåede deres frist."),
    ("Forventede tider", "Bløde milepæle (forventede tider, ikke løfter) tælles kun i deres egen kolonne."),
    ("Andel til tiden", "Til tiden / (til tiden + for sent + overskredet)."),
    ("Underretning", "Afgørelser på ansøgninger (retssikkerhedslovens § 3, stk. 2): truffet inden fristen; "
                     "ikke nået, men ansøgeren fik skriftlig underretning senest på fristdagen; ikke nået uden "
                     "underretning i tide (ingen, eller først efter fristen)."),
    ("Mål", "Målgruppens eller milepælens mål fra regelkataloget, ellers katalogets; under målet markeres med "
            "tekst (»Under mål«) og farve."),
)  # fmt: skip
