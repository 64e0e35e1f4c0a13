"""Dumps a SentencePiece model (pieces, scores, types, normalizer) to JSON, and encodes the fixture sentences with
SentencePiece itself: the independent reference the Unigram tokenizer.json is checked against."""
import base64, json, sys
import sentencepiece as spm
from sentencepiece import sentencepiece_model_pb2 as pb

model_path, sentences_path, out_path = sys.argv[1:4]
proto = pb.ModelProto()
proto.ParseFromString(open(model_path, "rb").read())
processor = spm.SentencePieceProcessor(model_file=model_path)
sentences = [line.rstrip("\n") for line in open(sentences_path, encoding="utf-8") if line.strip()]
json.dump({
    "pieces": [[p.piece, p.score, p.type] for p in proto.pieces],
    "unk_id": proto.trainer_spec.unk_id,
    "eos_id": proto.trainer_spec.eos_id,
    "pad_id": proto.trainer_spec.pad_id,
    "precompiled_charsmap": base64.b64encode(proto.normalizer_spec.precompiled_charsmap).decode(),
    "add_dummy_prefix": proto.normalizer_spec.add_dummy_prefix,
    "remove_extra_whitespaces": proto.normalizer_spec.remove_extra_whitespaces,
    "sentencepiece_ids": [processor.encode(s) for s in sentences],
}, open(out_path, "w", encoding="utf-8"))
