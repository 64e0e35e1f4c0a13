using System.Globalization;
using System.Text.Json.Nodes;
using CatInherit.Data;
using CatInherit.Metrics;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes.Interpret;
using CatInherit.Probes.Perturbation;

namespace CatInherit.Probes.Adversarial;

/// <summary>
/// adversarial: attacks each sampled input (<see cref="WordSubstitutionAttack"/> for text, <see cref="SimbaAttack"/> for
/// numeric inputs) through the run's query path, and reports TextAttack's summary: accuracy under attack = failed
/// attacks / inputs; attack success rate = successes / (successes + failures), the skipped inputs (already wrong) left
/// out; mean queries over successes and failures; perturbed fraction over successes. Intervals resample the inputs.
/// </summary>
internal sealed class AdversarialProbe : IProbe
{
    private const int ShownExamples = 3;
    private static readonly string[] MetricNames = AdversarialKind.Descriptor.ReportedMetrics;

    public CheckKindDescriptor Descriptor => AdversarialKind.Descriptor;

    public IEnumerable<ColumnRequest> Columns(CheckSpec check, ModelSpec? model) => model is null ? [] : ModelSession.Columns(model);

    public IReadOnlyList<TextRequest> Texts(CheckSpec check, TextContext context, List<Diagnostic> diagnostics)
    {
        if (context.Table is not { } table || context.Model is not { } model)
        {
            return [];
        }

        var rows = Rows(check, table, ProbeSupport.DataSeed(check, context.Dataset));
        return model.TextColumn is { } column
            ? [new TextRequest("clean", [.. rows.Select(r => table.Column<TextColumn>(column).Values[r])])]
            : [new TextRequest("clean", []) { Table = table.Select(rows) }];
    }

    public void Validate(CheckSpec check, ProbeContext context, List<Diagnostic> diagnostics)
    {
        if (context.Texts.TryGetValue("clean", out var clean))
        {
            _ = ProbeSupport.Labels(check, context, ProbeSupport.Classes(check, clean.Width), diagnostics);
        }
    }

