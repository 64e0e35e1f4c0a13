namespace CatInherit.Gating;

/// <summary>The outcome of one check.</summary>
public enum CheckStatus
{
    /// <summary>The gate passed.</summary>
    Pass,
    /// <summary>The gate failed.</summary>
    Fail,
    /// <summary>The value passes but its interval crosses the threshold (<c>decide: interval</c>).</summary>
    Warn,
    /// <summary>The gated metric is undefined on this data; the message says why.</summary>
    Error,
    /// <summary>The check has no gate: its metrics are reported, nothing was decided, and it never fails a run.</summary>
    Reported,
}
