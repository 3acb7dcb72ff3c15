#!/usr/bin/env python3
"""Speed and memory of the population microsimulation at full size (not a test; run it by hand).

    .venv/bin/python benchmarks/population_benchmark.py [--year 2025] [--size 1] [--repeat 3] [--year-repeat 3] [--json results.json]

Measures, on the synthetic AJK population (>= 4.0 million persons at size 1):

1. building the simulation from arrays (raw builder) - target <= 2 s;
2. every registered scheme for a full year (12 months, identical months merged
   only where ``openfisca_ajk.engine.months`` proves them identical, and each month
   reusing the previous one for the households whose month-dependent values are
   unchanged, ``openfisca_ajk.engine.reuse``) - target <= 30 s;
3. peak memory of the process (ru_maxrss) - target <= 6 GB;
4. the engine against hand-written numpy implementations of three headline rules
   (Benazir Kafaalat, Benazir Taleemi Wazaif, and the contributory scheme's
   employee contribution under the draft_social_security_act reform) - target
   engine <= 2x numpy. Each numpy result is checked against the engine's.
"""

import argparse
import json
import resource
import statistics
import sys
import time

import numpy

from openfisca_ajk.enums import EmploymentStatus, MaritalStatus, SchoolLevel, Sex
from openfisca_ajk.engine.memory import tune_malloc
from openfisca_ajk.engine.months import input_window
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.population.cache import cached_population
from openfisca_ajk.population.simulation import build_simulation
from openfisca_ajk.engine.law import law
from openfisca_ajk.tools.dates import MONTHS_PER_QUARTER

HEAD, SPOUSE = 0, 1
SS_BRANCHES = ("medical_care", "sickness", "unemployment", "old_age", "employment_injury", "family",
               "maternity", "invalidity", "survivors")


def peak_gb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2


def timed(function, repeat):
    times, result = [], None
    for _ in range(repeat):
        tick = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - tick)
    return statistics.median(times), result


def numpy_kafaalat(population, p):
    """Benazir Kafaalat by hand (NSER era): PMT under the cut-off and a qualifying recipient."""
    person, household, h = population.person, population.household, population.person_household
    kafaalat = p.pakistan.bisp.kafaalat
    disabled = numpy.bincount(h, weights=person["has_disability"], minlength=population.n_households) > 0
    cutoff = numpy.where(disabled, kafaalat.pmt_cutoff_disability, kafaalat.pmt_cutoff)
    pmt_ok = household["pmt_score"] < cutoff
    sex, marital = person["sex"], person["marital_status"]
    category = ((sex == Sex.female.index) & (marital != MaritalStatus.never_married.index)) \
        | ((sex == Sex.transgender.index) & bool(kafaalat.transgender_recipients))
    filters = kafaalat.exclusion_filters
    own = (person["is_public_servant"] | person["has_travelled_abroad"] | person["owns_motor_vehicle"]
           | (person["average_phone_bill"] > filters.phone_bill_threshold) | person["used_executive_nadra_services"]) \
        & bool(filters.in_force)
    role = population.role
    head_flag = numpy.bincount(h, weights=own & (role == HEAD), minlength=population.n_households) > 0
    spouse_flag = numpy.bincount(h, weights=own & (role == SPOUSE), minlength=population.n_households) > 0
    excluded = own | ((role == HEAD) & spouse_flag[h]) | ((role == SPOUSE) & head_flag[h])
    qualifying = category & person["has_cnic"] & ~excluded
    has_recipient = numpy.bincount(h, weights=qualifying, minlength=population.n_households) > 0
    eligible = pmt_ok & has_recipient
    instalment = (eligible * numpy.float32(kafaalat.quarterly_instalment)).astype(numpy.float32)
    return eligible, (instalment / numpy.float32(MONTHS_PER_QUARTER)).astype(numpy.float32)


