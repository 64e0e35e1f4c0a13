using System.Reflection;
using CatInherit.CodeFirst;
using CatInherit.Policy.Schema;
using CatInherit.Probes;
using CatInherit.Probes.Corruption;
using CatInherit.Probes.Perturbation;

namespace CatInherit.Tests.CodeFirst;

/// <summary>
/// The code-first API cannot drift from the catalog: every kind has a builder, every key a typed method, every gateable
/// metric and every allowed value an enum member (and nothing the catalog does not have). When a kind is added, these
/// tests say what to add (CONTRIBUTING.md, "Adding a check kind", step 3).
/// </summary>
public sealed class CodeFirstCoverageTests
{
    private const string HowTo = "see CONTRIBUTING.md, 'Adding a check kind', step 3 (code first)";

    /// <summary>Common keys a code-first check does not write: its kind (the builder is the kind), and baselines (they live beside a policy file).</summary>
    private static readonly string[] NotInCode = ["kind", "baseline"];

    private static readonly Assembly Core = typeof(InheritanceCheck).Assembly;

    private static readonly Type[] Builders = [.. Core.GetTypes().Where(t => t.IsSubclassOf(typeof(InheritanceCheck)) && !t.IsAbstract)];

    public static TheoryData<string> Kinds => [.. CheckKinds.Catalog.Names];

