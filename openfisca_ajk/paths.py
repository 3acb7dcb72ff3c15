"""Where the law folders live: inside the installed package, or at the repository top level."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def law_folder(name: str) -> Path:
    """Return the folder ``name`` (``parameters``, ``variables``, ``reforms``, ...).

    A wheel carries the folder inside the package; a source checkout keeps it
    beside the package. The first that exists wins.
    """
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"openfisca_ajk: the '{name}' folder was found neither in {PACKAGE_DIR} "
        f"nor in {PACKAGE_DIR.parent}; the installation is incomplete.",
    )
