"""PNG charts of the costing projection in the reports' chart style."""

from openfisca_ajk.reports.charts import new_figure, png_bytes, styled
from openfisca_ajk.reports.labels import law_label
from openfisca_ajk.tools.files import atomic_write

TOTAL = "TOTAL_CASH"


def cost_comparison_chart(rows, path, measure="pct_gdp"):
    """Write the chart of :func:`cost_comparison_png` to ``path`` (atomically); return the path."""
    return atomic_write(path, cost_comparison_png(rows, measure))


@styled
def cost_comparison_png(rows, measure="pct_gdp"):
    """Total cash cost of each law by year (central line, low-high band when present), as PNG bytes."""
    figure = new_figure((8, 4.5))
    axis = figure.add_subplot()
    laws = sorted({r["law"] for r in rows})
    for law in laws:
        by = {s: sorted((r["year"], r[measure]) for r in rows if r["law"] == law and r["scheme"] == TOTAL and r["scenario"] == s)
              for s in ("low", "central", "high")}
        if by["central"]:
            years, values = zip(*by["central"])
            line, = axis.plot(years, values, marker="o", label=law_label(law))
            if by["low"] and by["high"]:
                axis.fill_between([y for y, _ in by["low"]], [v for _, v in by["low"]], [v for _, v in by["high"]],
                                  color=line.get_color(), alpha=0.15)
    axis.set_xlabel("year")
    axis.set_ylabel("cash benefits incl. administration, % of GDP" if measure == "pct_gdp"
                    else "cash benefits incl. administration, % of the AJK budget (its part)")
    axis.set_title("Cash cost of today's law and each reform, central scenario (band: low to high scenario)")
    axis.grid(alpha=0.3)
    axis.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2)
    return png_bytes(figure)
