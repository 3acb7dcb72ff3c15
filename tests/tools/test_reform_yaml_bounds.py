"""Reform YAML is bounded before it is built: bytes, aliases and expanded values."""

import resource
import time

import pytest

from openfisca_ajk.cli import main
from openfisca_ajk.reform_diffs import yaml_reading
from openfisca_ajk.reform_diffs.yaml_reading import MAX_BYTES, MAX_NODES, read_yaml, read_yaml_file


def alias_bomb(levels=9):
    """The classic nested-alias document: a few hundred bytes that expand to 9**levels values."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{','.join([f'*a{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_the_alias_bomb_is_refused_at_once_without_memory():
    text = alias_bomb()
    assert len(text.encode()) < 600
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tick = time.perf_counter()
    document, problems = read_yaml(text)
    elapsed = time.perf_counter() - tick
    assert document is None
    assert problems == [f"more than {MAX_NODES:,} values once its aliases are expanded; refusing to read it"]
    assert elapsed < 1.0   # a bound on the refusal itself, far above its milliseconds, not a speed target
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 50_000  # KB: nothing was expanded


def test_too_many_aliases_are_refused(monkeypatch):
    monkeypatch.setattr(yaml_reading, "MAX_ALIASES", 3)
    text = "a: &x 1\nb: [*x, *x, *x, *x]\n"
    assert read_yaml(text) == (None, ["more than 3 aliases (*name); refusing to read it"])


def test_a_few_aliases_are_read_as_before():
    document, problems = read_yaml("base: &base {x: 1}\nuse: *base\n")
    assert problems == [] and document == {"base": {"x": 1}, "use": {"x": 1}}


def test_a_file_above_the_byte_bound_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)   # sparse: no data is written, and none should be read
    assert read_yaml_file(path) == (None, [f"the file has {MAX_BYTES + 1:,} bytes, more than the {MAX_BYTES:,} a reform file may have"])


def test_reform_check_refuses_the_alias_bomb(tmp_path, capsys):
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb())
    assert main(["reform", "check", str(path)]) == 1
    error = capsys.readouterr().err
    assert "bomb.yaml" in error and "once its aliases are expanded" in error


@pytest.mark.parametrize("name", ["child_benefit_0_5", "draft_social_security_act"])
def test_library_reforms_are_far_inside_the_bounds(name):
    from openfisca_ajk.paths import law_folder
    path = law_folder("reforms") / f"{name}.yaml"
    document, problems = read_yaml_file(path)
    assert problems == [] and document["name"] == name
