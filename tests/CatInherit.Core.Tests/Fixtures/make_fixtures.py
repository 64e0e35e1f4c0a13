"""Reference values for CatInherit's metric tests, computed independently of the C# code.

Run once with Debian's interpreter (which has scikit-learn and numpy):
    /usr/bin/python3 tests/CatInherit.Core.Tests/Fixtures/make_fixtures.py
It rewrites fairness.json, quantiles.json and xoshiro.json beside this script. CI does not run it.

Group-fairness values follow fairlearn's definitions (MetricFrame.difference(method="between_groups"),
ratio = min/max, equalized odds = worst of the TPR and FPR terms), computed per group with
scikit-learn's confusion_matrix, accuracy_score and recall_score. These random cases have no zero denominators;
make_exactness_fixtures.py covers those (fairlearn takes a 0/0 rate as 0).
"""
import json
import os

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, recall_score

HERE = os.path.dirname(os.path.abspath(__file__))


def group_metrics(y_true, y_pred, pos):
    t = (np.asarray(y_true) == pos).astype(int)
    p = (np.asarray(y_pred) == pos).astype(int)
    tn, fp, fn, tp = confusion_matrix(t, p, labels=[0, 1]).ravel()
    n = len(t)
    return {
        "n": int(n),
        "selection_rate": float(p.mean()),
        "accuracy": float(accuracy_score(t, p)),
        # recall_score (only called when TP + FN > 0) is scikit-learn's own TPR; FPR is recall of the negative class complement.
        "true_positive_rate": float(recall_score(t, p, zero_division=0)) if tp + fn > 0 else None,
        "false_positive_rate": float(fp / (fp + tn)) if fp + tn > 0 else None,
    }


def summary(groups):
    def spread(key):
        values = [g[key] for g in groups.values()]
        if any(v is None for v in values):
            return None, None
        hi, lo = max(values), min(values)
        return hi - lo, (lo / hi if hi > 0 else None)

    sel_d, sel_r = spread("selection_rate")
    tpr_d, tpr_r = spread("true_positive_rate")
    fpr_d, fpr_r = spread("false_positive_rate")
    total = sum(g["n"] for g in groups.values())
    acc = sum(g["accuracy"] * g["n"] for g in groups.values()) / total
    return {
        "accuracy": acc,
        "demographic_parity_difference": sel_d,
        "demographic_parity_ratio": sel_r,
        "equal_opportunity_difference": tpr_d,
        "equal_opportunity_ratio": tpr_r,
        "equalized_odds_difference": None if tpr_d is None or fpr_d is None else max(tpr_d, fpr_d),
        "equalized_odds_ratio": None if tpr_r is None or fpr_r is None else min(tpr_r, fpr_r),
        "worst_group_accuracy": min(g["accuracy"] for g in groups.values()),
    }


def case(name, rng, n, groups, weights, pos="1", neg="0", second=None, bias=0.15):
    rows = []
    for i in range(n):
        g = rng.choice(groups, p=weights)
        s2 = rng.choice(second) if second else None
        y = pos if rng.random() < 0.45 else neg
        shift = bias * groups.index(g)
        right = rng.random() < 0.8 - shift / 2
        yp = y if right else (neg if y == pos else pos)
        if rng.random() < shift:
            yp = pos
        rows.append({"g": g, "h": s2, "y": y, "p": yp})
    keys = sorted({(r["g"], r["h"]) for r in rows})
    result = {}
    for k in keys:
        members = [r for r in rows if (r["g"], r["h"]) == k]
        label = k[0] if second is None else f"g={k[0]}, h={k[1]}"
        result[label] = group_metrics([r["y"] for r in members], [r["p"] for r in members], pos)
    result = dict(sorted(result.items()))
    return {
        "name": name,
        "positive_label": pos,
        "sensitive": ["g"] if second is None else ["g", "h"],
        "rows": [[r["g"], r["h"] or "", r["y"], r["p"]] for r in rows],
        "groups": result,
        "metrics": summary(result),
    }


rng = np.random.default_rng(7)
cases = [
    case("two-groups", rng, 200, ["a", "b"], [0.5, 0.5]),
    case("three-unequal", rng, 500, ["x", "y", "z"], [0.6, 0.3, 0.1]),
    case("string-labels", rng, 300, ["f", "m"], [0.4, 0.6], pos="yes", neg="no"),
    case("intersectional", rng, 800, ["a", "b"], [0.5, 0.5], second=["old", "young"]),
    case("four-groups-large", rng, 5000, ["p", "q", "r", "s"], [0.4, 0.3, 0.2, 0.1], bias=0.1),
]
with open(os.path.join(HERE, "fairness.json"), "w") as f:
    json.dump(cases, f, separators=(",", ":"))
    f.write("\n")

# numpy's default percentile (linear interpolation) on a few vectors.
vectors = [rng.normal(size=n).tolist() for n in (1, 2, 5, 17, 1000)]
quantiles = [{"values": v, "q": q, "expected": float(np.quantile(v, q))} for v in vectors for q in (0.0, 0.025, 0.5, 0.975, 1.0)]
with open(os.path.join(HERE, "quantiles.json"), "w") as f:
    json.dump(quantiles, f, separators=(",", ":"))
    f.write("\n")

# xoshiro256** seeded through SplitMix64, from the reference C code's definitions.
M = (1 << 64) - 1


def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def xoshiro(seed, count):
    s = []
    for _ in range(4):
        seed, v = splitmix(seed)
        s.append(v)
    out = []
    for _ in range(count):
        out.append((rotl((s[1] * 5) & M, 7) * 9) & M)
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
    return out


with open(os.path.join(HERE, "xoshiro.json"), "w") as f:
    json.dump([{"seed": str(seed), "outputs": [str(v) for v in xoshiro(seed, 5)]} for seed in (0, 1, 12345678901234567)], f, indent=1)
    f.write("\n")
