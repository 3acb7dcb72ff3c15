"""PNG charts of a valuation in the reports' chart style: cost rates, reserve, sensitivities.

Every label is in words with its unit (laws by their reform file's label, sensitivity runs by what they
change); legends sit below the plot area, so they never cover a line or an axis."""

import textwrap

from openfisca_ajk.reports.charts import new_figure, png_bytes, styled
from openfisca_ajk.reports.labels import law_label

LEGEND_WIDTH = 80    # characters of a legend entry before it wraps

VARIANTS = {
    "central": "central assumptions",
    "wage_growth_plus": "higher real wage growth",
    "wage_growth_minus": "lower real wage growth",
    "interest_plus": "higher interest rate",
    "interest_minus": "lower interest rate",
    "coverage_low": "lower registration",
    "coverage_high": "higher registration",
    "mortality_low": "lower mortality",
    "mortality_high": "higher mortality",
    "density_low": "lower contribution density",
    "density_high": "higher contribution density",
}


def variant_label(name) -> str:
    return VARIANTS.get(name, str(name).replace("_", " "))


def _wrap(text):
    return "\n".join(textwrap.wrap(text, LEGEND_WIDTH))


def _legend_below(axis, columns=1):
    axis.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=columns, fontsize=8)


@styled
def cost_rate_png(results):
    figure = new_figure((8, 4.5))
    axis = figure.add_subplot()
    for result in results:
        years, series = result["years"], result["series"]
        law = law_label(result["law"])
        line, = axis.plot(years, [100 * v for v in series["payg_cost_rate"]], label=_wrap(f"{law}: pay-as-you-go cost rate"))
        axis.plot(years, [100 * v for v in series["contribution_rate"]], linestyle="--", color=line.get_color(),
                  label=_wrap(f"{law}: contribution rate"))
        gap = result["indicators"]["general_average_premium"].get(str(len(years)))
        if gap is not None:
            axis.axhline(100 * gap, linestyle=":", color=line.get_color(),
                         label=_wrap(f"{law}: general average premium over {len(years)} years"))
    axis.set_xlabel("year")
    axis.set_ylabel("% of insurable earnings")
    axis.set_title("Pay-as-you-go cost rate, contribution rate and general average premium")
    axis.grid(alpha=0.3)
    _legend_below(axis)
    return png_bytes(figure)


@styled
def reserve_png(results):
    figure = new_figure((8, 4.5))
    axis = figure.add_subplot()
    for result in results:
        axis.plot(result["years"], list(result["series"]["reserve_ratio"]), label=_wrap(law_label(result["law"])))
    axis.set_xlabel("year")
    axis.set_ylabel("reserve, years of expenditure")
    axis.set_title("Reserve at the start of the year, in years of the year's benefits and administration")
    axis.axhline(0, color="black", linewidth=0.8)
    axis.grid(alpha=0.3)
    _legend_below(axis)
    return png_bytes(figure)


@styled
def sensitivity_png(results, law):
    figure = new_figure((8, 4.5))
    axis = figure.add_subplot()
    for result in results:
        if result["law"] == law:
            axis.plot(result["years"], [100 * v for v in result["series"]["payg_cost_rate"]],
                      label=variant_label(result["variant"]), linewidth=2.4 if result["variant"] == "central" else 1)
    axis.set_xlabel("year")
    axis.set_ylabel("pay-as-you-go cost rate, % of insurable earnings")
    axis.set_title(_wrap(f"Sensitivity of the pay-as-you-go cost rate: {law_label(law)}"))
    axis.grid(alpha=0.3)
    _legend_below(axis, columns=3)
    return png_bytes(figure)
