"""``wa-composer profile add|list|remove|test``: the sending accounts (no secrets here)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "profile",
        help="add, list, remove or test sending profiles",
        description="Profiles say which phone number to send from. Tokens are stored separately "
        "in the system keyring with `wa-composer token set NAME`.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a profile")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--phone-number-id", required=True, metavar="ID", help="phone-number id")
    add.add_argument("--waba-id", default=None, metavar="ID", help="WhatsApp Business Account id")
    add.add_argument("--api-version", default=None, metavar="vXX.X", help="Graph API version")
    add.add_argument(
        "--base-url",
        default=None,
        metavar="URL",
        help="API base URL (https; http only for 127.0.0.1/localhost)",
    )
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="list profiles")
    listing.set_defaults(handler=_list)

    remove = actions.add_parser("remove", help="remove a profile (and its stored token)")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=_remove)

    test = actions.add_parser(
        "test", help="test the connection: show the number's display name and quality"
    )
    test.add_argument("name", metavar="NAME")
    test.set_defaults(handler=_test)


def _fail(message: str) -> int:
    print(f"wa-composer profile: {message}", file=sys.stderr)
    return 2


def _add(args: argparse.Namespace) -> int:
    from composer.accounts import Profile, ProfileError, ProfileStore

    fields: dict[str, Any] = {"waba_id": args.waba_id}
    if args.api_version:
        fields["api_version"] = args.api_version
    if args.base_url:
        fields["base_url"] = args.base_url.rstrip("/")
    try:
        profile = Profile(args.name, args.phone_number_id, **fields)
        ProfileStore().add(profile)
    except ProfileError as exc:
        return _fail(str(exc))
    print(f"Added profile {profile.name!r} ({profile.api_version}, {profile.base_url}).")
    print(f"Store its access token with: wa-composer token set {profile.name}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from composer.accounts import ProfileError, ProfileStore

    try:
        profiles = ProfileStore().list()
    except ProfileError as exc:
        return _fail(str(exc))
    if not profiles:
        print("No profiles yet: sends go to the built-in sandbox. Add one with "
              "`wa-composer profile add NAME --phone-number-id ID`.")  # fmt: skip
        return 0
    for p in profiles:
        waba = p.waba_id or "-"
        print(f"{p.name}\tphone-number id {p.phone_number_id}\tWABA {waba}\t"
              f"{p.api_version}\t{p.base_url}")  # fmt: skip
    return 0


def _remove(args: argparse.Namespace) -> int:
    from composer.accounts import ProfileError, ProfileNotFound, ProfileStore
    from composer.credentials import CredentialsError, KeyringTokenStore

    try:
        ProfileStore().remove(args.name)
    except (ProfileError, ProfileNotFound) as exc:
        return _fail(str(exc))
    print(f"Removed profile {args.name!r}.")
    try:
        if KeyringTokenStore().remove(args.name):
            print("Its access token was deleted from the keyring.")
    except CredentialsError as exc:
        print(f"Note: the keyring could not be checked for its token: {exc}", file=sys.stderr)
    return 0


def _test(args: argparse.Namespace) -> int:
    from composer.accounts import ProfileError, ProfileNotFound, ProfileStore
    from composer.credentials import CredentialsError, KeyringTokenStore, resolve_token
    from composer.graph.client import GraphClient
    from composer.graph.errors import GraphError

    try:
        profile = ProfileStore().get(args.name)
        token = resolve_token(profile, KeyringTokenStore())
    except (ProfileError, ProfileNotFound, CredentialsError) as exc:
        return _fail(str(exc))
    try:
        with GraphClient(profile, token) as client:
            info = client.phone_number_info()
    except GraphError as err:
        print(err.describe(), file=sys.stderr)
        return 1
    print(f"Connected: {info.verified_name} ({info.display_phone_number}), "
          f"quality {info.quality_rating or 'unknown'}.")  # fmt: skip
    return 0
