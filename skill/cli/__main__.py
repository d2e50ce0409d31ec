"""``python -m skill.cli``: the same as the ``si-skill`` console script."""

from skill.cli import main

raise SystemExit(main())