def numpy_taleemi_wazaif(population, p, kafaalat_eligible):
    """Benazir Taleemi Wazaif by hand (July 2021 regime, no children cap, no completion event)."""
    person = population.person
    wazaif = p.pakistan.bisp.taleemi_wazaif
    if bool(wazaif.children_cap.in_force):
        raise ValueError("the numpy reference assumes the children cap is not in force in the benchmark month")
    level, age = person["school_level"], person["age"]
    covered = (level == SchoolLevel.primary.index) | (level == SchoolLevel.secondary.index) \
        | (level == SchoolLevel.higher_secondary.index)
    in_ages = (age >= wazaif.age_limits.minimum) & (age <= wazaif.age_limits.maximum)
    attends = person["school_attendance_rate"] >= wazaif.minimum_attendance_rate
    eligible = kafaalat_eligible[population.person_household] & covered & in_ages & attends
    girl = person["sex"] == Sex.female.index
    rates = wazaif.quarterly_stipend
    rate = numpy.select([level == SchoolLevel.primary.index, level == SchoolLevel.secondary.index,
                         level == SchoolLevel.higher_secondary.index],
                        [numpy.where(girl, rates.primary.girl, rates.primary.boy),
                         numpy.where(girl, rates.secondary.girl, rates.secondary.boy),
                         numpy.where(girl, rates.higher_secondary.girl, rates.higher_secondary.boy)], default=0)
    quarterly = (eligible * rate).astype(numpy.float32)
    return (quarterly / numpy.float32(MONTHS_PER_QUARTER)).astype(numpy.float32)


def numpy_ss_employee_contribution(population, p):
    """Employee contribution of the draft contributory scheme by hand (no voluntary members in the population)."""
    person = population.person
    social_security = p.ajk.social_security
    in_force = any(bool(social_security[b].in_force) for b in SS_BRANCHES)
    employee_rate = sum(social_security[b].in_force * social_security[b].employee_contribution_rate for b in SS_BRANCHES)
    scope, wage_rules = social_security.scope, social_security.insurable_wage
    minimum_wage = numpy.float32(p.macro.minimum_wage.applicable)
    excluded = person["is_public_servant"] & bool(scope.public_servants_excluded)
    insured = (person["employment_status"] == EmploymentStatus.employee.index) \
        & (person["establishment_size"] >= scope.minimum_establishment_size) & ~excluded & in_force
    raised = numpy.maximum(person["monthly_wage"], numpy.float32(wage_rules.floor_multiple * minimum_wage))
    capped = numpy.minimum(raised, numpy.float32(wage_rules.ceiling_multiple * minimum_wage)) \
        if bool(wage_rules.ceiling_applies) else raised
    insurable = (insured * capped).astype(numpy.float32)
    return (insured * numpy.float32(employee_rate) * insurable).astype(numpy.float32)


