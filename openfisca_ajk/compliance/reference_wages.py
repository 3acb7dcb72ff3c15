"""The reference wages of Part XI, derived from the population as Arts 65(6) and 66(4)-(5) define them.

- RW65, the skilled manual male employee (Art 65(6)): (c) the wage at or above that of 75 % of all
  persons protected (the weighted 75th percentile of protected persons' earnings) and (d) 125 % of
  their average earnings. Both are reported; the percentile and the multiple are ILO parameters.
- RW66, the ordinary adult male labourer (Art 66(4)-(5)): the population has no occupation, so the
  wage of the parameter named by ``ilo.checks.reference_wage.ordinary_labourer_wage_parameter`` (the
  statutory minimum wage, fixed for unskilled work) stands in for it; the proxy is reported.
"""

from dataclasses import asdict, dataclass, field

import numpy

from openfisca_ajk.precision import interval, is_sample, jackknife_half_width


@dataclass
class ReferenceWages:
    rw65_percentile: float
    rw65_mean_multiple: float
    rw66: float
    protected_persons: float       # weighted count whose earnings define RW65
    mean_earnings: float
    basis: str                     # whose earnings: protected persons, or employees when none is protected
    rw66_proxy: str
    percentile: float
    mean_multiple: float
    intervals: dict = field(default_factory=dict)   # 95 % intervals of the sample figures ({} on the full population)

    @property
    def rw65_values(self):
        return {"P75 of protected persons' earnings (Art 65(6)(c))": self.rw65_percentile,
                "1.25 x mean earnings of protected persons (Art 65(6)(d))": self.rw65_mean_multiple}

    @property
    def rw65_keys(self):
        """The ``intervals`` key of each entry of ``rw65_values``, in the same order."""
        return ("rw65_percentile", "rw65_mean_multiple")

    def as_dict(self):
        return asdict(self)


def weighted_quantile(values, weights, quantile):
    """The smallest value at or above which lie ``1 - quantile`` of the weight (the lower weighted quantile)."""
    values, weights = numpy.asarray(values, dtype=numpy.float64), numpy.asarray(weights, dtype=numpy.float64)
    if values.size == 0 or weights.sum() <= 0:
        return 0.0
    order = numpy.argsort(values, kind="stable")
    cumulative = numpy.cumsum(weights[order])
    position = numpy.searchsorted(cumulative, quantile * cumulative[-1], side="left")
    return float(values[order][min(position, len(order) - 1)])


def parameter_value(parameters, dotted):
    node = parameters
    for key in dotted.split("."):
        node = node[key]
    return float(node)


def reference_wages(context):
    person, parameters = context.person, context.parameters
    ilo = parameters.ilo.c102.reference_wage
    earnings = numpy.where(person["ss_voluntary_member"], person["self_employment_income"], person["monthly_wage"])
    protected = numpy.asarray(person["ss_insured"], dtype=bool)
    basis = "persons protected by the contributory scheme (ss_insured)"
    if not protected.any():
        protected = numpy.asarray(person["employee"], dtype=bool)
        basis = "all employees (no one is protected by the contributory scheme under this system)"
    weights = context.weights[protected]
    values = earnings[protected].astype(numpy.float64)
    mean = float(numpy.average(values, weights=weights)) if weights.sum() > 0 else 0.0
    proxy = str(parameters.ilo.checks.reference_wage.ordinary_labourer_wage_parameter)
    wages = ReferenceWages(
        rw65_percentile=weighted_quantile(values, weights, float(ilo.percentile)),
        rw65_mean_multiple=float(ilo.mean_multiple) * mean,
        rw66=parameter_value(parameters, proxy),
        protected_persons=float(weights.sum()), mean_earnings=mean, basis=basis,
        rw66_proxy=f"{proxy} (the statutory minimum wage, fixed for unskilled work; see "
                   "ilo.checks.reference_wage.ordinary_labourer_wage_parameter)",
        percentile=float(ilo.percentile), mean_multiple=float(ilo.mean_multiple),
    )
    if is_sample(context.population):
        wages.intervals = _intervals(context, values, protected, float(ilo.percentile), float(ilo.mean_multiple), wages)
    return wages


def _intervals(context, values, protected, percentile, multiple, wages):
    """95 % intervals of the percentile, the mean multiple, the mean and the count, by the delete-a-group jackknife
    over households (a person's weight is the household's)."""
    households = numpy.asarray(context.population.household["household_weight"], dtype=numpy.float64)
    h = numpy.asarray(context.population.person_household)[protected]

    def percentile_of(w):
        return weighted_quantile(values, w[h], percentile)

    def mean_of(w):
        weights = w[h]
        return float(numpy.average(values, weights=weights)) if weights.sum() > 0 else 0.0
    return {"rw65_percentile": interval(wages.rw65_percentile, jackknife_half_width(percentile_of, households), floor=0.0),
            "rw65_mean_multiple": interval(wages.rw65_mean_multiple,
                                           jackknife_half_width(lambda w: multiple * mean_of(w), households), floor=0.0),
            "mean_earnings": interval(wages.mean_earnings, jackknife_half_width(mean_of, households), floor=0.0),
            "protected_persons": interval(wages.protected_persons,
                                          jackknife_half_width(lambda w: float(w[h].sum()), households), floor=0.0)}
