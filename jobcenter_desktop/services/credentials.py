"""Remembered team-database passwords, only where the person ticked "husk": kept in the operating system's
credential store (Windows Credential Manager, macOS Keychain, the Secret Service on Linux) through ``keyring``,
never in a file or setting of ours. Where no store is available, nothing is remembered and the window says so.

The account is the login at the server and database (``anna.k@host:5432/frister``), never the password in a
URL; a remembered password that the server refuses is forgotten at once."""

from __future__ import annotations

import logging
from typing import Any

from jobcenter_desktop.storage.target import ServerTarget, TargetError, parse_server_url

SERVICE = "Jobcenter Frister teamdatabase"
log = logging.getLogger(__name__)


def _keyring() -> Any | None:
    """The keyring module when it has a usable store (not the "fail" or a plaintext backend), else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # an install without the package: nothing is remembered
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or "plaintext" in type(backend).__name__.lower():
        return None
    return keyring


def account(url: str | ServerTarget) -> str | None:
    try:
        t = url if isinstance(url, ServerTarget) else parse_server_url(url)
    except TargetError:
        return None
    return f"{t.login}@{t.host}:{t.port}/{t.dbname}"


def can_remember() -> bool:
    return _keyring() is not None


def remembered(url: str) -> str | None:
    kr, who = _keyring(), account(url)
    if kr is None or who is None:
        return None
    try:
        value = kr.get_password(SERVICE, who)
    except Exception as e:  # a locked or broken store: ask the person instead
        log.warning("Adgangskodelageret kan ikke læses: %s", type(e).__name__)
        return None
    return value if isinstance(value, str) and value else None


def remember(url: str, password: str) -> bool:
    """True when the store took it."""
    kr, who = _keyring(), account(url)
    if kr is None or who is None or not password:
        return False
    try:
        kr.set_password(SERVICE, who, password)
    except Exception as e:
        log.warning("Adgangskoden kunne ikke gemmes i adgangskodelageret: %s", type(e).__name__)
        return False
    return True


def forget(url: str) -> None:
    kr, who = _keyring(), account(url)
    if kr is None or who is None:
        return
    try:
        kr.delete_password(SERVICE, who)
    except Exception:  # nothing stored (PasswordDeleteError) or a broken store: nothing to forget
        return
