namespace CatInherit.Policy;

/// <summary>What decides a gate.</summary>
public enum DecideMode
{
    /// <summary>The metric's value alone.</summary>
    Point,

    /// <summary>The value decides fail; a pass whose interval crosses the threshold becomes a warning.</summary>
    Interval,
}
