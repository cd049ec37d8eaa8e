"""Where everything is published: the catalog's sections, their folders, every page and file.

With the kinds' declarations (`kinds.py`: each kind's folder, a treatment's page being
`treatments/<id>.md`, published at `treatments/<id>/`), this module is the one place that knows
where an exercise's pictures and a routine's calendar file are, and how one
page's address is written relative to another's. Python modules, the Jinja templates (through
the globals of `render.make_environment`) and the routine builder's scripts (through its page
data, `url_patterns`) all ask it; none of them writes a folder name. No MkDocs here.

Addresses are *source uris*, as MkDocs names pages: `exercises/bird-dog.md` is served at the
directory URL `exercises/bird-dog/`; files (pictures, calendars, JSON) keep their own names.
"""

from __future__ import annotations

from generator.catalog.kinds import BY_NOUN, EXERCISES, PAGE_KINDS, ROUTINES

# Pages that are not an entry's.
HOME_PAGE = "index.md"
REFERENCES_PAGE = "references.md"
CONTACT_PAGE = "contact.md"
ROUTINE_BUILDER = f"{ROUTINES.folder}/builder.md"
PHONE_HELP = f"{ROUTINES.folder}/on-your-phone.md"  # the programme and diary on a phone
# The generated pages that are in the navigation: every other generated page is a leaf.
INDEX_PAGES = (
    *(kind.index for kind in PAGE_KINDS),
    ROUTINE_BUILDER,
    REFERENCES_PAGE,
    CONTACT_PAGE,
)
# Ids that would collide with pages or folders the site already has (`routines/builder/`,
# index pages, list pages, the catalog JSON, the theme's files).
RESERVED_IDS = frozenset(
    {"index", "builder", "on-your-phone", "api", "search", "assets", "all", "body-area", "type"}
)

CATALOG_JSON_URI = "api/catalog.json"
FIGURE_DIR = "figures"


def page_uri(kind: str, entry_id: str) -> str:
    """The page of an entry of a kind (a section's noun): `page_uri("treatment", "tens")`."""
    return BY_NOUN[kind].page(entry_id)


def index_uri(kind: str) -> str:
    """The index page of a kind's section: `index_uri("condition")` -> `conditions/index.md`."""
    return BY_NOUN[kind].index


def exercise_group_uri(kind: str, slug: str) -> str:
    """A list of exercises by body area or type, without `.md`: `exercises/type/strength`."""
    return f"{EXERCISES.folder}/{kind}/{slug}"


def reference_anchor(reference_id: str) -> str:
    """A reference's place on the references page (`references.md#ref-<id>`)."""
    return f"ref-{reference_id}"


def figure_uri(exercise_id: str) -> str:
    """An exercise's drawn figure (every picture of it, side by side)."""
    return f"{FIGURE_DIR}/{exercise_id}.svg"


def thumbnail_uri(exercise_id: str) -> str:
    """The small picture of an exercise that lists show."""
    return f"{FIGURE_DIR}/small/{exercise_id}.svg"


def motion_uri(exercise_id: str) -> str:
    """An exercise's animated figure."""
    return f"{FIGURE_DIR}/motion/{exercise_id}.svg"


def calendar_uri(routine_id: str) -> str:
    """Where a routine's calendar file is published: in its page's folder."""
    return f"{directory_path(ROUTINES.page(routine_id))}{routine_id}.ics"


def directory_path(uri: str) -> str:
    """The site path a page is served at (directory URLs): `routines/neck.md` -> `routines/neck/`,
    `routines/index.md` -> `routines/`, `index.md` -> ``."""
    path = uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def page_url(site_url: str, uri: str) -> str:
    """The published address of a page source uri: `routines/neck.md` -> `.../routines/neck/`."""
    return site_url.rstrip("/") + "/" + directory_path(uri).lstrip("/")


def html_file(uri: str) -> str:
    """The HTML file a page is written to: `exercises/a.md` -> `exercises/a/index.html`."""
    return directory_path(uri) + "index.html"


def url_pattern(kind: str) -> str:
    """The site path of any page of a kind, `{id}` standing for the id (for the scripts)."""
    return directory_path(page_uri(kind, "{id}"))


def relative_url(from_uri: str, to_uri: str) -> str:
    """Relative address between two pages' directory URLs (`exercises/a.md` -> `../../b/`)."""
    here = _directory(from_uri)
    there = _directory(to_uri)
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    path = "/".join([".."] * (len(here) - common) + there[common:])
    return path + "/" if path else "./"


def relative_file_url(from_uri: str, target: str) -> str:
    """Relative address from a page's directory URL to a file (a picture, a calendar)."""
    here = _directory(from_uri)
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def relative_path(from_uri: str, to_uri: str) -> str:
    """Relative path between two source uris (`exercises/a.md` -> `../conditions/b.md`)."""
    here = from_uri.split("/")[:-1]
    there = to_uri.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def _directory(uri: str) -> list[str]:
    parts = uri.removesuffix(".md").split("/")
    return parts[:-1] if parts[-1] == "index" else parts
