"""``plivoxml-plus lint``: read the paths, lint them as one set, write the report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__
from .._terminal import printable
from ..schema._cli import STDIN, _targets
from ..schema._result import Problem
from ._app_routes import AppRoutes, app_routes, scenario_documents
from ._config import LintConfig
from ._documents import Document, read_document
from ._errors import LintConfigError
from ._formats import render
from ._rulebook import rules
from ._run import lint_documents

__all__ = ["run"]

DEFAULT_TOKEN = "plivoxml-plus-lint"  # (an app that checks signatures needs its own: --auth-token)


def _ids(text: str) -> list[str]:
    return [part for part in (piece.strip() for piece in text.split(",")) if part]


def _config(args: argparse.Namespace) -> LintConfig:
    if args.config is not None:
        base = LintConfig.from_file(args.config)
    elif Path("pyproject.toml").is_file():
        base = LintConfig.from_file("pyproject.toml", required=False)
    else:
        base = LintConfig()
    folders = dict(base.url_folders)
    for item in args.url_folder:
        url, sep, folder = item.partition("=")
        if not sep or not url or not folder:
            raise LintConfigError(f"--url-folder {item!r}: write it URL=FOLDER")
        folders[url] = folder
    return LintConfig(
        disable=base.disable | set(_ids(args.disable)),
        enable=base.enable | set(_ids(args.enable)),
        production=(*base.production, *args.production),
        placeholder_hosts=base.placeholder_hosts,
        url_folders=folders,
    )


def run(args: argparse.Namespace) -> int:
    if not args.paths and not args.scenario:
        print("plivoxml-plus lint: error: give a PATH to lint, or a --scenario", file=sys.stderr)
        return 2
    if STDIN in args.paths:
        print("plivoxml-plus lint: error: lint reads files and folders, not standard input (-)", file=sys.stderr)
        return 2
    routes = AppRoutes()
    try:
        config = _config(args)
        if args.app is not None:
            if args.base_url is None:
                raise LintConfigError("--app needs --base-url, the URL its routes are under")
            routes = app_routes(args.app, args.base_url, args.auth_token or DEFAULT_TOKEN)
    except LintConfigError as error:
        print(f"plivoxml-plus lint: error: {printable(str(error))}", file=sys.stderr)
        return 2
    try:
        targets, unreadable = _targets(args.paths)
        documents = [read_document(name, Path(name)) for name in targets]
        # a folder that cannot be listed, or holds no *.xml file: a finding, as in validate
        documents += [
            Document(outcome.path, None, None, (Problem(None, None, None, None, f"cannot read: {outcome.error}"),))
            for outcome in unreadable
        ]
        documents += scenario_documents(args.scenario, routes)
        result = lint_documents(documents, config, routes if routes.transports else None)
    finally:
        routes.close()
    report = render(result, args.format, rules(), version=__version__)
    if args.format in ("text", "github"):  # (paths and messages are the user's text: no control characters)
        report = "\n".join(printable(line) for line in report.split("\n"))
    if args.output is not None:
        Path(args.output).write_text(report + "\n", encoding="utf-8")
    else:
        print(report)
    return 0 if result.ok else 1
