#!/usr/bin/env bash
# What the pipelines in this folder do, on one machine: N shard processes at once, then the merge.
#   bash examples/ci/run-shards-locally.sh examples/Sentiment/catinherit.yaml 4 out
# Prints the wall time of the shards and of the merge; exits like the merge (0 pass, 1 gate failed, 2 bad input).
set -euo pipefail
policy=${1:?policy}; shards=${2:-4}; out=${3:-out}
catinherit=${CATINHERIT:-catinherit}
partials=$(mktemp -d)
trap 'rm -rf "$partials"' EXIT
start=$(date +%s.%N)
pids=()
for i in $(seq 1 "$shards"); do
  # Like the matrix jobs: each shard in its own process and folder (the merge searches subfolders).
  $catinherit check "$policy" --quiet --shard "$i/$shards" --partial-dir "$partials/partial-$i" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
middle=$(date +%s.%N)
set +e
$catinherit merge "$partials" --quiet --report-dir "$out" --format md,junit,html
status=$?
set -e
end=$(date +%s.%N)
awk -v a="$start" -v b="$middle" -v c="$end" -v n="$shards" 'BEGIN { printf "%d shards: %.1f s; merge: %.1f s\n", n, b - a, c - b }'
exit $status
