"""The two-process build: with a second core, a second process really renders part of a large
catalog's pages (their Markdown, then the theme's HTML), and the site is the same; with one
core, one process renders everything.

What is observed is the plugin's own count, logged at debug level (`mkdocs build --verbose`)
from the pages it received from the forked process: `generator/pages/render.py` (Markdown, from
PARALLEL_FROM pages) and `generator/engine/plugin.py` (the theme's HTML of catalog pages).
If the second process is replaced or removed, adapt the two patterns below.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.pages.render import PARALLEL_FROM
from generator.speed.forked import HANDSHAKE
from tests.conftest import ROOT, digest, make_project

sys.path.insert(0, str(ROOT / "scripts"))
from bench import synthetic_text

MARKDOWN = re.compile(r"Markdown of (\d+) generated pages: (\d+) rendered by a second process")
HTML = re.compile(r"HTML of catalog pages: (\d+) rendered by a second process")

# `mkdocs build`, with this process (and so its children) kept to the cores given first.
ON_CORES = """
import os, runpy, sys
os.sched_setaffinity(0, {int(core) for core in sys.argv.pop(1).split(",")})
sys.argv[0] = "mkdocs"
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project with a synthetic catalog large enough for the second process."""
    project = make_project(tmp_path_factory.mktemp("large"))
    shipped = yaml.safe_load((ROOT / "exercises.yaml").read_text(encoding="utf-8"))
    text = synthetic_text(shipped, PARALLEL_FROM)
    (project / "exercises.yaml").write_text(text, encoding="utf-8")
    return project


def build_on(project: Path, cores: set[int], out: str) -> tuple[int, int, int]:
    """Build on `cores`: generated pages, and pages of them whose Markdown and whose HTML a
    second process rendered."""
    # The handshake makes each process render at least one page however busy the machine is;
    # without it, a loaded machine may let this process render them all (correct, unobservable).
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1700000000",
        HANDSHAKE: "1",
    }
    listed = ",".join(str(core) for core in sorted(cores))
    result = subprocess.run(
        [sys.executable, "-c", ON_CORES, listed, "build", "--verbose", "--site-dir", out],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    markdown = MARKDOWN.findall(result.stderr)
    html = HTML.findall(result.stderr)
    assert len(markdown) == 1 and len(html) == 1, "the plugin's debug lines changed"
    return int(markdown[0][0]), int(markdown[0][1]), int(html[0])


def test_a_second_process_renders_pages_only_where_a_second_core_is_free(project: Path) -> None:
    cores = os.sched_getaffinity(0)
    pages, markdown, html = build_on(project, {min(cores)}, "site-one")
    assert pages >= PARALLEL_FROM
    assert (markdown, html) == (0, 0), "one core: one process renders every page"
    if len(cores) < 2:
        pytest.skip("one core here: no second process to observe")
    pages_two, markdown, html = build_on(project, cores, "site-two")
    assert pages_two == pages
    assert 0 < markdown < pages, "a second process rendered part of the pages' Markdown"
    assert html > 0, "a second process rendered part of the catalog pages' HTML"
    assert digest(project / "site-two") == digest(project / "site-one")
