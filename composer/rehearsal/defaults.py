"""The rehearsal's defaults, light enough for the CLI's parser to import."""

from __future__ import annotations

from typing import Final

DEFAULT_PORT: Final = 8585  # the sandbox's own default port: a bot configured once keeps working
DEFAULT_VERIFY_TOKEN: Final = "wa-composer"  # noqa: S105 (the documented default, not a secret)
