"""`python -m whytui`: the same as the `whytui` command."""

import sys

from whytui.commands.cli import main

sys.exit(main())
