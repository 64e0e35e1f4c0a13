"""ROC reference values from scikit-learn, independent of the C# code.

Run once: /usr/bin/python3 tests/CatInherit.Core.Tests/Fixtures/make_roc_fixtures.py  (rewrites roc.json)

Positives are the class scored higher (members for membership inference; in-distribution for OOD AUROC).
  auc        = sklearn.metrics.roc_auc_score (ties count one half)
  tpr_at_fpr = max TPR over roc_curve(drop_intermediate=False) points with FPR <= rate
  advantage  = max(TPR - FPR) over the same points (Youden's J, Roc.Advantage)
  attacker_advantage = max |TPR - FPR| over roc_curve (default drop_intermediate=True), TF-Privacy's
               RocCurve.get_attacker_advantage (tensorflow_privacy/privacy/privacy_tests/membership_inference_attack/
               data_structures.py); the membership-inference 'advantage' metric
"""
import json
import os

import numpy as np
from sklearn.metrics import auc, precision_recall_curve, roc_auc_score, roc_curve

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(5)


def fpr95(y, s):
    # OOD is the positive class, ranked by -score; the smallest FPR among thresholds with TPR >= 0.95.
    fpr, tpr, _ = roc_curve(1 - y, -s, drop_intermediate=False)
    return float(fpr[tpr >= 0.95].min())


def case(name, pos, neg, rates=(0.01, 0.1, 0.5)):
    y = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
    s = np.r_[pos, neg]
    fpr, tpr, _ = roc_curve(y, s, drop_intermediate=False)
    fpr_reduced, tpr_reduced, _ = roc_curve(y, s)
    return {
        "name": name,
        "positives": [float(v) for v in pos],
        "negatives": [float(v) for v in neg],
        "auc": float(roc_auc_score(y, s)),
        "tpr_at_fpr": {str(r): float(tpr[fpr <= r].max()) for r in rates},
        "advantage": float((tpr - fpr).max()),
        "attacker_advantage": float(max(np.abs(tpr_reduced - fpr_reduced))),
        # OOD view (OpenOOD v1.5): positives = in-distribution (higher score), negatives = OOD.
        "aupr_in": float(auc(*reversed(precision_recall_curve(y, s)[:2]))),
        "aupr_out": float(auc(*reversed(precision_recall_curve(1 - y, -s)[:2]))),
        "fpr_at_95_tpr": fpr95(y, s),
    }


cases = [
    case("continuous", rng.normal(0.5, 1, 300), rng.normal(0, 1, 400)),
    case("heavy-ties", np.round(rng.normal(0.3, 1, 200), 1), np.round(rng.normal(0, 1, 250), 1)),
    case("tiny-1-1", [0.7], [0.2]),
    case("tiny-2-3", [0.4, 0.9], [0.1, 0.4, 0.95]),
    case("all-equal", [0.5] * 5, [0.5] * 7),
    case("separated", [2.0, 3.0, 4.0], [-1.0, 0.0, 1.0]),
    case("reversed", [-1.0, 0.0], [1.0, 2.0, 3.0]),
]
with open(os.path.join(HERE, "roc.json"), "w") as f:
    json.dump(cases, f, separators=(",", ":"))
    f.write("\n")
for c in cases:
    print(c["name"], c["auc"], c["tpr_at_fpr"], c["advantage"], c["attacker_advantage"])
