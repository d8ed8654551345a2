"""``python -m composer ARGS`` runs the command-line commands (the core alone, no window)."""

from composer.cli import main

raise SystemExit(main())
