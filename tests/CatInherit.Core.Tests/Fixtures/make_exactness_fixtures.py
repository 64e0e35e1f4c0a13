"""Reference values at the edges of float64, independent of the C# code: near-certain predictions, ties that
float32 would create, confidences on calibration bin edges, and fairlearn's zero denominators.

Run once with Debian's interpreter (apt-get install python3-sklearn python3-mpmath; scikit-learn 1.2):
    /usr/bin/python3 tests/CatInherit.Core.Tests/Fixtures/make_exactness_fixtures.py
It rewrites exactness.json beside this script. CI does not run it.

fairlearn, TF-Privacy, ML Privacy Meter, OpenOOD and verified_calibration are not Debian packages, so their
formulas are re-implemented below with numpy / scikit-learn, each citing the lines it follows:

- fairlearn 0.12, fairlearn/metrics/_base_metrics.py: true_positive_rate / false_positive_rate read
  sklearn.metrics.confusion_matrix(..., normalize="true") (0/0 rows become 0 by np.nan_to_num, see
  sklearn/metrics/_classification.py); selection_rate = mean(y_pred == pos_label).
  fairlearn/metrics/_disaggregated_result.py: difference(between_groups) = (by_group - group_min).abs().max(),
  ratio(between_groups) = group_min / group_max (pandas: 0/0 is NaN; empty intersections are NaN rows that
  pandas' max/min skip). fairlearn/metrics/_fairness_metrics.py: equalized_odds_difference /
  equalized_odds_ratio with agg="worst_case" are Python's built-in max() / min() over the Series
  [tpr term, fpr term] (the MetricFrame is built from {"tpr": ..., "fpr": ...}, in that order).
- TF-Privacy, tensorflow_privacy/privacy/privacy_tests/membership_inference_attack/data_structures.py:
  RocCurve.get_attacker_advantage = max(np.abs(tpr - fpr)) over sklearn.metrics.roc_curve (default
  drop_intermediate=True, membership_inference_attack.py _run_threshold_attack); get_auc = metrics.auc(fpr, tpr).
- ML Privacy Meter, audit.py compute_attack_results: roc_curve(memberships, scores) (drop_intermediate=True),
  auc(fpr, tpr), TPR at FPR r = tpr[np.where(fpr <= r)[0][-1]].
- OpenOOD (main), openood/evaluators/metrics.py auc_and_fpr_recall: OOD positive, roc_curve(ood, -conf),
  fpr_at_95 = fpr[np.argmax(tpr >= 0.95)]; aupr_in = auc of precision_recall_curve(id, conf);
  aupr_out = auc of precision_recall_curve(ood, -conf); auroc = metrics.auc(fpr, tpr).
- verified_calibration (p-lambda), calibration/utils.py get_ece: top-label, bins = [i / B for i in 1..B],
  bin = np.searchsorted(bins, confidence) (a confidence on an edge goes to the lower bin), plugin_ce with p=1.

CatInherit's own conventions, where the peers' code leaves a choice (documented in the README's Conventions):
- tpr_at_fpr and fpr_at_95_tpr are read on every distinct threshold (roc_curve(drop_intermediate=False));
  the peers' values on drop_intermediate=True are recorded beside them ("privacy_meter_tpr_at_fpr",
  "openood_main_fpr_at_95_tpr"), so a test can show where, and only where, they differ.
- Membership scores: the reference computes each attack's score in 60-digit arithmetic (mpmath) from the float64
  inputs - log p = z - logsumexp(z) from logits; log(max(p, 1e-300)) and log(max(1 - p, 1e-300)) from given
  probabilities - and keeps only their order (the ROC quantities depend on nothing else). The float64 code must
  reproduce that order; a float32 pipeline does not ("float32_auc").
"""
import json
import os

import mpmath
import numpy as np
from scipy.special import softmax
from sklearn.metrics import auc, confusion_matrix, precision_recall_curve, roc_auc_score, roc_curve

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(11)
FLOOR = 1e-300
mpmath.mp.dps = 60


