"""``check(message) -> issues``: the envelope rules, each header/body/footer by its kind's part
policy, then the kind's own check; ``validate_payload`` adds the shape problems of raw JSON.
Above ``composer.kinds``; the rule families and the ``Issue`` type live in ``composer.rules``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.rules.issue import (
        Issue,
        Severity,
        has_errors,
    )
    from composer.validation.check import (
        check,
        validate_payload,
    )
    from composer.validation.envelope import (
        check_envelope,
    )

_HOMES = {
    "check": (
        "check",
        "validate_payload",
    ),
    "envelope": ("check_envelope",),
    "composer.rules.issue": (
        "Issue",
        "Severity",
        "has_errors",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "Issue",
    "Severity",
    "check",
    "check_envelope",
    "has_errors",
    "validate_payload",
]
