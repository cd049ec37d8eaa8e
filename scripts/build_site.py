"""Build the site atomically: into a temporary folder, swapped in only when the build succeeds.

Usage: python scripts/build_site.py [SITE_DIR]   (default: site)
A failed build leaves the previous SITE_DIR exactly as it was and exits 1.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build(target: Path) -> int:
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
        if subprocess.run(command, check=False).returncode != 0:
            print(f"Build failed: {target} was left unchanged.", file=sys.stderr)
            return 1
        retired = staging.with_name(staging.name + "-old")
        if target.exists():
            target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired, ignore_errors=True)
        print(f"Site built in {target}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
