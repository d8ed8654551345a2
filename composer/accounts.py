"""Account profiles: which phone number to send from, with which API version and base URL.

Profiles hold no secrets (tokens live in the keyring, see composer.credentials), so a plain JSON
file in the user config dir is fine. It is still written atomically (temp file, fsync, rename) with
mode 0600, because a half-written profiles file would strand the user.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import msgspec

from composer.storage import paths
from composer.storage.atomic_file import atomic_write_text

DEFAULT_API_VERSION = "v24.0"  # spec section 14: Meta's current examples use v23.0-v25.0
DEFAULT_BASE_URL = "https://graph.facebook.com"
SANDBOX_PROFILE_NAME = "sandbox"
FILE_NAME = "profiles.json"
_FORMAT = 1

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
ID_DIGITS = (5, 25)  # Meta's ids are 15-16 digits today; allow some room either way
_ID = re.compile(rf"[0-9]{{{ID_DIGITS[0]},{ID_DIGITS[1]}}}")
_VERSION = re.compile(r"v[0-9]{1,3}\.[0-9]{1,2}")
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class ProfileError(ValueError):
    """A profile value or the profiles file is not usable; the message names the field."""


class ProfileNotFound(KeyError):
    """No profile of that name."""

    def __str__(self) -> str:
        return f"no profile named {self.args[0]!r} (see `wa-composer profile list`)"


class Profile(msgspec.Struct, frozen=True):
    """One sending account. Validated on creation, so a Profile in hand is always usable."""

    name: str
    phone_number_id: str
    waba_id: str | None = None
    api_version: str = DEFAULT_API_VERSION
    base_url: str = DEFAULT_BASE_URL

    def __post_init__(self) -> None:
        check_name(self.name)
        _check_id("phone_number_id", "phone-number id", self.phone_number_id)
        if self.waba_id is not None:
            _check_id("waba_id", "WABA id", self.waba_id)
        if not isinstance(self.api_version, str) or not _VERSION.fullmatch(self.api_version):
            raise ProfileError(
                f"api_version: {self.api_version!r} is not a Graph API version like "
                f"{DEFAULT_API_VERSION!r} (a 'v', a number, a dot, a number)"
            )
        check_base_url(self.base_url)

    @property
    def is_sandbox(self) -> bool:
        return self.name == SANDBOX_PROFILE_NAME


def check_name(name: object) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ProfileError(
            f"name: {name!r} is not a valid profile name (1-64 letters, digits, '_', '.' or "
            "'-', starting with a letter or digit)"
        )
    return name


def _check_id(field: str, label: str, value: object) -> None:
    if isinstance(value, str) and _ID.fullmatch(value):
        return
    low, high = ID_DIGITS
    if isinstance(value, str) and value.isascii() and value.isdigit():
        digits = f"{len(value)} digit" + ("" if len(value) == 1 else "s")
        problem = f"it has {digits}; a {label} has {low} to {high}"
    else:
        problem = "it must be digits only"
    raise ProfileError(
        f"{field}: {value!r} is not a {label}: {problem} (as shown in the App Dashboard "
        "under WhatsApp > API Setup; not the display phone number)"
    )


def check_base_url(url: object) -> str:
    """https only, except plain http to this machine (tests and the local sandbox server)."""
    if not isinstance(url, str):
        raise ProfileError(f"base_url: {url!r} is not a URL")
    parts = urlsplit(url)
    try:
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError as exc:
        raise ProfileError(f"base_url: {url!r} has an invalid port") from exc
    if not host:
        raise ProfileError(f"base_url: {url!r} has no host (e.g. {DEFAULT_BASE_URL})")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ProfileError(f"base_url: {url!r} must not contain credentials, a query or a fragment")
    if parts.scheme == "http" and host not in _LOOPBACK:
        raise ProfileError(
            f"base_url: {url!r} must use https (plain http is only allowed for 127.0.0.1 / "
            "localhost, e.g. the local sandbox server)"
        )
    if parts.scheme not in ("https", "http"):
        raise ProfileError(f"base_url: {url!r} must start with https://")
    return url


def sandbox_profile() -> Profile:
    """The built-in default when no profile is chosen: the in-process sandbox."""
    from composer.demo_contacts import SANDBOX_PHONE_NUMBER_ID

    return Profile(SANDBOX_PROFILE_NAME, SANDBOX_PHONE_NUMBER_ID, base_url="http://localhost")


class ProfileStore:
    """The profiles file. Every write replaces the whole file atomically."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        return self._path if self._path is not None else paths.config_dir() / FILE_NAME

    def list(self) -> list[Profile]:
        return sorted(self._load().values(), key=lambda p: p.name)

    def get(self, name: str) -> Profile:
        profiles = self._load()
        if name not in profiles:
            raise ProfileNotFound(name)
        return profiles[name]

    def add(self, profile: Profile) -> None:
        if profile.is_sandbox:
            raise ProfileError(
                f"name: {SANDBOX_PROFILE_NAME!r} is reserved for the built-in sandbox"
            )
        profiles = self._load()
        if profile.name in profiles:
            raise ProfileError(
                f"name: a profile named {profile.name!r} already exists (remove it first)"
            )
        profiles[profile.name] = profile
        self._save(profiles)

    def update(self, profile: Profile) -> None:
        profiles = self._load()
        if profile.name not in profiles:
            raise ProfileNotFound(profile.name)
        profiles[profile.name] = profile
        self._save(profiles)

    def remove(self, name: str) -> None:
        profiles = self._load()
        if name not in profiles:
            raise ProfileNotFound(name)
        del profiles[name]
        self._save(profiles)

    def _load(self) -> dict[str, Profile]:
        path = self.path
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise ProfileError(f"cannot read {path}: {exc.strerror}") from exc
        try:
            return _parse_profiles(raw)
        except ProfileError as exc:
            raise ProfileError(f"{path}: {exc}") from exc
        except _FileFormatError as exc:
            raise ProfileError(
                f"{path} is not a valid profiles file ({exc}); fix or delete it"
            ) from exc

    def _save(self, profiles: dict[str, Profile]) -> None:
        path = self.path
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        body = {
            "format": _FORMAT,
            "profiles": [msgspec.structs.asdict(p) for p in profiles.values()],
        }
        text = json.dumps(body, indent=2, sort_keys=True) + "\n"
        atomic_write_text(path, text)


class _FileFormatError(ValueError):
    """profiles.json is not the shape this app writes."""


_PROFILE_FIELDS = frozenset(("name", "phone_number_id", "waba_id", "api_version", "base_url"))


def _parse_profiles(raw: bytes) -> dict[str, Profile]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _FileFormatError(f"not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _FileFormatError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
    except (ValueError, RecursionError):
        raise _FileFormatError("not JSON this app can read") from None
    items = data.get("profiles") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise _FileFormatError("it needs a 'profiles' list")
    result: dict[str, Profile] = {}
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not {"name", "phone_number_id"} <= item.keys():
            raise _FileFormatError(f"profile {n} is not an object with a name and phone_number_id")
        unknown = sorted(str(k) for k in item if k not in _PROFILE_FIELDS)
        if unknown:
            raise _FileFormatError(f"profile {n} has unknown fields: {', '.join(unknown)}")
        profile = Profile(**item)
        result[profile.name] = profile
    return result
