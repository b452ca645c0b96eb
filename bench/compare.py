"""Two benchmark result files side by side: .venv/bin/python bench/compare.py A.json B.json"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import compare  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: bench/compare.py A.json B.json")
    a, b = (json.loads(Path(name).read_text()) for name in sys.argv[1:])
    print(compare(a, b))
