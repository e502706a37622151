"""``python -m graph.cli``: the ``relgraph`` command."""

import sys

from graph.cli.main import main

sys.exit(main())
