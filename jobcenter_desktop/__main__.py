"""``python -m jobcenter_desktop`` runs the same entry point as the ``jobcenter-desktop`` script."""

import sys

from jobcenter_desktop.cli import main

sys.exit(main())
