namespace CatInherit.Mitigation;

/// <summary>The implementation of each method the policy schema declares (<see cref="Policy.Schema.MitigationMethods"/>).</summary>
internal static class MitigationMethodRegistry
{
    public static IReadOnlyList<IMitigationMethod> All { get; } = [new TemperatureMethod(), new ProjectMethod(), new ThresholdsMethod(), new AbstainMethod()];

    public static IMitigationMethod For(string method) => All.Single(m => m.Descriptor.Name == method);
}
