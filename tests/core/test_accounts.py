"""Profiles: validation with clear messages, atomic 0600 JSON file, WA_COMPOSER_HOME."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from composer.accounts import (
    DEFAULT_API_VERSION,
    DEFAULT_BASE_URL,
    SANDBOX_PROFILE_NAME,
    Profile,
    ProfileError,
    ProfileNotFound,
    ProfileStore,
    sandbox_profile,
)

PNID = "106540352242922"


def test_defaults_are_current() -> None:
    p = Profile("shop", PNID)
    assert p.api_version == DEFAULT_API_VERSION == "v24.0"
    assert p.base_url == DEFAULT_BASE_URL == "https://graph.facebook.com"
    assert p.waba_id is None and not p.is_sandbox


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "has space"}, "name"),
        ({"name": "a/b"}, "name"),
        ({"phone_number_id": "+1 555 0100"}, "phone_number_id"),
        ({"phone_number_id": "12"}, "phone_number_id"),
        ({"waba_id": "abc"}, "waba_id"),
        ({"api_version": "24.0"}, "api_version"),
        ({"api_version": "v24"}, "api_version"),
        ({"base_url": "http://graph.facebook.com"}, "base_url"),
        ({"base_url": "ftp://example.com"}, "base_url"),
        ({"base_url": "https://"}, "base_url"),
        ({"base_url": "https://user:pw@example.com"}, "base_url"),
        ({"base_url": "https://example.com/?q=1"}, "base_url"),
        ({"base_url": "https://example.com:99999"}, "base_url"),
    ],
)
def test_invalid_values_name_the_field(kwargs: dict[str, str], field: str) -> None:
    values = {"name": "shop", "phone_number_id": PNID} | kwargs
    with pytest.raises(ProfileError) as caught:
        Profile(**values)
    assert str(caught.value).startswith(f"{field}:")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1", "it has 1 digit; a phone-number id has 5 to 25"),
        ("1" * 26, "it has 26 digits; a phone-number id has 5 to 25"),
        ("12 34 56", "it must be digits only"),
        ("+15550100000", "it must be digits only"),
    ],
)
def test_id_message_says_what_is_wrong(value: str, words: str) -> None:
    """'1' is digits only: the message must give the real reason (length), not 'digits only'."""
    with pytest.raises(ProfileError) as caught:
        Profile("shop", value)
    assert f"phone_number_id: {value!r} is not a phone-number id: {words} " in str(caught.value)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8585", "http://localhost", "https://graph.example.com/base"]
)
def test_loopback_http_and_any_https_are_allowed(url: str) -> None:
    assert Profile("t", PNID, base_url=url).base_url == url


def test_store_round_trip_in_wa_composer_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path))
    store = ProfileStore()
    assert store.list() == []
    a = Profile("b-shop", PNID, waba_id="102290129340398")
    b = Profile("a-shop", "123456789012345", api_version="v23.0")
    store.add(a)
    store.add(b)
    assert store.path == tmp_path / "config" / "profiles.json"
    assert [p.name for p in ProfileStore().list()] == ["a-shop", "b-shop"]
    assert ProfileStore().get("b-shop") == a
    store.update(Profile("b-shop", PNID, api_version="v25.0"))
    assert store.get("b-shop").api_version == "v25.0"
    store.remove("a-shop")
    assert [p.name for p in store.list()] == ["b-shop"]
    mode = stat.S_IMODE(store.path.stat().st_mode)
    assert mode == 0o600
    assert [f.name for f in store.path.parent.iterdir()] == ["profiles.json"]  # no temp files


def test_duplicates_missing_and_reserved_names(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "p.json")
    store.add(Profile("shop", PNID))
    with pytest.raises(ProfileError, match="already exists"):
        store.add(Profile("shop", PNID))
    with pytest.raises(ProfileNotFound) as caught:
        store.get("nope")
    assert "profile list" in str(caught.value)
    with pytest.raises(ProfileNotFound):
        store.remove("nope")
    with pytest.raises(ProfileNotFound):
        store.update(Profile("nope", PNID))
    with pytest.raises(ProfileError, match="reserved"):
        store.add(Profile(SANDBOX_PROFILE_NAME, PNID))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "not JSON: Expecting property name enclosed in double quotes at line 1"),
        ("[]", "it needs a 'profiles' list"),
        ('{"profiles": {}}', "it needs a 'profiles' list"),
        ('{"profiles": [5]}', "profile 1 is not an object with a name and phone_number_id"),
        ('{"profiles": [{"name": "x"}]}', "profile 1 is not an object with a name and"),
        (
            '{"profiles": [{"name": "x", "phone_number_id": "12345", "extra": 1}]}',
            "profile 1 has unknown fields: extra",
        ),
        ("[" * 10_000 + "]" * 10_000, "not JSON this app can read"),  # was a RecursionError
    ],
)
def test_broken_file_gives_a_clear_message(tmp_path: Path, text: str, reason: str) -> None:
    """Plain words (no Python internals such as 'argument after ** must be a mapping')."""
    path = tmp_path / "profiles.json"
    path.write_text(text)
    _assert_broken(path, reason)


def test_a_non_utf8_file_is_explained_like_a_broken_one(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    path.write_bytes(b'{"profiles": [{"name": "caf\xe9", "phone_number_id": "12345"}]}')
    _assert_broken(path, "not UTF-8 text (byte 27)")


def _assert_broken(path: Path, reason: str) -> None:
    with pytest.raises(ProfileError) as caught:
        ProfileStore(path).list()
    assert str(caught.value).startswith(f"{path} is not a valid profiles file ({reason}")
    assert str(caught.value).endswith("; fix or delete it")


def test_bad_value_in_the_file_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    path.write_text('{"profiles": [{"name": "x", "phone_number_id": 5}]}')
    with pytest.raises(ProfileError, match=r"profiles\.json: phone_number_id: 5 is not a"):
        ProfileStore(path).list()


def test_file_holds_no_unexpected_keys(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles.json")
    store.add(Profile("shop", PNID))
    data = json.loads(store.path.read_text())
    assert set(data["profiles"][0]) == {
        "name",
        "phone_number_id",
        "waba_id",
        "api_version",
        "base_url",
    }


def test_sandbox_profile_matches_the_sandbox() -> None:
    from composer.sandbox import SANDBOX_PHONE_NUMBER_ID

    p = sandbox_profile()
    assert p.is_sandbox and p.phone_number_id == SANDBOX_PHONE_NUMBER_ID
