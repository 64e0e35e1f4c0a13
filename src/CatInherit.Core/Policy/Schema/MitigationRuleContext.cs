namespace CatInherit.Policy.Schema;

/// <summary>What a method's load-time rule sees: the mitigation with its keys (defaults applied), resolved.</summary>
public sealed class MitigationRuleContext
{
    private readonly List<Diagnostic> diagnostics;

    internal MitigationRuleContext(MitigationSpec mitigation, List<Diagnostic> diagnostics)
    {
        Mitigation = mitigation;
        this.diagnostics = diagnostics;
    }

    /// <summary>The mitigation.</summary>
    public MitigationSpec Mitigation { get; }

    /// <summary>The mitigation's wording in messages: <c>mitigation 'id'</c>.</summary>
    public string Context => $"mitigation '{Mitigation.Id}'";

    /// <summary>Reports an error at <paramref name="key"/> (the mitigation itself when absent).</summary>
    public void Error(string code, string key, string message) => diagnostics.Add(Diagnostic.Error(code, Mitigation.Values.LocationOf(key), message));
}
