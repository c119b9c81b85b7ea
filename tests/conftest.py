"""Shared helpers: run the CLI in-process and find the fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ogpcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED_000 = FIXTURES / "seeds" / "000_2e39307007993178.txt"
SEED_003 = FIXTURES / "seeds" / "003_5c43775e3edc9d72.txt"
HANDMADE = FIXTURES / "handmade"


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    """Run ``ogpcheck ARGS`` in this process; return exit code and output."""

    def _run(*args: str | Path) -> Result:
        with pytest.raises(SystemExit) as exit_:
            main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(int(exit_.value.code or 0), captured.out, captured.err)

    return _run
