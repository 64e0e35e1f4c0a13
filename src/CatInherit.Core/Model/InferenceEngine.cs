using System.Globalization;
using System.Numerics.Tensors;
using CatInherit.Policy;
using Microsoft.ML.OnnxRuntime;

namespace CatInherit.Model;

/// <summary>
/// Runs a model over every row of a dataset in batches. Text rows are length-bucketed: sorted by token
/// count, padded only to the longest sequence of their batch, and put back in dataset order.
/// Token-level embeddings are pooled over the attention mask and optionally L2-normalised.
/// </summary>
internal static class InferenceEngine
{
    /// <summary>How text batches are padded.</summary>
    public enum Padding
    {
        /// <summary>Sort by length; pad each batch to its own longest row (the default).</summary>
        Bucketed,
        /// <summary>Dataset order; pad every batch to <c>max_length</c> (for comparison in benchmarks).</summary>
        Fixed,
    }

    /// <summary>
    /// The batches a request runs in, each a list of row indices. Rows are put in an order fixed by their content
    /// (token count, then the hash of their input, then position among equal inputs), never by the file's row order,
    /// so the batches, and with them every output bit, are the same in any file order, and a shard that runs some of
    /// these batches computes exactly what one run computes for them.
    /// </summary>
    public static List<int[]> Batches(ModelInputs inputs, int batchSize, Padding padding = Padding.Bucketed)
    {
        int[] order;
        if (padding == Padding.Fixed)
        {
            order = [.. Enumerable.Range(0, inputs.Rows)];
        }
        else
        {
            var hashes = new ulong[inputs.Rows];
            for (var r = 0; r < hashes.Length; r++)
            {
                hashes[r] = ShardOutputs.InputHash(inputs, r);
            }

            var tokens = inputs.Tokens;
            order = [.. Enumerable.Range(0, inputs.Rows).OrderBy(i => tokens?[i].Length ?? 0).ThenBy(i => hashes[i]).ThenBy(i => i)];
        }

        var batches = new List<int[]>();
        for (var start = 0; start < order.Length; start += batchSize)
        {
            batches.Add(order[start..Math.Min(start + batchSize, order.Length)]);
        }

        return batches;
    }

    /// <summary>Runs every batch of <see cref="Batches"/>, or only <paramref name="only"/> of them (a shard's): other rows stay zero.</summary>
    public static ModelOutputs Run(OnnxModel model, ModelSpec spec, ModelInputs inputs, Padding padding = Padding.Bucketed, Action<int>? rowsDone = null, IReadOnlyList<int[]>? only = null)
    {
        float[]? result = null;
        var width = 0;
        var featureInput = inputs.Features is null ? null : ModelSignature.FeatureInput(model, spec, []);
        var done = 0;
        foreach (var rows in only ?? Batches(inputs, spec.BatchSize, padding))
        {
            var fed = inputs.Tokens is not null ? FeedText(model, inputs.Tokens, inputs.Padding, rows, padding == Padding.Fixed ? spec.MaxLength : 0) : FeedFeatures(model, featureInput!, inputs, rows);
            try
            {
                using var outputs = RunBatch(model, spec, fed, rows.Length);
                var output = outputs[0];
                var shape = output.GetTensorTypeAndShape().Shape;
                CheckOutputShape(spec, shape, rows.Length, result is null ? null : width);
                var rowWidth = (int)shape[^1];
                if (result is null)
                {
                    width = rowWidth;
                    result = new float[inputs.Rows * width];
                }

                var data = output.GetTensorDataAsSpan<float>();
                if (shape.Length == 3)
                {
                    Pool(data, (int)shape[1], rowWidth, fed.Mask, rows, spec.Pooling, result);
                }
                else
                {
                    for (var i = 0; i < rows.Length; i++)
                    {
                        data.Slice(i * rowWidth, rowWidth).CopyTo(result.AsSpan(rows[i] * width, width));
                    }
                }
            }
            finally
            {
                foreach (var value in fed.Values)
                {
                    value.Dispose();
                }
            }

            done += rows.Length;
            rowsDone?.Invoke(done);
        }

        result ??= [];
        if (spec.OutputKind == OutputKind.Embedding && spec.Normalize)
        {
            for (var row = 0; row < inputs.Rows; row++)
            {
                var vector = result.AsSpan(row * width, width);
                var norm = TensorPrimitives.Norm(vector);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(vector, norm, vector);
                }
            }
        }

