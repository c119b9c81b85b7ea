"""Kinds of check. A rule file names its kind; the kind is the code.

Each kind is a module with a ``check(context, rule) -> Iterable[Finding]``
function and an ``Options`` dataclass that declares the options a rule of
that kind may set, with their types and defaults (a ``Literal`` lists the
accepted values, such as the ``aspect`` of an agreement). ``rules.py``
validates every rule file against it, so a misspelt kind, option or value is
an error, never a rule that silently does nothing. A kind may also have a
``prepare(context, rule)`` function, run before any rule checks (the
``correspondence`` kind leaves out versions that are not translations).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from . import (
    agreement,
    correspondence,
    entities,
    existence,
    files,
    footnote_count,
    item_count,
    malformed,
    numbering,
    table_labels,
    table_marks,
    table_shape,
    terms,
    unmatched,
)

if TYPE_CHECKING:
    from ...models import Finding
    from ..context import Context
    from ..rule import Rule

Check = Callable[["Context", "Rule"], Iterable["Finding"]]
Prepare = Callable[["Context", "Rule"], None]


@dataclass(frozen=True)
class Kind:
    """A kind of check: its function, its options and how many versions a
    document needs for it to say anything."""

    name: str
    check: Check
    options: type
    min_versions: int
    doc: str
    prepare: Prepare | None = None


def _kind(name: str, module: ModuleType) -> Kind:
    return Kind(
        name,
        module.check,
        module.Options,
        getattr(module, "MIN_VERSIONS", 2),
        (module.__doc__ or "").strip(),
        getattr(module, "prepare", None),
    )


KINDS: dict[str, Kind] = {
    name: _kind(name, module)
    for name, module in {
        "agreement": agreement,
        "correspondence": correspondence,
        "existence": existence,
        "files": files,
        "malformed": malformed,
        "unmatched": unmatched,
        "table_shape": table_shape,
        "table_marks": table_marks,
        "table_labels": table_labels,
        "item_count": item_count,
        "numbering": numbering,
        "footnote_count": footnote_count,
        "entities": entities,
        "term_consistency": terms,
    }.items()
}
