"""`python -m revenge` runs the CLI (used by the supervisor to start its children)."""

import sys

from revenge.entrypoints.cli.main import main

sys.exit(main())
