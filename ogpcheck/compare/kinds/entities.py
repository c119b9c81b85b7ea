"""Kind ``entities``: aligned blocks must name the same people, organisations,
places and programmes.

For each aligned group, every name one version mentions is looked for in the
text of the others (in any of its known forms, see
``ogpcheck/extract/entities.py``). A name most versions give and one lacks
is *missing* there; if that version instead names another thing that no
other version names here (Colombia where the others say Costa Rica; Stripe,
a name the document uses elsewhere, where the others say Snipcart), the name
was *replaced*. A name all versions give, but one version fewer
times than the others agree on, differs in *count* (or was replaced, if a
name of the same sort only that version gives stands there). The source,
when one is set, or else the majority names the suspect, as for numbers
(``vote.py``); with two versions and no source there is none.

Names only one version gives are not reported: translators add a country or
an acronym to make a sentence clear. Generic terms (civil society
organisation) are never required, and a spaCy name counts only when spaCy
found it in two versions.

Rule option ``aspect``: ``replaced``, ``missing`` or ``count``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ...models import Finding
from ..context import Context
from ..rule import Rule


@dataclass(frozen=True)
class Options:
    """``aspect``: which difference the rule reports."""

    aspect: Literal["replaced", "count", "missing"] = "missing"


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    # Imported here: the entity extraction is loaded by a check that names things.
    from .entity_differences import check as differences

    yield from differences(context, rule)
