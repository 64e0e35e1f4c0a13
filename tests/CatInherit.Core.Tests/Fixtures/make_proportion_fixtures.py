"""Normal quantiles, erfc and Wilson score intervals from Python's standard library, independent of the C# code.

Run once: /usr/bin/python3 tests/CatInherit.Core.Tests/Fixtures/make_proportion_fixtures.py  (rewrites proportions.json)

  quantiles: statistics.NormalDist().inv_cdf(p) (Wichura's AS241, about 1e-16 relative)
  erfc:      math.erfc(x)
  wilson:    (p + z^2/2n +- z*sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), z = inv_cdf(1 - (1 - confidence)/2),
             clipped to [0, 1]
"""
import json
import math
import os
from statistics import NormalDist

HERE = os.path.dirname(os.path.abspath(__file__))


def wilson(successes, n, confidence):
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = successes / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    scale = 1 + z * z / n
    return [max(0.0, (centre - spread) / scale), min(1.0, (centre + spread) / scale)]


fixtures = {
    "quantiles": [[p, NormalDist().inv_cdf(p)] for p in [1e-12, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.975, 0.98, 0.995, 0.999, 1 - 1e-9]],
    "erfc": [[x, math.erfc(x)] for x in [-3.0, -1.3, -0.2, 0.0, 0.1, 0.49, 0.5, 0.7, 1.0, 2.5, 3.9, 4.0, 4.1, 5.0, 8.0]],
    "wilson": [
        {"successes": s, "n": n, "confidence": c, "interval": wilson(s, n, c)}
        for s, n, c in [(0, 10, 0.95), (10, 10, 0.95), (3, 40, 0.95), (37, 120, 0.95), (37, 120, 0.99), (1, 2, 0.9), (250, 1000, 0.95), (37, 120, 1 - 0.05 / 1234)]
    ],
}

with open(os.path.join(HERE, "proportions.json"), "w") as f:
    json.dump(fixtures, f, indent=1)
    f.write("\n")
