"""core.catalogues: which catalogue a new case is registered under on a day, groups closed to new cases, and the
checks that no two catalogues are in force on the same day. Worked across a valid_from boundary."""

from __future__ import annotations

import re
from datetime import date

import pytest

from jobcenter_desktop.core.catalogues import Catalogues
from jobcenter_desktop.core.rules import CatalogueError, parse_catalogue_text
from jobcenter_desktop.paths import default_catalogue_path

D = date


def variant(cid: str, valid_from: str, valid_to: str | None = None, drop_group: str | None = None):  # type: ignore[no-untyped-def]
    """The shipped catalogue under another id and validity (optionally without one group)."""
    text = default_catalogue_path().read_text(encoding="utf-8")
    text = re.sub(r'(?m)^id = "albertslund-2016"$', f'id = "{cid}"', text, count=1)
    extra = f"\nvalid_to = {valid_to}" if valid_to else ""
    text = re.sub(r"(?m)^valid_from = .*$", f"valid_from = {valid_from}{extra}", text, count=1)
    if drop_group:
        text = re.sub(rf"(?ms)^\[groups\.{drop_group}\].*?(?=^\[)", "", text)
        text = re.sub(rf'(?ms)^\[\[milestones\]\]\n(?:(?!^\[\[).)*?^group = "{drop_group}"\n(?:(?!^\[\[).)*', "", text)
    return parse_catalogue_text(text, f"{cid}.toml")


def test_the_shipped_catalogue_closes_revalidering_and_jobrotation_from_1_feb_2026(catalogue) -> None:  # type: ignore[no-untyped-def]
    cats = Catalogues.of([catalogue])
    assert catalogue.groups["revalidering"].closed_from == D(2026, 2, 1)
    assert catalogue.groups["jobrotation"].closed_from == D(2026, 2, 1)
    assert "lov nr. 1750" in catalogue.source
    open_jan = {g.id for g in cats.open_groups(D(2026, 1, 31))}
    open_feb = {g.id for g in cats.open_groups(D(2026, 2, 1))}
    assert open_jan - open_feb == {"revalidering", "jobrotation"}
    assert cats.why_not("revalidering", D(2026, 1, 31)) is None
    assert cats.why_not("revalidering", D(2026, 2, 1)) == ("Revalidering er lukket for nye sager fra 01-02-2026; "
                                                            "åbne sager kører videre.")  # fmt: skip


def test_a_newer_catalogue_takes_over_on_its_valid_from() -> None:
    old = variant("gammel", "2016-08-09")
    new = variant("ny-2027", "2027-01-01", drop_group="fleksjob")
    cats = Catalogues.of([new, old])
    assert [c.id for c in cats] == ["gammel", "ny-2027"]
    assert cats.in_force(D(2026, 12, 31)).id == "gammel"
    assert cats.in_force(D(2027, 1, 1)).id == "ny-2027"
    assert cats.end_of(old) == D(2026, 12, 31)
    assert cats.in_force(D(2016, 8, 8)) is None
    assert cats.why_not("fleksjob", D(2026, 12, 31)) is None
    assert "findes ikke" in (cats.why_not("fleksjob", D(2027, 1, 1)) or "")
    assert "Intet regelkatalog gælder før" in (cats.why_not("dagpenge", D(2016, 1, 1)) or "")
    lines = cats.describe()
    assert "til og med 31-12-2026" in lines[0] and "nye sager fra 01-01-2027" in lines[1]


def test_a_gap_between_catalogues_is_a_day_without_one() -> None:
    cats = Catalogues.of([variant("a", "2020-01-01", "2020-06-30"), variant("b", "2020-08-01")])
    assert cats.in_force(D(2020, 7, 15)) is None
    assert "Intet regelkatalog gælder den 15-07-2020" in (cats.why_not("dagpenge", D(2020, 7, 15)) or "")


@pytest.mark.parametrize(("items", "field", "message"), [
    (lambda: [variant("a", "2020-01-01"), variant("a", "2021-01-01")], "id", "findes allerede"),
    (lambda: [variant("a", "2020-01-01"), variant("b", "2020-01-01")], "valid_from", "samme dag"),
    (lambda: [variant("a", "2020-01-01", "2021-06-30"), variant("b", "2021-01-01")], "valid_to", "gælder allerede"),
])  # fmt: skip
def test_overlapping_catalogues_are_refused_with_file_and_field(items, field: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CatalogueError) as e:
        Catalogues.of(items())
    [p] = e.value.problems
    assert p.field == field and message in p.message and p.file.endswith(".toml")


@pytest.mark.parametrize(("edit", "where", "field"), [
    (("closed_from = 2026-02-01", "closed_from = \"februar\""), "groups[revalidering]", "closed_from"),
    (("target = 0.75", "target = 75"), "catalogue", "target"),
    (("valid_from = 2016-08-09", "valid_from = 2016-08-09\nvalid_to = 2015-01-01"), "catalogue", "valid_to"),
])  # fmt: skip
def test_bad_validity_fields_are_reported_with_where_and_field(edit: tuple[str, str], where: str, field: str) -> None:
    text = default_catalogue_path().read_text(encoding="utf-8").replace(*edit, 1)
    with pytest.raises(CatalogueError) as e:
        parse_catalogue_text(text, "x.toml")
    assert [(p.where, p.field) for p in e.value.problems] == [(where, field)]
