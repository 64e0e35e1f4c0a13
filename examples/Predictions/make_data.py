"""Writes loan_decisions.csv: a synthetic, seeded set of loan decisions from a model whose approval
rate differs by sex and age band. Synthetic on purpose: it shows the predictions mode without any
licence question. Run: python3 make_data.py (the committed CSV is its output)."""
import csv
import math
import random

rng = random.Random(20261127)
rows = []
for i in range(1200):
    sex = rng.choice(["female", "male"])
    age = rng.choices(["18-29", "30-54", "55+"], weights=[3, 5, 2])[0]
    income = rng.gauss(0, 1)
    repaid = 1 if rng.random() < 1 / (1 + math.exp(-(0.3 + 1.6 * income))) else 0
    # The model leans on a proxy for sex and age that it picked up from its training data.
    logit = -0.2 + 1.5 * income + (0.25 if sex == "male" else 0.0) + (-0.2 if age == "55+" else 0.0)
    p = 1 / (1 + math.exp(-logit))
    rows.append({
        "applicant": f"a{i:04d}",
        "sex": sex,
        "age_band": age,
        "repaid": repaid,
        "approved": 1 if p >= 0.5 else 0,
        "p_approve": f"{p:.6f}",
    })

with open("loan_decisions.csv", "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