    public ProbeResult Run(CheckSpec check, ProbeContext context)
    {
        var table = context.Input!.Table;
        var model = context.Model!;
        var query = context.Query ?? throw new InvalidOperationException("The adversarial probe runs with a query path.");
        var seed = ProbeSupport.DataSeed(check, ProbeSupport.Dataset(check));
        var rows = Rows(check, table, seed);
        var cleanOutputs = context.Texts["clean"];
        var classes = ProbeSupport.Classes(check, cleanOutputs.Width);
        var allLabels = ProbeSupport.Labels(check, context, classes, null)!;
        var labels = rows.Select(r => allLabels[r]).ToArray();
        var clean = ProbeSupport.Probabilities(cleanOutputs);
        var maxQueries = check.Values.Int("max_queries");
        string[]? texts = null;
        AttackOutcome[] outcomes;
        if (model.TextColumn is { } column)
        {
            texts = [.. rows.Select(r => table.Column<TextColumn>(column).Values[r])];
            var sources = PerturbationSources.For(check, [])!;
            outcomes = new WordSubstitutionAttack(sources, query, maxQueries, check.Values.Double("max_words"), seed).Run(texts, labels, clean);
        }
        else
        {
            var columns = model.FeatureColumns.Select(c => table.Column<NumericColumn>(c).Values).ToArray();
            var inputs = rows.Select(r => columns.Select(c => (float)c[r]).ToArray()).ToArray();

            // Images scaled to [0, 1] stay in it; other features are not clipped.
            var unit = columns.All(c => c.All(v => v is >= 0 and <= 1));
            outcomes = new SimbaAttack(query, maxQueries, check.Values.Double("epsilon"), check.Values.Double("step"), unit ? 0 : float.MinValue, unit ? 1 : float.MaxValue, seed).Run(inputs, labels, clean);
        }

        var values = new double[MetricNames.Length];
        void Compute(int[] sample, Span<double> output)
        {
            int succeeded = 0, failed = 0;
            double queries = 0, perturbed = 0;
            foreach (var i in sample)
            {
                var o = outcomes[i];
                if (o.Status == AttackStatus.Skipped)
                {
                    continue;
                }

                queries += o.Queries;
                if (o.Status == AttackStatus.Succeeded)
                {
                    succeeded++;
                    perturbed += o.PerturbedFraction;
                }
                else
                {
                    failed++;
                }
            }

            var attacked = succeeded + failed;
            output[0] = sample.Length == 0 ? double.NaN : (double)failed / sample.Length;
            output[1] = attacked == 0 ? double.NaN : (double)succeeded / attacked;
            output[2] = attacked == 0 ? double.NaN : queries / attacked;
            output[3] = succeeded == 0 ? double.NaN : perturbed / succeeded;
            output[4] = sample.Length == 0 ? double.NaN : (double)attacked / sample.Length;
        }

        var all = Enumerable.Range(0, rows.Length).ToArray();
        Compute(all, values);
        var undefined = new List<KeyValuePair<string, string>>();
        var right = outcomes.Count(o => o.Status != AttackStatus.Skipped);
        if (right == 0)
        {
            undefined.Add(new(MetricNames[1], "the model got none of the sampled inputs right, so none was attacked"));
            undefined.Add(new(MetricNames[2], "no input was attacked"));
        }

        if (outcomes.All(o => o.Status != AttackStatus.Succeeded))
        {
            undefined.Add(new(MetricNames[3], "no attack succeeded"));
        }

        var details = new JsonObject
        {
            ["samples"] = rows.Length,
            ["skipped"] = outcomes.Count(o => o.Status == AttackStatus.Skipped),
            ["succeeded"] = outcomes.Count(o => o.Status == AttackStatus.Succeeded),
            ["failed"] = outcomes.Count(o => o.Status == AttackStatus.Failed),
            ["queries"] = outcomes.Sum(o => (long)o.Queries),
            ["max_queries"] = maxQueries,
            ["most_queries_on_one_input"] = outcomes.Length == 0 ? 0 : outcomes.Max(o => o.Queries),
            ["rounds"] = query.Rounds,
            ["rows_sent_during_attack"] = query.Rows,
            ["successful_examples"] = new JsonArray([.. Enumerable.Range(0, outcomes.Length).Where(i => outcomes[i].Status == AttackStatus.Succeeded).Take(ShownExamples).Select(i => (JsonNode)Example(i))]),
        };

        JsonObject Example(int i)
        {
            var o = outcomes[i];
            var example = new JsonObject();
            if (texts is not null)
            {
                example["text"] = texts[i];
                example["adversarial"] = o.Adversarial;
            }
            else
            {
                example["row"] = table.Lines[rows[i]];
            }

            example["label"] = classes[labels[i]];
            example["after"] = classes[o.Predicted];
            example["queries"] = o.Queries;
            example["changes"] = new JsonArray([.. o.Changes.Select(c => (JsonNode)c)]);
            return example;
        }

        // The words behind the first successful attacks on text: the text and its adversarial copy, for the true class.
        if (texts is not null)
        {
            var examples = Enumerable.Range(0, outcomes.Length).Where(i => outcomes[i].Status == AttackStatus.Succeeded).Take(TokenAttributions.PerCheck).SelectMany((i, rank) => new[]
            {
                new AttributionExample(string.Create(CultureInfo.InvariantCulture, $"attack {rank + 1}, text"), texts[i], labels[i]),
                new AttributionExample(string.Create(CultureInfo.InvariantCulture, $"attack {rank + 1}, adversarial"), outcomes[i].Adversarial!, labels[i]),
            }).ToList();
            TokenAttributions.Into(details, TokenAttributions.Explain(query, examples, classes));
        }

        return new ProbeResult
        {
            Count = rows.Length,
            Metrics = [.. MetricNames.Select((name, m) => new KeyValuePair<string, double>(name, values[m]))],
            Intervals = ProbeRequirements.RowBootstrap(check, context.CheckSeed, () => ProbeRequirements.Contents(rows.Length, (c, i) =>
                c.Add((long)outcomes[i].Status).Add(outcomes[i].Queries).Add(outcomes[i].PerturbedFraction)), MetricNames, values, Compute),
            Undefined = undefined,
            Details = details,
            Explain = _ => string.Create(CultureInfo.InvariantCulture,
                $"{details["succeeded"]} of {right} inputs the model got right were flipped within {maxQueries} queries each (clean accuracy {Numbers.Format(values[4])})"),
        };
    }

    /// <summary>The check's sample of the dataset's rows.</summary>
    private static int[] Rows(CheckSpec check, DataTable table, ulong seed) => RowSample.Choose(table.RowCount, check.Values.Int("samples"), seed);
}
