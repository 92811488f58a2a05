"""``import plivoxml_plus`` stays light: a webhook handler pays for layer 1 only."""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys

import pytest

HEAVY = ("xmlschema", "numpy", "plivo", "elementpath", "hypothesis")


@pytest.mark.parametrize("statement", ["import plivoxml_plus", "from plivoxml_plus import plivoxml"])
def test_importing_the_package_loads_no_heavy_dependency(statement):
    probe = f"{statement}\nimport sys\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout


# what a command must not load: the simulator, and what only it needs
SIMULATOR = ("plivoxml_plus.core", "asyncio", "httpx", "numpy", "plivo", "requests")


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--help"],
        ["validate", "-"],
        ["schema", "--path"],
    ],
)
def test_a_command_other_than_simulate_never_loads_the_simulator(argv):
    # validate is the CI and pre-commit hot path: its start-up is most of its cost
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['plivoxml-plus', *{argv!r}]\n"
        "try:\n"
        "    runpy.run_module('plivoxml_plus', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {SIMULATOR!r} or m.startswith({SIMULATOR[0]!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], check=False, input="<Response/>", capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


def test_simulate_still_runs_the_simulator(tmp_path):
    scenario = tmp_path / "one.toml"
    scenario.write_text("[[call]]\nname = 'ann'\nanswer = '<Response><Wait length=\"2\"/></Response>'\n")
    result = subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "simulate", str(scenario)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "ann" in result.stdout


# What `import plivoxml_plus` and `plivoxml-plus validate` load (issue 21, item 3):
# every layer loads on first use of one of its names (PEP 562)
def _loaded(code: str, *, stdin: str = "") -> list[str]:
    probe = f"{code}\nimport sys\nprint(sorted(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], check=False, input=stdin, capture_output=True, text=True, timeout=60
    )
    return list(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


def test_importing_the_package_loads_no_layer():
    loaded = _loaded("import plivoxml_plus")
    assert not [m for m in loaded if m.startswith(("plivoxml_plus.elements", "plivoxml_plus.schema"))], loaded
    assert "attrs" not in loaded and "attr" not in loaded


def test_the_element_classes_load_on_first_use():
    loaded = _loaded(
        "import plivoxml_plus\n"
        "from plivoxml_plus import Conference, Response\n"
        "assert Response([Conference('room')]).to_string() == '<Response><Conference>room</Conference></Response>'\n"
        "assert plivoxml_plus.Conference is Conference and 'Conference' in dir(plivoxml_plus)"
    )
    assert "plivoxml_plus.elements" in loaded


# what validate loads for valid documents: not the element classes (nor the review
# and its messages, which describe problems with them), nor other commands' parsers
NOT_FOR_VALIDATE = (
    "plivoxml_plus.elements",
    "plivoxml_plus.schema._review",
    "plivoxml_plus.schema._messages",
    "plivoxml_plus.schema._parse",
    "plivoxml_plus._simulate_command",
    "plivoxml_plus._lint_command",
    "plivoxml_plus.linter",
    "json",
)


def _cli(*argv: str) -> str:
    return (
        "import sys, runpy\n"
        f"sys.argv = ['plivoxml-plus', *{list(argv)!r}]\n"
        "try:\n"
        "    runpy.run_module('plivoxml_plus', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass"
    )


def test_validate_of_valid_documents_loads_neither_the_elements_nor_other_commands(tmp_path):
    document = tmp_path / "answer.xml"
    document.write_text("<Response><Speak>Hi</Speak><Conference>room</Conference></Response>")
    for argv in (["validate", str(document)], ["validate", "-"], ["validate", "--help"]):
        loaded = _loaded(_cli(*argv), stdin=document.read_text())
        assert not [m for m in loaded if m.startswith(NOT_FOR_VALIDATE)], (argv, loaded)


def test_validate_of_an_invalid_document_loads_the_review(tmp_path):
    document = tmp_path / "answer.xml"
    document.write_text('<Response><Conference maxMembers="50">room</Conference></Response>')
    loaded = _loaded(_cli("validate", "--format", "json", str(document)))
    assert "plivoxml_plus.schema._review" in loaded and "json" in loaded


def test_each_command_is_registered_by_the_module_named_for_it():
    from plivoxml_plus.cli import COMMANDS, build_parser

    def names(parser: argparse.ArgumentParser) -> set[str]:
        (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return set(commands.choices)

    assert names(build_parser()) == set(COMMANDS)
    for command, module in COMMANDS.items():
        assert command in names(build_parser(command)), module
        assert names(build_parser(command)) == {name for name, owner in COMMANDS.items() if owner == module}
