"""``wa-composer validate [--json] FILE...``: check message POST bodies without sending them.

Built for scripts and CI: every file is checked (not just the first), the output is one line per
issue or one JSON array, and nothing the files contain can produce a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the validator and the models are imported inside the handler
    from composer.templates import TemplateLibrary
    from composer.validation.check import Issue

MAX_BYTES = 64 * 1024 * 1024
"""A message body is a few kilobytes; anything over this is refused unread (exit 2)."""

STDIN_NAME = "<stdin>"
MAX_ISSUES = 1000
"""Issues reported per file; the rest are counted in one last issue (rule ``validate.more``)."""

EPILOG = """\
Each FILE holds one message POST body (JSON); "-" reads standard input.
Plain output: one line per issue, "FILE: SEVERITY RULE PATH: MESSAGE"; nothing for a clean file.
--json: one array, an object per file: {"file", "valid", "issues": [{"rule", "path",
"severity", "message"}]}.
Exit status: 0 every file is valid (warnings allowed); 1 some file has an error, including JSON
that is not a message object (a list, a number: rule payload.shape); 2 some file cannot be read
or is not JSON at all (not UTF-8, syntax error, NaN, 1e400, a lone surrogate, nested over 64
levels, over 64 MB). The highest
applicable status wins.
--templates FILE (written by `wa-composer templates list --json`) also checks each template send
against its definition, as WhatsApp does: name and language, status, then the variables (rule
ids template.*). A --templates file that cannot be used: exit 2, nothing checked.
"""


@dataclass
class FileResult:
    """One file's outcome. ``readable`` is False when it could not be read or parsed as JSON."""

    file: str
    issues: list[Issue] = field(default_factory=list)
    readable: bool = True

    @property
    def valid(self) -> bool:
        from composer.validation.check import has_errors

        return self.readable and not has_errors(self.issues)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "valid": self.valid,
            "issues": [i.to_dict() for i in self.issues],
        }


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check message JSON files against every WhatsApp rule",
        description="Check WhatsApp Cloud API message POST bodies against every rule the "
        "composer knows (lengths, counts, required parts, cross-field rules).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array instead of lines")
    parser.add_argument(
        "--templates",
        metavar="FILE",
        help="template definitions (`templates list --json`) to check template sends against",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help='message file, or "-" for stdin')
    parser.set_defaults(handler=run)


def _unreadable(name: str, rule: str, message: str) -> FileResult:
    from composer.validation.check import Issue, Severity

    return FileResult(name, [Issue(rule, "$", Severity.ERROR, message)], readable=False)


class InputError(Exception):
    """A file that cannot be read or is not JSON; ``rule`` is file.unreadable/not_json/too_large."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


def parse_json(data: bytes) -> object:
    """Decode and parse one document by the shared rule (``send`` and the sandbox use it too).

    Raises only InputError.
    """
    from composer.codec.strict_json import JsonRefused, loads_strict

    if len(data) > MAX_BYTES:
        raise InputError("file.too_large", f"The file is over {MAX_BYTES // 2**20} MB.")
    if not data.strip():
        raise InputError("file.not_json", "Not JSON: the file is empty.")
    try:
        return loads_strict(data)
    except JsonRefused as exc:
        raise InputError("file.not_json", f"Not JSON: {exc.reason}.") from None


def read_input(name: str) -> bytes:
    """The bytes of ``name`` (``-`` = standard input), at most MAX_BYTES + 1 of them."""
    try:
        if name == "-":
            return sys.stdin.buffer.read(MAX_BYTES + 1)
        with open(name, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError("file.unreadable", f"Cannot read the file: {reason}.") from None


def display_name(name: str) -> str:
    return STDIN_NAME if name == "-" else name


def validate_bytes(name: str, data: bytes, library: TemplateLibrary | None = None) -> FileResult:
    """Decode, parse and validate one document (a template send also against ``library``).
    Never raises."""
    from composer.validation.check import validate_payload

    try:
        doc = parse_json(data)
    except InputError as exc:
        return _unreadable(name, exc.rule, exc.message)
    issues = validate_payload(doc)
    if library is not None:
        issues += _against_definition(doc, library)
    return FileResult(name, _capped(issues))


def _against_definition(doc: object, library: TemplateLibrary) -> list[Issue]:
    """The definition's issues for a readable template send (shape errors come first)."""
    from composer.codec.errors import PayloadError
    from composer.messages import TemplateMessage
    from composer.payload.reader import from_payload
    from composer.rules.base import Out
    from composer.templates import check_against
    from composer.validation.envelope import check_template_recipient

    try:
        msg = from_payload(doc)
    except PayloadError:
        return []
    content = msg.content
    if not isinstance(content, TemplateMessage):
        return []
    out = Out()
    definition = check_against(content, library, out)
    check_template_recipient(msg, definition.category if definition else None, out)
    return out.issues


