using System.Globalization;
using System.Text;
using CatInherit.Metrics;

namespace CatInherit.Bench;

/// <summary>
/// The metrics benchmark's data, generated from a fixed seed (the same files on every machine): CSVs of a label and four
/// logits (a Gaussian per logit, the label's logit shifted up), and a million predictions with two sensitive columns.
/// Files are written once into a folder named by their parameters and reused.
/// </summary>
internal static class BenchData
{
    public const ulong Seed = 14;

    /// <summary>A CSV <c>label,l0,l1,l2,l3</c> of <paramref name="rows"/> rows whose true class's logit is shifted by <paramref name="shift"/>.</summary>
    public static string Logits(string folder, string name, int rows, double shift, ulong stream)
    {
        var path = Path.Combine(folder, name);
        if (File.Exists(path))
        {
            return path;
        }

        var rng = Xoshiro256.ForStream(Seed, stream);
        Write(path, "label,l0,l1,l2,l3", rows, (builder, _) =>
        {
            var label = rng.NextInt(4);
            builder.Append(label);
            for (var k = 0; k < 4; k++)
            {
                var logit = Gaussian(ref rng) + (k == label ? shift : 0);
                builder.Append(',').Append(logit.ToString("F6", CultureInfo.InvariantCulture));
            }
        });
        return path;
    }

    /// <summary>A CSV <c>label,pred,sex,race</c>: 0/1 labels and predictions, two sexes and four races, predictions 80% right.</summary>
    public static string Predictions(string folder, string name, int rows)
    {
        var path = Path.Combine(folder, name);
        if (File.Exists(path))
        {
            return path;
        }

        var rng = Xoshiro256.ForStream(Seed, 99);
        string[] sexes = ["f", "m"];
        string[] races = ["a", "b", "c", "d"];
        Write(path, "label,pred,sex,race", rows, (builder, _) =>
        {
            var label = rng.NextInt(2);
            var pred = rng.NextDouble() < 0.8 ? label : 1 - label;
            builder.Append(label).Append(',').Append(pred).Append(',').Append(sexes[rng.NextInt(2)]).Append(',').Append(races[rng.NextInt(4)]);
        });
        return path;
    }

    private static void Write(string path, string header, int rows, Action<StringBuilder, int> row)
    {
        var partial = path + ".partial";
        using (var writer = new StreamWriter(partial, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write(header);
            writer.Write('\n');
            var builder = new StringBuilder();
            for (var r = 0; r < rows; r++)
            {
                builder.Clear();
                row(builder, r);
                builder.Append('\n');
                writer.Write(builder);
            }
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>A standard normal draw (Box–Muller, one of the pair).</summary>
    private static double Gaussian(ref Xoshiro256 rng)
    {
        var u = 1 - rng.NextDouble();
        var v = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
