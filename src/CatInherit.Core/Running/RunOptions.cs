namespace CatInherit.Running;

/// <summary>Options of one run.</summary>
public sealed record RunOptions
{
    /// <summary>The bootstrap seed; the same inputs and seed give a byte-identical report.</summary>
    public int Seed { get; init; }
}
