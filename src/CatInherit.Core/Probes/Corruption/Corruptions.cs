using System.Text;
using CatInherit.Metrics;

namespace CatInherit.Probes.Corruption;

/// <summary>
/// Seeded corruptions at severities 1–5. Text: each character (or word) is hit with a probability that grows
/// with severity — 2%, 5%, 8%, 12%, 18% of characters; 5%, 10%, 15%, 20%, 30% of words. Numeric features
/// (images scaled to [0, 1]): ImageNet-C-style — gaussian_noise σ = 0.08, 0.12, 0.18, 0.26, 0.38;
/// salt_and_pepper with 1%, 2%, 4%, 7%, 10% of values set to 0 or 1; brightness + 0.1 … 0.5;
/// contrast: values pulled towards their row mean by a factor 0.4, 0.3, 0.2, 0.1, 0.05; blur: a Gaussian blur with
/// σ = 0.5, 0.75, 1, 1.25, 1.5 pixels (edges clamped); pixelate: averaged over blocks as if shrunk to 60%, 50%, 40%,
/// 30%, 25% of the side, then enlarged again. Results are clipped to [0, 1].
/// The same seed, corruption, severity and row always give the same corrupted row.
/// </summary>
internal static class Corruptions
{
    public static readonly IReadOnlyList<string> Text = ["typo", "delete", "insert", "transpose", "word_drop", "case", "punctuation"];

    public static readonly IReadOnlyList<string> Numeric = ["gaussian_noise", "salt_and_pepper", "brightness", "contrast", "blur", "pixelate"];

    /// <summary>Corruptions that need the image's shape (square, 1 or 3 channels, channel-first).</summary>
    public static readonly IReadOnlyList<string> Spatial = ["blur", "pixelate"];

    private static readonly double[] CharRate = [0.02, 0.05, 0.08, 0.12, 0.18];
    private static readonly double[] WordRate = [0.05, 0.10, 0.15, 0.20, 0.30];
    private static readonly double[] NoiseSigma = [0.08, 0.12, 0.18, 0.26, 0.38];
    private static readonly double[] SaltRate = [0.01, 0.02, 0.04, 0.07, 0.10];
    private static readonly double[] BrightnessShift = [0.1, 0.2, 0.3, 0.4, 0.5];
    private static readonly double[] ContrastFactor = [0.4, 0.3, 0.2, 0.1, 0.05];
    private static readonly double[] BlurSigma = [0.5, 0.75, 1.0, 1.25, 1.5];
    private static readonly double[] PixelateScale = [0.6, 0.5, 0.4, 0.3, 0.25];

