"""Identities and free text from people: refused rather than silently cleaned or cut, and printable one-liners."""

from __future__ import annotations

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