# ---------------------------------------------------------------------------------------------- fairlearn 0.12
def fairlearn_rates(y, p, pos):
    t = [v == pos for v in y]
    d = [v == pos for v in p]
    # labels=[False, True]: the positive label last, as _get_labels_for_confusion_matrix arranges it.
    (tnr, fpr), (fnr, tpr) = confusion_matrix(t, d, labels=[False, True], normalize="true")
    n = len(y)
    return {
        "n": n,
        "selection_rate": float(np.mean(d)),
        "accuracy": float(np.mean([a == b for a, b in zip(t, d)])),
        "true_positive_rate": float(tpr),
        "false_positive_rate": float(fpr),
    }


def py_max(series):
    return max(series)  # Python's built-in, as fairlearn calls it


def py_min(series):
    return min(series)


def summary(groups):
    def values(key):
        return np.array([g[key] if g is not None else np.nan for g in groups.values()])

    def difference(key):
        v = values(key)
        return float(np.nanmax(np.abs(v - np.nanmin(v))))

    def ratio(key):
        v = values(key)
        with np.errstate(invalid="ignore", divide="ignore"):
            return float(np.float64(np.nanmin(v)) / np.float64(np.nanmax(v)))

    present = [g for g in groups.values() if g is not None]
    total = sum(g["n"] for g in present)
    out = {
        "accuracy": sum(g["accuracy"] * g["n"] for g in present) / total,
        "demographic_parity_difference": difference("selection_rate"),
        "demographic_parity_ratio": ratio("selection_rate"),
        "equal_opportunity_difference": difference("true_positive_rate"),
        "equal_opportunity_ratio": ratio("true_positive_rate"),
        "equalized_odds_difference": py_max([difference("true_positive_rate"), difference("false_positive_rate")]),
        "equalized_odds_ratio": py_min([ratio("true_positive_rate"), ratio("false_positive_rate")]),
        "worst_group_accuracy": min(g["accuracy"] for g in present),
    }
    return {k: (None if np.isnan(v) else v) for k, v in out.items()}


def fairness_case(name, rows, pos="1", two=False):
    keys = sorted({(r[0], r[1]) for r in rows})
    if two:
        # fairlearn reindexes by the product of the sensitive values: an empty intersection is a row of NaN.
        keys = sorted({(a, b) for a in {r[0] for r in rows} for b in {r[1] for r in rows}})
    groups = {}
    for k in keys:
        members = [r for r in rows if (r[0], r[1]) == k]
        label = k[0] if not two else f"g={k[0]}, h={k[1]}"
        groups[label] = fairlearn_rates([r[2] for r in members], [r[3] for r in members], pos) if members else None

    def lacks(index):
        return sorted(name for name, g in groups.items() if g is not None and _lacks(rows, name, index, pos, two))

    return {
        "name": name,
        "positive_label": pos,
        "sensitive": ["g", "h"] if two else ["g"],
        "rows": [list(r) for r in rows],
        "groups": {k: v for k, v in groups.items() if v is not None},
        "metrics": summary(groups),
        "no_positives": lacks(2),
        "no_negatives": lacks(3),
    }


def _lacks(rows, name, index, pos, two):
    members = [r for r in rows if (r[0] if not two else f"g={r[0]}, h={r[1]}") == name]
    if index == 2:
        return not any(r[2] == pos for r in members)
    return not any(r[2] != pos for r in members)


def rows_of(spec):
    """spec: list of (g, h, label, pred, count)."""
    out = []
    for g, h, y, p, count in spec:
        out += [(g, h, y, p)] * count
    return out


