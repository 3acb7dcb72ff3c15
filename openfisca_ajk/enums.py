"""Enumerations shared by several variables (kept here so variable files import no Variable)."""

from openfisca_core.indexed_enums import Enum


class Sex(Enum):
    female = "Female"
    male = "Male"
    transgender = "Transgender"


class MaritalStatus(Enum):
    never_married = "Never married"
    married = "Married"
    widowed = "Widowed"
    divorced = "Divorced"


class EmploymentStatus(Enum):
    not_in_labour_force = "Not in the labour force"
    employee = "Employee"
    own_account_worker = "Own-account worker"
    contributing_family_worker = "Contributing family worker"
    employer = "Employer"
    unemployed = "Unemployed"


class IndustrySector(Enum):
    other = "Other or none"
    agriculture = "Agriculture, forestry and fishing"
    manufacturing = "Manufacturing"
    construction = "Construction"
    wholesale_retail_trade = "Wholesale and retail trade"
    transport_storage_communication = "Transport, storage and communication"
    community_social_personal_services = "Community, social and personal services"


class SchoolLevel(Enum):
    none = "Not enrolled"
    primary = "Primary (grades 1-5)"
    secondary = "Secondary (grades 6-10)"
    higher_secondary = "Higher secondary (grades 11-12)"
    tertiary = "Tertiary"


class District(Enum):
    muzaffarabad = "Muzaffarabad"
    hattian_bala = "Hattian Bala (Jhelum Valley)"
    neelum = "Neelum"
    bagh = "Bagh"
    haveli = "Haveli"
    poonch = "Poonch (Rawalakot)"
    sudhnoti = "Sudhnoti"
    kotli = "Kotli"
    mirpur = "Mirpur"
    bhimber = "Bhimber"
