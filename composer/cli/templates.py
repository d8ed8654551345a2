"""``wa-composer templates list|show``: the account's message templates.

Read through the same route as ``send`` (``composer.sending.templates.load_library``): the
profile's account, or the built-in sandbox when no ``--profile`` is given (said on stderr). The
per-account cache is used unless ``--refresh``; the time of the last read goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from composer.sending import SendDeps
    from composer.storage.history import Store
    from composer.templates import TemplateDefinition, TemplateLibrary

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

LIST_EPILOG = """\
--json prints one array, one object per template and language, with the keys:
  name, language, category, status, parameter_format,
  variables   [{"component": "header"|"body"|"button", "name": "1"|"customer_name"|...}]
              (the values a send must give; optional quick-reply payloads are not listed)
  components  the template's components as Meta returns them
The file it writes is what `wa-composer validate --templates FILE` reads."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "templates",
        help="list or show the account's message templates",
        description="The message templates of a profile's WhatsApp Business Account (with no "
        "--profile: the built-in sandbox's demo library).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list",
        help="every template and language",
        epilog=LIST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show = actions.add_parser("show", help="one template: components, variables and examples")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--language", metavar="CODE", help="only this language (e.g. en_US)")
    for sub in (listing, show):
        sub.add_argument("--profile", metavar="NAME", help="account profile (default: sandbox)")
        sub.add_argument("--refresh", action="store_true", help="read again from the account")
    listing.add_argument("--json", action="store_true", help="print one JSON array")
    listing.set_defaults(handler=_list)
    show.set_defaults(handler=_show)


def _note(text: str) -> None:
    print(f"wa-composer templates: {text}", file=sys.stderr)


def _deps() -> SendDeps:
    from composer.credentials import KeyringTokenStore
    from composer.sandbox import Sandbox
    from composer.sending import SendDeps
    from composer.storage.recovery import open_history

    def history() -> Store:
        return open_history().store

    return SendDeps(tokens=KeyringTokenStore, sandbox=Sandbox, history=history, owns_sandbox=True)


def _library(args: argparse.Namespace) -> TemplateLibrary | int:
    """The library, or the exit status after saying why there is none."""
    from composer.accounts import ProfileError, ProfileNotFound, ProfileStore
    from composer.clock import utc_now
    from composer.graph.errors import GraphError
    from composer.sending import load_library

    try:
        profile = ProfileStore().get(args.profile) if args.profile else None
    except (ProfileError, ProfileNotFound) as exc:
        _note(str(exc))
        return EXIT_USAGE
    if profile is None:
        _note("no --profile: the built-in sandbox's templates (nothing leaves this machine)")
    started = utc_now()
    try:
        library = load_library(profile, _deps(), refresh=args.refresh, on_notice=_note)
    except GraphError as error:
        print(error.describe(), file=sys.stderr)
        return EXIT_FAILED
    _note(_read_at(library.fetched_at, started))
    return library


def _read_at(when: datetime | None, started: datetime) -> str:
    if when is None:
        return "read at an unknown time (--refresh reads them again)"
    shown = when.strftime("%Y-%m-%d %H:%M:%S UTC")
    if when >= started:
        return f"read from the account at {shown}"
    return f"from the cache, read at {shown} (--refresh reads them again)"


def as_json(d: TemplateDefinition) -> dict[str, Any]:
    """One ``templates list --json`` item."""
    return {
        "name": d.name,
        "language": d.language,
        "category": d.category,
        "status": d.status,
        "parameter_format": d.parameter_format,
        "variables": [v.as_json() for v in d.required_variables()],
        "components": d.raw.get("components") or [],
    }


def _variables(d: TemplateDefinition) -> str:
    shown = [f"{v.component}:{v.name}" for v in d.required_variables()]
    return ", ".join(shown) or "-"


def _list(args: argparse.Namespace) -> int:
    library = _library(args)
    if isinstance(library, int):
        return library
    if args.json:
        print(json.dumps([as_json(d) for d in library], ensure_ascii=False, indent=1))
        return EXIT_OK
    rows = [("NAME", "LANGUAGE", "CATEGORY", "STATUS", "FORMAT", "VARIABLES")]
    rows += [(d.name, d.language, d.category, d.status, d.parameter_format, _variables(d))
             for d in library]  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for row in rows:
        print(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[5]
        )
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    library = _library(args)
    if isinstance(library, int):
        return library
    found = [d for d in library if d.name == args.name]
    if not found:
        _note(f"no template named {args.name!r} on this account (`templates list` shows them; "
              "--refresh reads the account again)")  # fmt: skip
        return EXIT_FAILED
    if args.language is not None:
        chosen = [d for d in found if d.language == args.language]
        if not chosen:
            have = ", ".join(d.language for d in found)
            _note(f"{args.name!r} has no {args.language} translation; it exists in {have}")
            return EXIT_FAILED
        found = chosen
    elif len(found) > 1:
        _note(f"{args.name!r} exists in {len(found)} languages: "
              f"{', '.join(d.language for d in found)} (--language picks one)")  # fmt: skip
    print("\n\n".join(describe(d) for d in found))
    return EXIT_OK


def describe(d: TemplateDefinition) -> str:
    """The template drawn as text: header, body, footer, buttons, then its variables."""
    lines = [f"{d.name} ({d.language})  {d.category}  {d.status}  {d.parameter_format}"]
    if d.why_not_sendable is not None:
        lines.append(f"  {d.why_not_sendable}.")
    if d.quality is not None:
        lines.append(f"  quality: {d.quality}")
    if d.header_format == "TEXT":
        lines.append(f"  header: {d.header_text or ''}")
    elif d.header_format is not None:
        lines.append(f"  header: [{d.header_format.lower()}]")
    lines += [f"  body:   {line}" for line in (d.body_text or "").splitlines() or [""]]
    if d.footer_text:
        lines.append(f"  footer: {d.footer_text}")
    for b in d.buttons:
        target = b.url or b.phone_number or ""
        arrow = f" -> {target}" if target else ""
        lines.append(f'  button {b.index}: {b.type} "{b.text}"{arrow}')
    variables = d.variables()
    lines.append("  variables:" if variables else "  variables: none")
    for v in variables:
        where = f"button {v.index}" if v.component == "button" else v.component
        optional = " (optional)" if not v.required else ""
        example = f"  e.g. {v.example}" if v.example else ""
        lines.append(f"    {where} {{{{{v.name}}}}} ({v.kind}){optional}{example}")
    return "\n".join(lines)
