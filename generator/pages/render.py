"""Pure rendering: (catalog, settings, templates) -> {page uri: Markdown}. No MkDocs here."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from generator.catalog import addresses
from generator.catalog.addresses import (
    CONTACT_PAGE,
    PHONE_HELP,
    REFERENCES_PAGE,
    ROUTINE_BUILDER,
    calendar_uri,
    index_uri,
    page_uri,
    page_url,
    reference_anchor,
    relative_file_url,
    relative_path,
    relative_url,
)
from generator.catalog.kinds import CONDITIONS, EXERCISES, PAGE_KINDS, Kind
from generator.catalog.limits import programme_limits, tracker_layout
from generator.catalog.model import Catalog
from generator.catalog.relations import Relations, merge_rules
from generator.clinic.settings import ClinicSettings
from generator.clinic.wording import wording_for
from generator.pages import labels
from generator.pages.dosage import (
    describe_dosage,
    describe_frequency,
    describe_programme_frequency,
    sessions_by_weekday,
)
from generator.pages.listing import INLINE_LIMIT, exercise_groups, paginate
from generator.pages.markdown_text import escape_html, escape_text, finalize, html_list
from generator.pages.outline import Heading, Outline
from generator.pages.pictures import exercise_picture
from generator.pages.qr import qr_svg
from generator.pages.reminders import calendar_rules, routine_calendar_data, uid_domain
from generator.pages.template_words import install as install_words
from generator.pages.ui_strings import ui_strings
from generator.speed.forked import SharedWork, spare_core

TEMPLATE_DIR = Path(__file__).parent / "templates"

# Below this many pages a second process costs more than it saves (each compiles the templates).
PARALLEL_FROM = 400
# Templates that write every part of a page but its headings as raw HTML: they can be rendered
# as finished HTML (see outline.py). A clinic's override of one is rendered as Markdown.
HTML_TEMPLATES = frozenset(
    {
        "exercise.md.j2",
        "condition.md.j2",
        "treatment.md.j2",
        "routine.md.j2",
        "exercise_group.md.j2",
        "more.md.j2",
        "phone_help.md.j2",
    }
)


def make_environment(override_dir: Path | None = None) -> jinja2.Environment:
    """Jinja environment for Markdown: strict, escaping every value unless marked as Markup."""
    search = [str(override_dir)] if override_dir else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*search, str(TEMPLATE_DIR)]),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=True,  # with `finalize`, every value is Markdown-escaped; macros stay Markup
        keep_trailing_newline=True,
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    install_words(env)  # {% trans %} and _(): the build's language, looked up per message
    env.filters.update(
        dosage=lambda d: escape_text(describe_dosage(d)),
        h=lambda value: escape_html(str(value)),
        yaml_string=_yaml_string,
        json_island=_json_island,
        token=_token,
        dosage_h=lambda d: escape_html(describe_dosage(d)),
        frequency_h=lambda f: escape_html(describe_frequency(f)),
        trim_stop=lambda text: escape_html(_run_in(str(text))),
        external_url=_external_url,
        tel_url=_tel_url,
        mail_url=lambda value: Markup(
            "mailto:" + quote(str(value).removeprefix("mailto:"), safe="@.+-_")
        ),
    )
    env.globals.update(
        labels=labels,
        link=_link,
        url=_url,
        html_list=html_list,
        file_url=_file_url,
        qr=_qr,
        absolute_url=_absolute,
        picture_of=exercise_picture,
        calendar_uri=calendar_uri,
        page_of=page_uri,
        index_of=index_uri,
        reference_anchor=reference_anchor,
        builder_page=ROUTINE_BUILDER,
        phone_help_page=PHONE_HELP,
        references_page=REFERENCES_PAGE,
        calendar_data=_calendar_data,
        tracker_layout=tracker_layout,
        programme_often=describe_programme_frequency,
        sessions_by_weekday=sessions_by_weekday,
        ui_strings=_ui_strings_island,
    )
    return env


@dataclass
class RenderedPages:
    """Every generated page's text by source uri; `outlines` has the pages written as HTML."""

    texts: dict[str, str]
    outlines: dict[str, tuple[Heading, ...]] = field(default_factory=dict)
    by_second_process: int = 0  # pages whose text came from the forked second process


