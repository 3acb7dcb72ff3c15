#!/usr/bin/env python3
"""The project's two front-door commands, with nothing but Python 3.11+ and pip needed.

    python3 tasks.py main    # set up (once) and run the main job
    python3 tasks.py test    # set up (once) and run the whole test suite (installs Chromium as root)

Set-up creates a virtual environment in ``.venv`` and installs the package with
its development dependencies; it is redone only when ``setup.py`` changes.
Extra arguments after ``main`` go to the main job (``openfisca-ajk main --help``).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "installed-setup.sha256"
MINIMUM_PYTHON = (3, 11)
CHROMIUM = Path("/usr/bin/chromium")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> Path:
    if sys.version_info < MINIMUM_PYTHON:
        sys.exit(f"openfisca-ajk needs Python {'.'.join(map(str, MINIMUM_PYTHON))} or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "setup.py").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing openfisca-ajk and its dependencies into .venv ...", flush=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"], check=True)
        STAMP.write_text(wanted)
    return python


def ensure_chromium() -> bool:
    """Chromium for the browser tests: Debian's ``chromium`` package, installed when missing and run as root (CI).

    True when the browser tests must run: Chromium is there, or an install was attempted (a failed install
    then fails the browser tests instead of skipping them).
    """
    if CHROMIUM.exists() or os.environ.get("AJK_CHROMIUM"):
        return True
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Chromium (Debian package 'chromium') for the browser tests ...", flush=True)
        quiet = {"stdout": subprocess.DEVNULL, "env": dict(os.environ, DEBIAN_FRONTEND="noninteractive")}
        install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
        if subprocess.call(install, **quiet) != 0:
            subprocess.call(["apt-get", "update"], **quiet)
            subprocess.call(install, **quiet)
        if not CHROMIUM.exists():
            print("Installing Chromium failed: the browser tests will fail.", file=sys.stderr, flush=True)
        return True
    print("Chromium is not installed (Debian: 'sudo apt-get install chromium'): the browser tests will be skipped.",
          flush=True)
    return False


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"main", "test"}:
        print(__doc__)
        return 2
    command, extra = sys.argv[1], sys.argv[2:]
    python = ensure_environment()
    if command == "main":
        return subprocess.call([python, "-m", "openfisca_ajk.cli", "main", *extra], cwd=ROOT)
    environment = dict(os.environ, AJK_RUN_SLOW="1")
    if ensure_chromium():
        environment["AJK_REQUIRE_BROWSER"] = "1"
    tests = [python, "-m", "openfisca_core.scripts.openfisca_command", "test", "-c", "openfisca_ajk", "tests/", *extra]
    return subprocess.call(tests, cwd=ROOT, env=environment)


if __name__ == "__main__":
    sys.exit(main())