fairness = [
    # b has no positive labels: fairlearn's TPR for b is 0, so equal opportunity is defined (and large).
    fairness_case("no-positives", rows_of([("a", "", "1", "1", 3), ("a", "", "1", "0", 1), ("a", "", "0", "0", 2),
                                           ("b", "", "0", "1", 1), ("b", "", "0", "0", 3)])),
    # b has no negative labels: its FPR is 0 in fairlearn.
    fairness_case("no-negatives", rows_of([("a", "", "1", "1", 2), ("a", "", "0", "1", 2), ("a", "", "0", "0", 2),
                                           ("b", "", "1", "1", 3), ("b", "", "1", "0", 1)])),
    # Nothing predicted positive anywhere: every selection rate, TPR and FPR is 0, every ratio 0/0 (NaN).
    fairness_case("no-predicted-positives", rows_of([("a", "", "1", "0", 2), ("a", "", "0", "0", 2),
                                                     ("b", "", "1", "0", 1), ("b", "", "0", "0", 3)])),
    # Positives are never found (TPR 0 everywhere, ratio 0/0) but negatives are flagged unevenly: built-in
    # min([nan, x]) keeps the NaN that comes first, so equalized_odds_ratio is NaN.
    fairness_case("tpr-ratio-undefined", rows_of([("a", "", "1", "0", 2), ("a", "", "0", "1", 1), ("a", "", "0", "0", 1),
                                                  ("b", "", "1", "0", 2), ("b", "", "0", "1", 2), ("b", "", "0", "0", 2)])),
    # No false positive anywhere (FPR ratio 0/0), TPRs differ: min([x, nan]) passes over the NaN, the TPR ratio.
    fairness_case("fpr-ratio-undefined", rows_of([("a", "", "1", "1", 3), ("a", "", "1", "0", 1), ("a", "", "0", "0", 2),
                                                  ("b", "", "1", "1", 1), ("b", "", "1", "0", 1), ("b", "", "0", "0", 3)])),
    # Intersections with an empty one, a group without positives and one without negatives at once.
    fairness_case("intersection-with-empty-cell", rows_of([
        ("a", "x", "1", "1", 3), ("a", "x", "0", "0", 2), ("a", "x", "0", "1", 1),
        ("a", "y", "0", "0", 2), ("a", "y", "0", "1", 1),
        ("b", "x", "1", "1", 2), ("b", "x", "1", "0", 2)]), two=True),
]


# ------------------------------------------------------------------------------------------ membership attacks
def mp_scores_from_logits(attack, z, y):
    """The attack's score in 60-digit arithmetic from the float64 logits: the order float64 has to reproduce."""
    z = [mpmath.mpf(float(v)) for v in z]
    lse = mpmath.log(mpmath.fsum(mpmath.exp(v) for v in z))
    lp = [v - lse for v in z]
    p = [mpmath.exp(v) for v in lp]
    return mp_score(attack, p, lp, y)


def mp_scores_from_probabilities(attack, p, y):
    """The same from given float64 probabilities, a logarithm of 0 taken at 1e-300."""
    p = [mpmath.mpf(float(v)) for v in p]
    lp = [mpmath.log(max(v, FLOOR)) for v in p]
    return mp_score(attack, p, lp, y)


def mp_score(attack, p, lp, y):
    if attack == "loss":
        return lp[y]
    if attack == "confidence":
        return p[y]
    if attack == "entropy":
        return mpmath.fsum(v * l for v, l in zip(p, lp) if v > 0)
    m = -(1 - p[y]) * lp[y] - mpmath.fsum(p[i] * mpmath.log(max(1 - p[i], FLOOR)) for i in range(len(p)) if i != y and p[i] > 0)
    return -m


def ranks(pos, neg):
    """Scores → dense ranks (equal scores share one): the ROC quantities depend on nothing else."""
    order = sorted(set(pos) | set(neg))
    index = {v: i for i, v in enumerate(order)}
    return np.array([index[v] for v in pos], dtype=float), np.array([index[v] for v in neg], dtype=float)


