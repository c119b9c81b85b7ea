"""Write small trilingual documents for tests: three short Markdown versions
in which French gives 42 teachers where English and Spanish give 24."""

from __future__ import annotations

from pathlib import Path

TEXT = {
    "en": "# Annual results\n\nThe programme trained 24 teachers in 12 regions during 2021.\n\n"
    "A further 310 schools joined the network in March.\n",
    "es": "# Resultados anuales\n\nEl programa formó a 24 docentes en 12 regiones durante 2021.\n\n"
    "Otras 310 escuelas se unieron a la red en marzo.\n",
    "fr": "# Résultats annuels\n\nLe programme a formé 42 enseignants dans 12 régions en 2021.\n\n"
    "En mars, 310 autres écoles ont rejoint le réseau.\n",
}
WRONG = ("fr", "42")  # the error every document carries


def version_path(root: Path, layout: str, name: str, lang: str, ext: str = "md") -> Path:
    if layout == "folder":
        return root / lang / f"{name}.{ext}"
    if layout == "suffix":
        return root / (f"{name}.{ext}" if lang == "en" else f"{name}.{lang}.{ext}")
    if layout == "name":
        return root / name / f"{lang}.{ext}"
    raise ValueError(layout)


def write_document(
    root: Path,
    name: str = "report",
    layout: str = "suffix",
    langs: tuple[str, ...] = ("en", "es", "fr"),
    above: str = "",
    text: dict[str, str] | None = None,
) -> list[Path]:
    """Write the versions of one document; ``above`` is put before each
    version's text (to shift every line down)."""
    paths = []
    for lang in langs:
        path = version_path(root, layout, name, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(above + (text or TEXT)[lang], encoding="utf-8")
        paths.append(path)
    return paths
