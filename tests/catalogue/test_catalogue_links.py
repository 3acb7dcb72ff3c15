"""The link checker: the generated site has no broken internal link; a broken link is detected."""

from openfisca_ajk.catalogue import check_site
from openfisca_ajk.cli import main


def test_generated_site_has_no_broken_internal_link(catalogue):
    report = check_site(catalogue.output)
    assert report.files == catalogue.pages
    assert report.internal > catalogue.pages
    assert report.broken == []
    assert "https://pid.gov.pk/site/press_detail/26435" in report.external


def small_site(root):
    (root / "sub").mkdir()
    (root / "index.html").write_text(
        '<html><body><h1 id="top">Home</h1>'
        '<a href="sub/page.html">ok</a> <a href="sub/page.html#here">ok anchor</a> <a href="#top">ok self</a>'
        '<a href="sub/missing.html">missing file</a> <a href="sub/page.html#nowhere">missing anchor</a>'
        '<a href="https://example.org/">external</a></body></html>', encoding="utf-8")
    (root / "sub" / "page.html").write_text(
        '<html><body><p id="here">x</p><a href="../index.html#top">back</a> <a href="../../outside.html">out</a>'
        '</body></html>', encoding="utf-8")


def test_checker_detects_broken_links(tmp_path):
    small_site(tmp_path)
    report = check_site(tmp_path)
    assert report.files == 2 and report.internal == 7
    assert sorted((b.source, b.href) for b in report.broken) == [
        ("index.html", "sub/missing.html"),
        ("index.html", "sub/page.html#nowhere"),
        ("sub/page.html", "../../outside.html"),
    ]
    assert list(report.external) == ["https://example.org/"]


def test_command_check_only_exit_status(tmp_path, catalogue, capsys):
    assert main(["catalogue", "--check-only", "--output", str(catalogue.output)]) == 0
    small_site(tmp_path)
    assert main(["catalogue", "--check-only", "--output", str(tmp_path)]) == 1
    assert "sub/missing.html" in capsys.readouterr().err
