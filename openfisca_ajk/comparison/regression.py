"""Impact regression: each library reform's headline impacts on a small fixed population, kept in a file.

``tests/impact/reform_impacts.yaml.in`` (YAML; the `.in` keeps `openfisca test` from reading it as test cases) records, per reform, its net cost and poverty change on the default
synthetic population at a small fixed size and seed; ``tests/impact`` recomputes them and fails when one
moves beyond the tolerance, so a rule change that moves an impact is noticed and the file updated on
purpose. Regenerate it after an intended change with::

    python3 -m openfisca_ajk.comparison.regression tests/impact/reform_impacts.yaml.in
"""

import sys
from pathlib import Path

import yaml

from openfisca_ajk.comparison.evaluation import compare
from openfisca_ajk.tools.files import atomic_write
from openfisca_ajk.population import generate_population

FIGURES = {
    "net_cost_pkr": ("totals", "net_cost_pkr"),
    "benefits_change_pkr": ("totals", "benefits_change_pkr"),
    "poverty_headcount_change_pp": ("poverty", "by_group", "all", "fgt0_change_pp"),
    "poverty_gap_change_pp": ("poverty", "by_group", "all", "fgt1_change_pp"),
    "persons_lifted_out": ("poverty", "persons_lifted_out"),
}


def _get(impact, path):
    for key in path:
        impact = impact[key]
    return float(impact)


def measure(tax_benefit_system, document):
    """{reform: {figure: value}} for the reforms of ``document``, one population per year."""
    settings = document["population"]
    measured = {}
    by_year = {}
    for name, entry in document["reforms"].items():
        by_year.setdefault(int(entry["year"]), []).append(name)
    for year, names in sorted(by_year.items()):
        population = generate_population(tax_benefit_system, year, seed=int(settings["seed"]), size=float(settings["size"]))
        result = compare(tax_benefit_system, names, population, str(year))
        for reform, impact in result.reforms:
            measured[reform.name] = {figure: _get(impact, path) for figure, path in FIGURES.items()}
    return measured


def allowed_gap(figure, expected, tolerance):
    if figure.endswith("_pp"):
        return float(tolerance["absolute_pp"])
    absolute = float(tolerance["absolute_pkr"]) if figure.endswith("_pkr") else float(tolerance["absolute_persons"])
    return max(absolute, float(tolerance["relative"]) * abs(expected))


def check(document, measured):
    """[problem] for every recorded figure that moved beyond the tolerance (or is missing)."""
    tolerance = document["tolerance"]
    problems = []
    for name, entry in document["reforms"].items():
        values = measured.get(name)
        if values is None:
            problems.append(f"{name}: not measured")
            continue
        for figure, expected in entry.items():
            if figure in ("year", "note"):
                continue
            gap = abs(values[figure] - float(expected))
            if gap > allowed_gap(figure, float(expected), tolerance):
                problems.append(f"{name}: {figure} is {values[figure]:,.4f}, recorded {float(expected):,.4f} "
                                f"(moved by {gap:,.4f}, beyond the tolerance)")
    return problems


def regenerate(path, tax_benefit_system):
    document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    measured = measure(tax_benefit_system, document)
    for name, entry in document["reforms"].items():
        entry.update({figure: round(value, 6) for figure, value in measured[name].items()})
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=110)
    atomic_write(Path(path), text.encode("utf-8"))
    return measured


if __name__ == "__main__":
    from openfisca_ajk.engine.law import law
    regenerate(sys.argv[1], law())
