"""The rule catalogue: the default Albertslund catalogue, and validation that reports every problem."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jobcenter_desktop.core.rules import (
    Catalogue,
    CatalogueError,
    MilestoneRule,
    PartyKind,
    Period,
    Roll,
    Unit,
    load_catalogue,
    parse_catalogue,
)

DEFAULT_CATALOGUE = Path(__file__).resolve().parents[3] / "resources" / "rules" / "albertslund-2016.toml"

# Transcribed by hand from resources/rules/albertslund-2016.toml:
# id, group, trigger or "after:<id>", amount, unit, roll, soft
EXPECTED = [
    ("dp_telefon", "dagpenge", "ledigmelding", 5, Unit.WORKING_DAYS, Roll.FORWARD, False),
    ("dp_samtale", "dagpenge", "ledigmelding", 4, Unit.WEEKS, Roll.BACKWARD, False),
    ("dp_selvvalgt", "dagpenge", "selvvalgt_uddannelse", 2, Unit.WEEKS, Roll.FORWARD, False),
    ("kh_visitation", "kontanthjaelp", "foerste_fremmoede", 2, Unit.WORKING_DAYS, Roll.FORWARD, False),
    ("kh_ydelse", "kontanthjaelp", "foerste_fremmoede", 5, Unit.WORKING_DAYS, Roll.FORWARD, False),
    ("kh_sps34", "kontanthjaelp", "ansoegning_sps34", 10, Unit.WORKING_DAYS, Roll.FORWARD, False),
    ("uh_samtale", "uddannelseshjaelp", "foerste_henvendelse", 2, Unit.WORKING_DAYS, Roll.FORWARD, False),
    ("uh_ydelse", "uddannelseshjaelp", "foerste_henvendelse", 5, Unit.WORKING_DAYS, Roll.FORWARD, False),
    ("uh_sps34", "uddannelseshjaelp", "ansoegning_sps34", 10, Unit.WORKING_DAYS, Roll.FORWARD, False),
    ("rev_afgoerelse", "revalidering", "sag_paabegyndt", 3, Unit.MONTHS, Roll.FORWARD, False),
    ("rev_forlaengelse", "revalidering", "ansoegning_forlaengelse", 4, Unit.WEEKS, Roll.FORWARD, False),
    ("fj_afgoerelse", "fleksjob", "sag_paabegyndt", 6, Unit.MONTHS, Roll.FORWARD, False),
    ("fp_afgoerelse", "foertidspension", "anmodning_vurdering", 3, Unit.MONTHS, Roll.FORWARD, False),
    ("fh_samtale", "fastholdelse", "foerste_henvendelse", 1, Unit.WEEKS, Roll.FORWARD, False),
    ("fh_moedetilbud", "fastholdelse", "after:fh_samtale", 1, Unit.WEEKS, Roll.FORWARD, False),
    ("hk_hjaelpemiddel", "handicap_erhverv", "ansoegning", 4, Unit.WEEKS, Roll.FORWARD, False),
    ("hk_personlig_assistance", "handicap_erhverv", "ansoegning", 6, Unit.WEEKS, Roll.FORWARD, True),
    ("jr_svar", "jobrotation", "ansoegning_modtaget", 1, Unit.WEEKS, Roll.FORWARD, False),
    ("jr_besaettelse", "jobrotation", "after:jr_svar", 3, Unit.WEEKS, Roll.FORWARD, False),
    ("ja_kontakt", "jobaabninger", "henvendelse", 24, Unit.HOURS, Roll.FORWARD, False),
    ("ja_henvisning", "jobaabninger", "henvendelse", 3, Unit.WORKING_DAYS, Roll.FORWARD, False),
    ("lt_kontakt", "loentilskud", "henvendelse", 24, Unit.HOURS, Roll.FORWARD, False),
    ("lt_henvisning", "loentilskud", "henvendelse", 3, Unit.WORKING_DAYS, Roll.FORWARD, False),
    ("lt_samtale", "loentilskud", "henvendelse", 1, Unit.WEEKS, Roll.FORWARD, False),
    ("lt_blanket", "loentilskud", "after:lt_samtale", 2, Unit.WEEKS, Roll.FORWARD, True),
]

COMPANY_GROUPS = {"jobaabninger", "loentilskud", "jobrotation"}
CITIZEN_GROUPS = {
    "dagpenge", "kontanthjaelp", "uddannelseshjaelp", "revalidering", "fleksjob", "foertidspension",
    "fastholdelse", "handicap_erhverv",
}  # fmt: skip


# ---------------------------------------------------------------- the default catalogue


def test_default_catalogue_loads_with_its_header(catalogue):
    assert isinstance(catalogue, Catalogue)
    assert catalogue.id == "albertslund-2016"
    assert catalogue.version == "2016-08-09"
    assert catalogue.valid_from == date(2016, 8, 9)
    assert catalogue.label == "albertslund-2016 v2016-08-09"
    assert catalogue.path == str(DEFAULT_CATALOGUE)


def test_default_catalogue_has_exactly_the_25_milestones(catalogue):
    assert len(EXPECTED) == 25
    own = [r.id for r in catalogue.milestones.values() if r.promise_of is None]  # not the derived promises
    assert sorted(own) == sorted(row[0] for row in EXPECTED)


@pytest.mark.parametrize(("rule_id", "group", "start", "amount", "unit", "roll", "soft"), EXPECTED)
def test_default_catalogue_milestone(catalogue, rule_id, group, start, amount, unit, roll, soft):
    rule = catalogue.milestones[rule_id]
    assert isinstance(rule, MilestoneRule)
    assert rule.group == group
    if start.startswith("after:"):
        assert rule.after == start.removeprefix("after:")
        assert rule.trigger is None
    else:
        assert rule.trigger == start
        assert rule.after is None
    assert rule.period == Period(amount, unit)
    assert (rule.amount, rule.unit) == (amount, unit)
    assert rule.roll is roll
    assert rule.soft is soft
    assert rule.name and rule.source


def test_lt_blanket_is_a_soft_chain_with_a_warning(catalogue):
    rule = catalogue.milestones["lt_blanket"]
    assert rule.after == "lt_samtale"
    assert rule.soft
    assert rule.warn == Period(1, Unit.WEEKS)
    assert sum(r.warn is not None for r in catalogue.milestones.values()) == 1


@pytest.mark.parametrize(
    ("rule_id", "n_conditions"),
    [("hk_hjaelpemiddel", 3), ("hk_personlig_assistance", 2), ("rev_afgoerelse", 2), ("jr_besaettelse", 1),
     ("dp_samtale", 0), ("fh_moedetilbud", 0)],
)  # fmt: skip
def test_conditions(catalogue, rule_id, n_conditions):
    conditions = catalogue.milestones[rule_id].conditions
    assert isinstance(conditions, tuple)
    assert len(conditions) == n_conditions
    assert all(c and c == c.strip() for c in conditions)


def test_hk_hjaelpemiddel_conditions_text(catalogue):
    assert catalogue.milestones["hk_hjaelpemiddel"].conditions == (
        "Hjælpemidlet kan skaffes i Danmark",
        "Hjælpemidlet lagerføres",
        "Hjælpemidlet er allerede typegodkendt",
    )


def test_groups_and_parties(catalogue):
    assert set(catalogue.groups) == COMPANY_GROUPS | CITIZEN_GROUPS
    for gid, group in catalogue.groups.items():
        expected = PartyKind.COMPANY if gid in COMPANY_GROUPS else PartyKind.CITIZEN
        assert group.party is expected, gid
        assert group.initial_trigger in catalogue.triggers
        assert catalogue.milestones_of(gid), f"{gid} has no milestones"


def test_hours_triggers_need_a_clock_time(catalogue):
    assert catalogue.trigger_needs_time("henvendelse")
    for kind in set(catalogue.triggers) - {"henvendelse"}:
        assert not catalogue.trigger_needs_time(kind), kind
    assert {r.id for r in catalogue.milestones.values() if r.unit is Unit.HOURS} == {"ja_kontakt", "lt_kontakt"}


def test_milestones_are_in_topological_order(catalogue):
    order = list(catalogue.milestones)
    for rule in catalogue.milestones.values():
        if rule.after is not None:
            assert order.index(rule.after) < order.index(rule.id)
    assert [r.id for r in catalogue.milestones_of("fastholdelse")] == ["fh_samtale", "fh_moedetilbud"]
    assert [r.id for r in catalogue.milestones_of("loentilskud")] == [
        "lt_kontakt", "lt_henvisning", "lt_samtale", "lt_blanket",
    ]  # fmt: skip
    assert catalogue.milestones_of("no_such_group") == ()


def test_dependents_follow_the_chain(catalogue):
    assert [r.id for r in catalogue.dependents("lt_samtale")] == ["lt_blanket"]
    assert [r.id for r in catalogue.dependents("jr_svar")] == ["jr_besaettelse", "jr_svar_forventet"]
    assert list(catalogue.dependents("lt_kontakt")) == []


def test_triggers_of_a_group_start_with_its_initial_trigger(catalogue):
    assert [t.id for t in catalogue.triggers_of("kontanthjaelp")] == ["foerste_fremmoede", "ansoegning_sps34"]
    assert [t.id for t in catalogue.triggers_of("loentilskud")] == ["henvendelse"]
    assert [t.id for t in catalogue.triggers_of("dagpenge")] == ["ledigmelding", "selvvalgt_uddannelse"]


@pytest.mark.parametrize(
    ("period", "text"),
    [(Period(1, Unit.WEEKS), "1 uge"), (Period(4, Unit.WEEKS), "4 uger"), (Period(24, Unit.HOURS), "24 timer"),
     (Period(1, Unit.WORKING_DAYS), "1 hverdag"), (Period(5, Unit.WORKING_DAYS), "5 hverdage"),
     (Period(3, Unit.MONTHS), "3 måneder"), (Period(1, Unit.MONTHS), "1 måned"),
     (Period(10, Unit.CALENDAR_DAYS), "10 kalenderdage")],
)  # fmt: skip
def test_period_in_danish(period, text):
    assert period.danish() == text


# ---------------------------------------------------------------- validation

VALID = """\
[catalogue]
id = "test"
title = "Testkatalog"
version = "1"
valid_from = 2025-01-01