def scores_from_probabilities(attack, p, y):
    """float64 scores from float64 probabilities (used for what a float32 pipeline saw)."""
    if attack == "loss":
        return np.log(max(p[y], FLOOR))
    if attack == "confidence":
        return p[y]
    if attack == "entropy":
        return float(sum(v * np.log(max(v, FLOOR)) for v in p if v > 0))
    m = -(1 - p[y]) * np.log(max(p[y], FLOOR)) - sum(
        p[i] * np.log(max(1 - p[i], FLOOR)) for i in range(len(p)) if i != y and p[i] > 0)
    return -m


def row_values(row, kind):
    """A CSV row [y, s...] → (label, logits or probabilities as a class row)."""
    y, s = int(row[0]), np.array(row[1:], dtype=np.float64)
    if len(s) == 1:
        s = np.array([0.0, s[0]]) if kind == "logits" else np.array([1 - s[0], s[0]])
    return y, s


def roc_numbers(pos, neg, rate):
    y = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
    s = np.r_[pos, neg]
    a = roc_auc_score(y, s)
    fpr, tpr, _ = roc_curve(y, s)  # drop_intermediate=True, as TF-Privacy and ML Privacy Meter call it
    full_fpr, full_tpr, _ = roc_curve(y, s, drop_intermediate=False)
    return {
        "auc": float(a),
        "tf_privacy_auc": float(auc(fpr, tpr)),
        "leakage_auc": float(max(a, 1 - a)),
        "advantage": float(max(np.abs(tpr - fpr))),
        "tpr_at_fpr": float(full_tpr[full_fpr <= rate].max()),
        "privacy_meter_tpr_at_fpr": float(tpr[np.where(fpr <= rate)[0][-1]]),
    }


def membership_case(name, kind, members, non_members, rate=0.01, columns=None):
    members = [list(map(float, r)) for r in members]
    non_members = [list(map(float, r)) for r in non_members]
    expected = {}
    for attack in ("loss", "confidence", "entropy", "modified-entropy"):
        f = mp_scores_from_logits if kind == "logits" else mp_scores_from_probabilities
        pos, neg = ranks([f(attack, *reversed(row_values(r, kind))) for r in members],
                         [f(attack, *reversed(row_values(r, kind))) for r in non_members])
        expected[attack] = roc_numbers(pos, neg, rate)
        expected[attack]["float32_auc"] = float32_auc(attack, kind, members, non_members)
    width = len(members[0]) - 1
    return {
        "name": name,
        "score_kind": kind,
        "columns": columns or [f"s{k}" for k in range(width)],
        "fpr": rate,
        "members": members,
        "non_members": non_members,
        "expected": expected,
    }


def float32_auc(attack, kind, members, non_members):
    """The AUC when the probabilities are first stored as float32 (what a float32 pipeline sees)."""
    def p32(row):
        y, s = row_values(row, kind)
        p = softmax(s) if kind == "logits" else s
        return y, p.astype(np.float32).astype(np.float64)
    pos = [scores_from_probabilities(attack, p, y) for y, p in map(p32, members)]
    neg = [scores_from_probabilities(attack, p, y) for y, p in map(p32, non_members)]
    return float(roc_auc_score(np.r_[np.ones(len(pos)), np.zeros(len(neg))], np.r_[pos, neg]))


def near_certain(n, low, high):
    """1 - p_y = 1e-12 * k, k uniform in [low, high]: p_y within 1e-9 of 1, and exactly 1.0 in float32."""
    return rng.uniform(low, high, n) * 1e-12


m_q = near_certain(60, 1, 5)
n_q = near_certain(60, 3, 12)
membership = [
    # A very confident, overfit binary model: one probability column (the positive class), every label 1.
    membership_case("overfit-probabilities", "probabilities", [[1, 1 - q] for q in m_q], [[1, 1 - q] for q in n_q]),
    # The same model as one logit column: z = log((1 - q) / q), from q itself so nothing rounds to 1 on the way.
    membership_case("overfit-one-logit", "logits", [[1, np.log1p(-q) - np.log(q)] for q in m_q], [[1, np.log1p(-q) - np.log(q)] for q in n_q]),
]

