using CatInherit.Policy.Schema;

namespace CatInherit.CodeFirst;

/// <summary>
/// The policy's name of a code-first enum value, read from the catalog rather than restated: the name that spells the
/// same once <c>-</c> and <c>_</c> are dropped and case is ignored (<c>ModifiedEntropy</c> is <c>modified-entropy</c>,
/// <c>FprAt95Tpr</c> is <c>fpr_at_95_tpr</c>). A test checks that every enum maps one to one onto its catalog names.
/// </summary>
internal static class PolicyNames
{
    /// <summary>The catalog name of <paramref name="value"/> among <paramref name="names"/>.</summary>
    public static string Of<TEnum>(TEnum value, IEnumerable<string> names)
        where TEnum : struct, Enum
    {
        var key = Normalize(value.ToString());
        return names.FirstOrDefault(n => Normalize(n) == key)
            ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{value} names nothing in [{string.Join(", ", names)}]; the code-first enum and the catalog disagree.");
    }

    /// <summary>The name of a metric of <paramref name="kind"/>.</summary>
    public static string Metric<TMetric>(TMetric metric, CheckKindDescriptor kind)
        where TMetric : struct, Enum => Of(metric, kind.ReportedMetrics);

    /// <summary>An allowed value of the key <paramref name="key"/> of <paramref name="kind"/>.</summary>
    public static string Value<TEnum>(TEnum value, CheckKindDescriptor kind, string key)
        where TEnum : struct, Enum => Of(value, kind.FindKey(key)?.AllowedValues ?? []);

    /// <summary>Lower-case letters and digits only.</summary>
    public static string Normalize(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
