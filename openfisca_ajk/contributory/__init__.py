"""The draft contributory scheme on a population: contribution records that grow from the scheme's start,
and the short-term contingencies (sickness, work injury, confinement) of insured persons.

``with_contribution_record(system, population, period)`` is called before a population run of a system in
which the scheme starts; it returns the population unchanged when the scheme never starts.
"""

from openfisca_ajk.contributory.record import (RecordSpec, record_spec, scheme_start, with_contribution_record,
                                               without_record, years_after_start_label)

from openfisca_ajk.contributory.accounts import contributory_accounts

__all__ = ["contributory_accounts", "RecordSpec", "record_spec", "scheme_start", "with_contribution_record", "without_record",
           "years_after_start_label"]