# Three classes as logits, labels mixed, p_y within 1e-9 of 1 for members and non-members.
def logit_rows(n, margin_low, margin_high):
    rows = []
    for _ in range(n):
        y = int(rng.integers(0, 3))
        z = rng.normal(0, 1, 3)
        z[y] = max(z) + rng.uniform(margin_low, margin_high)
        rows.append([y, *z])
    return rows


membership.append(membership_case("overfit-three-class-logits", "logits", logit_rows(80, 24, 28), logit_rows(80, 22.5, 26)))
# An inverted attack: the model is *less* confident on its members (probabilities as given, float64 digits).
inv_m = [[1, p] for p in rng.uniform(0.55, 0.80, 50)]
inv_n = [[1, p] for p in rng.uniform(0.70, 0.95, 70)]
membership.append(membership_case("inverted", "probabilities", inv_m, inv_n, rate=0.1))
# Three thresholds in a row each hold one member and one non-member: identical diagonal steps, whose middle point
# roc_curve(drop_intermediate=True) removes. At FPR 0.2 (2 of 10 non-members) CatInherit reads TPR 0.4 there;
# ML Privacy Meter, reading the reduced curve, falls back to the point before (0.2). AUC and advantage agree.
tie_m = [[1, v] for v in [0.9, 0.8, 0.7, 0.6, 0.6]]
tie_n = [[1, v] for v in [0.9, 0.8, 0.7] + [0.5] * 7]
membership.append(membership_case("repeated-diagonal-ties", "probabilities", tie_m, tie_n, rate=0.2))


# ------------------------------------------------------------------------------------------------- OOD (MSP)
def ood_case(name, kind, inside, outside, columns):
    def msp(row):
        s = np.array(row, dtype=np.float64)
        return float(np.max(softmax(s) if kind == "logits" else s))
    conf_in = np.array([msp(r) for r in inside])
    conf_out = np.array([msp(r) for r in outside])
    conf = np.r_[conf_in, conf_out]
    ood = np.r_[np.zeros(len(conf_in)), np.ones(len(conf_out))]
    fpr, tpr, _ = roc_curve(ood, -conf)  # OpenOOD main: OOD positive, drop_intermediate=True
    full_fpr, full_tpr, _ = roc_curve(ood, -conf, drop_intermediate=False)
    p_in, r_in, _ = precision_recall_curve(1 - ood, conf)
    p_out, r_out, _ = precision_recall_curve(ood, -conf)
    return {
        "name": name,
        "score_kind": kind,
        "columns": columns,
        "in": [list(map(float, r)) for r in inside],
        "out": [list(map(float, r)) for r in outside],
        "auroc": float(auc(fpr, tpr)),
        "aupr_in": float(auc(r_in, p_in)),
        "aupr_out": float(auc(r_out, p_out)),
        "fpr_at_95_tpr": float(full_fpr[full_tpr >= 0.95].min()),
        "openood_main_fpr_at_95_tpr": float(fpr[np.argmax(tpr >= 0.95)]),
        "float32_auroc": float(roc_auc_score(1 - ood, conf.astype(np.float32))),
    }


# MSPs 0.9 + 1e-10 · k: neighbours closer than 1e-8, all one float32 value (its spacing near 0.9 is 6e-8).
def msp_rows(ks):
    rows = []
    for k in ks:
        top = 0.9 + 1e-10 * k
        rows.append([top, (1 - top) * 0.6, (1 - top) * 0.4])
    return rows


def three_msp(top):
    return [top, (1 - top) * 0.6, (1 - top) * 0.4]


