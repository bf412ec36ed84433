"""CPR and CVR numbers: validation, normalisation, masking. All numbers here are made up."""

from __future__ import annotations

import re
from datetime import date

import pytest

from jobcenter_desktop.core.party import (
    PartyIdError,
    cpr_birth_date,
    cpr_checksum_ok,
    cvr_checksum_ok,
    display_party_id,
    mask_cpr,
    normalize_cpr,
    normalize_cvr,
    normalize_party_id,
)
from jobcenter_desktop.core.rules import PartyKind


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("010190-1234", "010190-1234"),
        ("0101901234", "010190-1234"),
        (" 010190-1234 ", "010190-1234"),
        ("010190 1234", "010190-1234"),
        ("290200-4123", "290200-4123"),
        ("311299-0001", "311299-0001"),
    ],
)
def test_cpr_is_normalised_to_ddmmyy_dash_nnnn(raw, normalised):
    assert normalize_cpr(raw) == normalised
    assert normalize_party_id(PartyKind.CITIZEN, raw) == normalised


@pytest.mark.parametrize(
    ("cpr", "born"),
    [
        ("010190-1234", date(1990, 1, 1)),  # 7th digit 0-3: 1900s
        ("010150-0123", date(1950, 1, 1)),
        ("290200-4123", date(2000, 2, 29)),  # 7th digit 4, year 00-36: 2000s; 2000 is a leap year
        ("010136-4000", date(2036, 1, 1)),
        ("010137-4000", date(1937, 1, 1)),  # 7th digit 4, year 37-99: 1900s
        ("010110-9000", date(2010, 1, 1)),  # 7th digit 9 like 4
        ("010160-9000", date(1960, 1, 1)),
        ("010157-5000", date(2057, 1, 1)),  # 7th digit 5-8, year 00-57: 2000s
        ("010158-8000", date(1858, 1, 1)),  # 7th digit 5-8, year 58-99: 1800s
        ("290296-1234", date(1996, 2, 29)),
    ],
)
def test_cpr_birth_date_follows_the_century_rule(cpr, born):
    assert cpr_birth_date(cpr) == born


@pytest.mark.parametrize(
    "cpr",
    [
        "310499-1234",  # 31 April
        "000190-1234",  # day 0
        "320190-1234",  # day 32
        "011390-1234",  # month 13
        "010090-1234",  # month 0
        "290200-1234",  # 29 Feb 1900: 1900 was not a leap year
        "290201-4123",  # 29 Feb 2001
        "290297-1234",  # 29 Feb 1997
        "300290-1234",  # 30 Feb
    ],
)
def test_cpr_with_an_impossible_birth_date_is_rejected(cpr):
    with pytest.raises(PartyIdError) as info:
        normalize_cpr(cpr)
    message = str(info.value)
    assert message
    digits = cpr.replace("-", "")
    assert cpr not in message
    assert digits not in message
    assert digits[:6] not in message
    assert digits[6:] not in message
    with pytest.raises(PartyIdError):
        cpr_birth_date(cpr)


@pytest.mark.parametrize(
    "cpr",
    [
        "",
        "12345",
        "01019012345",  # 11 digits
        "010190-123",
        "0101901234x",
        "01-01-90-1234",
        "010190--1234",
        "abcdef-ghij",
        "010190/1234",
        "０１０１９０-１２３４",  # full-width digits are not CPR digits
        "٠١٠١٩٠١٢٣٤",  # nor are Arabic-Indic ones
    ],
)
def test_malformed_cpr_is_rejected_without_echoing_it(cpr):
    with pytest.raises(PartyIdError) as info:
        normalize_cpr(cpr)
    message = str(info.value)
    assert message
    if cpr:
        assert cpr not in message
        for run in re.findall(r"\d{3,}", cpr):
            assert run not in message


def test_party_id_error_is_a_value_error():
    assert issubclass(PartyIdError, ValueError)


@pytest.mark.parametrize(
    ("cpr", "masked"),
    [
        ("010190-1234", "010190-XXXX"),
        ("0101901234", "010190-XXXX"),
        ("290200-4123", "290200-XXXX"),
        ("12345", "XXXXXX-XXXX"),
        ("", "XXXXXX-XXXX"),
    ],
)
def test_mask_cpr(cpr, masked):
    assert mask_cpr(cpr) == masked


def test_display_party_id_masks_cpr_unless_revealed():
    assert display_party_id(PartyKind.CITIZEN, "010190-1234") == "010190-XXXX"
    assert display_party_id(PartyKind.CITIZEN, "010190-1234", reveal=True) == "010190-1234"
    assert display_party_id(PartyKind.COMPANY, "12345678") == "12345678"


@pytest.mark.parametrize(("raw", "normalised"), [("12345678", "12345678"), (" 12345678 ", "12345678"),
                                                  ("12 34 56 78", "12345678"), ("00000001", "00000001")])  # fmt: skip
def test_cvr_is_eight_digits(raw, normalised):
    assert normalize_cvr(raw) == normalised
    assert normalize_party_id(PartyKind.COMPANY, raw) == normalised


@pytest.mark.parametrize(
    "cvr",
    ["", "1234567", "123456789", "1234567a", "DK12345678", "1234-5678", "１２３４５６７８", "١٢٣٤٥٦٧٨"],
)
def test_invalid_cvr_is_rejected(cvr):
    with pytest.raises(PartyIdError) as info:
        normalize_cvr(cvr)
    if cvr:
        assert cvr not in str(info.value)


def test_checksums():
    # CVR weights 2,7,6,5,4,3,2,1: 1*2 + 9*1 = 11
    assert cvr_checksum_ok("10000009")
    assert not cvr_checksum_ok("10000008")
    # CPR weights 4,3,2,7,6,5,4,3,2,1: 0+21+0+49+36+5+16+6+16+5 = 154 = 14*11
    assert cpr_checksum_ok("070761-4285")
    assert not cpr_checksum_ok("070761-4286")


@pytest.mark.parametrize("text", ["010190–1235", "010190‐1235", "010190−1235", "010190 - 1235", "01.01.90-1235",
                                  "010190/1235", "010190_1235", "01 01 90 1235", "0101901235", "010190 1235"])
def test_cpr_numbers_in_free_text_are_masked_however_they_are_typed(text: str) -> None:
    from jobcenter_desktop.core.party import hide_cpr_in_text

    masked = hide_cpr_in_text(f"ring til {text} i dag")
    assert masked == "ring til 010190-XXXX i dag"


@pytest.mark.parametrize("text", ["sag 2026-00012", "tlf 12345678", "2026-00012/kh_ydelse", "kl. 10.30"])
def test_other_numbers_are_left_alone(text: str) -> None:
    from jobcenter_desktop.core.party import hide_cpr_in_text

    assert hide_cpr_in_text(text) == text
