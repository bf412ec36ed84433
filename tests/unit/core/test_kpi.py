"""core.kpi: periods, adding the database's counts up into breakdowns, shares and targets. A property test holds
that every breakdown adds up to the same total, whatever the counts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobcenter_desktop.core.catalogues import Catalogues
from jobcenter_desktop.core.kpi import Breakdown, Bucket, KpiCount, KpiPeriod, KpiRow, PeriodError, figures, percent

D = date


@pytest.mark.parametrize(("text", "start", "end", "label"), [
    ("2026-11", D(2026, 11, 1), D(2026, 11, 30), "november 2026"),
    ("2026-02", D(2026, 2, 1), D(2026, 2, 28), "februar 2026"),
    ("2028-02", D(2028, 2, 1), D(2028, 2, 29), "februar 2028"),  # leap year
    ("2026-12", D(2026, 12, 1), D(2026, 12, 31), "december 2026"),
    ("2026-Q3", D(2026, 7, 1), D(2026, 9, 30), "3. kvartal 2026"),
    ("2026-q1", D(2026, 1, 1), D(2026, 3, 31), "1. kvartal 2026"),
    ("2026K4", D(2026, 10, 1), D(2026, 12, 31), "4. kvartal 2026"),
    ("2026", D(2026, 1, 1), D(2026, 12, 31), "2026"),
])  # fmt: skip
def test_periods(text: str, start: date, end: date, label: str) -> None:
    p = KpiPeriod.parse(text)
    assert (p.start, p.end, p.label) == (start, end, label)


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "2026-Q0", "nov", "", "26-11", "2026-11-01", "1899"])
def test_bad_periods_say_so_in_danish(text: str) -> None:
    with pytest.raises(PeriodError) as e:
        KpiPeriod.parse(text)
    assert str(e.value)


def test_between_and_its_limits() -> None:
    p = KpiPeriod.between(D(2026, 1, 5), D(2026, 2, 10))
    assert p.label == "05-01-2026–10-02-2026"
    with pytest.raises(PeriodError, match="før"):
        KpiPeriod.between(D(2026, 2, 10), D(2026, 1, 5))


def test_months_back_crosses_the_new_year() -> None:
    months = KpiPeriod.parse("2026-02").months_back(4)
    assert [m.key for m in months] == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_share_excludes_exempt_not_yet_due_and_soft() -> None:
    row = KpiRow("x", "X", on_time=3, late=1, overdue=0, exempt=5, not_yet_due=9, soft=4, target=0.75)
    assert row.share_on_time == 0.75 and not row.below_target
    assert KpiRow("x", "X", on_time=2, late=1, target=0.75).below_target
    assert KpiRow("x", "X", exempt=3).share_on_time is None
    assert percent(0.755) == "75,5 %" and percent(None) == "–"
    assert KpiRow("x", "X", on_time=3, exempt=2).over_exempt_ceiling  # 2 of 5 > 25 %
    assert not KpiRow("x", "X", on_time=3, exempt=1).over_exempt_ceiling  # 1 of 4 = 25 %: at the ceiling


def test_soft_milestones_count_only_in_their_own_column(catalogue) -> None:  # type: ignore[no-untyped-def]
    cats = Catalogues.of([catalogue])
    counts = [KpiCount(catalogue.id, "handicap_erhverv", "hk_personlig_assistance", "a", "T", Bucket.OVERDUE, 2),
              KpiCount(catalogue.id, "handicap_erhverv", "hk_hjaelpemiddel", "a", "T", Bucket.ON_TIME, 1)]
    t = figures(counts, Breakdown.GROUP, cats, catalogue.id)
    assert (t.total.on_time, t.total.overdue, t.total.soft) == (1, 0, 2)


GROUP_RULES = [("kontanthjaelp", "kh_visitation"), ("kontanthjaelp", "kh_ydelse"), ("dagpenge", "dp_telefon"),
               ("handicap_erhverv", "hk_personlig_assistance"), ("jobaabninger", "ja_kontakt")]  # fmt: skip
count_st = st.builds(
    lambda gr, worker, team, bucket, n: (gr, worker, team, bucket, n),
    st.sampled_from(GROUP_RULES), st.sampled_from(["anna.k", "bo.l", "eva.s"]),
    st.sampled_from(["Team Vest", "Team Øst", ""]), st.sampled_from(list(Bucket)), st.integers(1, 50),
)


@given(st.lists(count_st, max_size=40))
def test_every_breakdown_adds_up_to_the_total(catalogue, raw) -> None:  # type: ignore[no-untyped-def]
    cats = Catalogues.of([catalogue])
    counts = [KpiCount(catalogue.id, g, r, w, t, b, n) for (g, r), w, t, b, n in raw]
    totals = set()
    for by in Breakdown:
        table = figures(counts, by, cats, catalogue.id)
        fields = ("on_time", "late", "overdue", "exempt", "not_yet_due", "soft")
        summed = tuple(sum(getattr(r, f) for r in table.rows) for f in fields)
        assert summed == tuple(getattr(table.total, f) for f in fields)
        totals.add(summed)
        assert len({r.key for r in table.rows}) == len(table.rows)
    assert len(totals) == 1
    left_out = sum(n for *_, b, n in raw if b is Bucket.LEFT_OUT)
    assert sum(totals.pop()) == sum(n for *_, n in raw) - left_out
