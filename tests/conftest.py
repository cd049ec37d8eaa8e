"""Helpers and fixtures shared by every tier (tests/unit, tests/site, tests/browser).

Test modules import plain helpers from here (`from tests.conftest import ROOT`), never from
another test module; fixtures (`mini`, `built`) need no import.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TypeVar

import pytest

from generator.catalog.load import load_catalog, load_catalog_text
from generator.catalog.model import Catalog
from generator.cli import main
from generator.clinic.site_config import SiteSettings, read_site_settings
from generator.messages import active
from generator.messages.pseudo import PseudoTranslations
from generator.source.errors import CatalogError

ROOT = Path(__file__).resolve().parent.parent
# The project whose site the site and browser tiers build and read: this repository, or another
# clinic's project (`CLINIC_PROJECT`; tests/site/test_rebranded_clinic.py runs those tiers on a
# rebranded copy this way). Tests read the clinic's details from its `mkdocs.yml`
# (`project_settings`), never the sample clinic's strings.
PROJECT = Path(os.environ.get("CLINIC_PROJECT") or ROOT).resolve()


def examples(count: int) -> int:
    """Examples for a property test: `count` in the full suite, a fifth of it (at least 25)
    in the fast tier (`make test-fast` sets CLINIC_FAST_TIER=1), which is a quick first look."""
    return max(25, count // 5) if os.environ.get("CLINIC_FAST_TIER") else count


TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"  # inputs: the mini catalog and its site settings
GOLDEN = TESTS / "golden"  # expected outputs; refresh with UPDATE_GOLDEN=1
MINI = FIXTURES / "mini.yaml"
PROJECT_FILES = ["mkdocs.yml", "exercises.yaml", "content", "theme"]
# Copied when the project has them: the published addresses that must never disappear.
OPTIONAL_PROJECT_FILES = ["urls.txt"]


@pytest.fixture(scope="session")
def mini() -> Catalog:
    return load_catalog(MINI)


def problems_of(text: str) -> list[str]:
    """Load `text` as a catalog named test.yaml and return the located problems as text."""
    with pytest.raises(CatalogError) as caught:
        load_catalog_text(text, "test.yaml")
    return [str(p) for p in caught.value.problems]


def mini_text() -> str:
    return MINI.read_text(encoding="utf-8")


# The command line, run in this process: what a user sees (exit code, stdout, stderr).


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path = ROOT) -> Ran:
    """`python -m generator ARGS` run in folder `cwd` (default: the repository), in this
    process (no interpreter start-up); usage errors exit 2 as on the command line."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse: usage errors and --help
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    return Ran(code, out.getvalue(), err.getvalue())


# Clinic settings of another clinic, for rebranding and for bad-setting variations.
US_CLINIC = """
  clinic:
    name: Lakeside Spine Care
    phone: "(202) 555-0143"
    email: front.desk@lakeside.example
    country: US
    colours: {primary: "#5b2a86", accent: "#8a3b12"}
"""


