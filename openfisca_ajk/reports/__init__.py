"""Every page and chart the tools write: one stylesheet, one chart style, Jinja2 templates.

    from openfisca_ajk.reports import render_page, STYLESHEET
    text = render_page("Title", "<p>body HTML</p>", summary="One plain sentence first.")

- ``render_page(title, body_html)``: a self-contained HTML page (the stylesheet inline);
- ``render_report(title, sections, summary=...)``: a report page from :class:`Section` s of tables,
  paragraphs, lists and charts;
- ``chart_style`` (or the ``@styled`` decorator), ``new_figure``, ``png_bytes``, ``save_png``: charts in the one style;
- files are written by :mod:`openfisca_ajk.tools.files` (atomic) and values made JSON-ready by
  :func:`openfisca_ajk.tools.plain.plain`.
"""

from openfisca_ajk.reports.charts import PALETTE, chart_style, new_figure, png_bytes, save_png, styled
from openfisca_ajk.reports.pages import (
    STYLESHEET, Chart, Items, Paragraph, Section, Table, esc, html, md_table, render_page, render_report,
    render_template,
)

__all__ = ["Chart", "Items", "PALETTE", "Paragraph", "STYLESHEET", "Section", "Table", "chart_style", "esc", "html",
           "md_table", "new_figure", "png_bytes", "render_page", "render_report", "render_template", "save_png", "styled"]
