"""``jobcenter-desktop --server URL server …``: the administrator's commands for the team database."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jobcenter_desktop.core.text import count
from jobcenter_desktop.services import server


def register(sub: Any) -> None:
    from jobcenter_desktop.cli.common import _SubParser

    group = sub.add_parser("server", help="teamdatabasen (PostgreSQL): opsætning og brugere").add_subparsers(
        dest="server_cmd", required=True, parser_class=_SubParser)  # fmt: skip
    s = group.add_parser("init", help="opret eller opgradér skema, roller og adgangsregler (som databasens ejer)")
    s.set_defaults(func=cmd_init)
    users = group.add_parser("user", help="brugere af teamdatabasen").add_subparsers(
        dest="user_cmd", required=True, parser_class=_SubParser)  # fmt: skip
    s = users.add_parser("add", help="opret en login (eller føj et team til en eksisterende)")
    s.add_argument("login")
    s.add_argument("--team", required=True)
    s.add_argument("--role", choices=["caseworker", "teamlead", "admin"], default="caseworker")
    s.add_argument("--password-stdin", action="store_true", help="læs adgangskoden fra standard input (én linje)")
    s.set_defaults(func=cmd_user_add)
    s = users.add_parser("list", help="alle logins med rolle og teams")
    s.set_defaults(func=cmd_user_list)
    s = users.add_parser("remove", help="fjern en login (sager og historik bliver)")
    s.add_argument("login")
    s.set_defaults(func=cmd_user_remove)


def _target(args: argparse.Namespace) -> Any:
    from jobcenter_desktop.cli.common import UsageError, _server_url
    from jobcenter_desktop.services.context import parse_server_target

    url = _server_url(args)
    if url is None:
        raise UsageError("angiv teamdatabasen med --server postgresql://EJER@VÆRT:PORT/DB")
    return parse_server_target(url)


def cmd_init(args: argparse.Namespace) -> int:
    print(server.init(_target(args)))
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from jobcenter_desktop.cli.common import UsageError

    password = None
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise UsageError("der kom ingen adgangskode på standard input")
        password = line
    server.add_user(_target(args), args.login, args.team, args.role, password)
    print(f"{args.login} kan nu logge ind på teamdatabasen ({args.team}, {args.role}).")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    logins = server.list_users(_target(args))
    roles = {"caseworker": "sagsbehandler", "teamlead": "teamleder", "admin": "administrator"}
    if logins:
        print(f"{'Bruger':<20} {'Rolle':<13} Teams")
    for login in logins:
        print(f"{login.login:<20} {roles.get(login.role, login.role):<13} {', '.join(login.teams)}")
    print(f"{count(len(logins), 'bruger', 'brugere')}.")
    return 0


def cmd_user_remove(args: argparse.Namespace) -> int:
    server.remove_user(_target(args), args.login)
    print(f"{args.login} kan ikke længere logge ind; sager og historik er bevaret.")
    return 0



