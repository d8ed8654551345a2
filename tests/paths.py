"""Where the test data lives, named once so tests can move within the tree."""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES_JSON = DATA / "examples.json"
REFERENCE_SHAPES_JSON = DATA / "reference-shapes.json"