        return new ModelOutputs(result, inputs.Rows, width, spec.OutputKind);
    }

    private sealed record Fed(List<string> Names, List<OrtValue> Values, long[]? Mask);

    /// <summary>
    /// Runs one batch. A shape the model learns only at run time (a dynamic width that does not fit its graph)
    /// fails inside ONNX Runtime: that is the policy's input not fitting the model, reported with the model's message.
    /// </summary>
    private static IDisposableReadOnlyCollection<OrtValue> RunBatch(OnnxModel model, ModelSpec spec, Fed fed, int rows)
    {
        try
        {
            return model.Run(fed.Names, fed.Values, [spec.OutputName]);
        }
        catch (OnnxRuntimeException ex)
        {
            var shapes = string.Join(", ", fed.Names.Select((name, i) => $"{name} [{string.Join(", ", fed.Values[i].GetTensorTypeAndShape().Shape)}]"));
            var at = spec.TextColumn is not null ? spec.Inputs.LocationOf("text") : spec.Inputs.LocationOf("features");
            throw new InvalidInputException([Diagnostic.Error(DiagnosticCodes.ModelSignature, at, string.Create(CultureInfo.InvariantCulture,
                $"model '{spec.Name}' ({spec.DisplayPath}) failed on a batch of {rows} rows fed as {shapes}, so its input shapes do not fit what the policy feeds: {OnnxModel.FirstLine(ex.Message)}"))]);
        }
    }

    /// <summary>The output must have one row per input row and the same width in every batch.</summary>
    private static void CheckOutputShape(ModelSpec spec, long[] shape, int rows, int? width)
    {
        var tokenLevel = shape.Length == 3 && spec.OutputKind == OutputKind.Embedding;
        if ((shape.Length == 2 || tokenLevel) && shape[0] == rows && shape[^1] > 0 && (width is null || shape[^1] == width))
        {
            return;
        }

        var expected = width is { } w ? w.ToString(CultureInfo.InvariantCulture) : "width";
        throw new InvalidInputException([Diagnostic.Error(DiagnosticCodes.ModelSignature, spec.Output.LocationOf("name"), string.Create(CultureInfo.InvariantCulture,
            $"model '{spec.Name}' returned '{spec.OutputName}' with shape [{string.Join(", ", shape)}] for a batch of {rows} rows; expected [{rows}, {expected}]{(spec.OutputKind == OutputKind.Embedding ? $" or [{rows}, tokens, {expected}]" : string.Empty)}, the same width for every batch"))]);
    }

    private static Fed FeedText(OnnxModel model, int[][] tokens, TokenPadding pad, int[] rows, int fixedLength)
    {
        var length = fixedLength > 0 ? fixedLength : pad.LengthFor(rows.Max(r => tokens[r].Length));
        var ids = new long[rows.Length * length];
        var mask = new long[rows.Length * length];
        if (pad.PadId != 0)
        {
            Array.Fill(ids, pad.PadId);
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var row = tokens[rows[i]];
            var start = pad.Left ? length - row.Length : 0;
            for (var t = 0; t < row.Length; t++)
            {
                ids[(i * length) + start + t] = row[t];
                mask[(i * length) + start + t] = 1;
            }
        }

        long[] shape = [rows.Length, length];
        var names = new List<string> { "input_ids" };
        var values = new List<OrtValue> { OrtValue.CreateTensorValueFromMemory(ids, shape) };
        if (model.Inputs.ContainsKey("attention_mask"))
        {
            names.Add("attention_mask");
            values.Add(OrtValue.CreateTensorValueFromMemory(mask, shape));
        }

        if (model.Inputs.ContainsKey("token_type_ids"))
        {
            names.Add("token_type_ids");
            values.Add(OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape));
        }

        return new Fed(names, values, mask);
    }

    private static Fed FeedFeatures(OnnxModel model, string input, ModelInputs inputs, int[] rows)
    {
        var width = inputs.FeatureCount;
        var data = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            inputs.Features.AsSpan(rows[i] * width, width).CopyTo(data.AsSpan(i * width, width));
        }

        // Keep the model's own non-batch dimensions (e.g. [N, 1, 28, 28]) when they are fixed.
        var dims = model.Inputs[input].Dimensions;
        long[] shape = dims.Length > 2 && dims.Skip(1).All(d => d > 0)
            ? [rows.Length, .. dims.Skip(1).Select(d => (long)d)]
            : [rows.Length, width];
        return new Fed([input], [OrtValue.CreateTensorValueFromMemory(data, shape)], null);
    }

    private static void Pool(ReadOnlySpan<float> data, int tokens, int width, long[]? mask, int[] rows, Pooling pooling, float[] result)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var target = result.AsSpan(rows[i] * width, width);
            var rowData = data.Slice(i * tokens * width, tokens * width);
            if (pooling == Pooling.Cls)
            {
                // The first real token: with left padding it is not at position 0.
                var first = 0;
                while (mask is not null && first < tokens - 1 && mask[(i * tokens) + first] == 0)
                {
                    first++;
                }

                rowData.Slice(first * width, width).CopyTo(target);
                continue;
            }

            target.Clear();
            var count = 0;
            for (var t = 0; t < tokens; t++)
            {
                if (mask is null || mask[(i * tokens) + t] != 0)
                {
                    TensorPrimitives.Add(target, rowData.Slice(t * width, width), target);
                    count++;
                }
            }

            if (count > 0)
            {
                TensorPrimitives.Divide(target, count, target);
            }
        }
    }
}
