#!/usr/bin/env bash
# Trains the small SentencePiece Unigram model the Unigram fixture is converted from, with Google's own trainer
# (Debian: apt-get install -y sentencepiece python3-sentencepiece), on the sentences of the Sentiment example
# (UCI Sentiment Labelled Sentences, MIT via npm sentiment 5.0.2). T5's conventions: pad 0, eos 1, unk 2, no bos.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$here/../../../.."
tmp="$(mktemp -d)"
/usr/bin/python3 - "$repo/examples/Sentiment/data" "$tmp/corpus.txt" <<'PY'
import csv, sys, glob
with open(sys.argv[2], "w") as out:
    for path in sorted(glob.glob(sys.argv[1] + "/yelp_*.csv")) + [sys.argv[1] + "/reviews_by_domain.csv"]:
        for row in csv.DictReader(open(path)):
            out.write(row["text"] + "\n")
PY
spm_train --input="$tmp/corpus.txt" --model_prefix="$tmp/unigram" --model_type=unigram --vocab_size=800 \
  --character_coverage=1.0 --pad_id=0 --eos_id=1 --unk_id=2 --bos_id=-1 --normalization_rule_name=nmt_nfkc \
  --num_threads=1 --seed_sentencepiece_size=100000 --minloglevel=2 --input_sentence_size=100000 --shuffle_input_sentence=false
cp "$tmp/unigram.model" "$here/unigram-spm.model"
rm -rf "$tmp"
