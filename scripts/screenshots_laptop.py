"""Render the laptop pictures (check-out dialog, the laptop copy's window with its banner, the conflict dialog)
from a real team database with fake people.

    .venv/bin/python scripts/screenshots_laptop.py [OUT_DIR]      (default: docs/screenshots)

Uses JOBCENTER_TEST_PG (a superuser URL) or starts a throw-away cluster (scripts/pg-cluster.sh).
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benches"))

from common import postgres_superuser  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from jobcenter_desktop.services import server  # noqa: E402
from jobcenter_desktop.services.app import Frister  # noqa: E402
from jobcenter_desktop.services.cases import NewCase  # noqa: E402
from jobcenter_desktop.storage.target import parse_server_url  # noqa: E402
from jobcenter_desktop.ui.app import build_main_window, ensure_qapp  # noqa: E402
from jobcenter_desktop.ui.checkout_dialog import CheckoutDialog  # noqa: E402
from jobcenter_desktop.ui.conflicts_dialog import ConflictsDialog  # noqa: E402

TODAY = date(2026, 11, 23)
PASS = "bærbar-kode-1"
PEOPLE = [("Fiktiv Jensen", "010190-1235"), ("Fiktiv Hansen", "020290-1235"), ("Fiktiv Olsen", "030390-1235"),
          ("Fiktiv Berg", "040490-1235")]  # fmt: skip


def grab(widget: QWidget, path: Path, size: tuple[int, int]) -> None:
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    ensure_qapp()
    with postgres_superuser() as superuser, tempfile.TemporaryDirectory() as tmp:
        name = f"shots_{uuid.uuid4().hex[:8]}"
        admin = create_engine(superuser.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        owner = parse_server_url(superuser.rsplit("/", 1)[0] + "/" + name)
        server.init(owner)
        for login, role in (("anna.k", "caseworker"), ("bo.l", "teamlead")):
            server.add_user(owner, login, "Team Vest", role, "demo-kode-1")
        host = superuser.split("@", 1)[1].rsplit("/", 1)[0]
        url = {who: f"postgresql://{who}:demo-kode-1@{host}/{name}" for who in ("anna.k", "bo.l")}
        anna, bo = Frister.open(url["anna.k"]), Frister.open(url["bo.l"])
        cases = [anna.cases.register(NewCase("dagpenge", n, cpr, {"ledigmelding": TODAY}, notes="Ring før kl. 10"),
                                     TODAY) for n, cpr in PEOPLE]  # fmt: skip
        grab(CheckoutDialog(anna), out / "tag-med-ud.png", (560, 560))
        laptop = Path(tmp) / "frister-baerbar.sqlite3"
        anna.checkouts.checkout(laptop, [c.id for c in cases], passphrase=PASS, device="PC-ANNA")
        lap = Frister.open(laptop, passphrase=PASS)
        for i, c in enumerate(cases[:2]):
            c = lap.cases.get(c.id)
            lap.cases.update_notes(c.id, f"Hjemmebesøg {i + 1}: aftalt opfølgning om to uger",
                                   expected_version=c.version)  # fmt: skip
        lap.cases.register(NewCase("dagpenge", "Fiktiv Ny", "050590-1235", {"ledigmelding": TODAY}), TODAY)
        lap.close()
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = build_main_window(laptop, today=lambda: TODAY, settings=settings, passphrase=PASS)
        grab(window, out / "baerbar-kopi.png", (1366, 768))
        window.close()
        window.app.close()
        for c in cases[:2]:
            c = bo.cases.get(c.id)
            bo.cases.update_notes(c.id, "Borgeren ringede: kan ikke komme torsdag", expected_version=c.version)
        anna.checkins.checkin(laptop, passphrase=PASS, today=TODAY)
        dialog = ConflictsDialog(anna, TODAY)
        grab(dialog, out / "konflikter.png", (1024, 560))
        dialog.close()
        anna.close()
        bo.close()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
