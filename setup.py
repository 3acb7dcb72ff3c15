"""Packaging of openfisca-ajk.

The repository keeps the law at its top level (``parameters/``, ``variables/``,
``reforms/``, ``situation_examples/``) so that drafters find it without digging
into the Python package. A built wheel carries those folders *inside* the
``openfisca_ajk`` package; ``openfisca_ajk.paths`` finds them in either place.
"""

import shutil
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
LAW_FOLDERS = ("parameters", "variables", "reforms", "situation_examples")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildPyWithLaw(build_py):
    """Copy the law folders into the built package next to the Python code."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target_package = Path(self.build_lib) / "openfisca_ajk"
        for folder in LAW_FOLDERS:
            source = HERE / folder
            if source.is_dir():
                shutil.copytree(source, target_package / folder, ignore=IGNORED, dirs_exist_ok=True)


setup(
    name="openfisca-ajk",
    version="0.1.0",
    description="OpenFisca rules-as-code engine for social protection in Azad Jammu and Kashmir",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    python_requires=">=3.11",
    packages=find_packages(include=["openfisca_ajk", "openfisca_ajk.*"]),
    include_package_data=True,
    package_data={"openfisca_ajk": ["schemes/*.yaml", "data/*", "data/**/*", "reports/*.css", "reports/templates/*.j2"]},
    install_requires=[
        "openfisca-core[web-api]>=46.0.1,<47",
        "Jinja2>=3.1",
        "matplotlib>=3.8",
        "numpy>=1.26",
        "PyYAML>=6",
    ],
    extras_require={
        "dev": ["pytest>=8", "hypothesis>=6", "build", "dask[distributed]>=2024.1"],
    },
    entry_points={"console_scripts": ["openfisca-ajk=openfisca_ajk.cli:main"]},
    cmdclass={"build_py": BuildPyWithLaw},
)
