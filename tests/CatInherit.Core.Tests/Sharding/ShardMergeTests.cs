using System.Text.RegularExpressions;
using CatInherit.Model;
using CatInherit.Policy;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Sharding;

/// <summary>
/// A policy run as N shards (separate runs, each writing its partial) and merged gives byte for byte the report.json
/// of one run, apart from the <c>shards</c> field, for every kind; partials that do not make one run are rejected.
/// </summary>
public sealed partial class ShardMergeTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static RunOptions Options(int seed = 0) => new() { Seed = seed, UseCache = false };

    private static string Json(RunReport report) => ReportWriters.ToText(report, new JsonReportWriter());

    /// <summary>Runs shards <paramref name="indices"/> of <paramref name="count"/> of <paramref name="policy"/> into <paramref name="directory"/>.</summary>
    private static void RunShards(string policy, int count, string directory, IEnumerable<int>? indices = null, int seed = 0)
    {
        foreach (var index in indices ?? Enumerable.Range(1, count))
        {
            var result = PolicyRunner.Run(policy, Options(seed) with { Shard = new ShardSpec(index, count), PartialDirectory = directory });
            Assert.True(result.PartialFile is not null, string.Join("\n", result.Diagnostics));
            Assert.Null(result.Report);
            Assert.Equal(Path.Combine(directory, $"shard-{index}-of-{count}.catpartial.json"), result.PartialFile);
        }
    }

    [GeneratedRegex("\n  \"shards\": [0-9]+,")]
    private static partial Regex ShardsField();

    [Fact]
    public void Every_kind_merged_from_1_2_4_and_7_shards_is_byte_identical_to_one_run()
    {
        var policy = ShardedPolicy.Write(folder);
        var single = PolicyRunner.Run(policy, Options());
        Assert.True(single.Report is not null, string.Join("\n", single.Diagnostics));
        Assert.Equal(ShardedPolicy.Kinds.Order(StringComparer.Ordinal), single.Report.Checks.Select(c => c.Kind).Distinct().Order(StringComparer.Ordinal));
        var expected = Json(single.Report);
        Assert.DoesNotContain("\"shards\"", expected, StringComparison.Ordinal);

        foreach (var count in new[] { 1, 2, 4, 7 })
        {
            var directory = folder.File($"partials-{count}");
            RunShards(policy, count, directory);
            var merged = ShardMerge.Merge([directory], Options());
            Assert.True(merged.Report is not null, string.Join("\n", merged.Diagnostics));
            Assert.Equal(count, merged.Report.Shards);
            var json = Json(merged.Report);
            Assert.Contains($"\n  \"shards\": {count},", json, StringComparison.Ordinal);
            Assert.Equal(expected, ShardsField().Replace(json, string.Empty));
        }
    }

    [Fact]
    public void Each_shard_infers_only_its_rows_and_the_rows_split_evenly()
    {
        var policy = ShardedPolicy.Write(folder);
        var directory = folder.File("partials");
        RunShards(policy, 4, directory);
        var partials = Enumerable.Range(1, 4).Select(i => PartialFile.Read(Path.Combine(directory, $"shard-{i}-of-4.catpartial.json"), [])!).ToList();

        // No input is computed by two shards, and every shard gets about a quarter of the inputs.
        var all = new ShardOutputs();
        partials.ForEach(p => all.AddAll(p.Outputs));
        var linear = partials.Select(p => p.Outputs.CountOf("linear")).ToList();
        Assert.Equal(all.CountOf("linear"), linear.Sum());
        Assert.True(linear.Sum() > 1000);
        Assert.True(linear.Max() - linear.Min() < 100, string.Join(", ", linear));

        // The attack asks its model while it runs: shard 1 ran it and carries its report; no other shard did.
        Assert.Equal(["attack", "compared-attack@bow", "compared-attack@bow2"], partials[0].WholeChecks.Select(c => c.GetProperty("id").GetString()));
        Assert.All(partials.Skip(1), p => Assert.Empty(p.WholeChecks));
    }

    [Fact]
    public void A_row_lands_in_the_same_shard_whatever_the_file_order()
    {
        var policy = ShardedPolicy.Write(folder);
        RunShards(policy, 3, folder.File("a"), [2]);
        var lines = File.ReadAllLines(folder.File("features.csv"));
        File.WriteAllLines(folder.File("features.csv"), [lines[0], .. lines.Skip(1).Reverse()]);
        RunShards(policy, 3, folder.File("b"), [2]);

        var a = PartialFile.Read(folder.File("a/shard-2-of-3.catpartial.json"), [])!;
        var b = PartialFile.Read(folder.File("b/shard-2-of-3.catpartial.json"), [])!;
        // The file's rows (corrupted copies are seeded by position, so they move with the order): the same ones in shard 2.
        var features = lines.Skip(1).Select(l => l.Split(',')[1..].Select(v => (float)double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var hashes = ShardOutputs.Keys("features", ModelInputs.FromFeatures([.. features.SelectMany(f => f)], features.Length, 3)).ToHashSet();
        var inA = a.Outputs.RowsOf("linear").Select(r => r.Key).Where(hashes.Contains).ToList();
        Assert.InRange(inA.Count, 60, 140);
        Assert.Equal(inA, b.Outputs.RowsOf("linear").Select(r => r.Key).Where(hashes.Contains));
        Assert.NotEqual(a.Data.Single(d => d.Dataset == "features").Sha256, b.Data.Single(d => d.Dataset == "features").Sha256);
    }

    [Fact]
    public void A_missing_shard_and_a_duplicate_shard_are_reported_together_with_the_files()
    {
        var policy = ShardedPolicy.Write(folder);
        RunShards(policy, 4, folder.File("one"), [1, 2]);
        RunShards(policy, 4, folder.File("two"), [2]);

        var result = ShardMerge.Merge([folder.File("one"), folder.File("two")], Options());

        Assert.Null(result.Report);
        var duplicate = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateShard);
        Assert.Contains("shard 2/4 appears 2 times", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains(folder.File("two/shard-2-of-4.catpartial.json"), duplicate.Message, StringComparison.Ordinal);
        var missing = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.MissingShard);
        Assert.Contains("shards 3/4, 4/4 missing", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partials_of_different_runs_are_not_merged()
    {
        var policy = ShardedPolicy.Write(folder);
        RunShards(policy, 2, folder.File("p"), [1], seed: 0);
        RunShards(policy, 2, folder.File("p2"), [2], seed: 7);

        var result = ShardMerge.Merge([folder.File("p"), folder.File("p2")], Options());

        Assert.Null(result.Report);
        var mixed = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.MixedPartials, mixed.Code);
        Assert.Contains("the seed differs", mixed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_whose_model_ran_on_different_providers_are_not_merged()
    {
        var policy = ShardedPolicy.Write(folder);
        RunShards(policy, 2, folder.File("p"));
        var second = folder.File("p/shard-2-of-2.catpartial.json");
        var text = File.ReadAllText(second);
        Assert.Contains("\"provider\": \"CPUExecutionProvider\"", text, StringComparison.Ordinal);

        // As if shard 2's runner had loaded CUDA: its outputs are not what shard 1's CPU would have computed.
        File.WriteAllText(second, text.Replace("\"provider\": \"CPUExecutionProvider\"", "\"provider\": \"CUDAExecutionProvider\"", StringComparison.Ordinal));
        var result = ShardMerge.Merge([folder.File("p")], Options());

        Assert.Null(result.Report);
        var mixed = Assert.Single(result.Diagnostics, d => d.IsError && d.Message.StartsWith("model 'bow'", StringComparison.Ordinal));
        Assert.Equal(DiagnosticCodes.MixedPartials, mixed.Code);
        Assert.Contains($"CPUExecutionProvider: {folder.File("p/shard-1-of-2.catpartial.json")}; CUDAExecutionProvider: {second}", mixed.Message, StringComparison.Ordinal);
        Assert.Contains("--provider cpu", mixed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_from_another_model_version_is_rejected()
    {
        var policy = ShardedPolicy.Write(folder);
        RunShards(policy, 2, folder.File("p"));

        // The classifier is retrained (another bias) after the shards ran: the merge must not mix its outputs in.
        ShardedPolicy.Write(folder, bias: 0.4f);
        var result = ShardMerge.Merge([folder.File("p")], Options());

        Assert.Null(result.Report);
        // Both classifiers changed (bow2 is bow with another bias): one error each, all at once.
        Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.Equal(DiagnosticCodes.PartialFingerprint, d.Code));
        Assert.Equal(2, result.Diagnostics.Count(d => d.IsError));
        var error = Assert.Single(result.Diagnostics, d => d.IsError && d.Message.StartsWith("model 'bow':", StringComparison.Ordinal));
        Assert.Contains("model 'bow'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not the model the shards ran", error.Message, StringComparison.Ordinal);

        // A shard of the new model next to one of the old: mixed partials.
        RunShards(policy, 2, folder.File("q"), [2]);
        File.Delete(folder.File("p/shard-2-of-2.catpartial.json"));
        var mixed = ShardMerge.Merge([folder.File("p"), folder.File("q")], Options());
        Assert.Equal(DiagnosticCodes.MixedPartials, Assert.Single(mixed.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void Damaged_foreign_and_absent_partials_are_clear_errors()
    {
        var policy = ShardedPolicy.Write(folder);
        RunShards(policy, 2, folder.File("p"));
        var file = folder.File("p/shard-2-of-2.catpartial.json");
        File.WriteAllText(file, File.ReadAllText(file)[..200]);
        folder.Write("q/shard-1-of-1.catpartial.json", """{ "format": "catinherit-partial/99" }""");
        Directory.CreateDirectory(folder.File("empty"));

        var notAFolder = folder.Write("partials.zip", "a download that was not unpacked");

        var result = ShardMerge.Merge([folder.File("p"), folder.File("q"), folder.File("empty"), folder.File("nowhere"), notAFolder], Options());

        Assert.Null(result.Report);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCodes.InvalidPartial, d.Code));
        Assert.Equal(5, result.Diagnostics.Count);
        Assert.Contains(result.Diagnostics, d => d.Location.File == file && d.Message.Contains("cannot be read", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'catinherit-partial/99' cannot be merged", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Location.File == folder.File("empty") && d.Message.Contains("no partial files", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Location.File == folder.File("nowhere") && d.Message.Contains("no such folder", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Location.File == notAFolder && d.Message.Contains("a file, not a folder", StringComparison.Ordinal));
    }
}
