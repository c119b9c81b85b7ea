"""Regenerate docs/rules/ and the rule table of README.md from the rule
files: python scripts/gen_rule_docs.py"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ogpcheck.compare.ruledocs import write, write_readme_table  # noqa: E402

if __name__ == "__main__":
    for path in write(ROOT / "docs" / "rules"):
        print(path.relative_to(ROOT))
    if write_readme_table(ROOT / "README.md"):
        print("README.md (rule table)")
