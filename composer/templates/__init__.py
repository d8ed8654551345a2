"""The account's message templates: their definitions as the Graph API returns them, and the
checks a template send must pass against them (docs/spec/templates.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.templates.cache import (
        SANDBOX_KEY,
        CachedLibrary,
        TemplateCaches,
        cache_path,
        read_cache,
        write_cache,
    )
    from composer.templates.checks import META_CODES, check_against, find
    from composer.templates.definition import (
        SENDABLE_STATUS,
        ButtonDef,
        TemplateDataError,
        TemplateDefinition,
        Variable,
        fill,
        from_graph,
        placeholders,
    )
    from composer.templates.library import TemplateLibrary

_HOMES = {
    "cache": (
        "SANDBOX_KEY",
        "CachedLibrary",
        "TemplateCaches",
        "cache_path",
        "read_cache",
        "write_cache",
    ),
    "checks": ("META_CODES", "check_against", "find"),
    "definition": (
        "SENDABLE_STATUS",
        "ButtonDef",
        "TemplateDataError",
        "TemplateDefinition",
        "Variable",
        "fill",
        "from_graph",
        "placeholders",
    ),
    "library": ("TemplateLibrary",),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "META_CODES",
    "SANDBOX_KEY",
    "SENDABLE_STATUS",
    "ButtonDef",
    "CachedLibrary",
    "TemplateCaches",
    "TemplateDataError",
    "TemplateDefinition",
    "TemplateLibrary",
    "Variable",
    "cache_path",
    "check_against",
    "fill",
    "find",
    "from_graph",
    "placeholders",
    "read_cache",
    "write_cache",
]
