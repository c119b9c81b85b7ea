"""Where JSX and HTML markup stands in Markdown and HTML source.

These patterns find markup by its shape, never to read text out of it (lxml
and markdown-it-py do that): where an MDX tag starts and ends (see ``mdx``),
and, through ``mask``, where the text is not, so that looking for a word of
the text in the source never lands inside an attribute or a comment.
"""

from __future__ import annotations

import re

_ATTR_NAME = r"[A-Za-z_:@$][\w:.@$-]*"
# A JSX expression, braces nested up to three deep: {2}, {{ a: 1 }}, {() => f({x})}.
BRACES = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
_VALUE = rf"(?:\"[^\"]*\"|'[^']*'|{BRACES}|[^\s\"'=<>`{{}}]+)"
_ATTR = rf"(?:{_ATTR_NAME}(?:\s*=\s*{_VALUE})?|{BRACES})"
# An open, closing or self-closing tag, HTML or JSX, possibly over several
# lines; ``<>`` and ``</>`` are JSX fragments.
TAG = re.compile(rf"<(?P<close>/)?(?:(?P<name>[A-Za-z][\w.:-]*)(?P<attrs>(?:\s+{_ATTR})*)\s*(?P<empty>/)?)?>")
# Site-generator template tags (Hugo shortcodes, Liquid, Jinja): markup, not prose.
TEMPLATE = re.compile(r"\{\{[<%][^{}]*?[%>]\}\}|\{%[^{}]*?%\}|\{\{[^{}]*\}\}")
_OTHER_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![A-Za-z][^>]*>|<\?.*?\?>", re.DOTALL)
_RAW_TEXT = re.compile(
    r"<(script|style|textarea)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE
)


def mask(text: str) -> str:
    """``text`` with tags, comments, declarations, template tags and the
    content of script and style elements replaced by NUL characters (line
    breaks kept)."""

    def hide(found: re.Match[str]) -> str:
        return re.sub(r"[^\n]", "\x00", found.group())

    for pattern in (_RAW_TEXT, _OTHER_MARKUP, TEMPLATE, TAG):
        text = pattern.sub(hide, text)
    return text