# OOD positive, ranked by -MSP: 17 OOD samples below everything, then three thresholds holding one OOD and one ID
# sample each (identical diagonal steps). 95% of the OOD samples are flagged at the second of them (FPR 2/20);
# OpenOOD main reads the reduced curve and lands on the third (3/20).
tie_ood = ood_case("repeated-diagonal-ties", "probabilities",
                   [three_msp(v) for v in [0.50, 0.51, 0.52] + list(0.6 + 0.01 * np.arange(17))],
                   [three_msp(v) for v in list(0.34 + 0.001 * np.arange(17)) + [0.50, 0.51, 0.52]], ["p0", "p1", "p2"])

ood = [
    tie_ood,
    ood_case("msp-closer-than-1e-8", "probabilities", msp_rows(rng.uniform(20, 60, 70)), msp_rows(rng.uniform(0, 40, 50)), ["p0", "p1", "p2"]),
    # The same from logits: log-probabilities, so softmax gives the MSPs back to float64 rounding.
    ood_case("msp-closer-than-1e-8-logits", "logits", [list(np.log(r)) for r in msp_rows(rng.uniform(20, 60, 70))],
             [list(np.log(r)) for r in msp_rows(rng.uniform(0, 40, 50))], ["z0", "z1", "z2"]),
]


# ------------------------------------------------------------------------------------------------- calibration
def ece_verified(conf, correct, bins):
    edges = [i * 1.0 / bins for i in range(1, bins + 1)]
    index = np.searchsorted(edges, conf)  # side="left": an edge goes to the bin it closes
    total = 0.0
    for b in range(bins):
        sel = index == b
        if sel.any():
            total += sel.sum() / len(conf) * abs(np.mean(conf[sel]) - np.mean(correct[sel]))
    return float(total)


def calibration_case(name, rows, bins=15):
    labels = np.array([int(r[0]) for r in rows])
    p = np.array([r[1:] for r in rows], dtype=np.float64)
    top = np.argmax(p, axis=1)
    conf = p[np.arange(len(p)), top]
    onehot = np.eye(p.shape[1])[labels]
    return {
        "name": name,
        "bins": bins,
        "rows": [[int(r[0]), *map(float, r[1:])] for r in rows],
        "ece": ece_verified(conf, (top == labels).astype(float), bins),
        "brier": float(np.mean(np.sum((p - onehot) ** 2, axis=1))),
        "bin_of_each_row": [int(i) for i in np.searchsorted([i / bins for i in range(1, bins + 1)], conf)],
    }


def three(top, label):
    return [label, top, (1 - top) / 2, (1 - top) / 2]


edge_rows = [three(c, y) for c in (0.4, 0.6, 0.8) for y in (0, 0, 1)]
edge_rows += [three(np.nextafter(c, 2), 0) for c in (0.4, 0.6, 0.8)]
# Probabilities float32 cannot hold: 17 significant digits, neighbours 1e-12 apart around the edges.
fine_rows = [three(v, int(rng.integers(0, 3))) for v in np.r_[rng.uniform(0.34, 0.99, 60), 0.6 + 1e-12 * np.arange(-3, 4)]]
calibration = [
    calibration_case("confidences-on-bin-edges", edge_rows),
    calibration_case("float64-digits", fine_rows),
    calibration_case("float64-digits-10-bins", fine_rows, bins=10),
]

with open(os.path.join(HERE, "exactness.json"), "w") as f:
    json.dump({"fairlearn": fairness, "membership": membership, "ood": ood, "calibration": calibration}, f, separators=(",", ":"))
    f.write("\n")

for c in fairness:
    print(c["name"], c["metrics"])
for c in membership:
    print(c["name"], {a: (round(v["auc"], 6), round(v["float32_auc"], 6), v["tpr_at_fpr"], v["privacy_meter_tpr_at_fpr"]) for a, v in c["expected"].items()})
for c in ood:
    print(c["name"], c["auroc"], c["float32_auroc"], c["fpr_at_95_tpr"], c["openood_main_fpr_at_95_tpr"])
for c in calibration:
    print(c["name"], c["ece"], c["brier"], c["bin_of_each_row"][:12])
