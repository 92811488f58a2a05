"""The pre-commit hook works as documented: installed from a clone of this repository
with ``pre-commit try-repo`` (pre-commit builds its own environment and installs the
package into it, from the package index: about a minute), it fails on an invalid
document and names the problem. The snippets in the README and in
docs/validation.md name this repository, hooks that exist, and a ``rev:`` that can
exist: a release tag ``v`` + the version (CONTRIBUTING.md) or a commit.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import plivoxml_plus

ROOT = Path(__file__).resolve().parent.parent
SOURCE_URL = "https://github.com/plivoxml-plus/plivoxml-plus"
HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def snippets(path: Path) -> list[dict[str, object]]:
    blocks = re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)
    configs = [yaml.safe_load(block) for block in blocks if "repos:" in block]
    return [repo for config in configs for repo in config["repos"] if repo["repo"] != "local"]


@pytest.mark.parametrize("page", ["README.md", "docs/validation.md"])
def test_the_documented_snippet_names_this_repository_and_a_rev_that_can_exist(page):
    repos = snippets(ROOT / page)
    assert repos, f"{page} shows no pre-commit snippet"
    for repo in repos:
        assert repo["repo"] == SOURCE_URL
        # the tag the release process creates (CONTRIBUTING.md), or a commit
        assert repo["rev"] == f"v{plivoxml_plus.__version__}" or re.fullmatch(r"[0-9a-f]{40}", str(repo["rev"]))
        hooks = repo["hooks"]
        assert isinstance(hooks, list)
        assert {hook["id"] for hook in hooks} <= set(HOOKS)

def test_contributing_says_how_the_release_tag_is_made():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "plivoxml_plus/_version.py" in text
    assert "git tag -a vX.Y.Z" in text and "rev:" in text


def test_the_hook_installs_from_a_clone_and_fails_on_a_bad_file(tmp_path):
    clone = tmp_path / "plivoxml-plus"
    git("clone", "--quiet", str(ROOT), str(clone), cwd=tmp_path)
    project = tmp_path / "project"
    (project / "xml").mkdir(parents=True)
    git("init", "--quiet", cwd=project)
    (project / "xml" / "bad.xml").write_text('<Response><Conference maxMembers="50">room</Conference></Response>\n')
    (project / "xml" / "good.xml").write_text("<Response><Conference>room</Conference></Response>\n")
    git("add", ".", cwd=project)
    env = os.environ | {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("PYTHONPATH", None)  # the hook runs the package pre-commit installed, not this checkout
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(clone), "plivoxml-validate",
         "--files", "xml/bad.xml", "xml/good.xml"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "validate Plivo XML" in output and "Failed" in output
    assert 'xml/bad.xml:1:23: <Conference> attribute maxMembers="50": allowed: an integer from 1 to 20' in output
    assert "2 answer documents checked: 1 valid, 1 invalid" in output