def read_templates(name: str) -> TemplateLibrary:
    """A ``templates list --json`` file as a library; InputError when it is not one."""
    from composer.templates import TemplateLibrary

    doc = parse_json(read_input(name))
    if not isinstance(doc, list) or not all(isinstance(item, dict) for item in doc):
        raise InputError("file.not_templates", "Not a template list: expected a JSON array of "
                         "objects as `wa-composer templates list --json` writes it.")  # fmt: skip
    library = TemplateLibrary.from_graph(doc, None)
    if len(library) != len(doc):
        raise InputError("file.not_templates", "Not a template list: every item needs a "
                         '"name" and a "language".')  # fmt: skip
    return library


def _capped(issues: list[Issue]) -> list[Issue]:
    """At most MAX_ISSUES, then one issue that says how many more there are."""
    if len(issues) <= MAX_ISSUES:
        return issues
    from composer.validation.check import Issue, Severity

    rest = issues[MAX_ISSUES:]
    worst = Severity.ERROR if any(i.severity is Severity.ERROR for i in rest) else Severity.WARNING
    more = Issue("validate.more", "$", worst, f"... and {len(rest):,} more issues not shown.")
    return [*issues[:MAX_ISSUES], more]


def validate_file(name: str, library: TemplateLibrary | None = None) -> FileResult:
    """Read ``name`` (``-`` = standard input) and validate it. Never raises."""
    try:
        data = read_input(name)
    except InputError as exc:
        return _unreadable(display_name(name), exc.rule, exc.message)
    return validate_bytes(display_name(name), data, library)


def exit_code(results: list[FileResult]) -> int:
    if any(not r.readable for r in results):
        return 2
    return 0 if all(r.valid for r in results) else 1


def _one_line(text: str) -> str:
    """Control characters (a key holding a newline...) would break the one-issue-per-line format."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def format_plain(results: list[FileResult]) -> str:
    lines = [
        f"{_one_line(r.file)}: {i.severity.value} {i.rule} {_one_line(i.path)}: "
        f"{_one_line(i.message)}"
        for r in results
        for i in r.issues
    ]
    return "".join(line + "\n" for line in lines)


def format_json(results: list[FileResult]) -> str:
    return json.dumps([r.to_dict() for r in results], indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    library = None
    if getattr(args, "templates", None):
        try:
            library = read_templates(args.templates)
        except InputError as exc:
            shown = display_name(args.templates)
            print(f"wa-composer validate: --templates {shown}: {exc.message} [{exc.rule}]",
                  file=sys.stderr)  # fmt: skip
            return 2
    results = [validate_file(name, library) for name in args.files]
    text = format_json(results) if args.json else format_plain(results)
    out = sys.stdout
    try:
        if hasattr(out, "reconfigure"):  # a C locale must not turn an emoji into a traceback
            out.reconfigure(errors="backslashreplace")
        if text:  # a clean file prints nothing, not even an empty write
            out.write(text)
            out.flush()
    except BrokenPipeError:
        raise  # `validate ... | head`: the dispatcher ends quietly
    except OSError as exc:  # disk full, closed terminal: say so, never a traceback
        print(
            f"wa-composer validate: cannot write the report: {exc.strerror or exc}", file=sys.stderr
        )
        return 2
    return exit_code(results)
