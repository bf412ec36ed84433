"""CPR and CVR numbers: validation, normalisation and masking.

CPR is validated as DDMMYY-NNNN with a real date (the century follows from the 7th digit, so 29 February
is checked in the right year); no modulus-11 check, which CPR numbers have not needed since 2007.
CPR numbers are sensitive personal data: never log them, and show :func:`mask_cpr` by default.
"""

from __future__ import annotations

import re
from datetime import date

from jobcenter_desktop.core.rules import PartyKind

# re.ASCII: \d must not accept full-width or other Unicode digits, which would be stored as a different id.
_CPR = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$", re.ASCII)
_CVR = re.compile(r"^\d{8}$", re.ASCII)


class PartyIdError(ValueError):
    """An invalid CPR or CVR number (the message is Danish and never repeats the number)."""


def cpr_birth_date(cpr: str) -> date:
    """The birth date in a CPR number, or :class:`PartyIdError`."""
    m = _CPR.match(cpr.strip().replace(" ", ""))
    if not m:
        raise PartyIdError("CPR-nummeret skal have formen DDMMÅÅ-NNNN (10 cifre).")
    dd, mm, yy, serial = int(m[1]), int(m[2]), int(m[3]), m[4]
    c7 = int(serial[0])
    if c7 <= 3:
        century = 1900
    elif c7 in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:
        century = 2000 if yy <= 57 else 1800
    try:
        return date(century + yy, mm, dd)
    except ValueError:
        raise PartyIdError("CPR-nummeret indeholder ikke en gyldig fødselsdato.") from None


def normalize_cpr(cpr: str) -> str:
    """``DDMMYY-NNNN`` for a valid CPR number with or without the dash; else :class:`PartyIdError`."""
    cpr_birth_date(cpr)
    digits = re.sub(r"\D", "", cpr)
    return f"{digits[:6]}-{digits[6:]}"


def normalize_cvr(cvr: str) -> str:
    digits = cvr.strip().replace(" ", "")
    if not _CVR.match(digits):
        raise PartyIdError("CVR-nummeret skal være præcis 8 cifre.")
    return digits


def normalize_party_id(kind: PartyKind, value: str) -> str:
    return normalize_cpr(value) if kind is PartyKind.CITIZEN else normalize_cvr(value)


def mask_cpr(cpr: str) -> str:
    """``DDMMYY-XXXX``: the birth date stays readable for telling people apart, the serial is hidden."""
    digits = re.sub(r"\D", "", cpr)
    return f"{digits[:6]}-XXXX" if len(digits) == 10 else "XXXXXX-XXXX"


# Digits on neither side (not \b): "cpr_0101901235" or "id0101901235" inside free text is caught too, and the
# separators people type between the two halves (a dash, a space: the CPR field accepts "010190 1235" too).
# The birth date may be written with spaces or dots (01 01 90, 01.01.90) and the halves joined by any dash a word
# processor types (-, ‐, ‑, ‒, –, —, −), a slash, an underscore or a dot, with spaces around it or none.
_SEP = "[-\u2010-\u2015\u2212/_.]"
_CPR_IN_TEXT = re.compile(rf"(?<!\d)(\d{{2}})[ .]?(\d{{2}})[ .]?(\d{{2}}) ?{_SEP}? ?\d{{4}}(?!\d)")


def hide_cpr_in_text(text: str) -> str:
    """Mask everything shaped like a CPR number inside free text (log lines, echoed spreadsheet cells)."""
    return _CPR_IN_TEXT.sub(r"\1\2\3-XXXX", text)


def display_party_id(kind: PartyKind, value: str, *, reveal: bool = False) -> str:
    """What a list shows: CPR masked unless explicitly revealed; CVR (a public company number) as is."""
    if kind is PartyKind.CITIZEN and not reveal:
        return mask_cpr(value)
    return value


def cvr_checksum_ok(cvr: str) -> bool:
    """Modulus-11 check of real CVR numbers; the demo generator uses it to make numbers that are *not* real."""
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    return sum(int(c) * w for c, w in zip(cvr, weights, strict=True)) % 11 == 0


def cpr_checksum_ok(cpr: str) -> bool:
    """Modulus-11 check of old-style CPR numbers; fake CPR numbers in demo data deliberately fail it."""
    digits = re.sub(r"\D", "", cpr)
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    return sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 11 == 0
