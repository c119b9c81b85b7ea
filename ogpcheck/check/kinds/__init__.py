"""Kinds of check. A rule file names its kind; the kind is the code.

Each kind is a function ``check(context, rule) -> Iterable[Finding]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from . import (
    agreement,
    entities,
    existence,
    files,
    footnote_count,
    item_count,
    malformed,
    numbering,
    table_marks,
    table_shape,
    terms,
    unmatched,
)

if TYPE_CHECKING:
    from ...models import Finding
    from ..context import Context
    from ..rules import Rule

Check = Callable[["Context", "Rule"], Iterable["Finding"]]

KINDS: dict[str, Check] = {
    "agreement": agreement.check,
    "existence": existence.check,
    "files": files.check,
    "malformed": malformed.check,
    "unmatched": unmatched.check,
    "table_shape": table_shape.check,
    "table_marks": table_marks.check,
    "item_count": item_count.check,
    "numbering": numbering.check,
    "footnote_count": footnote_count.check,
    "entities": entities.check,
    "term_consistency": terms.check,
}
