"""The site built in the pseudo-locale (`make site-pseudo`): every word the generator, the theme
and Material show is pseudo (accented, longer, between ⟦ ⟧), and the printed sheets still keep
the emergency signs on sheet 1 with the longer words.

A visible text (or an attribute people see or hear) with letters must be pseudo, or content:
written in the project's own data (the catalog, the content pages, the settings, the clinic's
country wording, the programme in the link). The content set is built from those files, never
typed here. Offenders are listed with their page.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from generator.catalog import addresses
from generator.catalog.kinds import PAGE_KINDS
from generator.catalog.load import load_catalog
from generator.catalog.relations import Relations
from generator.clinic.site_config import read_site_settings
from generator.clinic.wording import wording_for
from generator.messages.pseudo import CLOSE, OPEN, PSEUDO_LANGUAGE
from tests.conftest import make_project

PSEUDO_LETTERS = set("åƀçđéƒĝĥîĵķľɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĽṀÑÖÞǪŔŠŢÛṼŴẊÝŽ")
PROGRAMME_TITLE = "Pseudo programme"
_ENDS = re.compile(r"^[\W\d_]+|[\W\d_]+$")  # numbering and punctuation around a text
# Text nodes and the attributes people see or hear, on screen (or as printed: `print`).
VISIBLE_TEXTS = """() => {
  const seen = (el) => el && el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, template, noscript")) continue;
    if (node.textContent.trim() && seen(parent)) out.push(node.textContent);
  }
  const named = "[aria-label], [alt], [title], [placeholder], input[type=button], "
    + "input[type=submit]";
  for (const el of document.querySelectorAll(named)) {
    if (!seen(el) && !el.closest("[aria-label]")?.checkVisibility()) continue;
    for (const name of ["aria-label", "alt", "title", "placeholder"]) {
      if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
    if (el.matches("input[type=button], input[type=submit]") && el.value) out.push(el.value);
  }
  return out;
}"""


def _plain(text: str) -> str:
    """Text compared loosely: one space for white space, straight quotes, case folded."""
    text = unicodedata.normalize("NFKC", text)
    quotes = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}
    text = text.translate(str.maketrans(quotes))
    return re.sub(r"\s+", " ", text).strip().casefold()


def _strings(value: Any) -> Iterator[str]:
    """Every string in parsed YAML data (values and keys)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif value is not None:
        yield str(value)


def content_texts(project: Path) -> str:
    """All the project's own words, one searchable text: catalog, content pages, settings."""
    texts = list(_strings(yaml.safe_load((project / "exercises.yaml").read_text("utf-8"))))
    config = (project / "mkdocs.yml").read_text("utf-8")
    texts += _strings(
        yaml.load(config, Loader=yaml.BaseLoader)
    )  # plain strings, MkDocs' tags kept as text
    site = read_site_settings(project / "mkdocs.yml")
    texts += _strings(site.clinic.for_theme())
    wording = wording_for(site.clinic)
    texts += [*_strings(asdict(wording)), wording.soon_heading]
    texts += [reference.label for reference in load_catalog(project / "exercises.yaml").references]
    for page in sorted(site.docs_dir.rglob("*.md")):
        markdown = page.read_text("utf-8")
        texts.append(markdown)
        texts.append(re.sub(r"[*_`#>]+|\[|\]\([^)]*\)", "", markdown))  # as it reads
    texts.append(PROGRAMME_TITLE)
    return "\n".join(_plain(text) for text in texts)


def is_pseudo(text: str) -> bool:
    return OPEN in text or CLOSE in text or any(c in PSEUDO_LETTERS for c in text)


def offenders(texts: list[str], content: str) -> list[str]:
    """The texts with letters that are neither pseudo nor the project's own words."""
    found = []
    for text in texts:
        plain = _ENDS.sub("", _plain(text))  # "1. Walking", ": summary", "call 999."
        if any(c.isalpha() for c in plain) and not is_pseudo(text) and plain not in content:
            found.append(plain)
    return sorted(set(found))


