"""Catalogues for tests: the shipped one as it was before lov nr. 1750 closed revalidering and jobrotation to
new cases (1 Feb 2026), for worked examples that register those groups on 2026 dates."""

from __future__ import annotations

import re
from functools import cache

from jobcenter_desktop.core.rules import Catalogue, parse_catalogue_text
from jobcenter_desktop.paths import default_catalogue_path


@cache
def prereform_catalogue() -> Catalogue:
    text = default_catalogue_path().read_text(encoding="utf-8")
    opened = re.sub(r"(?m)^closed_from = .*$", "", text)
    assert opened != text, "the shipped catalogue no longer closes any group"
    return parse_catalogue_text(opened, "albertslund-2016 (før lov nr. 1750)")
