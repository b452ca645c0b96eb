"""The search package stays readable: small modules, no function longer than MAX_FUNCTION_LINES lines."""

import ast
from pathlib import Path

import offers.search

MAX_FUNCTION_LINES = 40
PACKAGE = Path(offers.search.__file__).parent


def _functions(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def test_no_function_in_the_search_package_is_longer_than_40_lines():
    too_long = [
        f"{path.name}:{node.lineno} {node.name}() has {node.end_lineno - node.lineno + 1} lines"
        for path in sorted(PACKAGE.glob("*.py"))
        for node in _functions(path)
        if node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert too_long == []


def test_the_length_check_sees_a_long_function(tmp_path):
    long_function = tmp_path / "long.py"
    long_function.write_text("def f():\n" + "    x = 1\n" * MAX_FUNCTION_LINES)
    assert [node.end_lineno - node.lineno + 1 for node in _functions(long_function)] == [MAX_FUNCTION_LINES + 1]
