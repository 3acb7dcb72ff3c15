"""Pakistan Bait-ul-Mal Women Empowerment and Development Centre (free vocational training): eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import Sex, MaritalStatus

REFERENCE = "https://www.brecorder.com/news/40212504/pbm-plans-to-launch-project-for-helping-orphans-become-graduates"


class pbm_women_empowerment_centre_woman(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "WEDC: a widow, an orphan girl or a poor girl"
    reference = REFERENCE
    documentation = "Free vocational training for widows, orphans and poor girls."

    def formula_2000_01(person, period, parameters):
        return (person("sex", period) == Sex.female) * ((person("marital_status", period) == MaritalStatus.widowed) + person("father_is_deceased", period) + person("is_destitute", period))


class pbm_women_empowerment_centre_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the Pakistan Bait-ul-Mal Women Empowerment and Development Centre (free vocational training)"
    reference = REFERENCE
    documentation = "All the conditions: a widow, an orphan girl or a poor girl."

    def formula_2000_01(person, period, parameters):
        return person("pbm_women_empowerment_centre_woman", period)


class pbm_women_empowerment_centre(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Pakistan Bait-ul-Mal Women Empowerment and Development Centre (free vocational training), PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
