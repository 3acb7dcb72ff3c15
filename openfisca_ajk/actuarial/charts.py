"""PNG charts of a valuation in the reports' chart style: cost rates, reserve, sensitivities."""

from openfisca_ajk.reports.charts import new_figure, png_bytes, styled


@styled
def cost_rate_png(results):
    figure = new_figure((8, 4.5))
    axis = figure.add_subplot()
    for result in results:
        years, series = result["years"], result["series"]
        line, = axis.plot(years, [100 * v for v in series["payg_cost_rate"]], label=f"{result['law']}: PAYG cost rate")
        axis.plot(years, [100 * v for v in series["contribution_rate"]], linestyle="--", color=line.get_color(),
                  label=f"{result['law']}: contribution rate")
        gap = result["indicators"]["general_average_premium"].get(str(len(years)))
        if gap is not None:
            axis.axhline(100 * gap, linestyle=":", color=line.get_color(), label=f"{result['law']}: GAP {len(years)} years")
    axis.set_ylabel("% of insurable earnings")
    axis.set_title("PAYG cost rate, contribution rate and general average premium")
    axis.grid(alpha=0.3)
    axis.legend(fontsize=7)
    return png_bytes(figure)


@styled
def reserve_png(results):
    figure = new_figure((8, 4.5))
    axis = figure.add_subplot()
    for result in results:
        axis.plot(result["years"], [v for v in result["series"]["reserve_ratio"]], label=result["law"])
    axis.set_ylabel("reserve ratio (years of expenditure)")
    axis.set_title("Reserve ratio R(t-1) / (B(t) + A(t))")
    axis.axhline(0, color="black", linewidth=0.8)
    axis.grid(alpha=0.3)
    axis.legend(fontsize=8)
    return png_bytes(figure)


@styled
def sensitivity_png(results, law):
    figure = new_figure((8, 4.5))
    axis = figure.add_subplot()
    for result in results:
        if result["law"] == law:
            axis.plot(result["years"], [100 * v for v in result["series"]["payg_cost_rate"]], label=result["variant"],
                      linewidth=2 if result["variant"] == "central" else 1)
    axis.set_ylabel("PAYG cost rate, % of insurable earnings")
    axis.set_title(f"Sensitivity of the PAYG cost rate: {law}")
    axis.grid(alpha=0.3)
    axis.legend(fontsize=7, ncol=2)
    return png_bytes(figure)
