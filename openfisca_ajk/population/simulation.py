"""Building an OpenFisca simulation from population arrays, without ``build_from_entities``.

The "raw" build (performance_notes.md section 2): instantiate the entities, set
``count``, ``ids``, the intp membership index and the role objects directly,
then ``set_input`` each input column. ``build_from_entities`` is quadratic and is
only for single households. Persons are grouped by household, so the positions
inside households and the members map are computed without sorting.
"""

import numpy
from openfisca_core import periods
from openfisca_core.entities import Role
from openfisca_core.indexed_enums import EnumArray
from openfisca_core.simulations import Simulation

from openfisca_ajk.population.data import ROLE_KEYS, Population
from openfisca_ajk.tools.dates import completed_years

ETERNITY = periods.period(periods.ETERNITY)


class RoleCodes(numpy.ndarray):
    """Members' role codes (int8) that compare with ``Role`` objects by key.

    The engine tests roles with ``members_role == role``; on an object array of
    ``Role``s that calls Python per person (performance_notes.md section 3). Here the
    same test is one integer comparison, and gives the same boolean array.
    """

    def __new__(cls, codes, roles):
        array = numpy.asarray(codes, dtype=numpy.int8).view(cls)
        array.role_keys = tuple(role.key for role in roles)
        return array

    def __array_finalize__(self, source):
        self.role_keys = getattr(source, "role_keys", ())

    def _code(self, other):
        return self.role_keys.index(other.key) if other.key in self.role_keys else -1

    def __eq__(self, other):
        if isinstance(other, Role):
            return self.view(numpy.ndarray) == self._code(other)
        return self.view(numpy.ndarray) == other

    def __ne__(self, other):
        return numpy.logical_not(self.__eq__(other))

    __hash__ = None


def role_objects(tax_benefit_system):
    """Role objects of the household entity, indexed by role code."""
    household = tax_benefit_system.get_group_entity("household") if hasattr(tax_benefit_system, "get_group_entity") \
        else next(e for e in tax_benefit_system.group_entities if e.key == "household")
    by_key = {role.key: role for role in household.roles}
    return numpy.array([by_key[key] for key in ROLE_KEYS], dtype=object)


def input_columns(tax_benefit_system, population: Population):
    """[(entity key, variable, array)] for every population column that is an OpenFisca variable."""
    columns = []
    for entity, table in (("person", population.person), ("household", population.household)):
        for name, array in table.items():
            variable = tax_benefit_system.variables.get(name)
            if variable is not None and variable.entity.key == entity:
                columns.append((entity, variable, array))
    return columns


def as_input(variable, array):
    """The array in the variable's dtype (an ``EnumArray`` for enums), without copying if already right."""
    if getattr(variable, "possible_values", None) is not None:
        return EnumArray(numpy.asarray(array, dtype=numpy.int16), variable.possible_values)
    return numpy.asarray(array).astype(variable.dtype, copy=False)


def age_in_month(population: Population, month) -> numpy.ndarray:
    """``age`` for a month: the given ages, or completed years from ``date_of_birth``.

    A population whose ages are ages on 1 January (``Population.age_from_birth_date``) gets each month's age
    from the birth dates.
    """
    if population.age_from_birth_date:
        return numpy.maximum(completed_years(population.person["date_of_birth"], periods.period(month).start), 0)
    if "age" in population.person:
        return population.person["age"]
    if "date_of_birth" in population.person:
        return numpy.maximum(completed_years(population.person["date_of_birth"], periods.period(month).start), 0)
    return None


def build_simulation(tax_benefit_system, population: Population, months, input_months=None) -> Simulation:
    """A simulation of ``population`` with its inputs set for each month in ``input_months`` (default ``months``).

    Inputs are static: the same array stands for every month (no copy is made).
    """
    months = [periods.period(m) for m in (input_months or months)]
    entities = tax_benefit_system.instantiate_entities()
    persons, households = entities["person"], entities["household"]
    n, h = population.n_persons, population.n_households
    persons.count, persons.ids = n, population.person.get("person_id", numpy.arange(n))
    households.count, households.ids = h, population.household["household_id"]
    households.members_entity_id = numpy.asarray(population.person_household, dtype=numpy.intp)
    households._members_role = RoleCodes(population.role, role_objects(tax_benefit_system))
    starts = population.household_starts()
    households._members_position = (numpy.arange(n) - starts[population.person_household]).astype(numpy.int32)
    households._ordered_members_map = numpy.arange(n)
    simulation = Simulation(tax_benefit_system, entities)

    years = sorted({m.this_year for m in months}, key=str)
    for _, variable, array in input_columns(tax_benefit_system, population):
        if variable.name == "age":
            continue
        value = as_input(variable, array)
        if variable.definition_period == periods.ETERNITY:
            simulation.set_input(variable.name, ETERNITY, value)
        elif variable.definition_period == periods.YEAR:
            for year in years:
                simulation.set_input(variable.name, year, value)
        else:
            for month in months:
                simulation.get_holder(variable.name).put_in_cache(value, month)
    if "age" in tax_benefit_system.variables:
        for month in months:
            ages = age_in_month(population, month)
            if ages is not None:
                simulation.get_holder("age").put_in_cache(ages.astype(numpy.int32, copy=False), month)
    return simulation
