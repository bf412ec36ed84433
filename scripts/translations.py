"""Extracts every tr()/translate()/QT_TRANSLATE_NOOP text of the UI into resources/translations/jobcenter_da.ts
and compiles it to jobcenter_da.qm:  .venv/bin/python scripts/translations.py   (after changing any UI text).

Our source texts are Danish, so each new message gets its source as its Danish translation; a translator can
then refine any of them in Qt Linguist (pyside6-linguist) and the refinement is kept by the next run."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "jobcenter_desktop" / "ui"
OUT = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))


def extract(ts: Path) -> None:
    """lupdate into ``ts`` (kept translations survive; texts no longer in the code are dropped)."""
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", "da_DK", "-ts", str(ts)], cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip


def fill(ts: Path) -> int:
    """Gives every unfinished message its (Danish) source text; returns how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and (translation.get("type") == "unfinished" or not translation.text):
            translation.text = source
            translation.attrib.pop("type", None)
            filled += 1
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    ts = OUT / "jobcenter_da.ts"
    extract(ts)
    filled = fill(ts)
    compile_qm(ts, OUT / "jobcenter_da.qm")
    print(f"{ts.relative_to(ROOT)}: {sum(1 for _ in ET.parse(ts).iter('message'))} tekster, {filled} nye")
    return 0


if __name__ == "__main__":
    sys.exit(main())
