"""The in-memory population: person and household arrays, membership and roles.

A ``Population`` holds plain numpy arrays keyed by OpenFisca variable names
(plus a few survey columns that are not variables, such as consumption). Persons
are stored grouped by household, in household order, so a block of households
is a contiguous slice of persons: chunked runs and caching rely on it.

Enum columns hold integer codes (the index of the item in the variable's Enum).
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy

from openfisca_ajk.tools.files import atomic_stream

ROLE_KEYS = ("head", "spouse", "child", "other")
ROLE_CODES = {key: code for code, key in enumerate(ROLE_KEYS)}

# Columns carried by a population that are not OpenFisca variables.
CONSUMPTION = "consumption_per_adult_equivalent"
PERSON_EXTRA = ("person_id",)
HOUSEHOLD_EXTRA = ("household_id", CONSUMPTION)


class PopulationError(ValueError):
    """The population arrays are inconsistent; the message says which array and why."""


@dataclass
class Population:
    """Persons in households, as arrays.

    ``person_household`` gives, for each person, the index (0..H-1) of its
    household; it is non-decreasing. ``role`` holds role codes (``ROLE_CODES``).
    """

    person: dict
    household: dict
    person_household: numpy.ndarray
    role: numpy.ndarray
    year: int
    source: str = "synthetic"
    notes: dict = field(default_factory=dict)

    @property
    def age_from_birth_date(self) -> bool:
        """True when each month's age is computed from ``date_of_birth`` (``age`` is then the age on 1 January)."""
        return bool(self.notes.get("age_from_birth_date")) and "date_of_birth" in self.person

    @property
    def n_persons(self) -> int:
        return len(self.person_household)

    @property
    def n_households(self) -> int:
        return len(self.household["household_id"])

    def household_starts(self) -> numpy.ndarray:
        """Index of the first person of each household, plus the total as the last entry."""
        counts = numpy.bincount(self.person_household, minlength=self.n_households)
        starts = numpy.zeros(self.n_households + 1, dtype=numpy.intp)
        numpy.cumsum(counts, out=starts[1:])
        return starts

    def person_weight(self) -> numpy.ndarray:
        """Weight of each person: the weight of the person's household (float64)."""
        return self.household["household_weight"].astype(numpy.float64)[self.person_household]

    def slice_households(self, start: int, stop: int, starts=None) -> "Population":
        """The households ``start``..``stop-1`` and their persons (views where possible)."""
        starts = self.household_starts() if starts is None else starts
        first, last = int(starts[start]), int(starts[stop])
        return Population(
            person={name: array[first:last] for name, array in self.person.items()},
            household={name: array[start:stop] for name, array in self.household.items()},
            person_household=(self.person_household[first:last] - start).astype(numpy.intp),
            role=self.role[first:last],
            year=self.year,
            source=self.source,
            notes=self.notes,
        )

    def check(self) -> "Population":
        """Raise ``PopulationError`` unless arrays have consistent lengths and order."""
        n, h = self.n_persons, self.n_households
        for name, array in self.person.items():
            if len(array) != n:
                raise PopulationError(f"person column '{name}' has {len(array)} values for {n} persons")
        for name, array in self.household.items():
            if len(array) != h:
                raise PopulationError(f"household column '{name}' has {len(array)} values for {h} households")
        if len(self.role) != n:
            raise PopulationError(f"role has {len(self.role)} values for {n} persons")
        if n and (self.person_household.min() < 0 or self.person_household.max() >= h):
            raise PopulationError("person_household points outside the households")
        if n and numpy.any(numpy.diff(self.person_household) < 0):
            raise PopulationError("persons must be grouped by household, in household order")
        heads = numpy.bincount(self.person_household[self.role == ROLE_CODES["head"]], minlength=h)
        if numpy.any(heads > 1):
            raise PopulationError(f"{int(numpy.sum(heads > 1))} households have more than one head")
        if "household_weight" not in self.household:
            raise PopulationError("household column 'household_weight' is missing")
        return self

    # ----- storage -------------------------------------------------------------------------

    def save_npz(self, path) -> Path:
        """Write the population to ``path`` atomically (temporary file in the same folder, then rename)."""
        path = Path(path)
        with atomic_stream(path, binary=True) as handle:
            numpy.savez(handle, **self.as_arrays())
        return path

    def as_arrays(self) -> dict:
        """Every array of the population by its name in the ``.npz`` file."""
        arrays = {f"person/{k}": v for k, v in self.person.items()}
        arrays.update({f"household/{k}": v for k, v in self.household.items()})
        arrays["person_household"] = self.person_household
        arrays["role"] = self.role
        arrays["meta/year"] = numpy.array(self.year)
        arrays["meta/source"] = numpy.array(self.source)
        arrays["meta/notes"] = numpy.array(json.dumps(self.notes, default=str))
        return arrays

    @classmethod
    def load_npz(cls, path) -> "Population":
        with numpy.load(path, allow_pickle=False) as archive:
            return cls.from_arrays({key: archive[key] for key in archive.files})

    @classmethod
    def from_arrays(cls, arrays: dict) -> "Population":
        """The population of ``as_arrays`` (or of a ``.npz`` file's arrays), checked."""
        person = {key[len("person/"):]: value for key, value in arrays.items() if key.startswith("person/")}
        household = {key[len("household/"):]: value for key, value in arrays.items() if key.startswith("household/")}
        population = cls(
            person=person, household=household,
            person_household=arrays["person_household"].astype(numpy.intp),
            role=arrays["role"], year=int(arrays["meta/year"]), source=str(arrays["meta/source"]),
            notes=json.loads(str(arrays["meta/notes"])) if "meta/notes" in arrays else {},
        )
        return population.check()