def render_pages(
    catalog: Catalog,
    settings: ClinicSettings | None = None,
    env: jinja2.Environment | None = None,
    *,
    site_url: str = "",
    parallel: bool = False,
    clinic_reviews: Mapping[tuple[str, str], Any] | None = None,
) -> dict[str, str]:
    """Every generated page as Markdown, keyed by its source uri (e.g. `exercises/bird-dog.md`).

    `site_url` is the published address of the site; printed pages carry a QR code of it.
    With `parallel`, a second process shares the work when a second core is free.
    """
    return render_site(
        catalog, settings, env, site_url=site_url, parallel=parallel, clinic_reviews=clinic_reviews
    ).texts


def render_site(
    catalog: Catalog,
    settings: ClinicSettings | None = None,
    env: jinja2.Environment | None = None,
    *,
    site_url: str = "",
    parallel: bool = False,
    html_templates: Collection[str] = (),
    clinic_reviews: Mapping[tuple[str, str], Any] | None = None,
) -> RenderedPages:
    """Like `render_pages`; pages of `html_templates` (see HTML_TEMPLATES) are written with
    HTML headings, their bodies finished HTML, and their headings kept in `outlines`.
    `clinic_reviews` are the clinic's sign-offs that hold, by (noun, id): entries without one
    say the clinic has not reviewed them."""
    env = env or make_environment()
    context: dict[str, Any] = {
        "catalog": catalog,
        "rel": Relations(catalog),
        "clinic": settings or ClinicSettings(),
        "wording": wording_for(settings or ClinicSettings()),
        "site_url": site_url,
        "clinic_reviews": dict(clinic_reviews or {}),
    }
    jobs = _jobs(context)

    def render(index: int) -> tuple[str, tuple[Heading, ...] | None]:
        uri, name, extra = jobs[index]
        doc = Outline(html=name in html_templates)
        text = env.get_template(name).render(**context, **extra, page_uri=uri, doc=doc)
        return text, tuple(doc.headings) if doc.html else None

    parallel = parallel and len(jobs) >= PARALLEL_FROM and spare_core()
    shared = SharedWork(len(jobs), render) if parallel else None
    done: list[tuple[str, tuple[Heading, ...] | None]] = []
    by_second_process = 0
    for index in range(len(jobs)):
        result = shared.take(index) if shared is not None else None
        by_second_process += result is not None
        done.append(render(index) if result is None else result)
    if shared is not None:
        shared.close()
    rendered = RenderedPages({}, by_second_process=by_second_process)
    for index in sorted(range(len(jobs)), key=lambda i: jobs[i][0]):
        text, headings = done[index]
        rendered.texts[jobs[index][0]] = text
        if headings is not None:
            rendered.outlines[jobs[index][0]] = headings
    return rendered


def page_uris(catalog: Catalog) -> list[str]:
    """The source uri of every generated page, without rendering it."""
    clinic = ClinicSettings()
    context = {"catalog": catalog, "rel": Relations(catalog), "clinic": clinic}
    context |= {"wording": wording_for(clinic), "site_url": ""}
    return [uri for uri, _name, _extra in _jobs(context)]


Job = tuple[str, str, dict[str, Any]]  # a page's uri, its template, what it needs besides


