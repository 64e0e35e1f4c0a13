namespace CatInherit.Reports;

/// <summary>One model's runs of the compared checks of one catastrophe.</summary>
/// <param name="Model">The model.</param>
/// <param name="Checks">Compared checks it ran.</param>
/// <param name="Passed">Runs that passed.</param>
/// <param name="Failed">Runs that failed or errored.</param>
/// <param name="Warned">Runs that warned.</param>
/// <param name="Best">Checks on which its value was the best of the compared models (ties count for each tied model, unless all tie).</param>
public sealed record ModelTally(string Model, int Checks, int Passed, int Failed, int Warned, int Best);
