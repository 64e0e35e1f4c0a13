using CatInherit.Metrics;
using CatInherit.Policy;

namespace CatInherit.Model;

/// <summary>
/// Model outputs per model, each row keyed by its request's name and the row's identity (the hash of what the model
/// read, and its occurrence among rows with the same input): what a shard computed for its rows, or what the merge
/// gathered from every shard. The key does not depend on the row's position in the file or on the shard.
/// </summary>
internal sealed class ShardOutputs
{
    private readonly SortedDictionary<string, (int Width, Dictionary<ulong, float[]> Rows)> models = new(StringComparer.Ordinal);

    /// <summary>The models held, by name, in ordinal order: the order a partial file lists them in.</summary>
    public IEnumerable<string> Models => models.Keys;

    /// <summary>The output width of <paramref name="model"/>.</summary>
    public int WidthOf(string model) => models[model].Width;

    /// <summary>Every row of <paramref name="model"/>, by key, in ascending hash order (a stable file layout).</summary>
    public IEnumerable<KeyValuePair<ulong, float[]>> RowsOf(string model) => models[model].Rows.OrderBy(r => r.Key);

    /// <summary>How many rows <paramref name="model"/> has outputs for.</summary>
    public int CountOf(string model) => models.TryGetValue(model, out var held) ? held.Rows.Count : 0;

    /// <summary>The hash of row <paramref name="row"/>'s input: the shard key of the row and the key of its output.</summary>
    public static ulong InputHash(ModelInputs inputs, int row)
    {
        if (inputs.Tokens is { } tokens)
        {
            var content = RowContent.Of("tokens").Add((long)tokens[row].Length);
            foreach (var token in tokens[row])
            {
                content = content.Add((long)token);
            }

            return content.Hash;
        }

        return RowContent.Of("features").Add(inputs.Features.AsSpan(row * inputs.FeatureCount, inputs.FeatureCount)).Hash;
    }

    /// <summary>The key of every row of a request named <paramref name="label"/>: row identities (<see cref="RowIdentity"/>) of the inputs, mixed with the name.</summary>
    public static ulong[] Keys(string label, ModelInputs inputs)
    {
        var contents = new ulong[inputs.Rows];
        for (var r = 0; r < contents.Length; r++)
        {
            contents[r] = InputHash(inputs, r);
        }

        var keys = RowIdentity.Assign(contents);
        var name = StableHash.Of(label);
        for (var r = 0; r < keys.Length; r++)
        {
            keys[r] = PoissonCounts.Mix(keys[r] ^ name);
        }

        return keys;
    }

    /// <summary>Keeps one output row under <paramref name="key"/>.</summary>
    public void Add(string model, ulong key, ReadOnlySpan<float> output)
    {
        if (!models.TryGetValue(model, out var held))
        {
            held = (output.Length, new Dictionary<ulong, float[]>());
            models[model] = held;
        }

        if (held.Width != output.Length)
        {
            throw new InvalidOperationException($"model '{model}' has outputs of width {held.Width} and {output.Length}.");
        }

        held.Rows.TryAdd(key, output.ToArray());
    }

    /// <summary>Adds <paramref name="rows"/> of a request named <paramref name="label"/> from its outputs (one row per input row).</summary>
    public void AddRows(string model, string label, ModelInputs inputs, IEnumerable<int> rows, ModelOutputs outputs)
    {
        var keys = Keys(label, inputs);
        foreach (var row in rows)
        {
            Add(model, keys[row], outputs.Row(row));
        }
    }

    /// <summary>Adds another holder's rows (a shard's, when merging).</summary>
    public void AddAll(ShardOutputs other)
    {
        foreach (var (model, (_, rows)) in other.models)
        {
            foreach (var (hash, values) in rows)
            {
                Add(model, hash, values);
            }
        }
    }

    /// <summary>
    /// The outputs of every row of <paramref name="inputs"/> for <paramref name="model"/>, or null with
    /// <paramref name="missing"/> rows that no shard computed.
    /// </summary>
    public ModelOutputs? Assemble(string model, string label, ModelInputs inputs, OutputKind kind, out int missing)
    {
        missing = 0;
        if (inputs.Rows == 0)
        {
            return new ModelOutputs([], 0, 0, kind);  // as the engine returns for no rows
        }

        if (!models.TryGetValue(model, out var held))
        {
            missing = inputs.Rows;
            return null;
        }

        var values = new float[inputs.Rows * held.Width];
        var keys = Keys(label, inputs);
        for (var row = 0; row < inputs.Rows; row++)
        {
            if (held.Rows.TryGetValue(keys[row], out var output))
            {
                output.CopyTo(values.AsSpan(row * held.Width, held.Width));
            }
            else
            {
                missing++;
            }
        }

        return missing > 0 ? null : new ModelOutputs(values, inputs.Rows, held.Width, kind);
    }
}
