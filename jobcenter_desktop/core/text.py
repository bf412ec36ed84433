"""Text that enters the app from people: identities (who acts, caseworkers, teams) and free text (names, notes,
reasons). One set of rules for every way in (command line, dialogs, spreadsheets), so nothing is silently cut
short and nothing an audit listing prints can carry a control character."""

from __future__ import annotations

import re
import unicodedata

MAX_IDENTITY = 64  # a login or initials; team names too. The columns allow 100.
MAX_SEARCH = 100  # a search is a name, a case number or a CPR number; longer is a pasting accident


class TextError(ValueError):
    """The text cannot be used as it is; the message is Danish and names the field."""


def _too_long(what: str, limit: int, length: int) -> str:
    # ``what`` is a Danish noun in its definite form: "Navnet"/"Teamet" are neuter (for langt), the others
    # ("Bemærkningen", "Begrundelsen") common gender (for lang).
    adjective = "langt" if what.endswith("et") else "lang"
    return f"{what} er for {adjective} (højst {_number(limit)} tegn, ikke {_number(length)})."


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # Danish thousands separator


# Cc: control characters (newline, ESC, ...); Cf: format characters (bidi overrides can disguise text); Cs: lone
# surrogates (an invalid byte in a command-line argument); Zl/Zp: the Unicode line and paragraph separators, which
# many programs treat as a new line and so could forge one.
_BAD = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


def _bad(ch: str) -> bool:
    return unicodedata.category(ch) in _BAD


def _has_control(value: str, keep: str = "") -> bool:
    return any(_bad(ch) and ch not in keep for ch in value)


def check_identity(value: str, what: str = "Brugernavnet") -> str:
    """A user name, caseworker or team: printable, on one line, at most MAX_IDENTITY characters. Returns it
    trimmed and NFC-normalised; anything else is refused (never cleaned silently: an identity is evidence)."""
    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        raise TextError(f"{what} mangler.")
    if _has_control(text):
        raise TextError(f"{what} må ikke indeholde linjeskift eller styretegn.")
    if len(text) > MAX_IDENTITY:
        raise TextError(_too_long(what, MAX_IDENTITY, len(text)))
    return text


def check_text(value: str, *, limit: int, what: str, multiline: bool = False, required: bool = False) -> str:
    """Free text (names, notes, reasons): trimmed and NFC-normalised, control characters dropped (newlines and
    tabs kept in multi-line text). Text longer than ``limit`` is refused with a message, never cut."""
    text = unicodedata.normalize("NFC", value).strip()
    keep = "\n\t" if multiline else ""
    if _has_control(text, keep):
        text = "".join(ch for ch in text if ch in keep or not _bad(ch))
    if required and not text:
        raise TextError(f"{what} mangler.")
    if len(text) > limit:
        raise TextError(_too_long(what, limit, len(text)))
    return text


def check_search(value: str) -> str:
    """A search text for the worklist and the case register."""
    text = unicodedata.normalize("NFC", value)
    if _has_control(text, "\t"):
        text = "".join(ch for ch in text if not _bad(ch))
    if len(text.strip()) > MAX_SEARCH:
        raise TextError(f"Søgeteksten er for lang (højst {MAX_SEARCH} tegn).")
    return text


def printable(value: str) -> str:
    """Stored text made safe to print on one line of a terminal or a listing: newlines become " | " and every
    other control, format or line-separator character is shown as an escape (\\x1b, \\u2028), so stored text can
    never forge or recolour lines."""
    value = value.replace("\r\n", "\n").replace("\n", " | ").replace("\t", " ")
    if not any(_bad(ch) for ch in value):
        return value
    return "".join(ch.encode("unicode_escape", "backslashreplace").decode("ascii") if _bad(ch) else ch
                   for ch in value)  # fmt: skip


def count(n: int, singular: str, plural: str) -> str:
    """``1 sag``, ``2 sager``, ``0 sager``: the one place the app chooses between singular and plural (Danish
    uses the singular for exactly one). Thousands get a Danish separator: ``12.500 sager``."""
    return f"{_number(n)} {singular if n == 1 else plural}"


_ISO = re.compile(
    r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})"  # a date not inside a longer number (case numbers: KH-2026-0001)
    r"(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}:\d{2}|Z)?)?(?![\d-])"
)


def danish_dates(text: str) -> str:
    """ISO dates inside stored text (audit values, reasons) as people read them: ``2026-12-01`` →
    ``01-12-2026``, ``2026-12-01T09:30`` → ``01-12-2026 kl. 09:30``. Anything else is left alone."""

    def one(m: re.Match[str]) -> str:
        year, month, day, hour, minute = m.groups()
        shown = f"{day}-{month}-{year}"
        return f"{shown} kl. {hour}:{minute}" if hour else shown

    return _ISO.sub(one, text)
