"""Reference values for the identity-bias and identity-templates kinds, independent of the C# code.

Run once: /usr/bin/python3 tests/CatInherit.Core.Tests/Fixtures/make_identity_fixtures.py
(rewrites identity_bias.json and identity_templates.json; Debian python3-sklearn, python3-scipy, python3-numpy).

identity_bias.json follows conversationai/unintended-ml-bias-analysis (Apache-2.0),
unintended_ml_bias/model_bias_analysis.py, reimplemented with numpy/scikit-learn/scipy (no pandas):
  subgroup_auc  = roc_auc_score on the subgroup's rows
  bpsn_auc      = roc_auc_score on subgroup negatives + background positives
  bnsp_auc      = roc_auc_score on subgroup positives + background negatives
  negative_aeg  = 0.5 - U / (n1 n2), U = scipy.stats.mannwhitneyu(background negatives, subgroup negatives).statistic
  positive_aeg  = 0.5 - U / (n1 n2), U = mannwhitneyu(background positives, subgroup positives).statistic
and the Jigsaw Unintended Bias competition's final metric:
  final = 0.25 * overall AUC + 0.75 * mean(power_mean(subgroup AUCs), power_mean(BPSN), power_mean(BNSP)), p = -5,
over the subgroups that have both classes (a one-class subgroup has no subgroup AUC; Jigsaw's code would give NaN).

identity_templates.json: Dixon et al. (2018): per term t, FPR_t on the negative-filler sentences and FNR_t on the
positive-filler sentences (sklearn.metrics.confusion_matrix), FPR and FNR over all terms' sentences,
fped = sum_t |FPR - FPR_t|, fned = sum_t |FNR - FNR_t|; max_term_gap = max_t mean score - min_t mean score.
"""
import json
import os

import numpy as np
from scipy.stats import mannwhitneyu
from sklearn.metrics import confusion_matrix, roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(17)


def auc(y, s):
    try:
        return float(roc_auc_score(y, s))
    except ValueError:
        return None


def aeg(background, subgroup):
    if len(background) == 0 or len(subgroup) == 0:
        return None
    u = mannwhitneyu(background, subgroup, alternative="less").statistic
    return float(0.5 - u / (len(background) * len(subgroup)))


def power_mean(values, p):
    values = np.asarray(values, dtype=float)
    return float(np.power(np.sum(np.power(values, p)) / len(values), 1 / p))


def bias_case(name, y, s, subgroups, power=-5.0, weight=0.25):
    y = np.asarray(y, dtype=bool)
    s = np.round(np.asarray(s, dtype=float), 6)
    per = {}
    for g, member in subgroups.items():
        m = np.asarray(member, dtype=bool)
        bpsn = (m & ~y) | (~m & y)
        bnsp = (m & y) | (~m & ~y)
        per[g] = {
            "n": int(m.sum()),
            "subgroup_auc": auc(y[m], s[m]),
            "bpsn_auc": auc(y[bpsn], s[bpsn]),
            "bnsp_auc": auc(y[bnsp], s[bnsp]),
            "negative_aeg": aeg(s[~m & ~y], s[m & ~y]),
            "positive_aeg": aeg(s[~m & y], s[m & y]),
        }
    included = [g for g in subgroups if per[g]["subgroup_auc"] is not None]
    overall = auc(y, s)
    final = None
    if included:
        bias = np.mean([power_mean([per[g][k] for g in included], power) for k in ("subgroup_auc", "bpsn_auc", "bnsp_auc")])
        final = float(weight * overall + (1 - weight) * bias)
    return {
        "name": name,
        "power": power,
        "overall_weight": weight,
        "labels": [int(v) for v in y],
        "scores": [float(v) for v in s],
        "subgroups": {g: [bool(v) for v in m] for g, m in subgroups.items()},
        "overall_auc": overall,
        "final_bias_score": final,
        "included": included,
        "per_subgroup": per,
    }


