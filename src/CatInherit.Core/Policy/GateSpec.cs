namespace CatInherit.Policy;

/// <summary>A threshold on one metric.</summary>
/// <param name="Metric">The metric compared.</param>
/// <param name="Op">Whether the threshold is a maximum or a minimum.</param>
/// <param name="Threshold">The threshold.</param>
/// <param name="Location">Where the gate is written.</param>
public sealed record GateSpec(string Metric, GateOp Op, double Threshold, SourceLocation Location)
{
    /// <summary>True when <paramref name="value"/> is on the passing side (the threshold itself passes).</summary>
    public bool Passes(double value) => Op == GateOp.Max ? value <= Threshold : value >= Threshold;

    /// <summary>"max" or "min", as written in YAML and reports.</summary>
    public string OpName => Op == GateOp.Max ? "max" : "min";
}
