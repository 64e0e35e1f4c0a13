namespace CatInherit.Policy;

/// <summary>Which side of the threshold passes.</summary>
public enum GateOp
{
    /// <summary>Pass when the value is at most the threshold.</summary>
    Max,

    /// <summary>Pass when the value is at least the threshold.</summary>
    Min,
}
