"""core.gcpause: the collector is off only inside the block and comes back as it was, also after a failure."""

from __future__ import annotations

import gc

import pytest

from jobcenter_desktop.core.gcpause import gc_paused


def test_the_collector_is_paused_only_while_writing_and_restored_after_a_failure() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("a full disk")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
