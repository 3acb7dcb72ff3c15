"""One stylesheet, one chart style, one atomic writer, one JSON-ready conversion: the rest of the package uses them."""

import datetime
import re
from pathlib import Path

import numpy
import pytest

from openfisca_ajk.reports import STYLESHEET, Section, Table, render_page, render_report
from openfisca_ajk.tools.files import atomic_write_all, atomic_write_json
from openfisca_ajk.tools.plain import plain

PACKAGE = Path(__file__).resolve().parents[2] / "openfisca_ajk"


def sources(*allowed):
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not relative.startswith(allowed):
            yield relative, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("pattern", [r"<style", r"font-family", r"\{\s*border-collapse"])
def test_no_stylesheet_outside_the_reports(pattern):
    assert [name for name, text in sources("reports/") if re.search(pattern, text)] == []


@pytest.mark.parametrize("pattern", [r"os\.replace\(", r"mkstemp\(", r"\.write_bytes\(", r"\.write_text\("])
def test_no_file_writer_outside_tools_files(pattern):
    assert [name for name, text in sources("tools/files.py") if re.search(pattern, text)] == []


@pytest.mark.parametrize("pattern", [r"\bpyplot\b", r"matplotlib\.figure", r"savefig\("])
def test_every_chart_is_drawn_in_the_one_chart_style(pattern):
    assert [name for name, text in sources("reports/charts.py") if re.search(pattern, text)] == []


def test_one_json_ready_conversion():
    assert [name for name, text in sources() if "def _plain" in text] == []


def test_plain_values():
    node = type("Node", (), {"_children": {"b": numpy.float32(0.5), "a": numpy.arange(2)}})()
    assert plain({"n": node, "d": datetime.date(2027, 6, 1), "x": (numpy.int64(3), None, True), "f": 1 / 3}) == {
        "n": {"a": [0, 1], "b": 0.5}, "d": "2027-06-01", "x": [3, None, True], "f": 1 / 3}
    assert plain(numpy.float64(2 / 3), digits=6) == 0.666667
    assert plain(object).startswith("<class")


def test_a_page_escapes_text_and_carries_the_stylesheet():
    page = render_page("Tax <b>&</b> pensions", "<p>kept as HTML</p>", summary="A & B")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert f"<style>{STYLESHEET}</style>" in page
    assert "<h1>Tax &lt;b&gt;&amp;&lt;/b&gt; pensions</h1>" in page and "<p>kept as HTML</p>" in page
    assert page.index('<p class="summary">A &amp; B</p>') < page.index("<p>kept")
    report = render_report("R", [Section("S", (Table(("name", "PKR"), (("<x>", "1,000"),), numeric_from=1),),
                                         anchor="s")])
    assert '<h2 id="s">S</h2>' in report and "<td>&lt;x&gt;</td><td class=\"num\">1,000</td>" in report


def test_writing_many_files_is_all_or_nothing(tmp_path):
    written = atomic_write_all(tmp_path / "out", {"a.txt": "text", "b.png": b"\x89PNG"})
    assert sorted(p.name for p in written) == ["a.txt", "b.png"]
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "text"
    with pytest.raises(TypeError):
        atomic_write_all(tmp_path / "out", {"a.txt": "new text", "c.txt": 3})
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "b.png"]
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "text"
    protected = tmp_path / "out" / "b.png"
    with pytest.raises(ValueError, match="refusing to overwrite"):
        atomic_write_all(tmp_path / "out", {"a.txt": "x", "b.png": b"y"}, protected=[protected])
    assert protected.read_bytes() == b"\x89PNG"


def test_json_is_written_plain(tmp_path):
    path = atomic_write_json(tmp_path / "d.json", {"v": numpy.float32(1.5), "when": datetime.date(2026, 1, 1),
                                                   "name": "Muzaffarabad – ضلع"})
    assert path.read_text(encoding="utf-8") == '{\n  "v": 1.5,\n  "when": "2026-01-01",\n  "name": "Muzaffarabad – ضلع"\n}\n'
