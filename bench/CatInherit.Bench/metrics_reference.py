"""What a user would write in Python instead of a CatInherit check, timed by the metrics benchmark.

Run by `dotnet run -c Release --project bench/CatInherit.Bench -- metrics` with /usr/bin/python3 (Debian's
python3-sklearn 1.2, python3-numpy): `metrics_reference.py TASK DATA_DIR RESAMPLES`. Each task loads the same
generated CSVs with np.loadtxt, computes the same metrics as the check (OpenOOD's auc_and_fpr_recall for ood,
scikit-learn's ROC for membership, fairlearn's rates for group fairness) and, with RESAMPLES > 0, the usual
bootstrap loop (rows drawn with replacement by numpy, the metric recomputed on each resample). It prints one JSON
object: wall seconds from the start of loading, seconds of the metric kernels alone, and the point values.
"""

import json
import resource
import sys
import time

import numpy as np
from sklearn.metrics import precision_recall_curve, roc_auc_score, roc_curve


def load_logits(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, 0].astype(np.int64), data[:, 1:]


def energy(logits):
    m = logits.max(axis=1)
    return m + np.log(np.exp(logits - m[:, None]).sum(axis=1))


def ood_metrics(conf_in, conf_out):
    # OpenOOD main, openood/evaluators/metrics.py auc_and_fpr_recall: OOD positive (label 1), ranked by -conf.
    conf = np.concatenate([conf_in, conf_out])
    ood = np.concatenate([np.zeros(len(conf_in)), np.ones(len(conf_out))])
    fpr, tpr, _ = roc_curve(ood, -conf)
    auroc = np.trapz(tpr, fpr)
    fpr_at_95 = fpr[np.argmax(tpr >= 0.95)]
    p_in, r_in, _ = precision_recall_curve(1 - ood, conf)
    p_out, r_out, _ = precision_recall_curve(ood, -conf)
    return [auroc, -np.trapz(p_in, r_in), -np.trapz(p_out, r_out), fpr_at_95]


def ood_auroc(conf_in, conf_out):
    conf = np.concatenate([conf_in, conf_out])
    ident = np.concatenate([np.ones(len(conf_in)), np.zeros(len(conf_out))])
    return [roc_auc_score(ident, conf)]


def log_softmax_at(logits, labels):
    m = logits.max(axis=1)
    lse = m + np.log(np.exp(logits - m[:, None]).sum(axis=1))
    return logits[np.arange(len(labels)), labels] - lse


def mia_metrics(members, non_members, max_fpr=0.01):
    scores = np.concatenate([members, non_members])
    member = np.concatenate([np.ones(len(members)), np.zeros(len(non_members))])
    fpr, tpr, _ = roc_curve(member, scores, drop_intermediate=False)
    auc = roc_auc_score(member, scores)
    return [auc, max(auc, 1 - auc), tpr[np.where(fpr <= max_fpr)[0][-1]], np.max(np.abs(tpr - fpr))]


def bootstrap(metric, first, second, resamples, seed=0):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(resamples):
        a = first[rng.integers(0, len(first), len(first))]
        b = second[rng.integers(0, len(second), len(second))]
        out.append(metric(a, b))
    return np.percentile(np.array(out), [2.5, 97.5], axis=0)


def fairness_metrics(label, pred, group, groups):
    sel, tpr, fpr, acc = [], [], [], []
    for g in range(groups):
        m = group == g
        y, p = label[m], pred[m]
        sel.append(p.mean())
        acc.append((y == p).mean())
        pos, neg = y == 1, y == 0
        tpr.append(p[pos].mean() if pos.any() else 0.0)
        fpr.append(p[neg].mean() if neg.any() else 0.0)
    return [(label == pred).mean(), max(sel) - min(sel), min(sel) / max(sel), max(tpr) - min(tpr), min(tpr) / max(tpr),
            max(max(tpr) - min(tpr), max(fpr) - min(fpr)), min(min(tpr) / max(tpr), min(fpr) / max(fpr)), min(acc)]


def main():
    task, folder, resamples = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = time.perf_counter()
    result = {"task": task}
    if task in ("ood", "ood-auroc", "ood-big", "ood-big-auroc"):
        suffix = "-big" if task.startswith("ood-big") else ""
        _, logits_in = load_logits(f"{folder}/id{suffix}.csv")
        _, logits_out = load_logits(f"{folder}/ood{suffix}.csv")
        kernel = time.perf_counter()
        conf_in, conf_out = energy(logits_in), energy(logits_out)
        metric = ood_auroc if task.endswith("auroc") else ood_metrics
        result["values"] = metric(conf_in, conf_out)
        if resamples > 0:
            result["interval"] = bootstrap(metric, conf_in, conf_out, resamples).tolist()
    elif task == "membership":
        y_in, logits_in = load_logits(f"{folder}/members.csv")
        y_out, logits_out = load_logits(f"{folder}/nonmembers.csv")
        kernel = time.perf_counter()
        members, non_members = log_softmax_at(logits_in, y_in), log_softmax_at(logits_out, y_out)
        result["values"] = mia_metrics(members, non_members)
        if resamples > 0:
            result["interval"] = bootstrap(mia_metrics, members, non_members, resamples).tolist()
    elif task == "fairness":
        text = np.loadtxt(f"{folder}/preds.csv", delimiter=",", skiprows=1, dtype=str)
        label, pred = text[:, 0].astype(np.int64), text[:, 1].astype(np.int64)
        _, group = np.unique(np.char.add(text[:, 2], text[:, 3]), return_inverse=True)
        kernel = time.perf_counter()
        groups = group.max() + 1
        result["values"] = fairness_metrics(label, pred, group, groups)
        if resamples > 0:
            # Within-group resampling, as a fairness bootstrap keeps group sizes fixed.
            rng = np.random.default_rng(0)
            members = [np.flatnonzero(group == g) for g in range(groups)]
            out = []
            for _ in range(resamples):
                rows = np.concatenate([m[rng.integers(0, len(m), len(m))] for m in members])
                out.append(fairness_metrics(label[rows], pred[rows], group[rows], groups))
            result["interval"] = np.percentile(np.array(out), [2.5, 97.5], axis=0).tolist()
    else:
        raise SystemExit(f"unknown task {task}")
    end = time.perf_counter()
    result["seconds"] = end - start
    result["kernel_seconds"] = end - kernel
    result["peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result["values"] = [float(v) for v in result["values"]]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
