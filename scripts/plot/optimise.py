#!/usr/bin/python3
"""Figure of an `optimise` run: the same as tsp.py (scripts/run.sh picks <experiment>.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tsp  # noqa: E402

if __name__ == "__main__":
    tsp.main()
