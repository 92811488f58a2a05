"""``plivoxml-plus validate`` and ``plivoxml-plus schema``, run in-process (and once for real)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plivoxml_plus import schema_path
from plivoxml_plus.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOOD = "<Response>\n  <Conference>room</Conference>\n</Response>\n"
BAD = '<Response>\n  <Conference maxMembers="50" muted="1">room</Conference>\n</Response>\n'
SUMMARY = re.compile(r"^\d+ (answer|sound) documents? checked: \d+ valid, \d+ invalid")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "good": tmp_path / "good.xml",
        "bad": tmp_path / "nested" / "bad.xml",
        "sound": tmp_path / "hold.xml",
    }
    paths["bad"].parent.mkdir()
    paths["good"].write_text(GOOD)
    paths["bad"].write_text(BAD)
    paths["sound"].write_text("<Response><Play>https://example.com/hold.mp3</Play></Response>")
    return paths


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_valid_files_exit_0_with_a_summary(capsys, files):
    code, out, err = run(capsys, "validate", str(files["good"]), str(files["sound"]))
    assert (code, err) == (0, "")
    assert out == ["2 answer documents checked: 2 valid, 0 invalid"]


def test_an_invalid_file_prints_path_line_column_message_and_exits_1(capsys, files):
    code, out, _ = run(capsys, "validate", str(files["good"]), str(files["bad"]))
    assert code == 1
    assert out == [
        f'{files["bad"]}:2:15: <Conference> attribute maxMembers="50": allowed: an integer from 1 to 20',
        f'{files["bad"]}:2:31: <Conference> attribute muted="1": allowed: "true" or "false"',
        "2 answer documents checked: 1 valid, 1 invalid (2 problems)",
    ]


def test_a_folder_means_every_xml_file_under_it(capsys, files, tmp_path):
    (tmp_path / "notes.txt").write_text("not xml")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert out[-1] == "3 answer documents checked: 2 valid, 1 invalid (2 problems)"
    assert all(line.startswith(str(files["bad"])) for line in out[:-1])


def test_unreadable_paths_and_empty_folders_exit_1(capsys, files, tmp_path):
    # (issue 7: a path that names no readable document is a problem found, exit 1, like
    # an invalid document; exit 2 is for usage errors only)
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "validate", str(files["bad"]), str(tmp_path / "missing.xml"), str(empty))
    assert code == 1
    assert err.splitlines() == [
        f"{empty}: error: a folder with no *.xml files",
        f"{tmp_path / 'missing.xml'}: error: cannot read: no such file or directory",
    ]
    assert out[-1] == "1 answer document checked: 0 valid, 1 invalid (2 problems); 2 paths unreadable"


def test_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    code, out, _ = run(capsys, "validate", "-")
    assert code == 1
    assert out[0].startswith("<stdin>:2:15: <Conference> attribute maxMembers")


def test_standard_input_is_read_once(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    code, _, err = run(capsys, "validate", "-", "-")
    assert code == 2 and "can be read once only" in err


def test_kind_sound(capsys, files):
    code, out, _ = run(capsys, "validate", "--kind", "sound", str(files["sound"]), str(files["good"]))
    assert code == 1
    assert out[0] == (
        f"{files['good']}:2:3: <Conference> is not allowed in a sound document (the <Response> that waitSound, "
        "enterSound/exitSound, wait-music, hold-music, dialMusic and confirmSound URLs return); "
        "allowed: Play, Speak, Wait"
    )
    assert out[-1] == "2 sound documents checked: 1 valid, 1 invalid (1 problem)"


def test_json_format(capsys, files, tmp_path):
    code, out, err = run(
        capsys, "validate", "--format", "json", str(files["good"]), str(files["bad"]), str(tmp_path / "no.xml")
    )
    assert (code, err) == (1, "")
    report = json.loads("\n".join(out))
    assert report["kind"] == "answer"
    assert report["summary"] == {
        "files": 3,
        "valid": 1,
        "invalid": 1,
        "unreadable": 1,
        "problems": 2,
        "warnings": 0,
        "strict": False,
    }
    good, bad, missing = report["files"]
    assert good == {"path": str(files["good"]), "valid": True, "problems": [], "omitted": 0}
    assert bad["problems"][0] == {
        "line": 2,
        "column": 15,
        "element": "Conference",
        "attribute": "maxMembers",
        "message": '<Conference> attribute maxMembers="50": allowed: an integer from 1 to 20',
        "count": 1,
        "severity": "error",
    }
    assert missing == {"path": str(tmp_path / "no.xml"), "error": "cannot read: no such file or directory"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the document is empty"),
        (b"\x00\x01\x02\xff\xfe binary junk", "not XML"),
        (b"<Response><Speak>caf\xe9</Speak></Response>", "the document is not in the encoding it declares"),
        (b"<Response><Conference>room</Response>", "not well-formed XML"),
        (b"<Response>" + b"<Wait/>" * 200_000 + b"</Response>", "over the size limit"),
        (b'<!DOCTYPE r [<!ENTITY a "b">]><Response/>', "DOCTYPE declarations are not allowed"),
    ],
)
def test_bad_input_is_one_clear_line_never_a_traceback(capsys, tmp_path, content, message):
    path = tmp_path / "x.xml"
    path.write_bytes(content)
    code, out, err = run(capsys, "validate", str(path))
    assert (code, err) == (1, "")
    assert len(out) == 2 and message in out[0] and out[0].startswith(f"{path}")
    assert SUMMARY.match(out[1])


def test_max_bytes(capsys, files):
    code, out, _ = run(capsys, "validate", "--max-bytes", "10", str(files["good"]))
    assert code == 1 and "over the size limit of 10 bytes" in out[0]
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--max-bytes", "0", str(files["good"])])
    assert caught.value.code == 2


def test_usage_errors_exit_2(capsys):
    for argv in (["validate"], ["validate", "--kind", "hold", "x.xml"], ["validate", "--format", "xml", "x.xml"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_schema_prints_the_xsd_or_its_path(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0 and "\n".join(out) + "\n" == schema_path().read_text()
    code, out, _ = run(capsys, "schema", "--path")
    assert out == [str(schema_path())]
    code, out, _ = run(capsys, "schema", "--kind", "sound", "--path")
    assert out == [str(schema_path("sound"))]
    code, out, _ = run(capsys, "schema", "--kind", "sound")
    assert "xs:redefine" in "\n".join(out)


def test_the_pre_commit_hooks_run_this_command(capsys, files):
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    hooks = re.findall(r"^- id: (\S+)\n(?:  .*\n)*?  entry: (.+)\n", text, re.M)
    assert [hook_id for hook_id, _ in hooks] == ["plivoxml-validate", "plivoxml-validate-sound", "plivoxml-lint"]
    assert text.count("language: python") == 3 and text.count("types: [xml]") == 3
    for _, entry in hooks:
        program, *arguments = entry.split()
        assert program == "plivoxml-plus"
        # pre-commit appends the staged file names
        assert main([*arguments, str(files["sound"])]) == 0
        assert main([*arguments, str(files["bad"])]) == 1
    capsys.readouterr()


def test_python_dash_m_runs_the_command_line(files):
    done = subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "validate", str(files["good"]), str(files["bad"])],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines()[0].startswith(f"{files['bad']}:2:15: <Conference> attribute maxMembers")
