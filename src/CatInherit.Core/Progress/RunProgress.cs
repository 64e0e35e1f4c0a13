namespace CatInherit.Progress;

/// <summary>A step of a run, for progress displays.</summary>
/// <param name="Stage"><c>load</c>, <c>infer</c> or <c>check</c>.</param>
/// <param name="Item">The dataset or check concerned.</param>
/// <param name="Done">Items (or rows, for <c>infer</c>) finished in this step.</param>
/// <param name="Total">Items (or rows) in this step.</param>
/// <param name="Message">A line worth showing when the step ends (e.g. rows, time and provider), else null.</param>
public sealed record RunProgress(string Stage, string Item, int Done, int Total, string? Message = null);
