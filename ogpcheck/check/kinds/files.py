"""Kind ``files``: findings about the files of a translation repository (a
document with no file for a language).

Only the batch run sees which files exist, so ``ogpcheck/batch.py`` raises
these findings; over the text of one document there is nothing to check.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...models import Finding
from ..context import Context
from ..rules import Rule


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    return iter(())