def biased(n):
    # Subgroup "b" negatives score higher (a toxicity model over-flagging an identity), "c" overlaps both.
    y = rng.random(n) < 0.45
    a = rng.random(n) < 0.25
    b = rng.random(n) < 0.2
    c = a | (rng.random(n) < 0.1)
    s = rng.normal(0, 1, n) + 1.2 * y + 0.9 * (b & ~y) - 0.4 * (a & y)
    return y, 1 / (1 + np.exp(-s)), {"a": a, "b": b, "c": c}


cases = []
y, s, g = biased(400)
cases.append(bias_case("continuous-three-subgroups", y, s, g))
y, s, g = biased(300)
cases.append(bias_case("heavy-ties", y, np.round(s, 1), g))
y, s, g = biased(250)
one_class = g["a"].copy()
one_class[y] = False  # subgroup "negatives-only": rows of a that are negative
cases.append(bias_case("one-class-subgroup", y, s, {"a": g["a"], "negatives-only": one_class}, power=-2.0, weight=0.4))
cases.append(bias_case("tiny", [1, 0, 1, 0, 1, 0], [0.9, 0.8, 0.4, 0.3, 0.6, 0.55], {"x": [1, 1, 1, 0, 0, 0], "y": [0, 1, 1, 0, 1, 1]}))

with open(os.path.join(HERE, "identity_bias.json"), "w") as f:
    json.dump(cases, f, separators=(",", ":"))
    f.write("\n")
for c in cases:
    print(c["name"], c["overall_auc"], c["final_bias_score"], c["included"])


def template_case(name, scores, polarity, threshold):
    scores = np.round(np.asarray(scores, dtype=float), 6)  # frames x terms
    polarity = np.asarray(polarity)
    predicted = scores >= threshold
    frames, terms = scores.shape
    neg = polarity == "negative"
    pos = polarity == "positive"
    fpr_t, fnr_t = [], []
    for t in range(terms):
        if neg.any():
            tn, fp, fn, tp = confusion_matrix(np.zeros(neg.sum(), dtype=int), predicted[neg, t].astype(int), labels=[0, 1]).ravel()
            fpr_t.append(fp / (fp + tn))
        if pos.any():
            tn, fp, fn, tp = confusion_matrix(np.ones(pos.sum(), dtype=int), predicted[pos, t].astype(int), labels=[0, 1]).ravel()
            fnr_t.append(fn / (fn + tp))
    fpr = predicted[neg].mean() if neg.any() else None
    fnr = (~predicted[pos]).mean() if pos.any() else None
    means = scores.mean(axis=0)
    return {
        "name": name,
        "threshold": threshold,
        "scores": scores.tolist(),
        "polarity": polarity.tolist(),
        "mean_score": means.tolist(),
        "false_positive_rate": [float(v) for v in fpr_t] if neg.any() else None,
        "false_negative_rate": [float(v) for v in fnr_t] if pos.any() else None,
        "fped": float(np.abs(fpr - np.asarray(fpr_t)).sum()) if neg.any() else None,
        "fned": float(np.abs(fnr - np.asarray(fnr_t)).sum()) if pos.any() else None,
        "max_term_gap": float(means.max() - means.min()),
    }


templates = []
pol = np.array(["positive"] * 12 + ["negative"] * 12 + ["neutral"] * 4)
base = np.r_[rng.normal(1.5, 1, 12), rng.normal(-1.5, 1, 12), rng.normal(0, 1, 4)]
shift = np.array([0.0, -0.8, 0.3, -1.5, 0.1])
templates.append(template_case("five-terms", 1 / (1 + np.exp(-(base[:, None] + shift[None, :] + rng.normal(0, 0.5, (28, 5))))), pol, 0.5))
templates.append(template_case("threshold-0.7", 1 / (1 + np.exp(-(base[:, None] + shift[None, :]))), pol, 0.7))
templates.append(template_case("neutral-only", rng.random((6, 3)), np.array(["neutral"] * 6), 0.5))
templates.append(template_case("tiny", [[0.9, 0.4], [0.6, 0.2], [0.3, 0.7]], np.array(["positive", "positive", "negative"]), 0.5))
with open(os.path.join(HERE, "identity_templates.json"), "w") as f:
    json.dump(templates, f, separators=(",", ":"))
    f.write("\n")
for c in templates:
    print(c["name"], c["fped"], c["fned"], c["max_term_gap"])