def url_of(uri: str) -> str:
    """The published address of a source uri (directory URLs)."""
    path = uri.removesuffix("index.md")
    return "/" + (path.removesuffix(".md") + "/" if path.endswith(".md") else path)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def pseudo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The project under test built in the pseudo-locale, as `make site-pseudo` builds it."""
    project = make_project(tmp_path_factory.mktemp("pseudo"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-m", "generator", "build", "--language", PSEUDO_LANGUAGE, "site"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", project
    server.shutdown()


def pages_to_walk(project: Path) -> dict[str, str]:
    """One page of every kind: name -> address."""
    catalog = load_catalog(project / "exercises.yaml")
    site = read_site_settings(project / "mkdocs.yml")
    walk = {"home": url_of(addresses.HOME_PAGE)}
    for kind in PAGE_KINDS:
        entries = kind.entries(catalog)
        walk[f"{kind.noun} index"] = url_of(kind.index)
        walk[kind.noun] = url_of(kind.page(entries[0].id))
    walk["contact"] = url_of(addresses.CONTACT_PAGE)
    walk["references"] = url_of(addresses.REFERENCES_PAGE)
    walk["phone help"] = url_of(addresses.PHONE_HELP)
    own = sorted(p.relative_to(site.docs_dir).as_posix() for p in site.docs_dir.rglob("*.md"))
    walk["content page"] = url_of(next(p for p in own if p != addresses.HOME_PAGE))
    walk["404"] = "/404.html"
    walk["builder"] = url_of(addresses.ROUTINE_BUILDER)
    return walk


def programme_link(project: Path) -> str:
    """A builder link with two exercises of the first routine and its condition."""
    catalog = load_catalog(project / "exercises.yaml")
    routine = catalog.routines[0]
    ids = [item.exercise for item in routine.items][:2]
    condition = Relations(catalog).conditions_for_routine(routine.id)[0].id
    title = PROGRAMME_TITLE.replace(" ", "+")
    items = ";".join(f"e={i},2,r8,30,w3,0" for i in ids)
    return f"#v2;t={title};c={condition};{items}"


def texts_of(page: Page) -> list[str]:
    texts: list[str] = page.evaluate(VISIBLE_TEXTS)
    page.emulate_media(media="print")
    texts += page.evaluate(VISIBLE_TEXTS)
    page.emulate_media(media="screen")
    return texts


def test_no_english_word_of_the_generator_is_left(
    browser: Browser, pseudo_site: tuple[str, Path]
) -> None:
    base, project = pseudo_site
    content = content_texts(project)
    context = browser.new_context(base_url=base)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for name, address in pages_to_walk(project).items():
        page.goto(address)
        assert page.locator("html").get_attribute("lang") == PSEUDO_LANGUAGE
        found[name] = offenders(texts_of(page), content)
    builder = url_of(addresses.ROUTINE_BUILDER)
    page.goto(builder + programme_link(project))
    expect(page.locator(".patient-view")).to_be_visible()
    found["patient view"] = offenders(texts_of(page), content)
    page.locator("[data-diary=on]").click()
    expect(page.locator(".diary-where")).to_be_visible()
    found["diary"] = offenders(texts_of(page), content)
    context.close()
    left = {name: texts for name, texts in found.items() if texts}
    report = "\n".join(f"{name}: {texts}" for name, texts in left.items())
    assert not left, f"English words left in the pseudo-locale build:\n{report}"


def squash(text: str) -> str:
    """Text without white space, composed (a PDF may give a letter and its accent apart)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_sheets(pdf: bytes) -> list[str]:
    return [squash(page.extract_text() or "") for page in PdfReader(BytesIO(pdf)).pages]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_pseudo_sheets_keep_the_emergency_signs_on_sheet_one(
    browser: Browser, pseudo_site: tuple[str, Path], paper: str
) -> None:
    base, project = pseudo_site
    catalog = load_catalog(project / "exercises.yaml")
    relations = Relations(catalog)
    context = browser.new_context(base_url=base)
    page = context.new_page()
    for routine in catalog.routines[:2]:
        page.goto(url_of(addresses.ROUTINES.page(routine.id)))
        conditions = relations.conditions_for_routine(routine.id)
        signs = (
            routine.handout.emergency
            if routine.handout
            else relations.sheet_flags(conditions, "emergency")
        )
        sheets = pdf_sheets(page.pdf(format=paper, print_background=True))
        _emergency_first(
            sheets, signs, page.locator(".safety-emergency strong").first.text_content() or ""
        )
    page.goto(url_of(addresses.ROUTINE_BUILDER) + programme_link(project))
    expect(page.locator(".patient-view")).to_be_visible()
    routine = catalog.routines[0]
    signs = relations.sheet_flags(relations.conditions_for_routine(routine.id)[:1], "emergency")
    sheets = pdf_sheets(page.pdf(format=paper, print_background=True))
    _emergency_first(
        sheets, signs, page.locator(".safety-emergency strong").first.text_content() or ""
    )
    context.close()


def _emergency_first(sheets: list[str], signs: list[str], heading: str) -> None:
    """The safety box's emergency heading (pseudo) and every emergency sign on sheet 1."""
    assert is_pseudo(heading), heading
    assert squash(heading) in sheets[0], sheets[0]
    for sign in signs:
        assert squash(sign) in sheets[0], sign
