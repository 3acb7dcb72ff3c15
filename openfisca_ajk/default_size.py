"""The one default ``--size`` of every command that simulates the synthetic population.

main, compare, matrix, compliance, act render, project and valuation (and the library functions behind them)
take their default population size from here.
"""

#: The one default ``--size`` of every command that simulates the synthetic population (main, compare, matrix,
#: compliance, act render, project, valuation): 1 % of the population (about 54,000 persons in 8,400 households
#: in 2029). Measured on 2 cores: main 4 s (48 s at full size), compare of two reforms 4 s, compliance and matrix
#: 2-3 s, valuation with its sensitivities 2 s, project of every library reform 2023-2030 25 s (87 s at 0.1, as it
#: evaluates each law in several years). Every figure of a sample carries its 95 % interval; ``--size 1`` gives the full population.
DEFAULT_SIZE = 0.01
SIZE_HELP = ("synthetic population: a scale factor up to 1 (1 = the full population) or a whole number of persons "
             "above 1; default %(default)s, the one default of every command (1 %% of the population, about 54,000 "
             "persons; figures carry 95 %% intervals)")
