"""Demo data: realistic generated cases for fake people and companies. Never real people:
names are combined from common name lists, CPR and CVR numbers are made to *fail* the modulus-11 check
that real numbers issued before 2007 (CPR) and all CVR numbers pass."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta

from jobcenter_desktop.core.deadlines import CaseFacts, Deadline, plan_case
from jobcenter_desktop.core.models import MilestoneState, Party
from jobcenter_desktop.core.party import cpr_checksum_ok, cvr_checksum_ok
from jobcenter_desktop.core.rules import Catalogue, PartyKind
from jobcenter_desktop.core.stored import StoredCase, StoredMilestone, StoredPause, StoredTrigger
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.storage.repository import Repository

FIRST = ["Anne", "Mette", "Hanne", "Kirsten", "Susanne", "Maria", "Camilla", "Sofie", "Emma", "Ida", "Freja",
         "Peter", "Jens", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Mads", "Frederik", "Oliver", "Ali",
         "Fatima", "Yasmin", "Mohammad", "Aisha", "Jonas", "Rasmus", "Louise", "Nanna", "Bjørn", "Åse"]  # fmt: skip
LAST = ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller",
        "Mortensen", "Holm", "Østergaard", "Yilmaz", "Ahmed", "Kaya", "Lund", "Bach", "Dahl", "Friis"]  # fmt: skip
TRADE = ["Tømrer", "VVS", "Rengøring", "Logistik", "Bageri", "Maskinfabrik", "Catering", "IT-service", "Malerfirma",
         "Transport", "Anlægsgartner", "El-installation", "Autoværksted", "Kontorservice"]  # fmt: skip
PLACE = ["Albertslund", "Vestegnens", "Herstedvester", "Roskilde", "Glostrup", "Taastrup", "Brøndby", "Hvidovre"]
FORM = ["ApS", "A/S", "I/S", "IVS"]
WORKERS = [("anna.k", "Team Vest"), ("bo.l", "Team Vest"), ("carla.m", "Team Vest"),
           ("dennis.p", "Team Øst"), ("eva.s", "Team Øst"), ("farid.h", "Team Øst")]  # fmt: skip
NOTES = ["", "", "", "Ringet op, ingen svar.", "Afventer lægeattest.", "Tolk: arabisk.",
         "=Afventer svar fra virksomhed", "Borger ønsker samtale om formiddagen."]  # fmt: skip
EXEMPT_REASONS = ["Selv i job inden for 14 dage", "Starter på uddannelse", "Vurderet selv at kunne komme i job"]


def fake_cpr(rng: random.Random) -> str:
    while True:
        birth = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 45))
        serial = rng.randrange(0, 4000) if birth.year < 2000 else rng.randrange(4000, 5000)
        cpr = f"{birth:%d%m%y}-{serial:04d}"
        if not cpr_checksum_ok(cpr):
            return cpr


def fake_cvr(rng: random.Random) -> str:
    while True:
        cvr = f"{rng.randrange(10_000_000, 99_999_999)}"
        if not cvr_checksum_ok(cvr):
            return cvr


def fake_party(kind: PartyKind, rng: random.Random) -> Party:
    if kind is PartyKind.COMPANY:
        name = f"{rng.choice(PLACE)} {rng.choice(TRADE)} {rng.choice(FORM)}"
        return Party(kind, name, fake_cvr(rng))
    return Party(kind, f"{rng.choice(FIRST)} {rng.choice(LAST)}", fake_cpr(rng))


def _demo_notices(cat: Catalogue, group: str, plan: Mapping[str, Deadline | None],
                  completions: Mapping[str, date], triggers: dict[str, date | datetime], today: date,
                  rng: random.Random) -> dict[str, date]:  # fmt: skip
    """Half of the open decisions past or near their deadline got an underretning (a few of them late), with a
    promised date 3-6 weeks after the deadline: the promise's trigger goes into ``triggers``."""
    sent: dict[str, date] = {}
    for rule in cat.registered_of(group):
        d, promise = plan.get(rule.id), cat.promise_for(rule.id)
        if not rule.decision or d is None or rule.id in completions or promise is None or promise.trigger is None:
            continue
        if d.due > today + timedelta(days=7) or rng.random() < 0.5:
            continue
        on = d.due - timedelta(days=rng.randrange(0, 6)) if rng.random() < 0.8 else d.due + timedelta(days=2)
        sent[rule.id] = min(on, today)
        triggers[promise.trigger] = d.due + timedelta(weeks=rng.randrange(3, 7))
    return sent


