"""The rule catalogue: target groups (målgrupper), trigger events and milestones (milepæle) as data.

A catalogue is a TOML file read with :mod:`tomllib`. Loading validates everything and reports *every*
problem with its file, milestone (or section) id and field, instead of stopping at the first.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any


class Unit(StrEnum):
    HOURS = "hours"
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WEEKS = "weeks"
    MONTHS = "months"


class Roll(StrEnum):
    FORWARD = "forward"
    BACKWARD = "backward"
    NONE = "none"


class PartyKind(StrEnum):
    CITIZEN = "citizen"  # CPR
    COMPANY = "company"  # CVR


UNIT_DANISH = {
    Unit.HOURS: ("time", "timer"),
    Unit.WORKING_DAYS: ("hverdag", "hverdage"),
    Unit.CALENDAR_DAYS: ("kalenderdag", "kalenderdage"),
    Unit.WEEKS: ("uge", "uger"),
    Unit.MONTHS: ("måned", "måneder"),
}

#: Upper bounds per unit: far beyond any real service goal, low enough that no date overflows.
MAX_AMOUNT = {
    Unit.HOURS: 24 * 366,
    Unit.WORKING_DAYS: 2_000,
    Unit.CALENDAR_DAYS: 3_660,
    Unit.WEEKS: 520,
    Unit.MONTHS: 120,
}


@dataclass(frozen=True, slots=True)
class Period:
    amount: int
    unit: Unit

    def danish(self) -> str:
        one, many = UNIT_DANISH[self.unit]
        return f"{self.amount} {one if self.amount == 1 else many}"


@dataclass(frozen=True, slots=True)
class TriggerKind:
    id: str
    name: str
    description: str = ""
    promise: bool = False  # derived: the date promised in an underretning (set by recording it, not by hand)


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    party: PartyKind
    initial_trigger: str
    description: str = ""
    closed_from: date | None = None  # closed to new cases from this day (open cases run on)
    target: float | None = None  # share of milestones on time the group is measured against, e.g. 0.75

    def open_on(self, day: date) -> bool:
        return self.closed_from is None or day < self.closed_from


@dataclass(frozen=True, slots=True)
class MilestoneRule:
    id: str
    name: str
    group: str
    period: Period
    trigger: str | None = None  # the event kind the clock starts at ...
    after: str | None = None  # ... or the milestone whose completion it is chained on
    roll: Roll = Roll.FORWARD
    soft: bool = False  # an expected time, not a promise: passing it warns, it is not "overdue"
    warn: Period | None = None  # warn (due soon) this long after the anchor, e.g. "1-2 uger"
    conditions: tuple[str, ...] = ()
    source: str = ""
    target: float | None = None  # overrides the group's target for this milestone
    # A decision on an application (retssikkerhedsloven § 3, stk. 2): the applicant must be told in writing
    # when its deadline cannot be met. Each decision gets a derived "Forventet afgørelse" milestone (promise_of
    # names the decision) counted from the date promised in that notice.
    decision: bool = False
    promise_of: str | None = None

    @property
    def amount(self) -> int:
        return self.period.amount

    @property
    def unit(self) -> Unit:
        return self.period.unit


@dataclass(frozen=True, slots=True, repr=False)
class Catalogue:
    id: str
    title: str
    version: str
    valid_from: date
    source: str
    groups: Mapping[str, Group]
    triggers: Mapping[str, TriggerKind]
    milestones: Mapping[str, MilestoneRule]  # in topological order: a chain's predecessor comes first
    path: str = ""
    valid_to: date | None = None  # the last day new cases are registered under it (None: until replaced)
    target: float | None = None  # the default target share for every group and milestone
    _by_group: Mapping[str, tuple[MilestoneRule, ...]] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:  # short: the whole rule table is tens of kB (test reports, logs)
        return f"Catalogue({self.label!r}, {len(self.milestones)} milepæle)"

    @property
    def label(self) -> str:
        return f"{self.id} v{self.version}"

    def target_of(self, group_id: str, rule_id: str | None = None) -> float | None:
        """The target share a milestone (or a whole group) is measured against: the milestone's own, else its
        group's, else the catalogue's."""
        rule = self.milestones.get(rule_id) if rule_id else None
        if rule is not None and rule.target is not None:
            return rule.target
        group = self.groups.get(group_id)
        if group is not None and group.target is not None:
            return group.target
        return self.target

    def milestones_of(self, group_id: str) -> tuple[MilestoneRule, ...]:
        return self._by_group.get(group_id, ())

    def registered_of(self, group_id: str) -> tuple[MilestoneRule, ...]:
        """The milestones a new case starts with (a "Forventet afgørelse" comes with a notice)."""
        return tuple(r for r in self.milestones_of(group_id) if r.promise_of is None)

    def promise_for(self, rule_id: str) -> MilestoneRule | None:
        """The derived "Forventet afgørelse" milestone of a decision milestone."""
        found = self.milestones.get(rule_id + PROMISE_SUFFIX)
        return found if found is not None and found.promise_of == rule_id else None

    def triggers_of(self, group_id: str) -> tuple[TriggerKind, ...]:
        """The trigger kinds a case of this group can register, the group's initial trigger first."""
        group = self.groups[group_id]
        kinds = [group.initial_trigger]
        for rule in self.registered_of(group_id):  # a promised date is set by recording a notice
            if rule.trigger is not None and rule.trigger not in kinds:
                kinds.append(rule.trigger)
        return tuple(self.triggers[k] for k in kinds)

    def trigger_needs_time(self, kind: str) -> bool:
        """True when some milestone counts hours from this trigger, so its time of day matters."""
        return any(r.trigger == kind and r.unit is Unit.HOURS for r in self.milestones.values())

    def dependents(self, rule_id: str) -> Iterator[MilestoneRule]:
        """Milestones chained (directly or further down the chain) on ``rule_id``, and the "Forventet
        afgørelse" of a decision among them (it is exempted and recomputed with its decision)."""
        frontier = {rule_id}
        for rule in self.milestones.values():  # topological order (promises last): one pass finds the chain
            if rule.after in frontier or rule.promise_of in frontier:
                frontier.add(rule.id)
                yield rule


