namespace CatInherit.Gating;

/// <summary>The outcome of one check.</summary>
public enum CheckStatus
{
    /// <summary>The gate passed (or the check has no gate).</summary>
    Pass,
    /// <summary>The gate failed.</summary>
    Fail,
    /// <summary>The value passes but its interval crosses the threshold (<c>decide: interval</c>).</summary>
    Warn,
    /// <summary>The gated metric is undefined on this data; the message says why.</summary>
    Error,
}
