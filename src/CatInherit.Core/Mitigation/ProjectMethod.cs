using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes;
using CatInherit.Probes.Counterfactual;
using CatInherit.Probes.EmbeddingAssociation;

namespace CatInherit.Mitigation;

/// <summary>
/// project: embeds each word of each pair with the model (the pooled embedding the policy reads, or the tensor
/// 'embedding:' names), takes the top k principal directions U of the pairs' centred embeddings (Bolukbasi et al. 2016)
/// and inserts x − xUUᵀ (MatMul, MatMul, Sub) after the embedding tensor. On a token-level tensor [batch, tokens, dim]
/// every token is projected, which equals projecting after mean or CLS pooling (pooling is linear).
/// </summary>
internal sealed class ProjectMethod : IMitigationMethod
{
    public MitigationMethodDescriptor Descriptor => MitigationMethods.Project;

    /// <summary>The word pairs a projection declares: a built-in list, two aligned files, or a WEAT test's two target sets.</summary>
    public static List<(string A, string B)>? Pairs(MitigationSpec mitigation, List<Diagnostic> diagnostics)
    {
        var values = mitigation.Values;
        if (values.GetString("targets") is { } test)
        {
            var targets = WeatSets.Test(test).Targets;
            return [.. targets[0].Zip(targets[1])];
        }

        if (values.GetString("pairs") is { } builtIn)
        {
            return [.. SwapList.BuiltInPairs(builtIn)];
        }

        var files = values.Child("pairs");
        var check = new CheckSpec(mitigation.Id, "project", null, DecideMode.Point, 0.95, 0, values, mitigation.BaseDirectory);
        var from = WordListFile.Read(check, files, "from", diagnostics);
        var to = WordListFile.Read(check, files, "to", diagnostics);
        if (from is null || to is null)
        {
            return null;
        }

        if (from.Count != to.Count)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyBiasPairs, values.LocationOf("pairs"), $"mitigation '{mitigation.Id}': 'from' has {from.Count} words but 'to' has {to.Count}; give one counterpart per line"));
            return null;
        }

        return [.. from.Zip(to)];
    }

    public FittedEdit? Fit(MitigationSpec mitigation, ModelSpec? model, FitContext context, List<Diagnostic> diagnostics)
    {
        var values = mitigation.Values;
        var tensor = values.GetString("embedding") ?? model!.OutputName;
        var reading = tensor == model!.OutputName && model.OutputKind == OutputKind.Embedding ? model : context.Reading(model, tensor, OutputKind.Embedding, diagnostics, values.LocationOf("embedding"));
        if (reading is null || Pairs(mitigation, diagnostics) is not { } declared)
        {
            return null;
        }

        if (model.TextColumn is not null && model.VocabPath is null && model.TokenizerFile is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MitigationModel, values.LocationOf("model"), $"mitigation '{mitigation.Id}': model '{model.Name}' reads its tokens from a tokenizer.json; word pairs are embedded with a WordPiece 'vocab:' only, so give the model 'tokenizer: {{ vocab: vocab.txt }}' or use 'targets:'"));
            return null;
        }

        if (model.TextColumn is null || model.VocabPath is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MitigationModel, values.LocationOf("model"), $"mitigation '{mitigation.Id}': model '{model.Name}' reads numeric features; word pairs can only be embedded by a text model"));
            return null;
        }

        // A pair is kept when both words are different and each has at least one known word piece.
        var tokenizer = TextTokenizer.Load(model.VocabPath, model.Lowercase, model.MaxLength);
        var kept = new List<(string A, string B)>();
        var dropped = new List<string>();
        foreach (var (a, b) in declared)
        {
            var same = string.Equals(a, b, model.Lowercase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            if (same || tokenizer.KnownTokens(a) == 0 || tokenizer.KnownTokens(b) == 0)
            {
                dropped.Add($"{a}/{b}");
            }
            else
            {
                kept.Add((a, b));
            }
        }

        var k = values.Int("k");
        if (kept.Count < Math.Max(k, 1))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyBiasPairs, values.LocationOf(values.Has("pairs") ? "pairs" : "targets"), string.Create(CultureInfo.InvariantCulture,
                $"mitigation '{mitigation.Id}': {kept.Count} of {declared.Count} word pairs are usable (two different words, each with a known word piece), fewer than the {k} direction(s) asked for{(dropped.Count > 0 ? $"; unusable: {string.Join(", ", dropped.Take(10))}" : string.Empty)}")));
            return null;
        }

        var words = kept.SelectMany(p => new[] { p.A, p.B }).ToList();
        if (context.Outputs(reading, $"{mitigation.Id}/pairs", words, diagnostics) is not { } outputs)
        {
            return null;
        }

        var rows = outputs.ToRows();
        double[][] directions;
        double[] explained;
        try
        {
            (directions, explained) = BiasSubspace.Fit([.. Enumerable.Range(0, kept.Count).Select(i => (rows[2 * i], rows[(2 * i) + 1]))], k);
        }
        catch (ArgumentException ex)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyBiasPairs, values.LocationOf(values.Has("pairs") ? "pairs" : "targets"), $"mitigation '{mitigation.Id}': {ex.Message}"));
            return null;
        }

        var d = directions[0].Length;
        var normalize = values.Bool("normalize");
        return new FittedEdit
        {
            Summary = new JsonObject
            {
                ["tensor"] = tensor,
                ["pairs"] = kept.Count,
                ["pairs_dropped"] = new JsonArray([.. dropped.Select(p => JsonValue.Create(p))]),
                ["k"] = k,
                ["explained_variance"] = new JsonArray([.. explained.Select(e => JsonValue.Create(e))]),
                ["normalize"] = normalize,
            },
            Warnings = dropped.Count == 0 ? [] : [$"{dropped.Count} word pair(s) left out (identical, or a word with no known word piece): {string.Join(", ", dropped.Take(10))}"],
            Edit = editor => Write(editor, tensor, directions, d, normalize),
        };
    }

    private static void Write(OnnxGraphEditor editor, string tensor, double[][] directions, int d, bool normalize)
    {
        var k = directions.Length;
        var u = editor.Floats("bias_subspace", [d, k], [.. Enumerable.Range(0, d).SelectMany(row => directions.Select(direction => direction[row]))]);
        var ut = editor.Floats("bias_subspace_t", [k, d], [.. directions.SelectMany(direction => direction)]);
        var coordinates = editor.Fresh("bias_coordinates");
        var component = editor.Fresh("bias_component");
        var projected = normalize ? editor.Fresh("projected") : tensor;
        editor.InsertAfter(tensor, raw =>
        {
            var nodes = new List<Onnx.NodeProto>
            {
                OnnxGraphEditor.Node("MatMul", [raw, u], coordinates),
                OnnxGraphEditor.Node("MatMul", [coordinates, ut], component),
                OnnxGraphEditor.Node("Sub", [raw, component], projected),
            };
            if (normalize)
            {
                var squares = editor.Fresh("projected_squares");
                var sum = editor.Fresh("projected_sumsq");
                var norm = editor.Fresh("projected_norm");
                var safe = editor.Fresh("projected_norm_safe");
                var epsilon = editor.Floats("projected_eps", [], [1e-12]);
                nodes.Add(OnnxGraphEditor.Node("Mul", [projected, projected], squares));
                nodes.Add(editor.ReduceLast("ReduceSum", squares, sum));
                nodes.Add(OnnxGraphEditor.Node("Sqrt", [sum], norm));
                nodes.Add(OnnxGraphEditor.Node("Max", [norm, epsilon], safe));
                nodes.Add(OnnxGraphEditor.Node("Div", [projected, safe], tensor));
            }

            return nodes;
        });
        editor.Note("catinherit.projection", string.Create(CultureInfo.InvariantCulture, $"{k} direction(s) removed from {tensor}"));
    }
}
