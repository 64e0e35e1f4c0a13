namespace CatInherit.Reports;

/// <summary>One side's runs of the compared checks of one catastrophe (a side: one place in the <c>compare:</c> lists).</summary>
/// <param name="Model">The side: the models at its place in the <c>compare:</c> lists, joined by " / ".</param>
/// <param name="Checks">Compared checks it ran.</param>
/// <param name="Passed">Runs that passed.</param>
/// <param name="Failed">Runs that failed or errored.</param>
/// <param name="Warned">Runs that warned.</param>
/// <param name="Best">Checks on which its value was the best of the compared models (ties count for each tied model, unless all tie).</param>
public sealed record ModelTally(string Model, int Checks, int Passed, int Failed, int Warned, int Best);
