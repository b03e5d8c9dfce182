"""``python -m newsextract.gate``: the quality gate, runnable under its short name (see :mod:`newsextract.quality.gate`)."""

from __future__ import annotations

import sys

from .quality.gate import main

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
