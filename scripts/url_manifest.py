"""Write urls.txt: every published page address of a built site (assets excluded).

Usage: python scripts/url_manifest.py SITE_DIR > urls.txt
Therapists print these addresses and put them in QR codes, so none may disappear: the test
suite fails when an address in urls.txt is missing from a fresh build.
"""

from __future__ import annotations

import sys
from pathlib import Path

SKIPPED = {"assets", "search"}


def published_urls(site: Path) -> list[str]:
    urls: set[str] = set()
    for path in site.rglob("*"):
        relative = path.relative_to(site)
        if not path.is_file() or relative.parts[0] in SKIPPED:
            continue
        if path.name == "index.html":
            parent = relative.parent.as_posix()
            urls.add("/" if parent == "." else f"/{parent}/")
        elif path.suffix in {".html", ".json", ".xml", ".txt"}:
            urls.add(f"/{relative.as_posix()}")
    return sorted(urls)


if __name__ == "__main__":
    print("\n".join(published_urls(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))))
