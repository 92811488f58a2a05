"""Every script in examples/ prints the document the seed page shows for it."""

from __future__ import annotations

import runpy
import subprocess
import sys

import pytest

from tests.conftest import ROOT, assert_same_xml, canonical, parse
from tests.seed_examples import SEED_XML, STATUS_CALLBACK_EXAMPLE

EXAMPLES = ROOT / "examples"
# Scripts of this folder that are not seed examples (each is tested where it belongs).
NOT_SEED = {"demo", "ivr_pin_prompt", "ivr_dial", "ivr_speak_ssml"}


def run_example(name: str, capsys: pytest.CaptureFixture[str]) -> str:
    runpy.run_path(str(EXAMPLES / f"{name}.py"), run_name="__main__")
    return capsys.readouterr().out


def test_one_script_per_seed_example():
    scripts = {path.stem for path in EXAMPLES.glob("*.py")} - NOT_SEED
    assert scripts == set(SEED_XML)


@pytest.mark.parametrize("name", sorted(set(SEED_XML) - {STATUS_CALLBACK_EXAMPLE}))
def test_example_prints_the_seed_document(name, capsys):
    assert_same_xml(run_example(name, capsys), SEED_XML[name])


def test_status_callback_example_is_the_seed_element_wrapped_and_given_a_role(capsys):
    # The seed's snippet is a bare <MultiPartyCall> without the required role:
    # the script wraps it in <Response> and adds a role, and nothing else.
    printed = parse(run_example(STATUS_CALLBACK_EXAMPLE, capsys))
    assert printed.tag == "Response"
    assert len(printed) == 1
    (mpc,) = printed
    assert mpc.get("role")
    del mpc.attrib["role"]
    assert_same_xml(mpc, SEED_XML[STATUS_CALLBACK_EXAMPLE])


def test_examples_print_one_document_and_nothing_else(capsys):
    for name in SEED_XML:
        out = run_example(name, capsys)
        canonical(out)  # one well-formed document: parse() would refuse trailing output
        assert out.endswith("\n")


def test_an_example_runs_as_a_standalone_script():
    # In a fresh interpreter, as a user runs it (runpy above shares this process).
    name = "mpc_supervisor_coach"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / f"{name}.py")], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stderr == ""
    assert_same_xml(result.stdout, SEED_XML[name])