def compare_rule(name, system, population, month, variable, reference, repeat):
    def engine():
        simulation = build_simulation(system, population, [month])
        tick = time.perf_counter()
        value = simulation.calculate(variable, month)
        return time.perf_counter() - tick, value
    engine_times, engine_value = [], None
    for _ in range(repeat):
        elapsed, engine_value = engine()
        engine_times.append(elapsed)
    numpy_time, numpy_value = timed(reference, repeat)
    engine_time = statistics.median(engine_times)
    difference = float(numpy.max(numpy.abs(engine_value.astype(numpy.float64) - numpy_value))) if len(numpy_value) else 0.0
    return {"rule": name, "variable": variable, "month": str(month), "engine_s": engine_time, "numpy_s": numpy_time,
            "ratio": engine_time / numpy_time, "identical": bool(numpy.array_equal(engine_value, numpy_value)),
            "max_abs_difference": difference, "recipients": int(numpy.sum(numpy_value > 0))}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--year-repeat", type=int, default=1, help="runs of the full year (the median is reported)")
    parser.add_argument("--cache-dir", default=".cache")
    parser.add_argument("--no-malloc-tuning", action="store_true")
    parser.add_argument("--json", help="also write the results to this file")
    arguments = parser.parse_args(argv)
    results = {"malloc_tuned": False if arguments.no_malloc_tuning else tune_malloc()}
    system = law()
    tick = time.perf_counter()
    population, path, reused = cached_population(system, arguments.year, arguments.seed, arguments.size, arguments.cache_dir)
    results.update(population_s=time.perf_counter() - tick, population_reused=reused,
                   persons=population.n_persons, households=population.n_households)
    print(f"population: {population.n_persons:,} persons, {population.n_households:,} households "
          f"({'cached' if reused else 'generated'} in {results['population_s']:.1f} s)", flush=True)

    walls, cpus = [], []
    for _ in range(arguments.year_repeat):
        tick, cpu_tick = time.perf_counter(), time.process_time()
        run = run_population(system, population, arguments.year)
        walls.append(time.perf_counter() - tick)
        cpus.append(time.process_time() - cpu_tick)
        if len(walls) < arguments.year_repeat:
            del run
    results["year_all_schemes_s"] = statistics.median(walls)
    results["year_all_schemes_cpu_s"] = statistics.median(cpus)
    results["year_all_schemes_runs_s"] = walls
    results["year_timings"] = run.timings
    results["year_plan"] = run.plan_note
    reused, recomputed = run.timings.get("reused_household_months", 0), run.timings.get("recomputed_household_months", 0)
    print(f"all {len(run.schemes)} schemes, year {arguments.year}: {results['year_all_schemes_s']:.1f} s "
          f"(median of {len(walls)}: {', '.join(f'{w:.1f}' for w in walls)}; cpu {results['year_all_schemes_cpu_s']:.1f} s; "
          f"{run.plan_note}; plan {run.timings['plan_months_s']:.1f} s, compute {run.timings['compute_s']:.1f} s, "
          f"build {run.timings['build_s']:.1f} s; household-months reused {reused:,}, recomputed {recomputed:,})", flush=True)
    results["peak_rss_after_year_gb"] = peak_gb()
    del run
    print(f"peak memory after the year run: {results['peak_rss_after_year_gb']:.2f} GB", flush=True)

    month = f"{arguments.year}-03"
    results["build_one_month_s"], _ = timed(lambda: build_simulation(system, population, [month]), arguments.repeat)
    window = input_window([month])
    results["build_with_input_window_s"], _ = timed(
        lambda: build_simulation(system, population, [month], input_months=window), arguments.repeat)
    print(f"build from arrays: {results['build_one_month_s']:.2f} s (one month of inputs), "
          f"{results['build_with_input_window_s']:.2f} s (13-month input window)", flush=True)

    parameters = system.parameters(month)
    eligible, _ = numpy_kafaalat(population, parameters)
    rules = [
        compare_rule("Benazir Kafaalat", system, population, month, "bisp_kafaalat",
                     lambda: numpy_kafaalat(population, parameters)[1], arguments.repeat),
        compare_rule("Benazir Taleemi Wazaif", system, population, month, "bisp_taleemi_wazaif",
                     lambda: numpy_taleemi_wazaif(population, parameters, numpy_kafaalat(population, parameters)[0]),
                     arguments.repeat),
    ]
    try:
        from openfisca_ajk.engine.law import apply_reform_file
        reformed = apply_reform_file(system, "draft_social_security_act")
        ss_month = "2027-03"
        ss_parameters = reformed.parameters(ss_month)
        rules.append(compare_rule("ss employee contribution (draft_social_security_act)", reformed, population, ss_month,
                                  "ss_employee_contribution",
                                  lambda: numpy_ss_employee_contribution(population, ss_parameters), arguments.repeat))
    except ImportError as error:
        print(f"(no ss_* rule: {error})")
    results["rules"] = rules
    for rule in rules:
        print(f"{rule['rule']:55} engine {rule['engine_s']:.3f} s  numpy {rule['numpy_s']:.3f} s  "
              f"ratio {rule['ratio']:.2f}  identical {rule['identical']} (max diff {rule['max_abs_difference']:.3g}, "
              f"{rule['recipients']:,} recipients)", flush=True)
    total_engine = sum(r["engine_s"] for r in rules)
    total_numpy = sum(r["numpy_s"] for r in rules)
    results["rules_ratio_total"] = total_engine / total_numpy
    results["peak_rss_gb"] = peak_gb()
    print(f"three rules together: engine {total_engine:.3f} s, numpy {total_numpy:.3f} s, ratio {results['rules_ratio_total']:.2f}")
    print(f"peak memory (ru_maxrss): {results['peak_rss_gb']:.2f} GB")
    if arguments.json:
        with open(arguments.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
