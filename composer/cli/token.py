"""``wa-composer token set|delete PROFILE``: the access token, in the system keyring only.

The token is read from a hidden prompt (or from stdin when it is not a terminal), never from the
command line, where it would land in shell history and the process list.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "token",
        help="store or delete a profile's access token (system keyring)",
        description="Tokens live in the system keyring (service 'wa-composer'), never in files. "
        "`token set` reads the token from a hidden prompt, or from stdin when piped. "
        "WA_COMPOSER_TOKEN, when set, overrides the keyring for every profile.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_ = actions.add_parser("set", help="store the token (hidden prompt or stdin)")
    set_.add_argument("profile", metavar="PROFILE")
    # Caught (not echoed) so that a token typed here is refused without being printed back.
    set_.add_argument("token_argument", nargs="?", help=argparse.SUPPRESS)
    set_.set_defaults(handler=_set)
    delete = actions.add_parser("delete", help="delete the stored token")
    delete.add_argument("profile", metavar="PROFILE")
    delete.set_defaults(handler=_delete)


def _fail(message: str) -> int:
    print(f"wa-composer token: {message}", file=sys.stderr)
    return 2


def _read_token() -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass("Access token (hidden): ")
    return sys.stdin.readline() if sys.stdin is not None else ""


def _set(args: argparse.Namespace) -> int:
    from composer.accounts import ProfileError, ProfileNotFound, ProfileStore
    from composer.credentials import CredentialsError, KeyringTokenStore, is_usable_token

    if args.token_argument is not None:
        return _fail(
            "the token is never taken from the command line (it would stay in the shell "
            "history); type it at the hidden prompt or pipe it on stdin"
        )
    try:
        ProfileStore().get(args.profile)
    except (ProfileError, ProfileNotFound) as exc:
        return _fail(str(exc))
    try:
        token = _read_token().strip()
    except EOFError:
        token = ""
    if not token:
        return _fail("no token given (type it at the prompt, or pipe it on stdin)")
    if not is_usable_token(token):
        return _fail("the token contains spaces or non-ASCII characters; copy it again")
    try:
        KeyringTokenStore().set(args.profile, token)
    except CredentialsError as exc:
        return _fail(str(exc))
    print(f"Token stored in the system keyring for profile {args.profile!r}.")
    return 0


def _delete(args: argparse.Namespace) -> int:
    from composer.credentials import CredentialsError, KeyringTokenStore

    try:
        removed = KeyringTokenStore().remove(args.profile)
    except CredentialsError as exc:
        return _fail(str(exc))
    if not removed:
        print(f"No token was stored for profile {args.profile!r}.")
        return 0
    print(f"Token deleted for profile {args.profile!r}.")
    return 0
