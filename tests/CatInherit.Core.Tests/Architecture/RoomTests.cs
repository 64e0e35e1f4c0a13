using ArchUnitNET.Loader;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace CatInherit.Tests.Architecture;

/// <summary>
/// The rooms of CatInherit.Core and the arrows between them (README, "Layout"). A room may use the rooms listed
/// for it and nothing else, so no import goes from a lower room to a higher one and no cycle can form.
/// </summary>
public sealed class RoomTests
{
    private static readonly ArchUnitNET.Domain.Architecture Core = new ArchLoader().LoadAssemblies(typeof(CatInherit.Running.PolicyRunner).Assembly).Build();

    /// <summary>Each room and the rooms it may use, lowest first.</summary>
    public static readonly TheoryData<string, string[]> Rooms = new()
    {
        { "Policy", [] },
        { "Metrics", [] },
        { "Progress", [] },
        { "Settings", ["Policy"] },
        { "Data", ["Policy", "Metrics"] },
        { "Model", ["Policy", "Metrics", "Progress", "Settings", "Data"] },
        { "Probes", ["Policy", "Metrics", "Progress", "Settings", "Data", "Model"] },
        { "Gating", ["Policy", "Metrics", "Progress", "Settings", "Data", "Model", "Probes"] },
        { "Reports", ["Policy", "Metrics", "Progress", "Settings", "Data", "Model", "Probes", "Gating"] },
        { "Running", ["Policy", "Metrics", "Progress", "Settings", "Data", "Model", "Probes", "Gating", "Reports"] },
        { "CodeFirst", ["Policy", "Metrics", "Progress", "Settings", "Data", "Model", "Probes", "Gating", "Reports", "Running"] },
        { "Mitigation", ["Policy", "Metrics", "Progress", "Settings", "Data", "Model", "Probes", "Gating", "Reports", "Running"] },
    };

    private static IEnumerable<string> AllRooms => Rooms.Select(row => (string)row[0]);

    [Theory]
    [MemberData(nameof(Rooms))]
    public void A_room_uses_only_the_rooms_below_it(string room, string[] allowed)
    {
        var violations = new List<string>();
        foreach (var other in AllRooms.Where(r => r != room && !allowed.Contains(r)))
        {
            var rule = Types().That().ResideInNamespaceOrBelow($"CatInherit.{room}")
                .Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow($"CatInherit.{other}"));
            violations.AddRange(rule.Evaluate(Core).Where(r => !r.Passed).Select(r => $"{room} → {other}: {r.Description}"));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_namespace_of_core_belongs_to_a_room()
    {
        var namespaces = Core.Types.Select(t => t.Namespace.FullName).Where(n => n.StartsWith("CatInherit.", StringComparison.Ordinal)).Distinct();

        Assert.All(namespaces, n => Assert.Contains(n.Split('.')[1], AllRooms));
    }

    [Fact]
    public void The_rule_sees_real_dependencies()
    {
        // Negative control: Running does use Policy, so forbidding it must report violations.
        var rule = Types().That().ResideInNamespaceOrBelow("CatInherit.Running").Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow("CatInherit.Policy"));

        Assert.False(rule.HasNoViolations(Core));
    }
}
