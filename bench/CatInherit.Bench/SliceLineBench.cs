using System.Diagnostics;
using System.Globalization;
using CatInherit.Metrics;

namespace CatInherit.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/CatInherit.Bench -- slices [--rows 100000] [--repeat 5] [--alpha 0.95]</c>:
/// SliceLine on synthetic rows with 10 categorical columns of 2 to 20 levels (a planted pocket of errors), k = 4, support 32,
/// up to 3 predicates; prints the median time and the load average.
/// </summary>
internal static class SliceLineBench
{
    public static void Run(string[] args)
    {
        var rows = Option(args, "--rows", 100_000);
        var repeat = Option(args, "--repeat", 5);
        int[] levels = [2, 3, 4, 5, 6, 8, 10, 12, 16, 20];
        var random = new Random(7);
        var codes = levels.Select(l => Enumerable.Range(0, rows).Select(_ => random.Next(l)).ToArray()).ToArray();
        var errors = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var rate = codes[0][r] == 0 && codes[2][r] == 1 ? 0.5 : codes[4][r] == 3 ? 0.25 : 0.08;
            errors[r] = random.NextDouble() < rate ? 1 : 0;
        }

        var alpha = double.Parse(Value(args, "--alpha") ?? "0.95", CultureInfo.InvariantCulture);
        var options = new SliceLineOptions(4, 32, alpha, 3);
        SliceLineResult? result = null;
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            result = SliceLine.Find(codes, levels, errors, options);
            times.Add(clock.Elapsed.TotalSeconds);
        }

        var inv = CultureInfo.InvariantCulture;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        Console.WriteLine(string.Create(inv, $"SliceLine: {rows} rows × {levels.Length} columns ({levels.Sum()} levels), k 4, support 32, α {alpha}, up to 3 predicates, {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(inv, $"median {times.Order().ElementAt(times.Count / 2):0.000} s over {repeat} runs (first {times[0]:0.000} s); {result!.Evaluated} slices evaluated, {result.Pruned} pruned; load average {load}"));
        foreach (var slice in result.Top)
        {
            Console.WriteLine(string.Create(inv, $"  {string.Join(" and ", slice.Predicates.Select(p => $"c{p.Feature} = {p.Level}"))}: n {slice.Size}, error {slice.Error:0.###}, score {slice.Score:0.###}"));
        }
    }

    private static int Option(string[] args, string name, int fallback) => Value(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
