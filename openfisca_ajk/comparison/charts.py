"""The comparison's charts as PNG bytes in the reports' chart style: deciles, cost by scheme, coverage, winners and losers."""

import textwrap

import numpy

from openfisca_ajk.reports.charts import BASELINE_COLOUR, PALETTE, new_figure, png_bytes, styled
from openfisca_ajk.reports.labels import scheme_label

BAND_LABELS = ("Gain more than 5 %", "Gain less than 5 %", "No change", "Lose less than 5 %", "Lose more than 5 %")
LABEL_WIDTH = 70
BAND_COLOURS = ("#1b7837", "#a6dba0", "#d9d9d9", "#f4a582", "#b2182b")


def _png(figure):
    figure.tight_layout()
    return png_bytes(figure)


def _axis(figsize):
    return new_figure(figsize).add_subplot()


def _names(data):
    return [_reform_label(reform) for reform in data["reforms"]]


def _reform_label(reform):
    """The reform's label in words (its file's ``label``), wrapped for a legend or an axis."""
    return "\n".join(textwrap.wrap(reform.get("label") or reform["name"].replace("_", " "), LABEL_WIDTH))


def _legend_below(axis, columns=1, offset=-0.18):
    axis.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, offset), ncol=columns)


@styled
def decile_chart(data):
    reforms = data["reforms"]
    figure = new_figure((12, 4.6))
    left, right = figure.subplots(1, 2)
    width = 0.8 / max(len(reforms), 1)
    deciles = numpy.arange(1, 11)
    for i, reform in enumerate(reforms):
        offset = (i - (len(reforms) - 1) / 2) * width
        colour = PALETTE[i % len(PALETTE)]
        left.bar(deciles + offset, [r["relative_change_pct"] for r in reform["deciles"]], width, color=colour, label=_reform_label(reform))
        right.bar(deciles + offset, [r["average_change_pkr_month_per_household"] for r in reform["deciles"]], width, color=colour,
                  label=_reform_label(reform))
    left.set_title("Change in disposable income, % of the decile's income")
    right.set_title("Average change per household, PKR a month")
    for axis in (left, right):
        axis.set_xticks(deciles)
        axis.set_xlabel("decile of baseline income per adult equivalent (1 = poorest tenth of people)")
        axis.axhline(0, color="black", linewidth=0.6)
        axis.grid(axis="y", alpha=0.3)
    figure.suptitle(f"Impact by income decile, {data['period']}")
    figure.tight_layout()
    handles, labels = left.get_legend_handles_labels()
    figure.legend(handles, labels, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=min(len(reforms), 3))
    return png_bytes(figure)


@styled
def cost_chart(data):
    reforms = data["reforms"]
    schemes = sorted({row["scheme"] for reform in reforms for row in reform["schemes"]
                      if row["cash"] and abs(row["net_cost_pkr"]) > 0.5})
    schemes = schemes or ["(no change)"]
    axis = _axis((11, max(3.2, 0.45 * len(schemes) * max(len(reforms), 1) ** 0.5 + 1.6)))
    height = 0.8 / max(len(reforms), 1)
    positions = numpy.arange(len(schemes))
    for i, reform in enumerate(reforms):
        by_scheme = {row["scheme"]: row["net_cost_pkr"] for row in reform["schemes"]}
        values = [by_scheme.get(name, 0.0) / 1e9 for name in schemes]
        axis.barh(positions + (i - (len(reforms) - 1) / 2) * height, values, height, color=PALETTE[i % len(PALETTE)],
                  label=f"{_reform_label(reform)} (public budgets Rs {reform['totals']['net_cost_pkr'] / 1e9:,.2f} bn)")
    axis.set_yticks(positions)
    axis.set_yticklabels([scheme_label(name) for name in schemes])
    axis.axvline(0, color="black", linewidth=0.6)
    axis.set_xlabel("change in annual cash benefits, PKR billion (contributory fund's benefits included; contributions are not a saving)")
    axis.grid(axis="x", alpha=0.3)
    _legend_below(axis, offset=-0.25)
    axis.set_title(f"Net cost by scheme, {data['period']}")
    return _png(axis.figure)


@styled
def coverage_chart(data):
    reforms = data["reforms"]
    first = reforms[0]["coverage"]
    series = [("SDG 1.3.1: " + key.replace("_", " "), "sdg_1_3_1", key) for key in first["sdg_1_3_1"]]
    series += [("R202: " + key.replace("_", " "), "r202_guarantees", key) for key in first["r202_guarantees"]]
    labels = [s[0] for s in series]
    axis = _axis((11, 0.42 * len(labels) * (len(reforms) + 1) ** 0.5 + 1.8))
    height = 0.8 / (len(reforms) + 1)
    positions = numpy.arange(len(labels))
    before = [first[block][key]["before_pct"] for _, block, key in series]
    axis.barh(positions - len(reforms) / 2 * height, before, height, color=BASELINE_COLOUR, label="baseline")
    for i, reform in enumerate(reforms):
        after = [reform["coverage"][block][key]["after_pct"] for _, block, key in series]
        axis.barh(positions + (i + 1 - len(reforms) / 2) * height, after, height, color=PALETTE[i % len(PALETTE)], label=_reform_label(reform))
    axis.set_yticks(positions)
    axis.set_yticklabels(labels, fontsize=8)
    axis.invert_yaxis()
    axis.set_xlim(0, 100)
    axis.set_xlabel("% of the group covered")
    axis.grid(axis="x", alpha=0.3)
    _legend_below(axis, columns=2, offset=-0.12)
    axis.set_title(f"Coverage by group, baseline and reform, {data['period']}")
    return _png(axis.figure)


@styled
def winners_chart(data):
    reforms = data["reforms"]
    axis = _axis((11, 1.0 + 0.7 * len(reforms)))
    keys = ("gain_more_than_5pct", "gain_less_than_5pct", "no_change", "lose_less_than_5pct", "lose_more_than_5pct")
    names = _names(data)
    left = numpy.zeros(len(reforms))
    for key, label, colour in zip(keys, BAND_LABELS, BAND_COLOURS):
        values = numpy.array([reform["winners_losers_pct"]["all"][key] for reform in reforms])
        axis.barh(names, values, left=left, color=colour, label=label)
        for y, (start, value) in enumerate(zip(left, values)):
            if value >= 4:
                axis.text(start + value / 2, y, f"{value:.0f} %", ha="center", va="center", fontsize=8)
        left += values
    axis.set_xlim(0, 100)
    axis.invert_yaxis()
    axis.set_xlabel("% of people (people-weighted), by change in household disposable income")
    axis.legend(fontsize=8, ncol=5, loc="upper center", bbox_to_anchor=(0.5, -0.35))
    axis.set_title(f"Winners and losers, {data['period']}")
    return _png(axis.figure)


CHARTS = {"deciles": decile_chart, "cost_by_scheme": cost_chart, "coverage": coverage_chart, "winners_losers": winners_chart}


def all_charts(data):
    """{chart name: PNG bytes}."""
    return {name: chart(data) for name, chart in CHARTS.items()}
