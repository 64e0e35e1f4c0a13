using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CatInherit.Metrics;

namespace CatInherit.Bench;

/// <summary>
/// The score metrics at scale, end to end (<c>catinherit check</c> on generated CSVs, as a user runs it) and as kernels
/// (the sorted sweep and the bootstrap on data in memory), side by side with the NumPy + scikit-learn code a user would
/// write instead, run in the same session when <c>/usr/bin/python3</c> has scikit-learn. Peak memory from
/// <c>/usr/bin/time</c> where it exists.
/// </summary>
internal static class MetricsBench
{
    private const string Python = "/usr/bin/python3";
    private const string Time = "/usr/bin/time";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string root, string[] args)
    {
        var rows = Option(args, "--rows", 50_000);
        var bigRows = Option(args, "--big-rows", 5_000_000);
        var fairnessRows = Option(args, "--fairness-rows", 1_000_000);
        var resamples = Option(args, "--resamples", 1000);
        var repeat = Option(args, "--repeat", 3);
        var folder = OptionText(args, "--data") ?? Path.Combine(Path.GetTempPath(), "catinherit-bench-metrics");
        var cli = Path.Combine(root, "src", "CatInherit.Cli", "bin", "Release", "net10.0", "catinherit.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"Build the CLI first: dotnet build src/CatInherit.Cli -c Release (looked for {cli})");
            return 2;
        }

        Directory.CreateDirectory(folder);
        Console.WriteLine($"Generating data (seed {BenchData.Seed}) in {folder} ...");
        var sized = Path.Combine(folder, string.Create(Inv, $"{rows}-{bigRows}-{fairnessRows}"));
        Directory.CreateDirectory(sized);
        BenchData.Logits(sized, "id.csv", rows, 2.0, 1);
        BenchData.Logits(sized, "ood.csv", rows, 0.5, 2);
        BenchData.Logits(sized, "members.csv", rows, 2.0, 3);
        BenchData.Logits(sized, "nonmembers.csv", rows, 1.6, 4);
        BenchData.Predictions(sized, "preds.csv", fairnessRows);
        if (bigRows > 0)
        {
            BenchData.Logits(sized, "id-big.csv", bigRows, 2.0, 5);
            BenchData.Logits(sized, "ood-big.csv", bigRows, 0.5, 6);
        }

        if (args.Contains("--kernels-only"))
        {
            Kernels(sized, rows, resamples, repeat, null);
            return 0;
        }

        var python = PythonWithScikitLearn();
        var works = new List<Work>
        {
            new("ood", string.Create(Inv, $"ood (energy), {rows:N0} + {rows:N0} rows of 4 logits, {resamples:N0} resamples"), OodPolicy("id.csv", "ood.csv", resamples), "ood", resamples),
            new("membership", string.Create(Inv, $"membership-inference (loss), {rows:N0} + {rows:N0} rows, {resamples:N0} resamples"), MembershipPolicy(resamples), "membership", resamples),
            new("fairness", string.Create(Inv, $"group-fairness, {fairnessRows:N0} rows, 8 groups, {resamples:N0} resamples"), FairnessPolicy(resamples), "fairness", resamples),
        };
        if (bigRows > 0)
        {
            works.Add(new("ood-big", string.Create(Inv, $"ood (energy), {bigRows:N0} + {bigRows:N0} rows, no resamples"), OodPolicy("id-big.csv", "ood-big.csv", 0), "ood-big", 0));
        }

        Console.WriteLine(string.Create(Inv, $"{Environment.ProcessorCount} cores, load average {LoadAverage()}, median of {repeat} runs; Python: {(python ? "NumPy + scikit-learn (/usr/bin/python3)" : "not found, comparison skipped")}"));
        Console.WriteLine();
        Console.WriteLine("End to end (catinherit check on the CSVs; Python: np.loadtxt, the same metrics, the same bootstrap loop):");
        Console.WriteLine();
        Console.WriteLine("| work | CatInherit | CPU | peak RSS | NumPy + scikit-learn | CPU | peak RSS | speed-up (wall) | speed-up (CPU) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var results = new List<(Work Work, Measured Ours, PythonRun? Theirs)>();
        foreach (var work in works)
        {
            var policy = Path.Combine(sized, work.Name + ".yaml");
            File.WriteAllText(policy, work.Policy);
            var ours = Measure(() => RunTimed("dotnet", [cli, "check", policy, "--quiet", "--report-dir", Path.Combine(sized, "report-" + work.Name), "--format", "json"]), repeat);
            var theirs = python ? RunPython(root, work.PythonTask, sized, work.Resamples) : null;
            results.Add((work, ours, theirs));
            Console.WriteLine(string.Create(Inv, $"| {work.Title} | {ours.Seconds:0.00} s | {Cpu(ours.CpuSeconds)} | {Mb(ours.PeakKb)} | {(theirs is null ? "—" : $"{theirs.Seconds:0.00} s")} | {(theirs is null ? "—" : Cpu(theirs.CpuSeconds))} | {(theirs is null ? "—" : Mb(theirs.PeakKb))} | {(theirs is null ? "—" : $"{theirs.Seconds / ours.Seconds:0.0}×")} | {(theirs is null ? "—" : CpuRatio(theirs.CpuSeconds, ours.CpuSeconds))} |"));
        }

        // The lower bound of the Python code: AUROC alone (roc_auc_score), not the four metrics the check reports.
        var aurocOnly = new List<(string Name, PythonRun Theirs)>();
        foreach (var (name, task, resampled) in new[] { ("ood", "ood-auroc", resamples), ("ood-big", "ood-big-auroc", 0) })
        {
            if (!python || results.FirstOrDefault(r => r.Work.Name == name) is not { Work: not null } mine || RunPython(root, task, sized, resampled) is not { } auroc)
            {
                continue;
            }

            aurocOnly.Add((name, auroc));
            Console.WriteLine(string.Create(Inv, $"| {mine.Work.Title}; Python computing AUROC alone (roc_auc_score) | {mine.Ours.Seconds:0.00} s | {Cpu(mine.Ours.CpuSeconds)} | {Mb(mine.Ours.PeakKb)} | {auroc.Seconds:0.00} s | {Cpu(auroc.CpuSeconds)} | {Mb(auroc.PeakKb)} | {auroc.Seconds / mine.Ours.Seconds:0.0}× | {CpuRatio(auroc.CpuSeconds, mine.Ours.CpuSeconds)} |"));
        }

        Targets(results, aurocOnly);

        Console.WriteLine();
        Console.WriteLine("Point estimates, CatInherit's report against NumPy + scikit-learn's (largest absolute difference):");
        foreach (var (work, _, theirs) in results.Where(r => r.Theirs is not null))
        {
            var report = Path.Combine(sized, "report-" + work.Name, "report.json");
            Console.WriteLine(string.Create(Inv, $"  {work.Name}: {Compare(report, work.Name, theirs!.Values):G3}"));
        }

        Console.WriteLine();
        Kernels(sized, rows, resamples, repeat, python ? root : null);
        return 0;
    }

    /// <summary>Each of the issue's targets with the numbers of this run, met or not.</summary>
    private static void Targets(List<(Work Work, Measured Ours, PythonRun? Theirs)> results, List<(string Name, PythonRun Theirs)> aurocOnly)
    {
        Console.WriteLine();
        Console.WriteLine($"Targets (wall times on this machine now; load average {LoadAverage()}):");
        void Line(string what, bool met, string numbers) => Console.WriteLine($"  [{(met ? "met" : "NOT met")}] {what}: {numbers}");
        foreach (var name in new[] { "ood", "membership" })
        {
            if (results.FirstOrDefault(r => r.Work.Name == name) is not { Work: not null } r)
            {
                continue;
            }

            Line($"{name} with resamples ≤ 2 s", r.Ours.Seconds <= 2, string.Create(Inv, $"{r.Ours.Seconds:0.00} s ({Cpu(r.Ours.CpuSeconds)} CPU)"));
            var baseline = aurocOnly.FirstOrDefault(a => a.Name == name).Theirs ?? r.Theirs;
            if (baseline is not null)
            {
                Line($"{name} ≥ 15× the scikit-learn loop", baseline.Seconds / r.Ours.Seconds >= 15, string.Create(Inv, $"{baseline.Seconds / r.Ours.Seconds:0.0}× ({baseline.Seconds:0.00} s{(aurocOnly.Any(a => a.Name == name) ? ", roc_auc_score alone" : string.Empty)})"));
            }
        }

        if (results.FirstOrDefault(r => r.Work.Name == "fairness") is { Work: not null } fairness)
        {
            Line("group-fairness with resamples ≤ 2 s", fairness.Ours.Seconds <= 2, string.Create(Inv, $"{fairness.Ours.Seconds:0.00} s ({Cpu(fairness.Ours.CpuSeconds)} CPU)"));
        }

        if (results.FirstOrDefault(r => r.Work.Name == "ood-big") is { Work: not null } big)
        {
            if ((aurocOnly.FirstOrDefault(a => a.Name == "ood-big").Theirs ?? big.Theirs) is { } baseline)
            {
                Line("large ood ≥ 2× NumPy + scikit-learn", baseline.Seconds / big.Ours.Seconds >= 2, string.Create(Inv, $"{baseline.Seconds / big.Ours.Seconds:0.0}× ({big.Ours.Seconds:0.00} s against {baseline.Seconds:0.00} s)"));
            }

            Line("large ood peak RSS ≤ 1 GB", big.Ours.PeakKb >= 0 && big.Ours.PeakKb <= 1L << 20, Mb(big.Ours.PeakKb));
        }
    }

    /// <summary>The kernels alone, on data already in memory: one sort and sweep, and the bootstrap over that order.</summary>
    private static void Kernels(string folder, int rows, int resamples, int repeat, string? pythonRoot)
    {
        var inScores = Energy(Path.Combine(folder, "id.csv"));
        var outScores = Energy(Path.Combine(folder, "ood.csv"));
        RankedScores? ranked = null;
        RocSummary summary = default;
        var sweep = Measure(() => TimeIt(() => { ranked = RankedScores.From(inScores, outScores); summary = ranked.Summary(); }), repeat);
        ulong[] identities = [];
        var identify = Measure(() => TimeIt(() => identities = RowIdentity.Assign([.. Enumerable.Range(0, ranked!.Count).Select(i => RowContent.Of(ranked.IsPositive(i) ? "in" : "out").Add(ranked.Scores[i]).Hash)])), repeat);
        var bootstrap = Measure(() => TimeIt(() => Bootstrap.Weighted(resamples, 1, identities, 4, 0.95, (counts, _, output) =>
        {
            var roc = ranked!.Summary(counts);
            output[0] = roc.Auc;
            output[1] = roc.AuprPositive;
            output[2] = roc.AuprNegative;
            output[3] = roc.NegativeFprAt95Tpr;
        })), repeat);
        var counts = new byte[identities.Length];
        var draws = Measure(() => TimeIt(() =>
        {
            for (var b = 0; b < resamples; b++)
            {
                PoissonCounts.Fill(identities, PoissonCounts.Key(1, b), counts);
            }
        }), repeat);

        // The weighted sweep alone on one thread, over counts drawn beforehand (a hundred resamples' worth, reused).
        var drawn = Enumerable.Range(0, Math.Min(resamples, 100)).Select(b =>
        {
            var c = new byte[identities.Length];
            PoissonCounts.Fill(identities, PoissonCounts.Key(1, b), c);
            return c;
        }).ToArray();
        var sweeps = Measure(() => TimeIt(() =>
        {
            for (var b = 0; b < resamples; b++)
            {
                _ = ranked!.Summary(drawn[b % drawn.Length]);
            }
        }), repeat);

        Console.WriteLine(string.Create(Inv, $"Kernels on {inScores.Length:N0} + {outScores.Length:N0} energy scores in memory (AUROC {summary.Auc:0.######}):"));
        Console.WriteLine();
        Console.WriteLine("| kernel | CatInherit |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(Inv, $"| sort once + one sweep (AUROC, AUPR in/out, FPR@95TPR) | {sweep.Seconds * 1000:0.0} ms |"));
        Console.WriteLine(string.Create(Inv, $"| row identities (content hash + occurrence) | {identify.Seconds * 1000:0.0} ms |"));
        Console.WriteLine(string.Create(Inv, $"| Poisson counts only, {resamples:N0} × {identities.Length:N0} rows, one thread | {draws.Seconds * 1000:0.0} ms ({draws.Seconds * 1e9 / ((double)resamples * identities.Length):0.00} ns a row) |"));
        Console.WriteLine(string.Create(Inv, $"| weighted sweep only, {resamples:N0} resamples, one thread | {sweeps.Seconds * 1000:0.0} ms ({sweeps.Seconds * 1e9 / ((double)resamples * identities.Length):0.00} ns a row) |"));
        Console.WriteLine(string.Create(Inv, $"| {resamples:N0} resamples: counts + weighted sweep, all threads | {bootstrap.Seconds * 1000:0.0} ms |"));
        _ = pythonRoot;
    }

    private static double[] Energy(string path)
    {
        var result = new List<double>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split(',');
            var z = parts.Skip(1).Select(p => double.Parse(p, Inv)).ToArray();
            var max = z.Max();
            result.Add(max + Math.Log(z.Sum(v => Math.Exp(v - max))));
        }

        return [.. result];
    }

    private static string OodPolicy(string id, string ood, int resamples) => $$"""
        version: 1
        datasets:
          id: { path: {{id}}, label: label, scores: [l0, l1, l2, l3], score_kind: logits }
          far: { path: {{ood}}, label: label, scores: [l0, l1, l2, l3], score_kind: logits }
        checks:
          - id: ood-energy
            kind: ood
            dataset: id
            ood: far
            score: energy
            resamples: {{resamples}}
            gate: { metric: auroc, min: 0.5 }

        """;

    private static string MembershipPolicy(int resamples) => $$"""
        version: 1
        datasets:
          members: { path: members.csv, label: label, scores: [l0, l1, l2, l3], score_kind: logits }
          others: { path: nonmembers.csv, label: label, scores: [l0, l1, l2, l3], score_kind: logits }
        checks:
          - id: membership-loss
            kind: membership-inference
            members: members
            non_members: others
            attack: loss
            resamples: {{resamples}}
            gate: { metric: leakage_auc, max: 0.99 }

        """;

    private static string FairnessPolicy(int resamples) => $$"""
        version: 1
        datasets:
          preds: { path: preds.csv, label: label, prediction: pred }
        checks:
          - id: parity
            kind: group-fairness
            dataset: preds
            sensitive: [sex, race]
            resamples: {{resamples}}
            gate: { metric: demographic_parity_difference, max: 0.5 }

        """;

    /// <summary>The report's metrics in the Python script's order, compared with its values.</summary>
    private static double Compare(string report, string work, double[] theirs)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var metrics = json.RootElement.GetProperty("checks")[0].GetProperty("metrics");
        string[] names = work switch
        {
            "membership" => ["auc", "leakage_auc", "tpr_at_fpr", "advantage"],
            "fairness" => ["accuracy", "demographic_parity_difference", "demographic_parity_ratio", "equal_opportunity_difference", "equal_opportunity_ratio", "equalized_odds_difference", "equalized_odds_ratio", "worst_group_accuracy"],
            _ => ["auroc", "aupr_in", "aupr_out", "fpr_at_95_tpr"],
        };
        return names.Select((n, i) => Math.Abs(metrics.GetProperty(n).GetDouble() - theirs[i])).Max();
    }

    private static bool PythonWithScikitLearn()
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        var run = RunTimed(Python, ["-c", "import sklearn, numpy"], quiet: true);
        return run.ExitCode == 0;
    }

    private static PythonRun? RunPython(string root, string task, string folder, int resamples)
    {
        var script = Path.Combine(root, "bench", "CatInherit.Bench", "metrics_reference.py");
        var run = RunTimed(Python, [script, task, folder, resamples.ToString(Inv)]);
        if (run.ExitCode != 0)
        {
            Console.Error.WriteLine($"python {task} failed: {run.Output}");
            return null;
        }

        using var json = JsonDocument.Parse(run.Output.Trim().Split('\n')[^1]);
        return new PythonRun(run.Seconds, run.PeakKb, run.CpuSeconds, [.. json.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())]);
    }

    /// <summary>Runs a command, under /usr/bin/time for its peak resident memory where that exists.</summary>
    private static Measured RunTimed(string file, string[] arguments, bool quiet = false)
    {
        var timed = File.Exists(Time) && !quiet;
        var start = new ProcessStartInfo(timed ? Time : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (timed)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("peak-rss-kb %M cpu-s %U %S");
            start.ArgumentList.Add(file);
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        // "peak-rss-kb KB cpu-s USER SYSTEM": the peak resident memory and the CPU seconds, user and system.
        var timing = error.Split('\n').LastOrDefault(l => l.StartsWith("peak-rss-kb ", StringComparison.Ordinal))?.Split(' ');
        var peak = timing is null ? -1 : long.Parse(timing[1], Inv);
        var cpu = timing is null ? -1 : double.Parse(timing[3], Inv) + double.Parse(timing[4], Inv);
        return new Measured(seconds, peak, process.ExitCode, process.ExitCode == 0 ? output.Result : output.Result + error) { CpuSeconds = cpu };
    }

    private static Measured TimeIt(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return new Measured(clock.Elapsed.TotalSeconds, -1, 0, string.Empty);
    }

    /// <summary>The median time of <paramref name="repeat"/> runs, the largest peak memory.</summary>
    private static Measured Measure(Func<Measured> run, int repeat)
    {
        var runs = Enumerable.Range(0, repeat).Select(_ => run()).ToList();
        var failed = runs.FirstOrDefault(r => r.ExitCode != 0);
        if (failed is not null)
        {
            Console.Error.WriteLine($"a run failed (exit {failed.ExitCode}): {failed.Output}");
        }

        var sorted = runs.Select(r => r.Seconds).Order().ToList();
        var cpu = runs.Select(r => r.CpuSeconds).Order().ToList();
        return new Measured(sorted[sorted.Count / 2], runs.Max(r => r.PeakKb), failed?.ExitCode ?? 0, string.Empty) { CpuSeconds = cpu[cpu.Count / 2] };
    }

    private static string Cpu(double seconds) => seconds < 0 ? "—" : string.Create(Inv, $"{seconds:0.00} s");

    private static string CpuRatio(double theirs, double ours) => theirs < 0 || ours <= 0 ? "—" : string.Create(Inv, $"{theirs / ours:0.0}×");

    private static string Mb(long kb) => kb < 0 ? "—" : string.Create(Inv, $"{kb / 1024.0:0} MB");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], Inv) : fallback;
    }

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private sealed record Work(string Name, string Title, string Policy, string PythonTask, int Resamples);

    private sealed record Measured(double Seconds, long PeakKb, int ExitCode, string Output)
    {
        /// <summary>User + system CPU seconds (−1 when unknown): the work done, which other load on the machine hardly moves.</summary>
        public double CpuSeconds { get; init; } = -1;
    }

    private sealed record PythonRun(double Seconds, long PeakKb, double CpuSeconds, double[] Values);
}
