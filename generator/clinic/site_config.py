"""Read and check the clinic's settings in `mkdocs.yml` without importing MkDocs.

The same checks run in `check` and in the build, with the same located messages
(`mkdocs.yml:LINE:COL: extra.clinic.logo: ...`). The file is read by the catalog's own reader,
so a value means what it says there too; MkDocs' own tags (`!ENV`, `!!python/name:`) are
refused only where they would reach the clinic settings.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.catalog.load import read_bounded
from generator.clinic.settings import ClinicSettings
from generator.clinic.url_rules import leaves_site, link_problem
from generator.messages.languages import SOURCE_LANGUAGE, has_catalog
from generator.source.errors import Problem, SettingsError
from generator.source.source_map import SourceMap
from generator.source.yaml_hints import mapping_for_text
from generator.source.yaml_source import read_yaml

_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[^\s\"'<>\\`]*)?")


@dataclass(frozen=True)
class SiteSettings:
    """What the generator takes from `mkdocs.yml`."""

    clinic: ClinicSettings
    site_url: str
    docs_dir: Path
    # `markdown_extensions` as (name, settings) pairs: content pages are converted as MkDocs
    # converts them before their HTML is checked.
    markdown_extensions: tuple[tuple[str, dict[str, Any]], ...] = ()
    # Templates a page may name in its front matter (`template:`); None: not known here.
    templates: frozenset[str] | None = None
    # The site's language (Material's `theme.language`): the generator's own words are in it.
    language: str = SOURCE_LANGUAGE
    # What `check` warns about in the settings (a language the generator has no words for).
    warnings: tuple[Problem, ...] = ()

    @classmethod
    def made_in_code(cls, clinic: object, site_url: str | None, docs_dir: str) -> SiteSettings:
        """Settings given in code rather than in `mkdocs.yml`: checked by the model alone."""
        return cls(ClinicSettings.model_validate(clinic or {}), site_url or "", Path(docs_dir))


def read_site_settings(config_file: Path, display: str | None = None) -> SiteSettings:
    """The checked settings; `SettingsError` listing every problem, located."""
    file = display or str(config_file)
    if not config_file.exists():
        return SiteSettings(ClinicSettings(), "", config_file.parent / "content")
    raw = read_bounded(config_file, file, error=SettingsError)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SettingsError(
            [Problem(file, 1, 1, "", "not valid UTF-8; save it as UTF-8")]
        ) from None
    data, source, problems = read_yaml(text, file)
    if data is None:
        raise SettingsError(problems)
    found = [p for p in problems if _checked(p.path)]
    docs_dir = data.get("docs_dir") or "docs"
    if not isinstance(docs_dir, str):
        found.append(source.problem(("docs_dir",), "must be a folder name"))
        docs_dir = "docs"
    site_url = _site_url(data.get("site_url"), source, found)
    clinic = _clinic(data.get("extra"), source, found)
    language = _language(data.get("theme"), source, found)
    content = config_file.parent / docs_dir
    found.extend(_docs_dir_problems(content, config_file.parent, source))
    found.extend(_extra_file_problems(data, source))
    found.extend(_extension_problems(data.get("markdown_extensions"), source))
    found.extend(_plain_text_problems(data, source))
    found.extend(_third_party_problems(data, source))
    if clinic is not None and clinic.logo is not None:
        found.extend(_logo_problems(clinic.logo, content, source))
    if found or clinic is None:
        raise SettingsError(found)
    theme = data.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    theme_dir = config_file.parent / custom if isinstance(custom, str) else None
    extensions = _extensions(data.get("markdown_extensions"))
    warnings = () if has_catalog(language) else (_untranslated(language, source),)
    return SiteSettings(
        clinic, site_url, content, extensions, _templates(theme_dir), language, warnings
    )


def _language(theme: Any, source: SourceMap, found: list[Problem]) -> str:
    """`theme.language` (Material's setting): the language of the site's own words."""
    value = theme.get("language") if isinstance(theme, dict) else None
    if value is None:
        return SOURCE_LANGUAGE
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
        found.append(
            source.problem(("theme", "language"), "must be a language code, like en or de")
        )
        return SOURCE_LANGUAGE
    return value


def _untranslated(language: str, source: SourceMap) -> Problem:
    message = (
        f"the generator has no words in '{language}' yet: its own words stay in English "
        '(docs/architecture.md, "Languages", says how to add a language)'
    )
    return source.problem(("theme", "language"), message)


def _templates(theme_dir: Path | None) -> frozenset[str]:
    """The page templates of the site's theme folder and of Material (found, not imported)."""
    folders = [theme_dir] if theme_dir is not None else []
    spec = importlib.util.find_spec("material")
    if spec is not None and spec.origin is not None:
        folders.append(Path(spec.origin).parent / "templates")
    names: set[str] = set()
    for folder in folders:
        if folder.is_dir():
            names.update(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
    return frozenset(names)


def _docs_dir_problems(content: Path, project: Path, source: SourceMap) -> list[Problem]:
    """The content folder must be a folder inside the project (everything in it is published)."""
    try:
        inside = content.resolve().is_relative_to(project.resolve())
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        message = "must be a folder inside the project (everything in it is published)"
        return [source.problem(("docs_dir",), message)]
    if not content.is_dir():
        return [source.problem(("docs_dir",), f"folder not found: {content.name}/")]
    return []


def _extra_file_problems(data: dict[str, Any], source: SourceMap) -> list[Problem]:
    """`extra_css` and `extra_javascript` load files from the site itself only."""
    found = []
    for key in ("extra_css", "extra_javascript"):
        entries = data.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            address = entry.get("path") if isinstance(entry, dict) else entry
            if isinstance(address, str) and leaves_site(address):
                message = "loads a file from another site; download it into the theme folder"
                found.append(source.problem((key, index), message))
    return found


# Settings Material prints into every page's HTML as they are (in attributes and text); a
# script written there would be counted as the theme's own and allowed by the policy.
_PLAIN_TEXT = ("site_name", "site_description", "site_author", "copyright")


def _plain_text_problems(data: dict[str, Any], source: SourceMap) -> list[Problem]:
    """`site_name`, `site_description`, `site_author`, `copyright`: plain text only."""
    found = []
    for key in _PLAIN_TEXT:
        value = data.get(key)
        if isinstance(value, str) and any(char in value for char in '<>"'):
            message = 'must be plain text: no <, > or " (use “curly quotes” in text)'
            found.append(source.problem((key,), message))
    return found


def _third_party_problems(data: dict[str, Any], source: SourceMap) -> list[Problem]:
    """Material settings that make the patient's browser ask another site for something
    (fonts, analytics, the repository's facts, a logo) or put a script in a link."""
    found = []
    theme: dict[str, Any] = data["theme"] if isinstance(data.get("theme"), dict) else {}
    extra: dict[str, Any] = data["extra"] if isinstance(data.get("extra"), dict) else {}
    if "font" in theme and theme["font"] is not False:
        message = "fonts would load from Google; set 'font: false' (the theme uses system fonts)"
        found.append(source.problem(("theme", "font"), message, key=True))
    for key in ("logo", "favicon"):
        if isinstance(theme.get(key), str) and leaves_site(theme[key]):
            message = "loads from another site; download it into content/ and name it there"
            found.append(source.problem(("theme", key), message))
    if "analytics" in extra:
        message = "analytics send what patients read to another site; remove it"
        found.append(source.problem(("extra", "analytics"), message, key=True))
    if "repo_url" in data:
        message = "the theme would ask the repository's host about it from every page; remove it"
        found.append(source.problem(("repo_url",), message, key=True))
    for key in ("social", "alternate"):  # footer icons, the language menu
        entries = extra.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            link = entry.get("link") if isinstance(entry, dict) else None
            if isinstance(link, str) and (problem := link_problem(link)) is not None:
                found.append(source.problem(("extra", key, index, "link"), problem))
    return found


# Extensions that copy other files into a page (`--8<-- ".git/config"`) or fetch them from
# another site while building: whatever they include would be published.
_INCLUDING = frozenset(
    {"pymdownx.snippets", "markdown_include.include", "mdx_include", "pymdownx.b64"}
)


def _extension_problems(value: Any, source: SourceMap) -> list[Problem]:
    """`markdown_extensions` may not name one that includes files into pages."""
    found = []
    keys = list(value) if isinstance(value, dict) else range(len(value or []))
    for key in keys if isinstance(value, (dict, list)) else []:
        item = key if isinstance(value, dict) else value[key]
        name = next(iter(item), None) if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() in _INCLUDING:
            message = (
                f"'{name}' copies other files into pages, so they would be published; "
                "remove it and write the text into the page"
            )
            found.append(
                source.problem(("markdown_extensions", key), message, key=isinstance(value, dict))
            )
    return found


def _extensions(value: Any) -> tuple[tuple[str, dict[str, Any]], ...]:
    """`markdown_extensions` (a list of names or one-key mappings, or a mapping) as pairs."""
    items = list(value.items()) if isinstance(value, dict) else value
    pairs: list[tuple[str, dict[str, Any]]] = []
    for item in items if isinstance(items, list) else []:
        name, config = next(iter(item.items())) if isinstance(item, dict) and item else (item, {})
        if isinstance(item, tuple):
            name, config = item
        if isinstance(name, str):
            pairs.append((name, config if isinstance(config, dict) else {}))
    return tuple(pairs)


def _checked(path: str) -> bool:
    """Whether a reader's problem is about the settings read here (MkDocs' own tags, such as
    `!ENV` for the site's address, are MkDocs' business elsewhere)."""
    return path in {"", "extra", "docs_dir"} or any(
        path == name or path.startswith((f"{name}.", f"{name}[")) for name in ("extra.clinic",)
    )


def _site_url(value: Any, source: SourceMap, found: list[Problem]) -> str:
    if value is None or value == "" or ("site_url",) in source.refused:
        return ""
    if not isinstance(value, str) or not _SITE_URL.fullmatch(value):
        message = "must be the site's address, like https://www.example.org/ (no spaces or quotes)"
        found.append(source.problem(("site_url",), message))
        return ""
    return value


def _clinic(extra: Any, source: SourceMap, found: list[Problem]) -> ClinicSettings | None:
    mapping = "must be a mapping of settings (key: value lines)"
    if extra is None:
        extra = {}
    if not isinstance(extra, dict):
        found.append(source.problem(("extra",), mapping))
        return None
    raw = extra.get("clinic")
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        found.append(source.problem(("extra", "clinic"), mapping))
        return None
    try:
        return ClinicSettings.model_validate(raw)
    except ValidationError as error:
        for detail in error.errors():
            path = ("extra", "clinic", *detail["loc"])
            if path in source.refused:
                continue
            message = detail["msg"].removeprefix("Value error, ")
            if detail["type"] == "string_type":
                message = mapping_for_text(detail.get("input")) or message
            unknown = detail["type"] == "extra_forbidden"
            if unknown:
                message = _unknown_setting(detail["loc"])
            if detail["loc"] == ("inline_scripts",):
                message = (
                    "inline_scripts is no longer allowed: scripts in content pages never run "
                    "(the site's security policy allows only the theme's); remove this setting"
                )
            found.append(source.problem(path, message, key=unknown))
        return None


def _unknown_setting(location: tuple[int | str, ...]) -> str:
    """`unknown setting 'colour'; did you mean 'colours'?`"""
    model: type[BaseModel] = ClinicSettings
    for part in location[:-1]:
        field = model.model_fields.get(str(part))
        annotation = field.annotation if field is not None else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            break
        model = annotation
    close = difflib.get_close_matches(str(location[-1]), list(model.model_fields), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(model.model_fields)}"
    return f"unknown setting '{location[-1]}'{hint}"


def _logo_problems(logo: str, content: Path, source: SourceMap) -> list[Problem]:
    """The logo must be a file inside the content folder (it is published from there)."""
    path = ("extra", "clinic", "logo")
    if logo.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", logo):
        return [
            source.problem(path, f"must be a path inside {content.name}/, not an absolute path")
        ]
    target = content / logo
    try:
        inside = target.resolve().is_relative_to(content.resolve())
    except (OSError, RuntimeError):
        inside = False
    if ".." in re.split(r"[\\/]", logo) or not inside:
        return [
            source.problem(
                path, f"must be a file inside {content.name}/ (it is published from there)"
            )
        ]
    if not target.is_file():
        return [source.problem(path, f"logo file not found: {content.name}/{logo}")]
    return []
