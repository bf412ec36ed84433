"""The case window (Sag), in its parts: :mod:`.header` (who and what, pause, check-out), :mod:`.notes` (the
dated notes), :mod:`.history` (the audit trail), :mod:`.dialog` (the milestones, the actions, the window)."""
