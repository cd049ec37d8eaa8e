"""The clinician's edit loop: `mkdocs serve` (what `make serve` runs), an edit to the
catalog, and the page showing it. Used by the benchmark (`time_edit_loop`) and the tests."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

import yaml


class Preview:
    """`mkdocs serve` of a project on a free port of 127.0.0.1, with its log kept."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.log_file = project / "serve.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""

    def __enter__(self) -> Preview:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        with self.log_file.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                cwd=self.project,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @property
    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def page(self, path: str) -> str | None:
        """The page's HTML, or None when the server does not answer within a second (while
        the catalog is broken, MkDocs holds requests until a build succeeds)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=1) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, OSError):
            return None

    def wait_for(self, path: str, text: str, timeout: float = 60.0) -> float:
        """Seconds until the page at `path` contains `text`; TimeoutError after `timeout`."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve stopped:\n{self.log}")
            page = self.page(path)
            if page is not None and text in page:
                return time.perf_counter() - start
            time.sleep(0.05)
        raise TimeoutError(f"{path} never showed {text!r}:\n{self.log}")

    def wait_for_log(self, text: str, timeout: float = 60.0) -> None:
        start = time.perf_counter()
        while text not in self.log:
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"the log never showed {text!r}:\n{self.log}")
            time.sleep(0.05)


def rename_first_exercise(catalog: Path, suffix: str) -> tuple[str, str]:
    """Append `suffix` to the first exercise's name, as a clinician would in an editor.
    Returns the exercise's page path and its new name."""
    text = catalog.read_text(encoding="utf-8")
    first = yaml.safe_load(text)["exercises"][0]
    entry = text.index(f"id: {first['id']}\n")
    line = f"name: {first['name']}\n"
    at = text.index(line, entry)
    new_name = f"{first['name']} {suffix}"
    catalog.write_text(text[:at] + f"name: {new_name}\n" + text[at + len(line) :], encoding="utf-8")
    return f"exercises/{first['id']}/", new_name


def time_edit_loop(project: Path) -> float:
    """Seconds from saving a renamed exercise to the preview serving its page with the name."""
    with Preview(project) as preview:
        preview.wait_for("", "</html>", timeout=120)
        path, name = rename_first_exercise(project / "exercises.yaml", "(edited)")
        return preview.wait_for(path, html.escape(name))