def _jobs(context: dict[str, Any]) -> list[Job]:
    """Every page to render: its uri, its template and what the template needs besides."""
    catalog: Catalog = context["catalog"]
    jobs: list[Job] = []
    for kind in PAGE_KINDS:
        assert kind.template is not None and kind.index_template is not None
        jobs += LIST_PAGES.get(kind.noun, _paginated)(catalog, kind)
        jobs += [(kind.page(e.id), kind.template, {kind.noun: e}) for e in kind.entries(catalog)]
    return [
        *jobs,
        (REFERENCES_PAGE, "references.md.j2", {}),
        (CONTACT_PAGE, "contact.md.j2", {}),
        (
            ROUTINE_BUILDER,
            "builder.md.j2",
            {"builder_settings": builder_settings(context)},
        ),
        (PHONE_HELP, "phone_help.md.j2", {}),
    ]


def _paginated(catalog: Catalog, kind: Kind) -> list[Job]:
    """A kind's index page and the list pages after it, in the kind's order."""
    assert kind.index_template is not None
    pages = paginate(kind.index, kind.more, kind.listed(catalog))
    rest = [(p.uri, "more.md.j2", {"section": kind, "page": p}) for p in pages[1:]]
    return [(kind.index, kind.index_template, {"page": pages[0]}), *rest]


def _exercise_lists(catalog: Catalog, kind: Kind) -> list[Job]:
    """The exercises' index (every exercise, when few enough) and a list per body area and
    type."""
    assert kind.index_template is not None
    groups = exercise_groups(catalog)
    inline = len(kind.entries(catalog)) <= INLINE_LIMIT
    found = {"groups": groups, "inline": inline, "everyone": kind.listed(catalog)}
    jobs: list[Job] = [(kind.index, kind.index_template, found)]
    for group in groups:
        jobs += [(p.uri, "exercise_group.md.j2", {"group": group, "page": p}) for p in group.pages]
    return jobs


# The kinds whose lists are more than an index page with pages after it, by noun.
LIST_PAGES: dict[str, Callable[[Catalog, Kind], list[Job]]] = {EXERCISES.noun: _exercise_lists}


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, target: str, anchor: str = "") -> Markup:
    """Relative link from the page being rendered to another source uri."""
    path = quote(relative_path(context["page_uri"], target), safe="/-._~")
    return Markup(path + (f"#{quote(anchor, safe='-_')}" if anchor else ""))


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str, anchor: str = "") -> Markup:
    """Relative URL, for raw HTML, from the page being rendered to another page's address.

    Raw HTML is not rewritten by MkDocs, so this is the published address (directory URLs:
    `exercises/a.md` is served at `exercises/a/`).
    """
    path = quote(relative_url(context["page_uri"], target), safe="/-._~")
    return Markup(path + (f"#{quote(anchor, safe='-_')}" if anchor else ""))


@jinja2.pass_context
def _file_url(context: jinja2.runtime.Context, target: str) -> Markup:
    """Relative URL, for raw HTML, from the page being rendered to a file (an image)."""
    return Markup(quote(relative_file_url(context["page_uri"], target), safe="/-._~"))


def _yaml_string(value: object) -> Markup:
    """A value for YAML front matter: HTML-escaped (themes print meta values as HTML),
    then JSON-quoted (valid YAML), on one line."""
    text = html.escape(" ".join(str(value).split()), quote=True)
    return Markup(json.dumps(text, ensure_ascii=False))


def _token(value: object) -> Markup:
    """An enum value or id as a CSS class or anchor: lower-case letters, digits and hyphens."""
    text = str(value).replace("_", "-")
    if not all(c.isascii() and (c.isalnum() or c == "-") for c in text):
        raise ValueError(f"not a safe token: {text!r}")
    return Markup(text.lower())


def _tel_url(uri: str) -> Markup:
    """A `tel:` URI made by `ClinicSettings.tel` (digits, `+`, `;ext=`): safe in a Markdown link."""
    if not re.fullmatch(r"tel:\+[0-9]+(;ext=[0-9]+)?", uri):
        raise ValueError(f"not a dialable tel: URI: {uri!r}")
    return Markup(uri)