    private static CheckKindDescriptor DescriptorOf(Type builder) =>
        (CheckKindDescriptor)typeof(CodeFirstCoverageTests).GetMethod(nameof(Descriptor), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(builder).Invoke(null, null)!;

    private static CheckKindDescriptor Descriptor<T>()
        where T : ICodeFirstKind => T.Descriptor;

    private static Type BuilderOf(string kind) =>
        Builders.SingleOrDefault(b => DescriptorOf(b).Name == kind)
        ?? throw new Xunit.Sdk.XunitException($"Check kind '{kind}' has no code-first builder: add src/CatInherit.Core/CodeFirst/Kinds/<Kind>/ with a sealed <Kind>Check (InheritanceCheck<<Kind>Check, <Kind>Metric>, ICodeFirstKind), its <Kind>Metric enum and an entry method on InheritanceData or InheritanceModel; {HowTo}.");

    /// <summary>The public methods that write a check of <paramref name="builder"/>'s kind: its own, its base's, and the entry methods that start it.</summary>
    private static List<MethodInfo> MethodsOf(Type builder) =>
    [
        .. builder.GetMethods(BindingFlags.Public | BindingFlags.Instance),
        .. new[] { typeof(InheritanceData), typeof(InheritanceModel) }.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)).Where(m => m.ReturnType == builder),
    ];

    private static IEnumerable<string> KeysWritten(IEnumerable<MethodInfo> methods) => methods.SelectMany(m => m.GetCustomAttributes<PolicyKeyAttribute>()).Select(a => a.Key).Distinct();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_in_the_catalog_has_a_sealed_builder_and_a_method_that_starts_it(string kind)
    {
        var builder = BuilderOf(kind);

        Assert.True(builder.IsSealed && builder.IsPublic, $"{builder.Name} must be public and sealed");
        Assert.True(MethodsOf(builder).Any(m => m.DeclaringType != builder && m.ReturnType == builder && m.DeclaringType is { } d && (d == typeof(InheritanceData) || d == typeof(InheritanceModel))),
            $"nothing starts a {kind} check: add an entry method returning {builder.Name} to InheritanceData (a check on data) or InheritanceModel (a check that needs only a model); {HowTo}.");
    }

    [Fact]
    public void Every_builder_is_a_kind_of_the_catalog()
    {
        Assert.NotEmpty(Builders);
        Assert.All(Builders, b => Assert.True(typeof(ICodeFirstKind).IsAssignableFrom(b), $"{b.Name} must implement ICodeFirstKind"));
        Assert.Equal(Builders.Length, Builders.Select(DescriptorOf).Select(d => d.Name).Distinct().Count());
        Assert.All(Builders, b => Assert.NotNull(CheckKinds.Catalog.Find(DescriptorOf(b).Name)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_gateable_metric_has_a_member_of_the_kind_s_metric_enum_and_back(string kind)
    {
        var builder = BuilderOf(kind);
        var descriptor = DescriptorOf(builder);
        var metricEnum = builder.BaseType!.GetGenericArguments()[1];

        var members = Enum.GetNames(metricEnum).Select(PolicyNames.Normalize).Order(StringComparer.Ordinal);
        var metrics = descriptor.ReportedMetrics.Select(PolicyNames.Normalize).Order(StringComparer.Ordinal);

        Assert.True(members.SequenceEqual(metrics),
            $"{metricEnum.Name} must have one member per gateable metric of {kind} ([{string.Join(", ", descriptor.ReportedMetrics)}]), named as the metric in PascalCase; it has [{string.Join(", ", Enum.GetNames(metricEnum))}]; {HowTo}.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_key_of_every_kind_has_a_typed_method(string kind)
    {
        var builder = BuilderOf(kind);
        var descriptor = DescriptorOf(builder);
        var keys = PolicySchema.CommonCheckKeys.Concat(descriptor.Keys).Select(k => k.Name).Except(NotInCode).ToList();

        var written = KeysWritten(MethodsOf(builder)).ToList();

        Assert.True(keys.Except(written).ToList() is { Count: 0 }, $"{builder.Name} has no method for [{string.Join(", ", keys.Except(written))}] of {kind}: add a typed method marked [PolicyKey(\"key\")]; {HowTo}.");
        Assert.True(written.Except(keys).ToList() is { Count: 0 }, $"{builder.Name} writes [{string.Join(", ", written.Except(keys))}], which {kind} does not have.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_allowed_value_has_an_enum_member_and_back(string kind)
    {
        var builder = BuilderOf(kind);
        foreach (var key in DescriptorOf(builder).Keys)
        {
            // The values a key accepts: its allowed values, or (lists checked by the kind's own rule) the corruptions or perturbation tests that exist.
            IReadOnlyList<string> allowed = (kind, key.Name) switch
            {
                ("corruption", "corruptions") => [.. Corruptions.Text, .. Corruptions.Numeric],
                ("perturbation", "tests") => PerturbationKind.Tests,
                _ => key.AllowedValues,
            };
            if (allowed.Count == 0)
            {
                continue;
            }

            var enums = MethodsOf(builder).Where(m => m.GetCustomAttributes<PolicyKeyAttribute>().Any(a => a.Key == key.Name))
                .SelectMany(m => m.GetParameters()).Select(p => p.ParameterType.IsGenericType ? p.ParameterType.GetGenericArguments()[0] : p.ParameterType)
                .Where(t => t.IsEnum).Distinct().ToList();
            var values = allowed.Select(PolicyNames.Normalize).Order(StringComparer.Ordinal).ToList();

            var options = Assert.Single(enums);
            Assert.True(Enum.GetNames(options).Select(PolicyNames.Normalize).Order(StringComparer.Ordinal).SequenceEqual(values),
                $"{options.Name} must have one member per value of '{key.Name}' of {kind} ([{string.Join(", ", allowed)}]); it has [{string.Join(", ", Enum.GetNames(options))}]; {HowTo}.");
        }
    }

    [Fact]
    public void Every_dataset_key_has_a_typed_method()
    {
        var written = KeysWritten(typeof(InheritanceData).GetMethods().Concat(typeof(Inheritance).GetMethods()).Where(m => m.ReturnType == typeof(InheritanceData))).ToList();

        Assert.Equal(PolicySchema.DatasetKeys.Select(k => k.Name).Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_model_key_has_a_typed_method()
    {
        static IEnumerable<string> Paths(IEnumerable<KeySpec> keys, string prefix) =>
            keys.SelectMany(k => k.Kind == ValueKind.Map && k.Keys.Count > 0 ? Paths(k.Keys, $"{prefix}{k.Name}.") : [prefix + k.Name]);

        var written = KeysWritten(typeof(InheritanceModel).GetMethods().Concat(typeof(Inheritance).GetMethods()).Where(m => m.ReturnType == typeof(InheritanceModel))).ToList();

        Assert.Equal(Paths(PolicySchema.ModelKeys, string.Empty).Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_kind_redeclares_a_key_every_check_has(string kind)
    {
        var own = CheckKinds.Catalog.Find(kind)!.Keys.Select(k => k.Name);

        Assert.Empty(own.Intersect(PolicySchema.CommonCheckKeys.Select(k => k.Name)));
    }
}