@dataclass(frozen=True, slots=True)
class CatalogueProblem:
    file: str
    where: str  # milestone id or section, e.g. "milestones[fh_samtale]" or "catalogue"
    field: str
    message: str

    def __str__(self) -> str:
        fld = f".{self.field}" if self.field else ""
        return f"{self.file}: {self.where}{fld}: {self.message}"


class CatalogueError(Exception):
    """The catalogue could not be loaded; ``problems`` lists every reason."""

    def __init__(self, problems: list[CatalogueProblem]) -> None:
        self.problems = problems
        head = f"Regelkataloget har {len(problems)} fejl" if len(problems) != 1 else "Regelkataloget har en fejl"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in problems))


_MILESTONE_KEYS = {
    "id", "name", "group", "trigger", "after", "amount", "unit", "roll", "soft", "warn", "conditions", "source",
    "target", "decision",
}  # fmt: skip
PROMISE_SUFFIX = "_forventet"  # the derived milestone of a decision: "<decision id>_forventet"
PROMISE_TRIGGER_SUFFIX = "_lovet"  # ... counted from the trigger "<decision id>_lovet", the promised date
_CATALOGUE_KEYS = {"id", "title", "version", "valid_from", "valid_to", "source", "target"}
_GROUP_KEYS = {"name", "party", "initial_trigger", "description", "closed_from", "target"}
_TRIGGER_KEYS = {"name", "description"}
_PERIOD_KEYS = {"amount", "unit"}
_TOP_KEYS = {"catalogue", "triggers", "groups", "milestones"}
_IDENT_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[CatalogueProblem] = []

    def add(self, where: str, fld: str, message: str) -> None:
        self.problems.append(CatalogueProblem(self.file, where, fld, message))

    def text(self, table: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.add(where, key, "mangler")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.add(where, key, f"skal være en ikke-tom tekst, ikke {value!r}")
            return ""
        return value.strip()

    def unknown_keys(self, table: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for key in sorted(set(table) - allowed):
            self.add(where, key, "ukendt felt (stavefejl?)")

    def ident(self, value: str, where: str, fld: str) -> bool:
        if value and (not set(value) <= _IDENT_CHARS or value[0].isdigit()):
            self.add(where, fld, f"id {value!r} må kun bestå af a-z, 0-9 og _ (og ikke starte med et tal)")
            return False
        return bool(value)


def _target(c: _Collector, table: Mapping[str, Any], where: str) -> float | None:
    value = table.get("target")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        c.add(where, "target", f"skal være en andel mellem 0 og 1, fx 0.75, ikke {value!r}")
        return None
    return float(value)


def _day(c: _Collector, table: Mapping[str, Any], key: str, where: str) -> date | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        c.add(where, key, f"skal være en dato (ÅÅÅÅ-MM-DD), ikke {value!r}")
        return None
    return value


def _period(c: _Collector, raw: Mapping[str, Any], where: str, prefix: str = "") -> Period | None:
    unit_raw: Any = raw.get("unit")
    amount: Any = raw.get("amount")
    ok = True
    try:
        unit = Unit(unit_raw)
    except ValueError:
        allowed = " | ".join(u.value for u in Unit)
        c.add(where, prefix + "unit", f"ukendt enhed {unit_raw!r} (tilladt: {allowed})")
        ok = False
    if isinstance(amount, bool) or not isinstance(amount, int):
        c.add(where, prefix + "amount", f"skal være et helt tal, ikke {amount!r}")
        ok = False
    elif ok and not 0 <= amount <= MAX_AMOUNT[unit]:
        c.add(where, prefix + "amount", f"{amount} ligger uden for 0–{MAX_AMOUNT[unit]} {unit.value}")
        ok = False
    return Period(amount, unit) if ok else None


def parse_catalogue(data: Mapping[str, Any], file: str = "<catalogue>") -> Catalogue:
    """Build a validated :class:`Catalogue` from parsed TOML data, or raise :class:`CatalogueError`."""
    c = _Collector(file)
    head = data.get("catalogue")
    if not isinstance(head, Mapping):
        c.add("catalogue", "", "afsnittet [catalogue] mangler")
        head = {}
    c.unknown_keys(data, _TOP_KEYS, "fil")
    c.unknown_keys(head, _CATALOGUE_KEYS, "catalogue")
    cat_id = c.text(head, "id", "catalogue")
    if cat_id and not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,59}", cat_id, flags=re.ASCII):
        c.add("catalogue", "id", f"id {cat_id[:70]!r} må kun bestå af a-z, 0-9, - og _ (højst 60 tegn)")
    title = c.text(head, "title", "catalogue")
    version = head.get("version")
    if isinstance(version, int) and not isinstance(version, bool):
        version = str(version)
    if not isinstance(version, str) or not version.strip():
        c.add("catalogue", "version", "mangler eller er ikke en tekst")
        version = ""
    valid_from = head.get("valid_from")
    if not isinstance(valid_from, date):
        c.add("catalogue", "valid_from", f"skal være en dato (YYYY-MM-DD), ikke {valid_from!r}")
        valid_from = date.min
    source = c.text(head, "source", "catalogue", required=False)
    valid_to = _day(c, head, "valid_to", "catalogue")
    if valid_to is not None and valid_to < valid_from:
        c.add("catalogue", "valid_to", f"{valid_to.isoformat()} ligger før valid_from ({valid_from.isoformat()})")
    cat_target = _target(c, head, "catalogue")

    triggers: dict[str, TriggerKind] = {}
    raw_triggers = data.get("triggers", {})
    if not isinstance(raw_triggers, Mapping):
        c.add("triggers", "", "skal være en tabel af hændelser")
        raw_triggers = {}
    for tid, raw in raw_triggers.items():
        where = f"triggers[{tid}]"
        if not isinstance(raw, Mapping):
            c.add(where, "", "skal være en tabel")
            continue
        c.unknown_keys(raw, _TRIGGER_KEYS, where)
        if c.ident(tid, where, "id"):
            description = c.text(raw, "description", where, required=False)
            triggers[tid] = TriggerKind(tid, c.text(raw, "name", where), description)

    groups: dict[str, Group] = {}
    raw_groups = data.get("groups", {})
    if not isinstance(raw_groups, Mapping) or not raw_groups:
        c.add("groups", "", "der skal være mindst én målgruppe")
        raw_groups = {}
    for gid, raw in raw_groups.items():
        where = f"groups[{gid}]"
        if not isinstance(raw, Mapping):
            c.add(where, "", "skal være en tabel")
            continue
        c.unknown_keys(raw, _GROUP_KEYS, where)
        try:
            party = PartyKind(str(raw.get("party")))
        except ValueError:
            c.add(where, "party", f"skal være 'citizen' (CPR) eller 'company' (CVR), ikke {raw.get('party')!r}")
            party = PartyKind.CITIZEN
        initial = c.text(raw, "initial_trigger", where)
        if initial and initial not in triggers:
            c.add(where, "initial_trigger", f"ukendt hændelse {initial!r}")
        if c.ident(gid, where, "id"):
            groups[gid] = Group(gid, c.text(raw, "name", where), party, initial,
                                c.text(raw, "description", where, required=False),
                                closed_from=_day(c, raw, "closed_from", where), target=_target(c, raw, where))

    rules: dict[str, MilestoneRule] = {}
    raw_rules = data.get("milestones", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        c.add("milestones", "", "der skal være mindst én milepæl ([[milestones]])")
        raw_rules = []
    for index, raw in enumerate(raw_rules):
        if not isinstance(raw, Mapping):
            c.add(f"milestones[{index}]", "", "skal være en tabel")
            continue
        rid = raw.get("id")
        where = f"milestones[{rid if isinstance(rid, str) and rid else index}]"
        if not isinstance(rid, str) or not rid:
            c.add(where, "id", "mangler")
            continue
        if not c.ident(rid, where, "id"):
            continue
        if rid in rules:
            c.add(where, "id", "findes to gange")
            continue
        c.unknown_keys(raw, _MILESTONE_KEYS, where)
        name = c.text(raw, "name", where)
        group = c.text(raw, "group", where)
        if group and group not in groups:
            c.add(where, "group", f"ukendt målgruppe {group!r}")
        trigger, after = raw.get("trigger"), raw.get("after")
        if (trigger is None) == (after is None):
            c.add(where, "trigger", "angiv præcis én af 'trigger' (hændelse) eller 'after' (forrige milepæl)")
        if trigger is not None and (not isinstance(trigger, str) or trigger not in triggers):  # a list: unhashable
            c.add(where, "trigger", f"ukendt hændelse {trigger!r}")
        if after is not None and not isinstance(after, str):
            c.add(where, "after", f"skal være et milepæls-id, ikke {after!r}")
            after = None
        period = _period(c, raw, where)
        roll_raw = raw.get("roll", Roll.FORWARD.value)
        try:
            roll = Roll(roll_raw)
        except ValueError:
            c.add(where, "roll", f"ukendt rul {roll_raw!r} (tilladt: forward | backward | none)")
            roll = Roll.FORWARD
        soft, decision = raw.get("soft", False), raw.get("decision", False)
        if not isinstance(soft, bool):
            c.add(where, "soft", f"skal være true eller false, ikke {soft!r}")
            soft = False
        if not isinstance(decision, bool):
            c.add(where, "decision", f"skal være true eller false, ikke {decision!r}")
            decision = False
        conditions = raw.get("conditions", [])
        if not isinstance(conditions, list) or not all(isinstance(x, str) and x.strip() for x in conditions):
            c.add(where, "conditions", "skal være en liste af tekster")
            conditions = []
        warn: Period | None = None
        if "warn" in raw:
            if isinstance(raw["warn"], Mapping):
                c.unknown_keys(raw["warn"], _PERIOD_KEYS, where + ".warn")
                warn = _period(c, raw["warn"], where, "warn.")
            else:
                c.add(where, "warn", "skal være en tabel med amount og unit")
        if period is not None and period.unit is Unit.HOURS and after is not None:
            c.add(where, "unit", "en kædet milepæl (after) kan ikke regnes i timer: fuldførelsen har ingen tid")
        if period is None:
            continue
        rules[rid] = MilestoneRule(
            id=rid, name=name, group=group, period=period,
            trigger=trigger if isinstance(trigger, str) else None, after=after,
            roll=roll, soft=soft, warn=warn, conditions=tuple(x.strip() for x in conditions),
            source=c.text(raw, "source", where, required=False), target=_target(c, raw, where), decision=decision,
        )  # fmt: skip
    _derive_promises(c, rules, triggers)

    # Chains: the predecessor must exist, be in the same group, and the chain must not loop.
    for rule in rules.values():
        if rule.after is None:
            continue
        pred = rules.get(rule.after)
        if pred is None:
            c.add(f"milestones[{rule.id}]", "after", f"kæder til en milepæl der ikke findes: {rule.after!r}")
        elif pred.group != rule.group:
            c.add(f"milestones[{rule.id}]", "after", f"{rule.after!r} hører til en anden målgruppe ({pred.group})")
        elif pred.promise_of is not None:
            c.add(f"milestones[{rule.id}]", "after", f"{rule.after!r} er en forventet afgørelse; kæd til afgørelsen")
    ordered: list[MilestoneRule] = []
    state: dict[str, int] = {}  # 1 = visiting, 2 = done

    def visit(rule: MilestoneRule, path: list[str]) -> None:
        if state.get(rule.id) == 2:
            return
        if state.get(rule.id) == 1:
            cycle = " → ".join([*path[path.index(rule.id) :], rule.id])
            c.add(f"milestones[{rule.id}]", "after", f"kæden løber i ring: {cycle}")
            return
        state[rule.id] = 1
        if rule.after in rules:
            visit(rules[rule.after], [*path, rule.id])
        state[rule.id] = 2
        ordered.append(rule)

    for rule in rules.values():
        visit(rule, [])
    for gid in groups:
        if not any(r.group == gid for r in rules.values()):
            c.add(f"groups[{gid}]", "", "målgruppen har ingen milepæle")

    if c.problems:
        raise CatalogueError(c.problems)
    by_group: dict[str, list[MilestoneRule]] = {}
    for rule in ordered:
        by_group.setdefault(rule.group, []).append(rule)
    return Catalogue(
        id=cat_id, title=title, version=str(version), valid_from=valid_from, source=source,
        groups=MappingProxyType(groups), triggers=MappingProxyType(triggers),
        milestones=MappingProxyType({r.id: r for r in ordered}), path=file, valid_to=valid_to, target=cat_target,
        _by_group=MappingProxyType({g: tuple(rs) for g, rs in by_group.items()}),
    )  # fmt: skip


def _derive_promises(c: _Collector, rules: dict[str, MilestoneRule], triggers: dict[str, TriggerKind]) -> None:
    """Each decision's "Forventet afgørelse": due on the day promised in the notice (as promised: no roll)."""
    for rule in [r for r in rules.values() if r.decision]:
        rid, tid = rule.id + PROMISE_SUFFIX, rule.id + PROMISE_TRIGGER_SUFFIX
        if rid in rules or tid in triggers:
            c.add(f"milestones[{rule.id}]", "decision", f"id'erne {rid!r} og {tid!r} er forbeholdt underretningen")
            continue
        triggers[tid] = TriggerKind(tid, f"Lovet afgørelsesdato ({rule.name})", promise=True)
        rules[rid] = MilestoneRule(
            id=rid, name=f"Forventet afgørelse: {rule.name}", group=rule.group, period=Period(0, Unit.CALENDAR_DAYS),
            trigger=tid, roll=Roll.NONE, target=rule.target, promise_of=rule.id,
            source="Den dato, borgeren er lovet en afgørelse i underretningen (retssikkerhedsloven § 3, stk. 2).",
        )  # fmt: skip


def load_catalogue(path: str | Path) -> Catalogue:
    """Read and validate a catalogue file. Every failure is a :class:`CatalogueError`."""
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CatalogueError([CatalogueProblem(file, "fil", "", f"kan ikke læses: {exc.strerror or exc}")]) from exc
    try:
        text = raw.decode("utf-8-sig")  # Notepad's "UTF-8 med BOM" too
    except UnicodeDecodeError as exc:
        raise CatalogueError([CatalogueProblem(file, "fil", "", "er ikke UTF-8-tekst")]) from exc
    return parse_catalogue_text(text, file)


def parse_catalogue_text(text: str, file: str) -> Catalogue:
    """Validate a catalogue's TOML text (a file's, or one kept in the database)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError([CatalogueProblem(file, "fil", "", f"ugyldig TOML: {exc}")]) from exc
    except RecursionError as exc:  # tomllib recurses per nesting level: "a = [[[[..." deep enough overflows
        raise CatalogueError([CatalogueProblem(file, "fil", "", "ugyldig TOML: lister eller tabeller er indlejret "
                                                                "for dybt")]) from exc  # fmt: skip
    return parse_catalogue(data, file)
