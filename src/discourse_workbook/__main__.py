"""``python -m discourse_workbook``: the same as the ``discourse-workbook`` command."""

import sys

from .cli import main

sys.exit(main())
