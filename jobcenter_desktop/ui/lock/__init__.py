"""Idle auto-lock: after a configurable time without user input the main window hides every piece of personal
data behind a lock page until the user confirms who they are.

* :mod:`.idle` – the idle clock (any input in any window of the app restarts it);
* :mod:`.curtain` – hides the other windows while locked, runs dialogs so a lock does not cancel them;
* :mod:`.page` – the lock page;
* :mod:`.controller` – the state machine: lock, check what is typed, unlock.
"""
