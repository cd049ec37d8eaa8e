"""Lighthouse 12 scores (desktop and mobile) for key pages of the built site.

Usage: python scripts/lighthouse.py [SITE_DIR]   (run by `make lighthouse`)
Serves SITE_DIR on 127.0.0.1 with gzip (as static hosts do), runs tools/lighthouse with
Debian's Chromium, and prints a table.
A report script, not a test: scores depend on the machine.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "/", "exercise": "/exercises/bird-dog/", "routine": "/routines/neck-routine/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site compressed, as static hosts (GitHub Pages, Netlify, nginx) do."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", "/")

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.name.endswith(self.COMPRESSIBLE)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def scores(url: str, preset: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        subprocess.run(command, check=True, env=env, capture_output=True)
        data = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(100 * data["categories"][name]["score"]) for name in CATEGORIES}


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    print("| page | device | " + " | ".join(CATEGORIES) + " |")
    print("|---|---|" + "---:|" * len(CATEGORIES))
    for name, path in PAGES.items():
        for preset in ("desktop", "mobile"):
            result = scores(base + path, preset)
            print(f"| {name} | {preset} | " + " | ".join(str(result[c]) for c in CATEGORIES) + " |")
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
