"""The reference wages of Part XI, derived from the population as Arts 65(6) and 66(4)-(5) define them.

- RW65, the skilled manual male employee (Art 65(6)): (c) the wage at or above that of 75 % of all
  persons protected (the weighted 75th percentile of protected persons' earnings) and (d) 125 % of
  their average earnings. Both are reported; the percentile and the multiple are ILO parameters.
- RW66, the ordinary adult male labourer (Art 66(4)-(5)): the population has no occupation, so the
  wage of the parameter named by ``ilo.checks.reference_wage.ordinary_labourer_wage_parameter`` (the
  statutory minimum wage, fixed for unskilled work) stands in for it; the proxy is reported.
"""

from dataclasses import asdict, dataclass

import numpy


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

    @property
    def rw65_values(self):
        return {"P75 of protected persons' earnings (Art 65(6)(c))": self.rw65_percentile,
                "1.25 x mean earnings of protected persons (Art 65(6)(d))": self.rw65_mean_multiple}

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
    return ReferenceWages(
        rw65_percentile=weighted_quantile(values, weights, float(ilo.percentile)),
        rw65_mean_multiple=float(ilo.mean_multiple) * mean,
        rw66=parameter_value(parameters, proxy),
        protected_persons=float(weights.sum()), mean_earnings=mean, basis=basis,
        rw66_proxy=f"{proxy} (the statutory minimum wage, fixed for unskilled work; see "
                   "ilo.checks.reference_wage.ordinary_labourer_wage_parameter)",
        percentile=float(ilo.percentile), mean_multiple=float(ilo.mean_multiple),
    )
