"""Fuzz: 10,000 random and malformed JSON documents through the CLI's validate path, in-process.

Uses a seeded ``random.Random`` (not hypothesis) so that 10,000 documents fit in a few seconds
and a failure is reproducible from the printed seed and index.
"""

from __future__ import annotations

import json
import random
from typing import Any

from composer.cli.validate import FileResult, validate_bytes
from tests.core.validation.rule_cases import INVALID, VALID

SEED = 20261125
COUNT = 10_000
SEEDS = [json.dumps(v, ensure_ascii=False).encode() for v in VALID.values()] + [
    json.dumps(e["payload"]).encode() for e in INVALID[:10]
]
JUNK = [b"{", b"}", b"[", b"]", b'"', b",", b":", b"\\", b"\x00", b"\xff", b"\xf0\x9f", b"NaN",
        b"1e999", b"-", b"null", b"true", b" ", b"\n", b"\xef\xbb\xbf"]  # fmt: skip


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(8 if depth < 4 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 2**70, 1.5, 1e300, -0.0])
    if kind in (3, 4):
        return "".join(
            chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x1F300, 0x1FAFF)]))
            for _ in range(rng.randrange(0, 30))
        )
    if kind == 5:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = [
        *("type", "to", "interactive", "action", "body", "text", "header", "sections", "rows"),
        *("buttons", "reply", "id", "title", "cards", "messaging_product", "reaction", "emoji"),
    ]
    return {rng.choice(keys): _random_value(rng, depth + 1) for _ in range(rng.randrange(5))}


def _mutate_structure(rng: random.Random, node: Any) -> Any:
    """Replace a random sub-tree of a valid payload with a random value."""
    if isinstance(node, dict) and node and rng.random() < 0.8:
        key = rng.choice(list(node))
        node[key] = _mutate_structure(rng, node[key])
        return node
    if isinstance(node, list) and node and rng.random() < 0.8:
        i = rng.randrange(len(node))
        node[i] = _mutate_structure(rng, node[i])
        return node
    return _random_value(rng)


def _document(rng: random.Random, i: int) -> bytes:
    mode = i % 5
    if mode == 0:  # byte-level damage to a real payload
        data = bytearray(rng.choice(SEEDS))
        for _ in range(rng.randrange(1, 6)):
            pos = rng.randrange(len(data) + 1)
            action = rng.randrange(3)
            if action == 0 and pos < len(data):
                del data[pos : pos + rng.randrange(1, 20)]
            elif action == 1:
                data[pos:pos] = rng.choice(JUNK)
            elif pos < len(data):
                data[pos] = rng.randrange(256)
        return bytes(data)
    if mode == 1:  # structural damage: valid JSON, wrong shapes
        doc = json.loads(rng.choice(SEEDS))
        for _ in range(rng.randrange(1, 4)):
            doc = _mutate_structure(rng, doc)
        return json.dumps(doc).encode()
    if mode == 2:  # random JSON
        return json.dumps(_random_value(rng)).encode()
    if mode == 3:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 64)))
    depth = rng.choice([10, 500, 990, 1000, 5000, 10_000])  # deep nesting
    opener, closer = rng.choice([(b"[", b"]"), (b'{"a":', b"}")])
    return opener * depth + b"1" + closer * depth


def test_ten_thousand_documents_never_escape() -> None:
    rng = random.Random(SEED)
    outcomes = {"valid": 0, "invalid": 0, "unreadable": 0}
    for i in range(COUNT):
        data = _document(rng, i)
        result = validate_bytes(f"doc{i}", data)  # any exception fails the test, with i
        assert isinstance(result, FileResult)
        if not result.readable:
            outcomes["unreadable"] += 1
            assert result.issues[0].rule.startswith("file.")
        elif result.valid:
            outcomes["valid"] += 1
        else:
            outcomes["invalid"] += 1
            assert result.issues
        json.dumps(result.to_dict())
    # the generator must exercise every branch, or the test proves little
    assert all(n > 50 for n in outcomes.values()), outcomes
