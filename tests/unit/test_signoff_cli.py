"""`python -m generator review` and `check --publish` on a fixture project in a temporary folder."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest

from generator.catalog.load import load_catalog
from tests.conftest import FIXTURES, MINI, run_cli

SIGNER = "Alex Morgan, physiotherapist"
GUIDE = "---\ntitle: Moving with back pain\n---\n\n# Moving with back pain\n\nKeep moving.\n"
LOCATED = re.compile(r"^(exercises\.yaml|signoff\.yaml|content/[\w/.-]+):\d+:\d+: ")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The mini catalog, its settings and one guide page."""
    folder = tmp_path / "clinic"
    shutil.copytree(FIXTURES / "content", folder / "content")
    shutil.copy(FIXTURES / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copy(MINI, folder / "exercises.yaml")
    (folder / "content" / "guides").mkdir()
    (folder / "content" / "guides" / "moving.md").write_text(GUIDE, encoding="utf-8")
    return folder


def entry_count() -> int:
    catalog = load_catalog(MINI)
    sections = (catalog.exercises, catalog.conditions, catalog.treatments, catalog.routines)
    return sum(len(section) for section in sections)


def publish(project: Path) -> tuple[int, list[str]]:
    result = run_cli("check", "--publish", cwd=project)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr.splitlines()


def test_nothing_signed_off_blocks_publishing_and_names_every_entry(project: Path) -> None:
    code, lines = publish(project)
    assert code == 1
    assert len(lines) == entry_count() + 1  # every entry, and the guide
    assert all(LOCATED.match(line) and "not signed off by the clinic" in line for line in lines)
    assert any(line.startswith("content/guides/moving.md:1:1: ") for line in lines)
    summary = run_cli("check", "--publish", cwd=project).stdout.strip().splitlines()[-1]
    count = entry_count() + 1
    assert summary.endswith(f"not ready to publish: {count} entries and pages to sign off (again).")
    plain = run_cli("check", cwd=project)
    assert plain.returncode == 0
    assert "nothing is signed off by the clinic yet" in plain.stderr


def test_signing_everything_lets_it_publish_and_the_pages_name_the_reviewer(
    project: Path,
) -> None:
    result = run_cli("review", "--by", SIGNER, "--all", "--date", "2026-12-01", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "signoff.yaml").is_file()
    assert publish(project) == (0, [])
    text = (project / "signoff.yaml").read_text(encoding="utf-8")
    assert text.count(f'by: "{SIGNER}"') == entry_count() + 1
    assert "date: 2026-12-01" in text


def test_a_changed_entry_is_named_with_its_field_then_signed_again(project: Path) -> None:
    assert run_cli("review", "--by", SIGNER, "--all", cwd=project).returncode == 0
    catalog_file = project / "exercises.yaml"
    text = catalog_file.read_text(encoding="utf-8")
    exercise, step = next(
        (e, step)
        for e in load_catalog(catalog_file).exercises
        for step in e.steps
        if text.count(step) == 1
    )
    catalog_file.write_text(text.replace(step, step.rstrip(".") + " slowly.", 1), "utf-8")
    guide = project / "content" / "guides" / "moving.md"
    guide.write_text(GUIDE.replace("Keep moving.", "Keep moving gently."), encoding="utf-8")
    code, lines = publish(project)
    assert code == 1
    assert len(lines) == 2
    page, entry = lines  # sorted by file
    assert re.match(rf"exercises\.yaml:\d+:\d+: exercise '{exercise.id}': changed since", entry)
    assert "(steps)" in entry
    assert page.startswith("content/guides/moving.md:1:1: page 'content/guides/moving.md'")
    assert "(text)" in page
    result = run_cli("review", "--by", SIGNER, "--pending", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Signed off 2 entries and pages" in result.stdout
    assert publish(project) == (0, [])


def test_a_single_entry_and_a_page_by_path(project: Path) -> None:
    exercise = load_catalog(MINI).exercises[0].id
    args = ("review", "--by", SIGNER, exercise, "guides/moving.md")
    assert run_cli(*args, cwd=project).returncode == 0
    _, lines = publish(project)
    assert not any(f"'{exercise}'" in line or "moving.md" in line for line in lines)
    assert len(lines) == entry_count() - 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--by", "Sam Taylor, physiotherapist (sample name, to be replaced)", "--all"), "sample"),
        (("--by", "Alex Morgan", "--all"), "a name and a profession"),
        (("--by", SIGNER), "name what was reviewed"),
        (("--by", SIGNER, "no-such-entry"), "'no-such-entry' is not an entry id"),
        (("--by", SIGNER, "--all", "--date", "2026-02-30"), "not a date written as YYYY-MM-DD"),
        (("--by", SIGNER, "--all", "--date", "2999-01-01"), "in the future"),
        (("--by", SIGNER, "--all", "--pending"), "not allowed with"),
        (("--all",), "--by"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(
    project: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_cli("review", *args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "signoff.yaml").exists()


def test_hand_edits_to_the_file_are_caught(project: Path) -> None:
    assert run_cli("review", "--by", SIGNER, "--all", cwd=project).returncode == 0
    signoff = project / "signoff.yaml"
    text = signoff.read_text(encoding="utf-8")
    sample = "Sam Taylor, physiotherapist (sample name, to be replaced)"
    today = datetime.date.today()
    future = today + datetime.timedelta(days=2)
    text = text.replace(f'by: "{SIGNER}"', f'by: "{sample}"', 1)
    text = text.replace(f"date: {today}", f"date: {future}", 2)  # the second record
    signoff.write_text(text, encoding="utf-8")
    code, lines = publish(project)
    assert code == 1
    assert len(lines) == 2
    assert all(line.startswith("signoff.yaml:") for line in lines)
    assert any("sample reviewer" in line for line in lines)
    assert any("in the future" in line for line in lines)


def test_a_broken_sign_off_file_is_a_located_error(project: Path) -> None:
    (project / "signoff.yaml").write_text("exercises:\n  x: [\n", encoding="utf-8")
    for args in (("check",), ("review", "--by", SIGNER, "--all")):
        result = run_cli(*args, cwd=project)
        assert result.returncode == 1
        assert result.stderr.startswith("signoff.yaml:")
        assert "Traceback" not in result.stderr


def test_export_carries_each_content_pages_review(project: Path) -> None:
    signer = "Siobhán O'Neill, physiotherapist"
    (project / "content" / "other.md").write_text("# Other\n\nText.\n", encoding="utf-8")
    args = ("review", "--by", signer, "guides/moving.md", "--date", "2026-12-01")
    assert run_cli(*args, cwd=project).returncode == 0
    assert run_cli("export", "out", cwd=project).returncode == 0
    signed = (project / "out" / "docs" / "guides" / "moving.md").read_text(encoding="utf-8")
    front = signed.split("\n---\n", 1)[0]
    assert 'signed_off_by: "Siobhán O&#x27;Neill, physiotherapist"' in front
    assert 'signed_off_on: "2026-12-01"' in front
    assert "review_pending" not in front
    unsigned = (project / "out" / "docs" / "other.md").read_text(encoding="utf-8")
    assert unsigned.startswith('---\nreview_pending: "yes"\n---\n')
