"""Kind ``files``: findings about the files of a translation repository (a
document with no file for a language).

Only a batch run knows which files a document should have (its layout), so
the application records the languages without a file in
``Document.missing``; this kind reports each at the document's first file.
The expected path is the finding's value, so its fingerprint differs between
documents and languages. It needs only one version, so a document nobody has
translated yet is still reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...models import Finding, Location
from ..context import Context
from ..rule import Rule


@dataclass(frozen=True)
class Options:
    """This kind has no options."""


MIN_VERSIONS = 1  # a document with one version still lacks the others


def check(context: Context, rule: Rule) -> Iterator[Finding]:
    if not context.document.versions:
        return
    first = context.document.versions[0]
    for lang, expected in context.document.missing.items():
        where = f" (expected {expected})" if expected else ""
        yield Finding(
            rule=rule.code,
            severity=rule.severity,
            message=f"no {lang} version of this document{where}",
            suspect=[],
            locations=[Location(first.id, first.path, 1, "", [expected or lang])],
        )
