"""A writer process for the reliability tests: ``python tests/support/writer_child.py DB_PATH N SEED``.

Opens ``Frister.open(DB_PATH, actor="child")`` and performs N user actions one at a time, through the services
exactly as the app does: mostly registering a case for a generated fake party (demo.fake_party: CPR/CVR numbers
that fail the modulus-11 check real ones pass), sometimes completing an open milestone of a case it registered.

Protocol on stdout, one line each, flushed at once:

* ``OPENING``            imports done, about to open (and, on a fresh file, migrate) the database;
* ``READY``              the database is open and the first use warmed up (calendar, a validation read), so
                         the writes start at once;
* ``COMMITTED <case_number> <n_milestones>``   printed only after ``register`` returned, i.e. after the commit;
* ``DONE <milestone_uuid>``                    printed only after ``complete`` returned;
* ``FINISHED``           all N actions done.

So every reported action is committed; an action killed before its line was printed may or may not be.
With ``--wait-for-go`` the child imports everything, prints ``WAITING`` and waits for one line on stdin before
it opens the database (the kill test starts the next child while it checks the previous one).
"""

from __future__ import annotations

import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the checkout importable even without an editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from jobcenter_desktop.core.models import CaseRecord, MilestoneState
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.demo import fake_party
from jobcenter_desktop.services.errors import ValidationError

TODAY = date(2026, 3, 2)
COMPLETE_SHARE = 0.25  # roughly one action in four completes a milestone, when one is open


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def new_case(app: Frister, rng: random.Random) -> NewCase:
    cat = app.catalogue
    group = rng.choice([g for g in cat.groups.values() if g.open_on(TODAY)])  # not those closed to new cases
    triggers: dict[str, date | datetime] = {}
    for trig in cat.triggers_of(group.id):
        if trig.id != group.initial_trigger and rng.random() < 0.8:
            continue
        day = TODAY - timedelta(days=rng.randrange(0, 60))
        if cat.trigger_needs_time(trig.id):
            triggers[trig.id] = datetime(day.year, day.month, day.day, rng.randrange(8, 16), rng.choice((0, 30)))
        else:
            triggers[trig.id] = day
    party = fake_party(PartyKind(group.party), rng)
    return NewCase(group=group.id, party_name=party.name, party_id=party.identifier, triggers=triggers,
                   notes=rng.choice(("", "Ringet op, ingen svar.", "Tolk: arabisk.")))  # fmt: skip


def open_milestones(case: CaseRecord) -> list[uuid.UUID]:
    return [m.id for m in case.milestones if m.state is MilestoneState.OPEN and m.due is not None]


def main(argv: list[str]) -> int:
    wait = "--wait-for-go" in argv
    args = [a for a in argv if a != "--wait-for-go"]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    db, n, seed = Path(args[0]), int(args[1]), int(args[2])
    rng = random.Random(seed)
    if wait:
        say("WAITING")
        if not sys.stdin.readline():
            return 0  # the parent went away: nothing to do
    say("OPENING")
    app = Frister.open(db, actor="child")
    app.cases.check(new_case(app, random.Random(-seed)), TODAY)  # builds the calendar; reads, never writes
    say("READY")
    candidates: dict[uuid.UUID, list[uuid.UUID]] = {}  # case id -> its open, started milestones
    try:
        for _ in range(n):
            open_cases = [cid for cid, ms in candidates.items() if ms]
            if open_cases and rng.random() < COMPLETE_SHARE:
                cid = rng.choice(open_cases)
                mid = rng.choice(candidates[cid])
                case = app.cases.complete(mid, TODAY, TODAY)
                candidates[cid] = open_milestones(case)
                say(f"DONE {mid}")
                continue
            while True:
                try:
                    case = app.cases.register(new_case(app, rng), TODAY)
                    break
                except ValidationError as e:  # a generated party that already has an open case: draw again
                    if not all(p.field == "party_id" for p in e.problems):
                        raise
            candidates[case.id] = open_milestones(case)
            say(f"COMMITTED {case.number} {len(case.milestones)}")
    finally:
        app.close()
    say("FINISHED")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
