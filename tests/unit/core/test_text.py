"""Identities and free text from people: refused rather than silently cleaned or cut, and printable one-liners."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobcenter_desktop.core.text import MAX_IDENTITY, TextError, check_identity, check_text, printable


@pytest.mark.parametrize("value", ["anna\nk", "anna\x1bk", "anna\x00", "\u202eanna", "anna\udcff", "x" * 65, "  "])
def test_bad_identities_are_refused(value: str) -> None:
    with pytest.raises(TextError):
        check_identity(value)


def test_a_good_identity_is_trimmed_and_normalised() -> None:
    assert check_identity("  Søren.Æ  ") == "Søren.Æ"
    assert check_identity("A\u030a") == "Å"  # NFD as pasted from some systems, stored NFC
    assert len(check_identity("x" * MAX_IDENTITY)) == MAX_IDENTITY


def test_text_over_the_limit_is_refused_with_its_length() -> None:
    with pytest.raises(TextError, match=r"Bemærkningen er for lang \(højst 10 tegn, ikke 11\)"):
        check_text("x" * 11, limit=10, what="Bemærkningen")
    with pytest.raises(TextError, match=r"Navnet er for langt \(højst 1\.000 tegn, ikke 1\.001\)"):
        check_text("x" * 1001, limit=1000, what="Navnet")
    assert check_text(" a\nb\x07 ", limit=10, what="x", multiline=True) == "a\nb"


@given(st.text())
def test_printable_is_always_one_line_without_control_characters(value: str) -> None:
    out = printable(value)
    assert "\n" not in out and "\r" not in out
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F or 0x202A <= ord(ch) <= 0x202E or 0xD800 <= ord(ch) <= 0xDFFF
                   for ch in out)


def test_count_chooses_singular_for_exactly_one() -> None:
    from jobcenter_desktop.core.text import count

    assert [count(n, "sag", "sager") for n in (0, 1, 2)] == ["0 sager", "1 sag", "2 sager"]
    assert count(1, "række", "rækker") == "1 række"
    assert count(12500, "sag", "sager") == "12.500 sager"


@pytest.mark.parametrize(("stored", "shown"), [
    ("2026-12-01", "01-12-2026"),
    ("2026-11-30 → 2026-12-04", "30-11-2026 → 04-12-2026"),
    ("Pause 2026-12-01–2026-12-24", "Pause 01-12-2026–24-12-2026"),
    ("2026-12-01T09:30", "01-12-2026 kl. 09:30"),
    ("2026-12-01T09:30:00+00:00", "01-12-2026 kl. 09:30"),
    ("sag KH-2026-0001 ændret", "sag KH-2026-0001 ændret"),  # a case number is not a date
    ("12-2026-01-0155", "12-2026-01-0155"),
    ("", ""),
])  # fmt: skip
def test_danish_dates_rewrites_iso_dates_only(stored: str, shown: str) -> None:
    from jobcenter_desktop.core.text import danish_dates

    assert danish_dates(stored) == shown


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_danish_dates_agrees_with_format_date(d: date) -> None:
    from jobcenter_desktop.core.calendar import format_date
    from jobcenter_desktop.core.text import danish_dates

    assert danish_dates(f"frist {d.isoformat()}.") == f"frist {format_date(d)}."
