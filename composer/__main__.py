"""``python -m composer`` behaves exactly like the ``wa-composer`` command."""

from composer.cli import main

raise SystemExit(main())
