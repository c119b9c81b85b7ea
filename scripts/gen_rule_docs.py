"""Regenerate docs/rules/, the rule table of README.md and the parsed copy
of the rule files (ogpcheck/_shipped_data.py): python scripts/gen_rule_docs.py"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gen_shipped_data import TARGET  # noqa: E402  (beside this script)
from gen_shipped_data import write as write_shipped_data  # noqa: E402

from ogpcheck.compare.ruledocs import write, write_readme_table  # noqa: E402

if __name__ == "__main__":
    for path in write(ROOT / "docs" / "rules"):
        print(path.relative_to(ROOT))
    if write_readme_table(ROOT / "README.md"):
        print("README.md (rule table)")
    if write_shipped_data():
        print(TARGET.relative_to(ROOT))
