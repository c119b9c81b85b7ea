"""Write the bilingual fixtures (XLIFF 1.2, XLIFF 2.0, PO, TMX) from the
Markdown triple ``fixtures/handmade/table_wrong_cell``: the same document,
French giving 12 where English and Spanish give 4 (row Burkina Faso, column
Minor), in each exchange format a translation tool writes.

    python scripts/make_bilingual_fixtures.py      # rewrites fixtures/bilingual/

Each format is written as its tools write it: XLIFF 1.2 with ``restype``
groups for the table (``table``, ``row``, ``cell``) and headings, XLIFF 2.0
and PO with one unit per paragraph or cell (PO keys a cell by ``msgctxt``),
TMX with the three languages in one file.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from ogpcheck.models import Block
from ogpcheck.read.markdown import read_markdown

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "fixtures" / "handmade" / "table_wrong_cell"
OUT = ROOT / "fixtures" / "bilingual"
FILES = {"en": "report.md", "es": "report.es.md", "fr": "report.fr.md"}


def blocks(lang: str) -> list[Block]:
    return read_markdown((SOURCE / FILES[lang]).read_text(encoding="utf-8"), FILES[lang])


def unit_id(block: Block) -> str:
    if block.kind == "cell":
        return f"t{block.table}-r{block.row}-c{block.col}"
    return f"b{block.index}"


def xliff12(lang: str) -> str:
    source, target = blocks("en"), blocks(lang)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
        f'  <file original="report.md" source-language="en" target-language="{lang}" datatype="x-markdown">',
        "    <body>",
    ]
    row = None
    for en, other in zip(source, target, strict=True):
        if en.kind == "cell" and row is None:
            out.append('      <group id="table-1" restype="table">')
        if en.kind == "cell" and en.row != row:
            if row is not None:
                out.append("        </group>")
            out.append(f'        <group id="row-{en.row}" restype="row">')
            row = en.row
        restype = ' restype="heading"' if en.kind == "heading" else (' restype="cell"' if en.kind == "cell" else "")
        indent = "          " if en.kind == "cell" else "      "
        out.append(
            f'{indent}<trans-unit id="{unit_id(en)}"{restype}><source>{escape(en.text)}</source>'
            f"<target>{escape(other.text)}</target></trans-unit>"
        )
    out += ["        </group>", "      </group>", "    </body>", "  </file>", "</xliff>", ""]
    return "\n".join(out)


def xliff2(lang: str) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="{lang}">',
        '  <file id="f1" original="report.md">',
    ]
    for en, other in zip(blocks("en"), blocks(lang), strict=True):
        out.append(
            f'    <unit id="{unit_id(en)}"><segment><source>{escape(en.text)}</source>'
            f"<target>{escape(other.text)}</target></segment></unit>"
        )
    out += ["  </file>", "</xliff>", ""]
    return "\n".join(out)


def po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def po(lang: str) -> str:
    out = [
        'msgid ""',
        'msgstr ""',
        f'"Language: {lang}\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        "",
    ]
    for en, other in zip(blocks("en"), blocks(lang), strict=True):
        out.append(f"#: report.md:{en.line}")
        if en.kind == "cell":
            out.append(f"msgctxt {po_string(unit_id(en))}")
        out += [f"msgid {po_string(en.text)}", f"msgstr {po_string(other.text)}", ""]
    return "\n".join(out)


def tmx() -> str:
    versions = {lang: blocks(lang) for lang in FILES}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        '  <header creationtool="ogpcheck-fixtures" creationtoolversion="1" segtype="paragraph"'
        ' o-tmf="markdown" adminlang="en" srclang="en" datatype="plaintext"/>',
        "  <body>",
    ]
    for number, en in enumerate(versions["en"]):
        out.append(f'    <tu tuid="{unit_id(en)}">')
        for lang in FILES:
            out.append(f'      <tuv xml:lang="{lang}"><seg>{escape(versions[lang][number].text)}</seg></tuv>')
        out.append("    </tu>")
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)


def main() -> None:
    for lang in ("es", "fr"):
        for folder, name, text in (
            (OUT / "xliff12" / lang, "report.xlf", xliff12(lang)),
            (OUT / "xliff2", f"report.{lang}.xlf", xliff2(lang)),
            (OUT / "po", f"report.{lang}.po", po(lang)),
        ):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
    (OUT / "tmx").mkdir(parents=True, exist_ok=True)
    (OUT / "tmx" / "report.tmx").write_text(tmx(), encoding="utf-8")


if __name__ == "__main__":
    main()