[triggers.start]
name = "Start"

[groups.g]
name = "Gruppe"
party = "citizen"
initial_trigger = "start"

[groups.h]
name = "Anden gruppe"
party = "company"
initial_trigger = "start"

[[milestones]]
id = "a"
name = "A"
group = "g"
trigger = "start"
amount = 5
unit = "working_days"

[[milestones]]
id = "h1"
name = "H1"
group = "h"
trigger = "start"
amount = 1
unit = "weeks"
"""


def milestone(mid: str, **fields: object) -> str:
    """A [[milestones]] block; by default a valid 1-week rule in group g triggered by 'start'."""
    values: dict[str, object] = {"id": mid, "name": mid.upper(), "group": "g", "trigger": "start", "amount": 1,
                                 "unit": "weeks"}  # fmt: skip
    values.update(fields)
    lines = ["", "[[milestones]]"]
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, bool):
            lines.append(f"{key} = {str(value).lower()}")
        elif isinstance(value, int):
            lines.append(f"{key} = {value}")
        else:
            lines.append(f'{key} = "{value}"')
    return "\n".join(lines) + "\n"


def write(tmp_path: Path, text: str | bytes, name: str = "katalog.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    problems = info.value.problems
    assert problems, "a CatalogueError must say why"
    for p in problems:
        assert p.file == str(path)
        assert p.message
        assert str(p).startswith(f"{path}: ")
        assert str(p) in str(info.value)
    return [(p.where, p.field) for p in problems]


def test_the_valid_base_catalogue_loads(tmp_path):
    cat = load_catalogue(write(tmp_path, VALID + milestone("b") + milestone("c", trigger=None, after="b")))
    assert list(cat.milestones) == ["a", "h1", "b", "c"]
    assert cat.milestones["c"].after == "b"
    assert cat.groups["h"].party is PartyKind.COMPANY


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        pytest.param(milestone("b", unit="fortnights"), [("milestones[b]", "unit")], id="unknown-unit"),
        pytest.param(milestone("b", trigger=None, after="zz"), [("milestones[b]", "after")], id="chain-to-missing"),
        pytest.param(milestone("a"), [("milestones[a]", "id")], id="duplicate-id"),
        pytest.param(milestone("b", after="a"), [("milestones[b]", "trigger")], id="trigger-and-after"),
        pytest.param(milestone("b", trigger=None), [("milestones[b]", "trigger")], id="neither-trigger-nor-after"),
        pytest.param(milestone("b", group="nope"), [("milestones[b]", "group")], id="unknown-group"),
        pytest.param(milestone("b", amount=-1), [("milestones[b]", "amount")], id="negative-amount"),
        pytest.param(milestone("b", amount=2001, unit="working_days"), [("milestones[b]", "amount")], id="too-big"),
        pytest.param(milestone("b", amount="5"), [("milestones[b]", "amount")], id="amount-as-text"),
        pytest.param(milestone("b", soruce="typo"), [("milestones[b]", "soruce")], id="unknown-field"),
        pytest.param(milestone("b", trigger="nope"), [("milestones[b]", "trigger")], id="unknown-trigger"),
        pytest.param(milestone("b", roll="sideways"), [("milestones[b]", "roll")], id="unknown-roll"),
        pytest.param(milestone("b", soft="yes"), [("milestones[b]", "soft")], id="soft-not-bool"),
        pytest.param(milestone("b", decision="yes"), [("milestones[b]", "decision")], id="decision-not-bool"),
        pytest.param(milestone("b", decision=True) + milestone("b_forventet"), [("milestones[b]", "decision")],
                     id="decision-promise-id-taken"),
        pytest.param(milestone("b", decision=True) + milestone("c", trigger=None, after="b_forventet"),
                     [("milestones[c]", "after")], id="chained-on-a-promise"),
        pytest.param(milestone("b", name=None), [("milestones[b]", "name")], id="missing-name"),
        pytest.param(milestone("Bad-Id"), [("milestones[Bad-Id]", "id")], id="bad-id"),
        pytest.param(
            milestone("b", trigger=None, after="a", amount=24, unit="hours"), [("milestones[b]", "unit")],
            id="chained-hours",
        ),
        pytest.param(
            milestone("b", trigger=None, after="h1"), [("milestones[b]", "after")], id="chain-to-other-group",
        ),
        pytest.param(
            milestone("b") + 'warn = { amount = 1, unit = "fortnights" }\n', [("milestones[b]", "warn.unit")],
            id="bad-warn-unit",
        ),
        pytest.param(milestone("b") + "warn = 3\n", [("milestones[b]", "warn")], id="warn-not-a-table"),
        pytest.param(
            milestone("b") + 'conditions = ["ok", ""]\n', [("milestones[b]", "conditions")], id="empty-condition",
        ),
        pytest.param(
            '\n[groups.x]\nname = "X"\nparty = "robot"\ninitial_trigger = "start"\n' + milestone("x1", group="x"),
            [("groups[x]", "party")], id="unknown-party",
        ),
        pytest.param(
            '\n[groups.x]\nname = "X"\nparty = "citizen"\ninitial_trigger = "start"\n', [("groups[x]", "")],
            id="group-without-milestones",
        ),
    ],
)  # fmt: skip
def test_each_problem_is_reported_with_file_where_and_field(tmp_path, extra, expected):
    assert problems_of(write(tmp_path, VALID + extra)) == expected


def test_a_cycle_is_reported(tmp_path):
    text = VALID + milestone("cyc_a", trigger=None, after="cyc_b") + milestone("cyc_b", trigger=None, after="cyc_a")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(write(tmp_path, text))
    problems = info.value.problems
    assert len(problems) == 1
    (p,) = problems
    assert p.where in ("milestones[cyc_a]", "milestones[cyc_b]")
    assert p.field == "after"
    assert "cyc_a" in p.message and "cyc_b" in p.message


def test_a_self_chain_is_a_cycle(tmp_path):
    assert problems_of(write(tmp_path, VALID + milestone("b", trigger=None, after="b"))) == [("milestones[b]", "after")]


def test_every_problem_in_one_file_is_reported_together(tmp_path):
    text = (
        VALID
        + milestone("b", unit="fortnights")
        + milestone("c", trigger=None, after="missing")
        + milestone("d", group="nope")
        + milestone("e", amount=-3)
        + milestone("f", ammount=2)
        + milestone("a")
        + milestone("x", trigger=None, after="y")
        + milestone("y", trigger=None, after="x")
        + milestone("z", after="a")
    )
    path = write(tmp_path, text)
    found = problems_of(path)
    assert sorted(found) == sorted(
        [
            ("milestones[b]", "unit"),
            ("milestones[c]", "after"),
            ("milestones[d]", "group"),
            ("milestones[e]", "amount"),
            ("milestones[f]", "ammount"),
            ("milestones[a]", "id"),
            ("milestones[x]", "after"),  # the cycle x -> y -> x, reported once where it was found
            ("milestones[z]", "trigger"),
        ]
    )
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert "8 fejl" in str(info.value)


def test_several_problems_on_one_milestone_are_all_reported(tmp_path):
    text = VALID + milestone("b", group="nope", unit="fortnights", roll="up", soft=1, trigger="nope")
    assert sorted(problems_of(write(tmp_path, text))) == sorted(
        [
            ("milestones[b]", "group"),
            ("milestones[b]", "trigger"),
            ("milestones[b]", "unit"),
            ("milestones[b]", "roll"),
            ("milestones[b]", "soft"),
        ]
    )


def test_catalogue_header_problems(tmp_path):
    text = VALID.replace('id = "test"\n', "", 1).replace("valid_from = 2025-01-01", 'valid_from = "i går"')
    found = problems_of(write(tmp_path, text))
    assert sorted(found) == [("catalogue", "id"), ("catalogue", "valid_from")]


def test_invalid_toml_syntax(tmp_path):
    path = write(tmp_path, VALID + "\n[[milestones]\nid = 'broken'\n")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    (p,) = info.value.problems
    assert p.file == str(path)
    assert "TOML" in p.message


def test_a_missing_file(tmp_path):
    path = tmp_path / "findes-ikke.toml"
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    (p,) = info.value.problems
    assert p.file == str(path)
    assert "kan ikke læses" in p.message


def test_a_directory_instead_of_a_file(tmp_path):
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert len(info.value.problems) == 1


def test_non_utf8_bytes(tmp_path):
    path = write(tmp_path, VALID.replace("Testkatalog", "Tæstkatalog").encode("latin-1"))
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    (p,) = info.value.problems
    assert p.file == str(path)
    assert "UTF-8" in p.message


def test_parse_catalogue_of_empty_data_reports_every_missing_section():
    with pytest.raises(CatalogueError) as info:
        parse_catalogue({})
    wheres = {(p.where, p.field) for p in info.value.problems}
    assert ("catalogue", "") in wheres
    assert ("groups", "") in wheres
    assert ("milestones", "") in wheres
    assert all(p.file == "<catalogue>" for p in info.value.problems)


def test_error_message_counts_problems():
    assert "0 fejl" in str(CatalogueError([]))
    with pytest.raises(CatalogueError) as info:
        parse_catalogue({"catalogue": {"id": "x", "title": "x", "version": 1, "valid_from": date(2025, 1, 1)}})
    assert len(info.value.problems) == 2  # no groups, no milestones
    assert "2 fejl" in str(info.value)


def test_unknown_keys_are_reported_in_every_table(tmp_path):
    text = VALID.replace('valid_from = 2025-01-01', 'valid_from = 2025-01-01\nvalid_fom = 2025-01-01')
    text = text.replace('party = "company"', 'party = "company"\nintial_trigger = "start"')
    text = text.replace('[triggers.start]\nname = "Start"', '[triggers.start]\nname = "Start"\nnavn = "Start"')
    text += milestone("w") .replace('unit = "weeks"', 'unit = "weeks"\nwarn = { amount = 1, unti = "weeks" }')
    found = problems_of(write(tmp_path, text))
    assert ("catalogue", "valid_fom") in found
    assert ("groups[h]", "intial_trigger") in found
    assert ("triggers[start]", "navn") in found
    assert ("milestones[w].warn", "unti") in found


# ---------------------------------------------------------------- decisions (retssikkerhedsloven § 3, stk. 2)
DECISIONS = {"dp_selvvalgt", "kh_sps34", "uh_sps34", "rev_afgoerelse", "rev_forlaengelse", "fj_afgoerelse",
             "fp_afgoerelse", "hk_hjaelpemiddel", "hk_personlig_assistance", "jr_svar"}  # fmt: skip


def test_the_shipped_catalogue_marks_the_decisions_on_applications(catalogue):
    assert {r.id for r in catalogue.milestones.values() if r.decision} == DECISIONS
    assert catalogue.milestones["hk_personlig_assistance"].soft  # an expected time may still be a decision


def test_each_decision_gets_a_derived_promise_counted_from_the_promised_day(catalogue):
    for rid in DECISIONS:
        rule, promise = catalogue.milestones[rid], catalogue.promise_for(rid)
        assert promise is not None and promise.promise_of == rid and promise.group == rule.group
        assert (promise.amount, promise.unit, promise.roll) == (0, Unit.CALENDAR_DAYS, Roll.NONE)
        assert catalogue.triggers[promise.trigger or ""].promise
        assert not promise.decision  # a promise is watched, but gets no promise of its own
    assert catalogue.promise_for("kh_visitation") is None
    # a new case starts without them, and nobody registers the promised day by hand
    assert "fj_afgoerelse_forventet" not in {r.id for r in catalogue.registered_of("fleksjob")}
    assert [t.id for t in catalogue.triggers_of("fleksjob")] == ["sag_paabegyndt"]


def test_decision_defaults_to_false(tmp_path):
    cat = load_catalogue(write(tmp_path, VALID + milestone("b", decision=True)))
    assert not cat.milestones["a"].decision and cat.milestones["b"].decision
    assert list(cat.milestones) == ["a", "h1", "b", "b_forventet"]


def test_a_milestone_named_like_a_promise_is_no_promise(tmp_path):
    cat = load_catalogue(write(tmp_path, VALID + milestone("b") + milestone("b_forventet")))
    assert cat.promise_for("b") is None and cat.milestones["b_forventet"].promise_of is None