def _external_url(url: str) -> Markup:
    """An http(s) address, percent-encoded so it cannot end a Markdown link early."""
    if urlsplit(url).scheme not in {"https", "http"}:
        raise ValueError(f"only http(s) links are allowed: {url!r}")
    return Markup(quote(url, safe=":/?#@!$&'*+,;=%-._~"))


@jinja2.pass_context
def _absolute(context: jinja2.runtime.Context) -> str:
    """The published address of the page being rendered (plain text, escaped on output)."""
    return page_url(context["site_url"], context["page_uri"])


@jinja2.pass_context
def _calendar_data(context: jinja2.runtime.Context, routine: Any) -> dict[str, Any]:
    """The routine's calendar as data for the page's script (see reminders.py)."""
    url = page_url(context["site_url"], context["page_uri"]) if context["site_url"] else ""
    domain = uid_domain(context["site_url"], context["clinic"].email)
    return routine_calendar_data(routine, context["rel"], url, domain)


@jinja2.pass_context
def _qr(context: jinja2.runtime.Context, label: str) -> Markup:
    """Inline SVG QR code of the page being rendered; empty when the site has no address."""
    if not context["site_url"]:
        return Markup("")
    return Markup(qr_svg(page_url(context["site_url"], context["page_uri"]), label))


def builder_settings(context: dict[str, Any]) -> dict[str, Any]:
    """What the routine builder needs besides the catalog: clinic details and display words."""
    clinic: ClinicSettings = context["clinic"]
    return {
        "clinic": clinic.for_theme(),
        "site_url": context["site_url"],
        # Site paths the scripts need, from the site's root: `{id}` stands for an entry's id.
        "addresses": {
            "root": relative_url(ROUTINE_BUILDER, addresses.HOME_PAGE),
            "catalog": addresses.CATALOG_JSON_URI,
            "exercise": addresses.url_pattern(EXERCISES.noun),
            "condition": addresses.url_pattern(CONDITIONS.noun),
        },
        "limits": programme_limits(),
        "calendar": calendar_rules(uid_domain(context["site_url"], clinic.email)),
        "merge": merge_rules(),
        # The "see your doctor soon" tier's heading, as the printed sheet words it for the
        # clinic's country.
        "soon_heading": context["wording"].soon_heading,
        "labels": {
            "body_regions": {k.value: v for k, v in labels.BODY_REGION.items()},
            "goals": {k.value: v for k, v in labels.GOAL.items()},
            "equipment": {k.value: v for k, v in labels.EQUIPMENT.items()},
            "levels": {str(k): v for k, v in labels.LEVEL.items()},
        },
    }


def _ui_strings_island(*scripts: str) -> Markup:
    """The `#ui-strings` island: the words of `scripts` in the build's language (ui_strings.py)."""
    data = _json_island(ui_strings(*scripts))
    return Markup('<script type="application/json" id="ui-strings">') + data + Markup("</script>")


def _json_island(value: object) -> Markup:
    """JSON safe to place inside <script type="application/json">: no <, > or & characters."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _run_in(text: str) -> str:
    """A list item as part of a running sentence: no closing stop, lower-case first word."""
    text = text.rstrip(" .;")
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and not any(c.isupper() for c in first[1:]):
        text = text[0].lower() + text[1:]
    return text


def templates_as_html(
    toc_settings: dict[str, Any], *, enabled: bool, override_dir: Path | None
) -> frozenset[str]:
    """Templates to render as finished HTML: all of HTML_TEMPLATES unless the site's `toc`
    settings change headings (e.g. `permalink`), less those the clinic overrides."""
    if not enabled or any(key != "permalink" or value for key, value in toc_settings.items()):
        return frozenset()
    if override_dir is None:
        return HTML_TEMPLATES
    return frozenset(name for name in HTML_TEMPLATES if not (override_dir / name).exists())
