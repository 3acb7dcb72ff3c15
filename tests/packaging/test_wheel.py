"""A wheel built from the repository works alone in a new virtual environment.

It must carry the parameters, variables, reforms and examples, compute a
household, and pass the YAML tests of the repository.
"""

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
YAML_TEST_FOLDERS = ["tests/pakistan", "tests/ajk", "tests/macro"]


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command}\nstdout:\n{result.stdout[-4000:]}\nstderr:\n{result.stderr[-4000:]}"
    return result


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(work / "dist"), str(ROOT)])
    wheels = list((work / "dist").glob("openfisca_ajk-*.whl"))
    assert len(wheels) == 1
    environment = work / "venv"
    # An isolated environment (never the system interpreter's packages) that borrows the dependencies
    # (openfisca-core, numpy, ...) of the environment running the tests through a .pth file.
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(environment)
    python = environment / "bin" / "python"
    borrow_dependencies(python)
    run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall", str(wheels[0])])
    return python, work


def dependency_folders():
    """The site-packages folders of the interpreter running the tests (``.venv`` under ``tasks.py test``)."""
    paths = sysconfig.get_paths()
    return sorted({paths["purelib"], paths["platlib"]})


def borrow_dependencies(python):
    """Put the running environment's site-packages on the new environment's path, after its own.

    A folder named in a .pth file is appended to ``sys.path`` but its own .pth files are not run, so the
    repository's editable install (a .pth file or finder in .venv) stays invisible: only the wheel can
    provide openfisca_ajk.
    """
    site_packages = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    (Path(site_packages) / "borrowed_dependencies.pth").write_text("\n".join(dependency_folders()) + "\n")


def clean_env():
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH"}}


def test_wheel_carries_the_law_and_computes_a_household(installed_wheel):
    python, work = installed_wheel
    script = (
        "import openfisca_ajk, json\n"
        "from openfisca_ajk.paths import law_folder\n"
        "from openfisca_ajk.system import load_situation_example\n"
        "from openfisca_core.simulations import SimulationBuilder\n"
        "tbs = openfisca_ajk.CountryTaxBenefitSystem()\n"
        "sim = SimulationBuilder().build_from_entities(tbs, load_situation_example('kafaalat_household'))\n"
        "print(json.dumps({'file': openfisca_ajk.__file__, 'parameters': str(law_folder('parameters')),\n"
        "  'kafaalat': float(sim.calculate('bisp_kafaalat', '2025-03')[0])}))\n"
    )
    result = run([str(python), "-c", script], cwd=work, env=clean_env())
    output = result.stdout.strip().splitlines()[-1]
    assert "site-packages" in output and str(ROOT) not in output
    assert str(work / "venv") in output   # the wheel's copy, not the editable install of the repository
    assert '"kafaalat": 4500.0' in output


def test_the_wheel_environment_sees_neither_the_system_packages_nor_the_repository(installed_wheel):
    python, work = installed_wheel
    script = "import sys, json; print(json.dumps([sys.prefix, sys.base_prefix, sys.path]))"
    prefix, base_prefix, path = json.loads(run([str(python), "-c", script], cwd=work, env=clean_env()).stdout)
    system_site = {p for p in path if p.startswith(base_prefix) and "site-packages" in p and not p.startswith(prefix)}
    borrowed = set(dependency_folders())
    assert not (system_site - borrowed), "the system interpreter's site-packages must not be on the path"
    assert str(ROOT) not in path and str(ROOT / "openfisca_ajk") not in path


def test_wheel_passes_the_yaml_tests(installed_wheel):
    python, work = installed_wheel
    folders = [str(ROOT / folder) for folder in YAML_TEST_FOLDERS if (ROOT / folder).is_dir()]
    openfisca = [str(python), "-m", "openfisca_core.scripts.openfisca_command"]
    result = run([*openfisca, "test", "-c", "openfisca_ajk", *folders], cwd=work, env=clean_env())
    assert " passed" in result.stdout


def test_wheel_finds_the_act_documents_and_the_reforms_they_bind(installed_wheel):
    python, work = installed_wheel
    result = run([str(python), "-m", "openfisca_ajk.cli", "act", "check"], cwd=work, env=clean_env())
    assert "ok: draft_social_security_act (act.md, rules.md" in result.stdout
    assert "ok: eobi_pattern" in result.stdout and "ok: essi_pattern" in result.stdout
