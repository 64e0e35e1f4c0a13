using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace CatInherit.Bench;

/// <summary>
/// The same work as the engine, written directly against ONNX Runtime: tokenize, sort by length, pad
/// per batch, run, copy the logits back in order. The baseline the engine's overhead is measured against.
/// </summary>
internal sealed class BareOnnxRuntime(string modelPath, string vocabPath) : IDisposable
{
    private readonly InferenceSession session = new(modelPath, new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL });
    private readonly BertTokenizer tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });

    public float[] Run(IReadOnlyList<string> texts, int batchSize)
    {
        var ids = texts.Select(t => tokenizer.EncodeToIds(t, 128, addSpecialTokens: true, out _, out _)).ToArray();
        var order = Enumerable.Range(0, ids.Length).OrderBy(i => ids[i].Count).ThenBy(i => i).ToArray();
        var logits = new float[texts.Count * 2];
        using var runOptions = new RunOptions();
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var batch = order.Skip(start).Take(batchSize).ToArray();
            var length = batch.Max(i => ids[i].Count);
            var inputIds = new long[batch.Length * length];
            var mask = new long[batch.Length * length];
            for (var b = 0; b < batch.Length; b++)
            {
                var row = ids[batch[b]];
                for (var t = 0; t < row.Count; t++)
                {
                    inputIds[(b * length) + t] = row[t];
                    mask[(b * length) + t] = 1;
                }
            }

            long[] shape = [batch.Length, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[inputIds.Length], shape);
            using var outputs = session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], ["logits"]);
            var data = outputs[0].GetTensorDataAsSpan<float>();
            for (var b = 0; b < batch.Length; b++)
            {
                data.Slice(b * 2, 2).CopyTo(logits.AsSpan(batch[b] * 2, 2));
            }
        }

        return logits;
    }

    public void Dispose() => session.Dispose();
}
