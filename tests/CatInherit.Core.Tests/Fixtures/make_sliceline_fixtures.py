"""SliceLine's top-k slices by exhaustive enumeration in exact rational arithmetic, independent of the C# code.

Run once: /usr/bin/python3 tests/CatInherit.Core.Tests/Fixtures/make_sliceline_fixtures.py  (rewrites sliceline.json)

Definitions (Sagadeeva and Boehm, SIGMOD 2021):
  a slice is a conjunction of predicates feature = level on distinct features (at most max_predicates of them); a row
  whose code is -1 on a feature is in no slice that tests that feature;
  score(s) = alpha * ((e_s / n_s) / e_bar - 1) - (1 - alpha) * (n / n_s - 1), e_bar = sum(e) / n;
  the top-k: slices with n_s >= min_support and score > 0, highest score first, then fewer predicates, then the
  predicates' (feature, level) pairs in lexicographic order.
Every score is computed with fractions.Fraction (errors are multiples of 1/8, alpha a decimal), so the ranking is
exact; the JSON holds the rounded scores.
"""
import itertools
import json
import os
from fractions import Fraction

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def dataset(seed, rows, levels, fractional, missing_every):
    rng = np.random.default_rng(seed)
    codes = [rng.integers(0, l, rows) for l in levels]
    if missing_every:
        codes[-1][::missing_every] = -1
    # Errors concentrate where feature 0 is 0 and feature 1 is 1, less where feature 2 is 1.
    rate = np.where((codes[0] == 0) & (codes[1] == 1), 0.85, np.where(codes[2] == 1, 0.35, 0.05))
    if fractional:
        errors = np.minimum(8, np.floor(rng.random(rows) * rate * 16)) / 8   # multiples of 1/8 in [0, 1]
    else:
        errors = (rng.random(rows) < rate).astype(float)
    return [c.tolist() for c in codes], list(levels), errors.tolist()


def top_k(codes, errors, k, support, alpha, max_predicates):
    n = len(errors)
    exact = [Fraction(e) for e in errors]
    e_bar = sum(exact) / n
    a = Fraction(alpha)
    found = []
    for size in range(1, max_predicates + 1):
        for features in itertools.combinations(range(len(codes)), size):
            groups = {}
            for row in range(n):
                key = tuple(codes[f][row] for f in features)
                if min(key) >= 0:
                    groups.setdefault(key, []).append(row)
            for key, rows in groups.items():
                n_s = len(rows)
                e_s = sum(exact[r] for r in rows)
                score = a * ((e_s / n_s) / e_bar - 1) - (1 - a) * (Fraction(n, n_s) - 1)
                if n_s >= support and score > 0:
                    found.append((score, list(zip(features, key)), n_s, e_s))
    found.sort(key=lambda s: (-s[0], len(s[1]), s[1]))
    return found


def case(codes, errors, k, support, alpha, max_predicates):
    found = top_k(codes, errors, k, support, alpha, max_predicates)
    # The ranking in doubles must be the same: neighbours up to the (k+1)-th differ clearly, or have the same size and
    # error sum (then the same double score, and the tie is broken the same way).
    for above, below in zip(found[:k], found[1:k + 1]):
        assert above[0] - below[0] > Fraction(1, 10**9) or above[2:] == below[2:], "near tie"
    return {
        "k": k,
        "min_support": support,
        "alpha": float(alpha),
        "max_predicates": max_predicates,
        "qualifying": len(found),
        "top": [
            {
                "predicates": [[int(f), int(v)] for f, v in predicates],
                "size": n_s,
                "error_sum": float(e_s),
                "score": float(score),
            }
            for score, predicates, n_s, e_s in found[:k]
        ],
    }


def main():
    fixtures = []
    for name, seed, rows, levels, fractional, missing, cases in [
        ("binary errors, a missing feature on every fifth row", 11, 240, [3, 2, 4, 2, 3], False, 5,
         [(4, 10, "0.95", 3), (10, 5, "0.8", 3), (3, 30, "0.99", 2), (6, 1, "0.98", 3), (5, 8, "0.75", 1), (50, 4, "0.9", 3)]),
        ("errors in eighths", 12, 200, [2, 3, 2, 5], True, 0,
         [(4, 10, "0.95", 3), (8, 3, "0.85", 3), (2, 25, "0.7", 2), (20, 2, "0.97", 3)]),
    ]:
        codes, levels, errors = dataset(seed, rows, levels, fractional, missing)
        fixtures.append({
            "name": name,
            "levels": levels,
            "codes": codes,
            "errors": errors,
            "cases": [case(codes, errors, k, support, alpha, most) for k, support, alpha, most in cases],
        })
    with open(os.path.join(HERE, "sliceline.json"), "w", encoding="utf-8") as f:
        json.dump({"datasets": fixtures}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
