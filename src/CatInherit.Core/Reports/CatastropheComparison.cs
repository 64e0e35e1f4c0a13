namespace CatInherit.Reports;

/// <summary>How each compared model fares on the checks of one catastrophe, and which passes on less of it.</summary>
/// <param name="Catastrophe">The catastrophe (<see cref="Comparisons.CatastropheOf"/>).</param>
/// <param name="Models">One tally per side (place in the <c>compare:</c> lists), in list order.</param>
/// <param name="PassesOnLess">
/// The side that passes on less: fewest failed (or errored) runs, then fewest warned, then most checks with the best value;
/// null on a tie.
/// </param>
public sealed record CatastropheComparison(string Catastrophe, IReadOnlyList<ModelTally> Models, string? PassesOnLess);
