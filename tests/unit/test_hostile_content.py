"""A hostile contributor's corpus: each case is put in a temporary project and `check` must
refuse it with a message naming the file, line and column (exit 1), or pass a harmless one.

The same `read_project` refuses them in the build and in `export` (tests/site/
test_hostile_build.py builds some); the browser proves what passes stays harmless
(tests/browser/test_hostile_pages.py).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import FIXTURES, MINI, run_cli

MKDOCS = """\
docs_dir: content
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: false
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'
LOCATED = re.compile(r"^(?P<file>content/\S+):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$")


def project(tmp: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """The mini catalog with a content folder holding `files`."""
    root = tmp / "project"
    shutil.copytree(FIXTURES / "content", root / "content")
    shutil.copy(MINI, root / "exercises.yaml")
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (root / "content" / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    for name, data in (files or {}).items():
        target = root / "content" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    return root


def check(root: Path) -> tuple[int, list[re.Match[str]], str]:
    ran = run_cli("check", "exercises.yaml", "--config", "mkdocs.yml", cwd=root)
    lines = ran.stderr.splitlines()
    return ran.returncode, [m for line in lines if (m := LOCATED.match(line))], ran.stderr


def refused(root: Path, file: str) -> list[re.Match[str]]:
    code, found, stderr = check(root)
    assert code == 1, stderr
    mine = [m for m in found if m["file"] == file]
    assert mine, f"{file} not named:\n{stderr}"
    return mine


# Pages: (Markdown after a title line and a blank line, the line and column expected, words of
# the message). The page starts "# Page\n\n", so the case is on line 3.
PAGES = {
    "script": ("<script>alert(1)</script>", (3, 1), "scripts cannot run"),
    "script in capitals": ("<ScRiPt>alert(1)</sCrIpT>", (3, 1), "scripts cannot run"),
    "script by address": ('<script src="x.js"></script>', (3, 1), "scripts cannot run"),
    "svg script inline": ("<svg><script>alert(1)</script></svg>", (3, 6), "scripts cannot run"),
    "event handler": ('<img src="a.png" onerror="alert(1)">', (3, 18), "event handler"),
    "event handler on details": ("<details open ontoggle=alert(1)>x</details>", (3, 15), "runs"),
    "javascript link case": ('<a href="JaVaScRiPt:alert(1)">x</a>', (3, 10), "runs script"),
    "javascript link entities": ('<a href="&#106;avascript:alert(1)">x</a>', (3, 4), "runs script"),
    "javascript link tab": ('<a href="java&#x09;script:alert(1)">x</a>', (3, 4), "runs script"),
    "vbscript link": ('<a href="vbscript:msgbox(1)">x</a>', (3, 10), "runs script"),
    "data link": ('<a href="data:text/html,hello">x</a>', (3, 10), "data:"),
    "markdown javascript link": ("[click](javascript:alert(1))", (3, 9), "runs script"),
    "markdown remote picture": ("![x](https://evil.example/x.png)", (3, 6), "another site"),
    "attr_list handler": ('A paragraph.\n{: onclick="alert(1)" }', (4, 4), "event handler"),
    "meta refresh": (
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        (3, 1),
        "<meta>",
    ),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', (3, 1), "frames"),
    "iframe srcdoc": ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', (3, 1), "frames"),
    "object": ('<object data="x.swf"></object>', (3, 1), "<object>"),
    "embed": ('<embed src="x.swf">', (3, 1), "<embed>"),
    "base": ('<base href="https://evil.example/">', (3, 1), "<base>"),
    "link import": ('<link rel="import" href="https://evil.example/x.html">', (3, 1), "<link>"),
    "srcset remote": (
        '<img src="a.png" srcset="a.png 1x, https://evil.example/b.png 2x" alt="">',
        (3, 36),
        "another site",
    ),
    "protocol-relative video": ('<video src="//evil.example/v.mp4"></video>', (3, 13), "another"),
    "backslash host": ('<img src="/\\evil.example/x.png" alt="">', (3, 11), "another site"),
    "remote poster": ('<video poster="https://evil.example/p.png"></video>', (3, 16), "another"),
    "remote audio": ('<audio src="https://evil.example/a.mp3"></audio>', (3, 13), "another"),
    "image input": ('<input type="image" src="https://evil.example/i.png">', (3, 26), "another"),
    "table background": ('<table background="https://evil.example/b.png"></table>', (3, 20), "an"),
    "data picture": (
        '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">',
        (3, 11),
        "data:",
    ),
    "style url": (
        '<div style="background:url(https://evil.example/x.png)">x</div>',
        (3, 28),
        "style may not load",
    ),
    "style url escaped": (
        '<div style="background:u\\72l(https://evil.example/x.png)">x</div>',
        (3, 30),
        "style may not load",
    ),
    "style import": ("<style>@import url(https://evil.example/x.css);</style>", (3, 8), "@import"),
    "svg javascript link": (
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        (3, 21),
        "runs script",
    ),
    "svg animate href": (
        '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
        (3, 6),
        "may not change 'href'",
    ),
    "svg animate xlink:href": (
        '<svg><a><animate attributeName="xlink:href" values="javascript:alert(1)"/>'
        "<text>x</text></a></svg>",
        (3, 9),
        "may not change 'href'",
    ),
    "svg set href spaced": (
        '<svg><a><set attributeName=" href " to="javascript:alert(1)"/></a></svg>',
        (3, 9),
        "may not change 'href'",
    ),
    "svg remote fill": (
        '<svg><rect fill="url(https://evil.example/p.svg#g)"/></svg>',
        (3, 22),
        "fill loads from another site",
    ),
    "svg remote filter escaped": (
        '<svg><rect filter="u\\72l(//evil.example/f.svg#f)"/></svg>',
        (3, 26),
        "filter loads from another site",
    ),
    "svg remote marker": (
        '<svg><path marker-end="url(//evil.example/m.svg#m)"/></svg>',
        (3, 28),
        "marker-end loads from another site",
    ),
    "svg remote use": ('<svg><use href="https://evil.example/s.svg#a"/></svg>', (3, 17), "another"),
    "math javascript": (
        '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>',
        (3, 23),
        "runs script",
    ),
    "form elsewhere": (
        '<form action="https://evil.example/collect"><input name="n"></form>',
        (3, 15),
        "another site",
    ),
    "formaction": ('<button formaction="javascript:alert(1)">x</button>', (3, 21), "runs script"),
    "ping": ('<a href="https://example.org/" ping="https://evil.example/t">x</a>', (3, 32), "ping"),
    "body handler merged": ('<body onload="alert(1)">', (3, 7), "event handler 'onload'"),
    "html handler merged": ('<html onmouseover="alert(1)">', (3, 7), "event handler"),
    "foreign content break-out": (
        '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
        (3, 43),
        "event handler 'onerror'",
    ),
    "select differential": (
        "<select><style><img src=x onerror=alert(1)></style></select>",
        (3, 1),
        "<select>",
    ),
    "noscript differential": (
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        (3, 1),
        "<noscript>",
    ),
}


@pytest.mark.parametrize("case", sorted(PAGES))
def test_a_hostile_page_is_refused_where_it_is_written(tmp_path: Path, case: str) -> None:
    markdown, (line, column), words = PAGES[case]
    root = project(tmp_path, {"page.md": f"# Page\n\n{markdown}\n"})
    found = refused(root, "content/page.md")
    assert any(words in m["message"] for m in found), [m[0] for m in found]
    assert (int(found[0]["line"]), int(found[0]["column"])) == (line, column), found[0][0]


def test_harmless_html_and_plain_links_pass(tmp_path: Path) -> None:
    page = (
        "# Page\n\n"
        '<a href="https://www.nhs.uk/">NHS</a> and [a guide](https://example.org/guide), '
        '<a href="mailto:a@example.org">mail</a>, <a href="tel:+44000">call</a>.\n\n'
        '<img src="img/glute-bridge.svg" alt="A bridge" style="width: 50%">\n\n'
        '<svg><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/></svg>\n\n'
        "```html\n<script>alert(1)</script>\n```\n\n"
        "`<iframe src=https://evil.example>` is shown as code.\n\n"
        "    <script>indented code</script>\n"
    )
    code, found, stderr = check(project(tmp_path, {"page.md": page}))
    assert code == 0, stderr
    assert found == []


# Files: what a page, a picture, a video or captions must hold.
def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "GIF")
    return out.getvalue()


def _truncated_png() -> bytes:
    data = _png()
    return data[: len(data) // 2]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\x00" * 64
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nLie on your back.\n"
SRT = "1\n00:00:00,000 --> 00:00:02,000\nLie on your back.\n"

FILES: dict[str, tuple[dict[str, str | bytes], str, str]] = {
    "html page": ({"x.html": "<script>alert(1)</script>"}, "content/x.html", "Markdown"),
    "javascript": ({"x.js": "alert(1)"}, "content/x.js", "scripts come from the theme"),
    "module script": ({"x.mjs": "alert(1)"}, "content/x.mjs", "scripts come"),
    "style sheet": ({"x.css": "body{}"}, "content/x.css", "theme"),
    "pdf": ({"leaflet.pdf": b"%PDF-1.4\n"}, "content/leaflet.pdf", "PDF"),
    "text file": ({"notes.txt": "x"}, "content/notes.txt", "only pages (.md)"),
    "capital PNG": ({"x.PNG": _png()}, "content/x.PNG", "lower-case extension (.png)"),
    "capital SVG": ({"x.SVG": SVG.format("")}, "content/x.SVG", "lower-case"),
    "capital MD": ({"x.MD": "# x"}, "content/x.MD", "lower-case"),
    "html named png": ({"x.png": "<script>alert(1)</script>"}, "content/x.png", "not a PNG"),
    "gif named png": ({"x.png": _gif()}, "content/x.png", "(it holds GIF)"),
    "png named jpg": ({"x.jpg": _png()}, "content/x.jpg", "not a JPEG"),
    "damaged png": ({"x.png": _truncated_png()}, "content/x.png", "PNG"),
    "text named mp4": ({"v.mp4": "<html>"}, "content/v.mp4", "not an MP4 video"),
    "webm named mp4": ({"v.mp4": WEBM}, "content/v.mp4", "(it holds WEBM)"),
    "srt named vtt": ({"c.vtt": SRT}, "content/c.vtt", "looks like SRT"),
    "empty captions": ({"c.vtt": "WEBVTT\n"}, "content/c.vtt", "no captions"),
    "captions not utf-8": ({"c.vtt": b"WEBVTT\n\n\xff\xfe"}, "content/c.vtt", "UTF-8"),
    "page not utf-8": ({"p.md": b"# \xff\n"}, "content/p.md", "UTF-8"),
    "page at a generated address": (
        {"exercises/pelvic-tilt.md": "# Mine\n"},
        "content/exercises/pelvic-tilt.md",
        "clashes with a page generated",
    ),
    "svg script": ({"a.svg": SVG.format("<script>alert(1)</script>")}, "content/a.svg", "script"),
    "svg onload": ({"a.svg": SVG.format('<rect onload="x()"/>')}, "content/a.svg", "onload"),
    "svg foreignObject": (
        {"a.svg": SVG.format("<foreignObject><p>x</p></foreignObject>")},
        "content/a.svg",
        "embeds HTML",
    ),
    "svg remote image": (
        {"a.svg": SVG.format('<image href="https://evil.example/x.png"/>')},
        "content/a.svg",
        "refers to",
    ),
    "svg data image": (
        {"a.svg": SVG.format('<image href="data:image/png;base64,AAAA"/>')},
        "content/a.svg",
        "refers to",
    ),
    "svg xlink javascript": (
        {
            "a.svg": '<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)">'
            "<text>x</text></a></svg>"
        },
        "content/a.svg",
        "refers to",
    ),
    "svg style import": (
        {"a.svg": SVG.format("<style>@import url(https://evil.example/x.css);</style>")},
        "content/a.svg",
        "@import",
    ),
    "svg fill url": (
        {"a.svg": SVG.format('<rect fill="url(https://evil.example/p.svg#g)"/>')},
        "content/a.svg",
        "a style loads",
    ),
    "svg stylesheet instruction": (
        {"a.svg": '<?xml-stylesheet href="https://evil.example/x.css"?>' + SVG.format("")},
        "content/a.svg",
        "instructions",
    ),
    "svg xhtml script": (
        {
            "a.svg": SVG.format(
                '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'
            )
        },
        "content/a.svg",
        "script",
    ),
    "svg set handler": (
        {"a.svg": SVG.format('<set attributeName="onmouseover" to="alert(1)"/>')},
        "content/a.svg",
        "may not change",
    ),
    "svg entity bomb": (
        {
            "a.svg": '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            + SVG.format("<text>&b;</text>")
        },
        "content/a.svg",
        "entities",
    ),
    "svg external entity": (
        {"a.svg": '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + SVG.format("&x;")},
        "content/a.svg",
        "entities",
    ),
    "not svg": ({"a.svg": "<html><body>x</body></html>"}, "content/a.svg", "not an SVG"),
    "svg not xml": ({"a.svg": "<svg"}, "content/a.svg", "not a valid SVG"),
    "page with a remote template": (
        {"p.md": "---\ntemplate: ../../../etc/passwd\n---\n\n# P\n"},
        "content/p.md",
        "no template",
    ),
}


# Names: a page's file or folder name becomes its address and, without a title, the menu's
# text, which the theme prints as HTML on every page.
NAMES = {
    "markup in a page name": ("<img src=x onerror=alert(1)>.md", "holds '<'"),
    "quote in a page name": ('a"onmouseover="alert(1).md', "holds '\"'"),
    "markup in a folder name": ("<svg onload=alert(1)>/p.md", "holds '<'"),
    "right-to-left override": ("x\u202egnp.md", "U+202E"),
    "newline in a name": ("a\nb.png", "U+000A"),
}


@pytest.mark.parametrize("case", sorted(NAMES))
def test_a_name_that_is_markup_is_refused(tmp_path: Path, case: str) -> None:
    name, words = NAMES[case]
    root = project(tmp_path, {name: "no heading here\n" if name.endswith(".md") else _png()})
    code, _found, stderr = check(root)
    assert code == 1, stderr
    assert words in stderr and "rename it with letters, digits" in stderr, stderr


@pytest.mark.parametrize("case", sorted(FILES))
def test_a_hostile_file_is_refused_by_name(tmp_path: Path, case: str) -> None:
    files, name, words = FILES[case]
    found = refused(project(tmp_path, files), name)
    assert any(words in m["message"] for m in found), [m[0] for m in found]


def test_good_media_pass(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "p.png": _png(),
        "p.gif": _gif(),
        "v.mp4": MP4,
        "v.webm": WEBM,
        "c.vtt": VTT,
        "d.svg": SVG.format('<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/>'),
        ".hidden.html": "<script>alert(1)</script>",  # not published, as MkDocs leaves it
    }
    code, _found, stderr = check(project(tmp_path, files))
    assert code == 0, stderr


def test_a_polyglot_picture_is_published_as_the_picture_it_is(tmp_path: Path) -> None:
    """A PNG carrying HTML in a text chunk is a valid PNG: served as image/png, never run."""
    png = _png()
    html = _png_chunk(b"tEXt", b"Comment\x00<html><script>alert(1)</script>")
    polyglot = png[:-12] + html + png[-12:]  # before the IEND chunk
    code, _found, stderr = check(project(tmp_path, {"p.png": polyglot}))
    assert code == 0, stderr


def test_a_svg_finding_is_located_at_its_element(tmp_path: Path) -> None:
    drawing = '<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n    <script>1</script>\n</g></svg>'
    (found,) = refused(project(tmp_path, {"a.svg": drawing}), "content/a.svg")
    assert (found["line"], found["column"]) == ("3", "5")


# Links and special files.
def test_links_out_of_content_loops_and_pipes_are_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    content = root / "content"
    outside = tmp_path / "secret.md"
    outside.write_text("# Secret\n", encoding="utf-8")
    (content / "passwd.md").symlink_to("/etc/passwd")
    (content / "secret.md").symlink_to(outside)
    (content / "etc").symlink_to("/etc")
    (content / "img-again").symlink_to(content / "img")
    (content / "loop-a.md").symlink_to(content / "loop-b.md")
    (content / "loop-b.md").symlink_to(content / "loop-a.md")
    (content / "broken.png").symlink_to(content / "missing.png")
    os.link(outside, content / "hard.md")
    os.mkfifo(content / "pipe.md")
    (content / "same.md").symlink_to(content / "index.md")  # inside content/: published
    code, found, stderr = check(root)
    assert code == 1
    by_file = {m["file"]: m["message"] for m in found}
    assert "outside content/" in by_file["content/passwd.md"]
    assert "outside content/" in by_file["content/secret.md"]
    assert "link to a folder" in by_file["content/etc"]
    assert "link to a folder" in by_file["content/img-again"]
    assert "leads nowhere" in by_file["content/loop-a.md"]
    assert "leads nowhere" in by_file["content/broken.png"]
    assert "hard link" in by_file["content/hard.md"]
    assert "not an ordinary file" in by_file["content/pipe.md"]
    assert "content/same.md" not in by_file
    assert "root:" not in stderr  # nothing of the system file is shown


def test_inline_scripts_setting_is_refused_with_its_place(tmp_path: Path) -> None:
    root = project(tmp_path)
    setting = '  clinic:\n    inline_scripts: ["sha256-' + "A" * 43 + '="]\n'
    (root / "mkdocs.yml").write_text(MKDOCS + "extra:\n" + setting, encoding="utf-8")
    ran = run_cli("check", "exercises.yaml", "--config", "mkdocs.yml", cwd=root)
    assert ran.returncode == 1
    assert "mkdocs.yml:11:5: extra.clinic.inline_scripts: inline_scripts is no longer" in (
        ran.stderr
    )


@pytest.mark.parametrize("docs_dir", ["..", "/etc", "../elsewhere", "missing"])
def test_docs_dir_outside_the_project_or_missing_is_refused(tmp_path: Path, docs_dir: str) -> None:
    root = project(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    config = MKDOCS.replace("docs_dir: content", f"docs_dir: {docs_dir}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    ran = run_cli("check", "exercises.yaml", "--config", "mkdocs.yml", cwd=root)
    assert ran.returncode == 1
    assert re.search(
        r"^mkdocs\.yml:1:11: docs_dir: (must be a folder inside|folder not found)",
        (ran.stderr),
        re.M,
    ), ran.stderr


@pytest.mark.parametrize(
    ("setting", "where"),
    [
        ("  - pymdownx.snippets:\n      base_path: /\n", "9:5: markdown_extensions[5]"),
        ("  - markdown_include.include\n", "9:5: markdown_extensions[5]"),
    ],
)
def test_extensions_that_copy_files_into_pages_are_refused(
    tmp_path: Path, setting: str, where: str
) -> None:
    """`--8<-- ".git/config"` would publish a file of the project (or of the machine)."""
    root = project(tmp_path, {"page.md": '# Page\n\n--8<-- "mkdocs.yml"\n'})
    (root / "mkdocs.yml").write_text(MKDOCS + setting, encoding="utf-8")
    ran = run_cli("check", "exercises.yaml", "--config", "mkdocs.yml", cwd=root)
    assert ran.returncode == 1
    assert f"mkdocs.yml:{where}: " in ran.stderr, ran.stderr
    assert "copies other files into pages" in ran.stderr


@pytest.mark.parametrize(
    ("key", "entry"),
    [("extra_javascript", "https://evil.example/x.js"), ("extra_css", "//evil.example/x.css")],
)
def test_extra_files_from_another_site_are_refused(tmp_path: Path, key: str, entry: str) -> None:
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text(MKDOCS + f"{key}:\n  - {entry}\n", encoding="utf-8")
    ran = run_cli("check", "exercises.yaml", "--config", "mkdocs.yml", cwd=root)
    assert ran.returncode == 1
    assert f"mkdocs.yml:10:5: {key}[0]: loads a file from another site" in ran.stderr


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ('site_description: "x\\"><script>alert(1)</script>"', "9:19: site_description"),
        ("copyright: <script>alert(1)</script>", "9:12: copyright"),
        ("site_name: <img src=x onerror=alert(1)>", "9:12: site_name"),
        ('site_author: a"b', "9:14: site_author"),
    ],
)
def test_site_text_with_markup_is_refused(tmp_path: Path, line: str, where: str) -> None:
    """Material prints these into every page as they are; a script there would be counted
    as the theme's own by the Content-Security-Policy (it was, on 404.html)."""
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text(MKDOCS + line + "\n", encoding="utf-8")
    ran = run_cli("check", "exercises.yaml", "--config", "mkdocs.yml", cwd=root)
    assert ran.returncode == 1
    assert f"mkdocs.yml:{where}: must be plain text" in ran.stderr, ran.stderr


@pytest.mark.parametrize(
    ("block", "where", "words"),
    [
        ("theme:\n  name: material\n  font:\n    text: Roboto\n", "11:3: theme.font", "Google"),
        ("theme:\n  name: material\n  logo: //evil.example/l.png\n", "11:9: theme.logo", "another"),
        ("repo_url: https://github.com/evil/x\n", "9:1: repo_url", "repository's host"),
        ("extra:\n  analytics:\n    provider: google\n", "10:3: extra.analytics", "analytics"),
        (
            'extra:\n  social:\n    - icon: x\n      link: "javascript:alert(1)"\n',
            "12:13: extra.social[0].link",
            "runs script",
        ),
        (
            'extra:\n  alternate:\n    - name: x\n      link: "data:text/html,x"\n',
            "12:13: extra.alternate[0].link",
            "'data:'",
        ),
    ],
)
def test_theme_settings_that_reach_another_site_are_refused(
    tmp_path: Path, block: str, where: str, words: str
) -> None:
    """Material would have the patient's browser ask another site (fonts, analytics, the
    repository's facts, a logo) or put a script in a footer link."""
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text(MKDOCS + block, encoding="utf-8")
    ran = run_cli("check", "exercises.yaml", "--config", "mkdocs.yml", cwd=root)
    assert ran.returncode == 1
    assert f"mkdocs.yml:{where}: " in ran.stderr and words in ran.stderr, ran.stderr