    // QWERTY neighbours, for typos a person could make.
    private static readonly string[] Keyboard = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    public static string CorruptText(string text, string corruption, int severity, ref Xoshiro256 rng)
    {
        var rate = corruption == "word_drop" ? WordRate[severity - 1] : CharRate[severity - 1];
        if (corruption == "word_drop")
        {
            var words = text.Split(' ');
            var kept = new List<string>();
            foreach (var word in words)
            {
                if (rng.NextDouble() >= rate)
                {
                    kept.Add(word);
                }
            }

            return kept.Count == 0 ? words[0] : string.Join(' ', kept);
        }

        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (rng.NextDouble() >= rate)
            {
                result.Append(c);
                continue;
            }

            switch (corruption)
            {
                case "typo" when char.IsLetter(c):
                    result.Append(Neighbour(c, ref rng));
                    break;
                case "delete":
                    break;
                case "insert":
                    result.Append(c).Append((char)('a' + rng.NextInt(26)));
                    break;
                case "transpose" when i + 1 < text.Length:
                    result.Append(text[i + 1]).Append(c);
                    i++;
                    break;
                case "case" when char.IsLetter(c):
                    result.Append(char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
                    break;
                case "punctuation":
                    result.Append(char.IsPunctuation(c) ? string.Empty : c.ToString()).Append(" .,!?  "[rng.NextInt(7)]);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    public static void CorruptFeatures(Span<float> row, string corruption, int severity, ref Xoshiro256 rng)
    {
        var s = severity - 1;
        switch (corruption)
        {
            case "gaussian_noise":
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = Clip(row[i] + (NoiseSigma[s] * Gaussian(ref rng)));
                }

                break;
            case "salt_and_pepper":
                for (var i = 0; i < row.Length; i++)
                {
                    if (rng.NextDouble() < SaltRate[s])
                    {
                        row[i] = rng.NextInt(2);
                    }
                }

                break;
            case "brightness":
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = Clip(row[i] + BrightnessShift[s]);
                }

                break;
            case "contrast":
                double mean = 0;
                foreach (var v in row)
                {
                    mean += v;
                }

                mean /= row.Length;
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = Clip(mean + ((row[i] - mean) * ContrastFactor[s]));
                }

                break;
            case "blur":
                Spatially(row, image => Blur(image, BlurSigma[s]));
                break;
            case "pixelate":
                Spatially(row, image => Pixelate(image, PixelateScale[s]));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(corruption), corruption, "Unknown corruption.");
        }
    }

    /// <summary>(channels, side) of a square image with <paramref name="values"/> values, or null.</summary>
    public static (int Channels, int Side)? ImageShape(int values)
    {
        foreach (var channels in new[] { 1, 3 })
        {
            var side = (int)Math.Round(Math.Sqrt(values / (double)channels));
            if (side >= 2 && values % channels == 0 && side * side * channels == values)
            {
                return (channels, side);
            }
        }

        return null;
    }

    private static void Spatially(Span<float> row, Func<float[,], float[,]> transform)
    {
        var (channels, side) = ImageShape(row.Length) ?? throw new InvalidOperationException("Not a square image.");
        for (var c = 0; c < channels; c++)
        {
            var plane = row.Slice(c * side * side, side * side);
            var image = new float[side, side];
            for (var i = 0; i < plane.Length; i++)
            {
                image[i / side, i % side] = plane[i];
            }

            var result = transform(image);
            for (var i = 0; i < plane.Length; i++)
            {
                plane[i] = Clip(result[i / side, i % side]);
            }
        }
    }

    private static float[,] Blur(float[,] image, double sigma)
    {
        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = Enumerable.Range(-radius, (2 * radius) + 1).Select(d => Math.Exp(-(d * d) / (2 * sigma * sigma))).ToArray();
        var sum = kernel.Sum();
        var side = image.GetLength(0);
        var horizontal = new float[side, side];
        var result = new float[side, side];
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                double h = 0;
                for (var k = -radius; k <= radius; k++)
                {
                    h += kernel[k + radius] * image[y, Math.Clamp(x + k, 0, side - 1)];
                }

                horizontal[y, x] = (float)(h / sum);
            }
        }

        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                double v = 0;
                for (var k = -radius; k <= radius; k++)
                {
                    v += kernel[k + radius] * horizontal[Math.Clamp(y + k, 0, side - 1), x];
                }

                result[y, x] = (float)(v / sum);
            }
        }

        return result;
    }

    private static float[,] Pixelate(float[,] image, double scale)
    {
        var side = image.GetLength(0);
        var small = Math.Max(1, (int)Math.Round(side * scale));
        var sums = new double[small, small];
        var counts = new int[small, small];
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                sums[y * small / side, x * small / side] += image[y, x];
                counts[y * small / side, x * small / side]++;
            }
        }

        var result = new float[side, side];
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                result[y, x] = (float)(sums[y * small / side, x * small / side] / counts[y * small / side, x * small / side]);
            }
        }

        return result;
    }

    private static char Neighbour(char c, ref Xoshiro256 rng)
    {
        var lower = char.ToLowerInvariant(c);
        foreach (var keys in Keyboard)
        {
            var at = keys.IndexOf(lower, StringComparison.Ordinal);
            if (at >= 0)
            {
                var options = new List<char>();
                if (at > 0)
                {
                    options.Add(keys[at - 1]);
                }

                if (at + 1 < keys.Length)
                {
                    options.Add(keys[at + 1]);
                }

                var pick = options[rng.NextInt(options.Count)];
                return char.IsUpper(c) ? char.ToUpperInvariant(pick) : pick;
            }
        }

        return c;
    }

    private static float Clip(double v) => (float)Math.Clamp(v, 0, 1);

    private static double Gaussian(ref Xoshiro256 rng)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var u = 1 - rng.NextDouble();
        var v = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
