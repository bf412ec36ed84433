"""``checkout``, ``checkin`` and ``conflicts`` on the command line, against the real team database."""

from __future__ import annotations

import pytest
from support.cli import Cli

TODAY = "2026-11-23"


@pytest.fixture
def urls(pg_server, monkeypatch):  # type: ignore[no-untyped-def]
    name = pg_server.new_database()
    monkeypatch.setenv("JOBCENTER_PASSPHRASE", "bærbar-kode-1")
    yield {who: pg_server.url(who, name) for who in ("anna.k", "bo.l")}
    pg_server.drop(name)


def test_out_offline_and_back_with_a_conflict(capsys, urls, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli = Cli(capsys)
    anna, bo = urls["anna.k"], urls["bo.l"]
    cli.ok("--server", anna, "--today", TODAY, "case", "add", "--group", "dagpenge", "--name", "Fiktiv Cli",
           "--id", "020285-1234", "--trigger", "ledigmelding=2026-11-16", "--notes", "start")
    laptop = tmp_path / "pc.sqlite3"
    out = cli.ok("--server", anna, "checkout", "--to", laptop, "--mine", "--device", "pc-7")
    assert "1 sag taget med ud" in out and "krypteret" in out
    [co] = cli.json("--server", bo, "checkout", "--list")
    assert (co["case"], co["login"], co["device"]) == ("2026-00001", "anna.k", "PC-7")
    # Offline: the laptop file is an ordinary (encrypted) database for every command.
    cli.ok("--db", laptop, "--today", TODAY, "case", "notes", "2026-00001", "ude hos borger")
    cli.ok("--server", bo, "--today", TODAY, "case", "notes", "2026-00001", "kontoret ringede")
    out = cli.ok("--server", anna, "--db", laptop, "--today", TODAY, "checkin")
    assert "1 konflikt." in out
    [c] = cli.json("--server", anna, "conflicts", "list")
    assert (c["field"], c["server"], c["laptop"], c["server_by"]) == ("notes", "kontoret ringede",
                                                                      "ude hos borger", "bo.l")
    out = cli.ok("--server", anna, "conflicts", "list")
    assert "bærbar PC-7: ude hos borger" in out and "(ændret af bo.l)" in out
    cli.ok("--server", anna, "conflicts", "resolve", c["id"][:8], "--value", "begge: ude hos borger; ringede")
    shown = cli.json("--server", anna, "case", "show", "2026-00001")
    assert shown["notes"] == "begge: ude hos borger; ringede"
    assert cli.json("--server", anna, "conflicts", "list") == []
    out = cli.ok("--server", anna, "--db", laptop, "--today", TODAY, "checkin", "--release")
    assert "fjernet" in out and not laptop.exists()


def test_bad_input_is_a_danish_line_and_exit_2(capsys, urls, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli = Cli(capsys)
    anna = urls["anna.k"]
    assert "--to" in cli.fails("--server", anna, "checkout", "--mine")
    assert "--mine eller --case" in cli.fails("--server", anna, "checkout", "--to", tmp_path / "x.sqlite3")
    assert "--server" in cli.fails("--db", tmp_path / "x.sqlite3", "checkin")
    assert "findes ikke" in cli.fails("--server", anna, "--db", tmp_path / "ingen.sqlite3", "checkin")
    assert "SAGSNR" not in cli.fails("--server", anna, "checkout", "--to", tmp_path / "y.sqlite3", "--case", "2026-99")
    assert "entydig" in cli.fails("--server", anna, "conflicts", "resolve", "abcd", "--keep", "server")
    assert "udlåns id" in cli.fails("--server", anna, "checkout", "--end", "nej")
    assert not list(tmp_path.iterdir())
