"""``python -m wa_composer`` behaves exactly like the ``wa-composer`` command."""

from wa_composer.launcher import main

raise SystemExit(main())
