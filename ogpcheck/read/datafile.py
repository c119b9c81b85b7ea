"""YAML files a user names besides the inputs (terminology, boilerplate
patterns, rules), read so that no file can stop the run in any other way
than a one-line error.

Besides the size limit of ``read_data_file``: structures nested thousands
deep (Python's recursion limit) and aliases nested in aliases, which expand
to billions of values when the file is walked ("billion laughs"), are
refused. PyYAML's ``safe_load`` builds nothing but plain values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError
from .limits import read_data_file

MAX_VALUES = 1_000_000  # values in the file once every alias is expanded


def read_yaml(path: Path, what: str) -> Any:
    """The data of a user's YAML file; an InputError naming the file when it
    cannot be read, is not YAML, or expands past ``MAX_VALUES`` values."""
    import yaml  # imported here: the shipped data is read without it (ruledata.py)

    text = read_data_file(path, what)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        raise InputError(f"{path}: the {what} is not valid YAML") from None
    except RecursionError:
        raise InputError(f"{path}: the {what} is nested too deeply") from None
    if _expanded(data, MAX_VALUES) > MAX_VALUES:
        raise InputError(f"{path}: the {what} expands to more than {MAX_VALUES:,} values (aliases within aliases)")
    return data


def _expanded(data: Any, budget: int) -> int:
    """How many values ``data`` holds when every shared value is counted
    each time it is used; stops counting past ``budget``."""
    count = 0
    stack = [data]
    while stack and count <= budget:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count
