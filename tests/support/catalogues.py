"""Catalogues for tests: the shipped one as it was before lov nr. 1750 closed revalidering and jobrotation to
new cases (1 Feb 2026), for worked examples that register those groups on 2026 dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from jobcenter_desktop.core.rules import Catalogue, parse_catalogue_text
from jobcenter_desktop.paths import default_catalogue_path


@cache
def prereform_catalogue() -> Catalogue:
    text = default_catalogue_path().read_text(encoding="utf-8")
    opened = re.sub(r"(?m)^closed_from = .*$", "", text)
    assert opened != text, "the shipped catalogue no longer closes any group"
    return parse_catalogue_text(opened, "albertslund-2016 (før lov nr. 1750)")


def catalogue_variant(folder: Path, cid: str, valid_from: str, edit: Callable[[str], str] | None = None) -> Path:
    """The shipped catalogue's file under another id, valid from another day (optionally edited further)."""
    text = default_catalogue_path().read_text(encoding="utf-8").replace('id = "albertslund-2016"', f'id = "{cid}"', 1)
    text = re.sub(r"(?m)^valid_from = .*$", f"valid_from = {valid_from}", text, count=1)
    path = folder / f"{cid}.toml"
    path.write_text(edit(text) if edit else text, encoding="utf-8")
    return path