def generate(ctx: Context, cases: int, today: date, *, seed: int = 2026,
             progress: Callable[[int, int], bool] | None = None, batch: int = 1000) -> int:  # fmt: skip
    """Add ``cases`` generated cases around ``today``; the current actor gets a share so "Mine frister" is
    populated. Commits in batches (each batch is whole cases: a kill never leaves half a case).

    A big database gets a realistic staff: about 100 cases per caseworker in teams of 12, so "Mine frister"
    and a team stay the size they are in a real jobcenter while "Alle" grows."""
    rng = random.Random(seed)
    exempt_rng = random.Random(seed + 1)  # its own stream: the cases themselves stay as the seed always made them
    notice_rng = random.Random(seed + 2)  # underretning on some late decisions, on a stream of its own too
    cat, cal = ctx.catalogue, ctx.calendar
    groups = list(cat.groups.values())
    # In a file the person running the demo gets a share; on the team database the owner runs it (no caseworker).
    workers = [*WORKERS] if ctx.server is not None else [*WORKERS, (ctx.actor, ctx.team or "Team Vest")]
    extra = max(0, cases // 100 - len(workers))
    ascii_ = str.maketrans({"ø": "oe", "å": "aa", "æ": "ae"})
    workers += [(f"{FIRST[i % len(FIRST)].lower().translate(ascii_)}.{LAST[i % len(LAST)][0].lower()}{i:04d}",
                 f"Team {i // 12 + 1:02d}") for i in range(extra)]  # fmt: skip
    fingerprint = cal.settings.fingerprint()
    made = 0
    with ctx.read() as s:
        taken = Repository(s).open_party_keys()
    while made < cases:
        with ctx.write() as s:
            repo = Repository(s)
            staff = {u: repo.caseworker(u, t) for u, t in workers}
            people: dict[str, object] = {}  # caseworker and team rows, looked up once per batch
            for _ in range(min(batch, cases - made)):
                group = rng.choice(groups)
                start = today - timedelta(days=rng.randrange(-5, 120))
                if not group.open_on(start):  # closed to new cases by then (revalidering, jobrotation in 2026)
                    group = rng.choice([g for g in groups if g.open_on(start)])
                triggers: dict[str, date | datetime] = {}
                for trig in cat.triggers_of(group.id):
                    if trig.id != group.initial_trigger and rng.random() < 0.7:
                        continue
                    day = start if trig.id == group.initial_trigger else start + timedelta(days=rng.randrange(0, 30))
                    if cat.trigger_needs_time(trig.id):
                        triggers[trig.id] = datetime(day.year, day.month, day.day, rng.randrange(8, 16),
                                                     rng.choice((0, 15, 30, 45)))  # fmt: skip
                    else:
                        triggers[trig.id] = day
                worker = staff[rng.choice(workers)[0]]
                # The id is set here so the audit entry can name the case without a flush per case.
                party = fake_party(group.party, rng)
                while (group.id, party.identifier) in taken:  # one open case per party and group (the index)
                    party = fake_party(group.party, rng)
                taken.add((group.id, party.identifier))
                row = StoredCase(number=repo.next_number(start.year), group=group.id, catalogue_id=cat.id,
                                 party=party, caseworker=worker[0], team=worker[1], opened_on=start,
                                 notes=rng.choice(NOTES))  # fmt: skip
                row.triggers = [StoredTrigger.of(kind, when) for kind, when in triggers.items()]
                completions: dict[str, date] = {}
                plan = plan_case(cat, cal, CaseFacts(group.id, triggers), explain=False)
                for rule in cat.registered_of(group.id):
                    d = plan.get(rule.id)
                    if rule.after in completions and d is not None:
                        plan = plan_case(cat, cal, CaseFacts(group.id, triggers, completions), explain=False)
                        d = plan.get(rule.id)
                    # Most past milestones are done; a few stay open (overdue), mostly recent ones.
                    p_done = 0.97 if d is not None and (today - d.due).days > 14 else 0.6
                    if d is not None and d.due < today and rng.random() < p_done:
                        done = d.due - timedelta(days=rng.randrange(0, 4)) if rng.random() < 0.8 else \
                            d.due + timedelta(days=rng.randrange(1, 6))
                        completions[rule.id] = min(max(done, start), today)
                final = plan_case(cat, cal, CaseFacts(group.id, triggers, completions))
                notices = _demo_notices(cat, group.id, final, completions, triggers, today, notice_rng)
                if notices:
                    final = plan_case(cat, cal, CaseFacts(group.id, triggers, completions))
                for rule in cat.milestones_of(group.id):
                    if rule.promise_of is not None and final.get(rule.id) is None:
                        continue  # a "Forventet afgørelse" only with its notice
                    d = final.get(rule.id)
                    done_on = completions.get(rule.id)
                    # A few open ones are exempt (the reform lets a municipality exempt up to 25 % of a group).
                    exempt = (not done_on and d is not None and not rule.soft and rule.promise_of is None
                              and rule.id not in notices and exempt_rng.random() < 0.04)  # fmt: skip
                    state = MilestoneState.DONE if done_on else MilestoneState.EXEMPT if exempt else MilestoneState.OPEN
                    row.milestones.append(StoredMilestone(
                        rule_id=rule.id, state=state.value,
                        exempt_reason=exempt_rng.choice(EXEMPT_REASONS) if exempt else "",
                        due_on=d.due if d else None, due_at=d.due_at if d else None,
                        provisional=d.provisional if d else False, warn_on=d.warn_from if d else None,
                        done_on=done_on, done_late=bool(done_on and d and done_on > d.due),
                        catalogue_version=cat.version, calendar_fingerprint=fingerprint,
                        explanation="\n".join(d.steps) if d else "", notice_sent_on=notices.get(rule.id),
                    ))  # fmt: skip
                if rng.random() < 0.03:
                    row.pauses.append(StoredPause(today - timedelta(days=rng.randrange(0, 10)), reason="Sygdom"))
                repo.insert_case(row, flush=False, people=people)
                repo.audit(actor=ctx.actor, entity="case", entity_id=row.number, action="create",
                           after=f"{group.name}; demosag", reason="Demodata", case_id=row.id)  # fmt: skip
                made += 1
            repo.audit(actor=ctx.actor, entity="system", entity_id="demo", action="demo",
                       after=f"{made} demosager genereret", reason="Demodata (opdigtede personer)")  # fmt: skip
        if progress is not None and not progress(made, cases):
            break
    return made
