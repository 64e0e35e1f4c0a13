"""WEAT reference values, computed with numpy independently of the C# code.

Run once with Debian's interpreter: /usr/bin/python3 tests/CatInherit.Core.Tests/Fixtures/make_weat_fixtures.py
It rewrites weat.json beside this script. CI does not run it.

Definitions (Caliskan et al. 2017, as CatInherit documents them):
  s(w, A, B) = mean_a cos(w, a) - mean_b cos(w, b)
  effect size = (mean_x s - mean_y s) / std(s over X u Y, ddof=1)
  statistic   = sum_x s - sum_y s
  p (one-sided) = share of equal-size re-partitions (Xi, Yi) of X u Y with statistic >= observed,
                  the observed partition included; "≥" allows a relative 1e-12 for rounding.
"""
import itertools
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
TOL = 1e-12


def s_values(W, A, B):
    def cos(u, v):
        return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))
    return np.array([np.mean([cos(w, a) for a in A]) - np.mean([cos(w, b) for b in B]) for w in W])


def weat(X, Y, A, B, exact=True, samples=0, rng=None):
    sx, sy = s_values(X, A, B), s_values(Y, A, B)
    s = np.concatenate([sx, sy])
    effect = (sx.mean() - sy.mean()) / s.std(ddof=1)
    observed = sx.sum() - sy.sum()
    threshold = observed - TOL * max(1.0, abs(observed))
    n = len(X)
    total = s.sum()
    if exact:
        hits = count = 0
        for subset in itertools.combinations(range(2 * n), n):
            stat = 2 * s[list(subset)].sum() - total
            hits += stat >= threshold
            count += 1
        p = hits / count
    else:
        hits = 0
        for _ in range(samples):
            perm = rng.permutation(2 * n)[:n]
            hits += (2 * s[perm].sum() - total) >= threshold
        p = hits / samples
    return float(effect), float(p), float(observed)


rng = np.random.default_rng(11)
cases = []
for name, n, na, dim, shift in [("n8-biased", 8, 8, 6, 0.8), ("n8-null", 8, 8, 6, 0.0), ("n4-small", 4, 3, 5, 0.5), ("n6-unequal-attributes", 6, 9, 4, 0.3)]:
    direction = rng.normal(size=dim)
    X = rng.normal(size=(n, dim)) + shift * direction
    Y = rng.normal(size=(n, dim)) - shift * direction
    A = rng.normal(size=(na, dim)) + direction
    B = rng.normal(size=(na + 1, dim)) - direction
    effect, p, stat = weat(X, Y, A, B)
    cases.append({"name": name, "X": X.tolist(), "Y": Y.tolist(), "A": A.tolist(), "B": B.tolist(),
                  "effect_size": effect, "p_value": p, "statistic": stat, "exact": True})

# Too many re-partitions to enumerate (C(50, 25)): a Monte-Carlo reference with 200,000 samples.
direction = rng.normal(size=8)
X = rng.normal(size=(25, 8)) + 0.15 * direction
Y = rng.normal(size=(25, 8)) - 0.15 * direction
A = rng.normal(size=(10, 8)) + direction
B = rng.normal(size=(10, 8)) - direction
effect, p, stat = weat(X, Y, A, B, exact=False, samples=200_000, rng=rng)
cases.append({"name": "n25-sampled", "X": X.tolist(), "Y": Y.tolist(), "A": A.tolist(), "B": B.tolist(),
              "effect_size": effect, "p_value": p, "statistic": stat, "exact": False})

with open(os.path.join(HERE, "weat.json"), "w") as f:
    json.dump(cases, f, separators=(",", ":"))
    f.write("\n")
for c in cases:
    print(c["name"], round(c["effect_size"], 4), c["p_value"])