def with_clinic(project: Path, block: str) -> None:
    """Replace the clinic settings (the end of `mkdocs.yml`) with `block`."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  clinic:\n")
    config.write_text(text[:start] + block.lstrip("\n"), encoding="utf-8")


# Whole projects and their builds (tests/site, tests/browser).


def project_settings(project: Path = PROJECT) -> SiteSettings:
    """The clinic's checked settings in `project`'s `mkdocs.yml` (name, phone, country, ...)."""
    return read_site_settings(project / "mkdocs.yml")


def project_catalog(project: Path = PROJECT) -> Catalog:
    return load_catalog(project / "exercises.yaml")


T = TypeVar("T")


def pick(entries: Iterable[T], wanted: Callable[[T], bool], what: str, count: int = 1) -> list[T]:
    """The first `count` entries of the project under test with the property a test needs (the
    tests never name the sample's entries: a clinic replaces them); the test fails, saying what
    it needs, if the project has too few."""
    found = [entry for entry in entries if wanted(entry)][:count]
    if len(found) < count:
        pytest.fail(f"{PROJECT / 'exercises.yaml'} has too few entries: this test needs {what}")
    return found


def make_project(tmp: Path, source_project: Path | None = None) -> Path:
    """A copy of the project under test (settings, catalog, content, theme) in `tmp/project`."""
    project = tmp / "project"
    project.mkdir()
    for name in PROJECT_FILES + OPTIONAL_PROJECT_FILES:
        source = (source_project or PROJECT) / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.is_file() or name not in OPTIONAL_PROJECT_FILES:
            shutil.copy(source, project / name)
    return project


def build(project: Path, out: str | Path = "site") -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `out` (relative to the project, or absolute)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative path: its SHA-256."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project under test (`PROJECT`), built once per test session: the project folder,
    its site in `site/`. Read it, never change it; a test that needs a changed project makes its own
    (`make_project(tmp_path)`) or builds into its own folder (`build(built, tmp_path / "x")`)."""
    project = make_project(tmp_path_factory.mktemp("shipped"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project


# A harmless but tricky project (tests/site/test_hostile_build.py, tests/browser/
# test_hostile_pages.py): markup that looks like script but is shown, links to other sites,
# a picture that is also HTML, a hidden HTML file; `window.pwned` is set if anything runs.

TRICKY_PAGE = """

## Tricky but harmless

Code shows, never runs:

```html
<script>window.pwned = "fenced"</script>
```

`<img src=x onerror="window.pwned = 'code span'">`

    <script>window.pwned = "indented"</script>

Text that looks like markup: &lt;script&gt;window.pwned = 1&lt;/script&gt;, and 1 < 2 > 0.

<a href="https://example.org/">A plain link to another site</a> and
[another one](https://example.org/guide).

![A white square](tricky/dot.png)

<svg width="20" height="20" role="img" aria-label="A dot"><defs><linearGradient id="g">
<stop offset="0" stop-color="#0b5563"/></linearGradient></defs>
<circle cx="10" cy="10" r="8" fill="url(#g)"/></svg>
"""
TRICKY_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<title>A dot</title><circle cx="5" cy="5" r="4" fill="#0b5563"/></svg>\n'
)


def polyglot_png() -> bytes:
    """A valid 4 x 4 PNG whose text chunk holds an HTML page with a script."""
    import struct
    import zlib

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    png = out.getvalue()
    body = b"Comment\x00<html><script>window.pwned = 'polyglot'</script></html>"
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + body))
    return png[:-12] + chunk + png[-12:]  # before IEND


def make_tricky_project(tmp: Path) -> Path:
    project = make_project(tmp)
    about = project / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + TRICKY_PAGE, encoding="utf-8")
    folder = project / "content" / "tricky"
    folder.mkdir()
    (folder / "dot.png").write_bytes(polyglot_png())
    (folder / "drawing.svg").write_text(TRICKY_SVG, encoding="utf-8")
    (folder / ".notes.html").write_text("<script>window.pwned = 1</script>", encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tricky project, built once per session into `site/`."""
    project = make_tricky_project(tmp_path_factory.mktemp("tricky"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


# Pages compared as HTML.


class _Events(HTMLParser):
    """A page's HTML as a list of tags (attributes sorted) and text (whitespace collapsed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[Any, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, tuple(sorted(attrs, key=lambda a: a[0]))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text:
            self.events.append(("text", text))


def events(html: str) -> list[tuple[Any, ...]]:
    """Two pages with the same events read the same (whitespace and attribute order aside)."""
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.events


# For fault-injection drivers (run in a child process): `killing(f)` wraps a file-system call so
# that the process dies, as with `kill -9`, at its `kill_at`-th call. The driver sets `kill_at`.
KILL_SWITCH = """
calls = 0
def killing(function):
    def wrapped(*args, **kwargs):
        global calls
        calls += 1
        if calls == kill_at:
            os._exit(9)
        return function(*args, **kwargs)
    return wrapped
"""


@pytest.fixture
def pseudo_language() -> Iterator[None]:
    """Every word of the generator's own in the pseudo-locale for the test, then back."""
    before = active.current()
    active.use(PseudoTranslations())
    try:
        yield
    finally:
        active.use(before)
