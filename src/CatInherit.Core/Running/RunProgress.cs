namespace CatInherit.Running;

/// <summary>A step of a run, for progress displays.</summary>
/// <param name="Stage">"load", "check".</param>
/// <param name="Item">The dataset or check concerned.</param>
/// <param name="Done">Items finished in this stage.</param>
/// <param name="Total">Items in this stage.</param>
public sealed record RunProgress(string Stage, string Item, int Done, int Total);
