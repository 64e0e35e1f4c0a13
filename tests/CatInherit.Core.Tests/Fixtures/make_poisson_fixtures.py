"""The Poisson(1) bootstrap's thresholds in exact arithmetic, independent of the C# code.

Run once: /usr/bin/python3 tests/CatInherit.Core.Tests/Fixtures/make_poisson_fixtures.py  (rewrites poisson.json)

A row is drawn k or more times when its 64-bit uniform u is >= ceil(2^64 * P(X <= k - 1)), X ~ Poisson(1), for every k
whose threshold is below 2^64 (PoissonCounts.Thresholds). Computed with 80 significant decimal digits; the pmf is also
written for the distribution test.
"""
import json
import math
import os
from decimal import ROUND_CEILING, Decimal, getcontext

HERE = os.path.dirname(os.path.abspath(__file__))
getcontext().prec = 80

e_inv = Decimal(-1).exp()
term, cdf, thresholds = e_inv, Decimal(0), []
for k in range(64):
    if k > 0:
        term /= k
    cdf += term
    t = int((cdf * (Decimal(2) ** 64)).to_integral_value(rounding=ROUND_CEILING))
    if t >= 2 ** 64:
        break
    thresholds.append(format(t, "#018x"))

pmf = [math.exp(-1) / math.factorial(k) for k in range(len(thresholds) + 1)]
with open(os.path.join(HERE, "poisson.json"), "w") as f:
    json.dump({"thresholds": thresholds, "pmf": pmf}, f, indent=1)
    f.write("\n")
