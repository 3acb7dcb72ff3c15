"""Every command shown in the README's ``sh`` blocks runs and succeeds (with small sizes and a scratch output
folder). Left out: the two ``tasks.py`` front-door commands (they set up and run everything), servers and
their ``curl`` calls, benchmarks (full size by design), and test runs of whole folders (the suite itself)."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SKIP = (("python3 tasks.py", "front door: sets up and runs everything"),
        ("openfisca serve", "a server"), ("openfisca-ajk serve", "a server"), ("curl ", "needs a server"),
        ("python3 benchmarks/", "benchmark, full size by design"),
        (".venv/bin/python benchmarks/", "benchmark, full size by design"),
        ("openfisca test -c openfisca_ajk tests/", "a run of a whole test folder"),
        ("cp reforms/draft_social_security_act/act.md", "the drafter's round trip, run in a scratch folder by "
         "tests/act/test_render_and_round_trip.py::test_drafters_round_trip_on_the_command_line"))
ROUND_TRIP = ("my_act.md", "draft_accrual_2")   # the rest of that round trip (it would write into reforms/)
OUTPUT_COMMANDS = ("main", "compare", "compliance", "matrix", "project", "valuation", "catalogue")
EXPECTED_FAILURE = {"reform check reforms/my_draft.yaml": 1}   # the README's example of a file that is not there yet


def readme_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in re.sub(r"\\\n\s*", " ", block).splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("[") and commands:        # a usage line's optional arguments, continued
                commands[-1] += " " + line
            elif line and not line.startswith("#"):
                commands.append(line)
    return commands


def _skip_reason(command):
    if command == "openfisca test -c openfisca_ajk tests/pakistan/bisp/kafaalat/pmt_cutoff.yaml":
        return None
    if any(word in command for word in ROUND_TRIP):
        return SKIP[-1][1]
    return next((reason for prefix, reason in SKIP if command.startswith(prefix)), None)


def runnable(command, scratch):
    """The command as run by the test: the venv's executables, a scratch output folder, small sizes."""
    words = shlex.split(command)
    if words[0].startswith(".venv/bin/"):
        words[0] = words[0][len(".venv/bin/"):]
    words[0] = str(BIN / words[0])
    if len(words) > 1 and Path(words[0]).name == "openfisca-ajk" and words[1] in OUTPUT_COMMANDS:
        if "--output" in words:
            words[words.index("--output") + 1] = str(scratch / "output")
        else:
            words += ["--output", str(scratch / "output")]
        if "--size" in words:
            words[words.index("--size") + 1] = "0.002"
        elif words[1] in ("compliance", "matrix", "valuation"):
            words += ["--size", "5000"]
    return words


@pytest.mark.slow
@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs(command, tmp_path):
    reason = _skip_reason(command)
    if reason:
        pytest.skip(reason)
    words = runnable(command, tmp_path)
    environment = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run(words, cwd=ROOT, capture_output=True, text=True, timeout=600, env=environment)
    expected = next((code for tail, code in EXPECTED_FAILURE.items() if command.endswith(tail)), 0)
    assert done.returncode == expected, f"{' '.join(words)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


def test_the_readme_shows_commands():
    commands = readme_commands()
    assert any(c.startswith("openfisca-ajk compare") for c in commands)
    assert all(_skip_reason(c) is None or c.split()[0] in ("python3", ".venv/bin/python", "openfisca", "openfisca-ajk", "curl", "cp")
               for c in commands)
