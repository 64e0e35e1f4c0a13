namespace CatInherit.Probes.Perturbation;

/// <summary>One test case: a sampled text with one word perturbed by one test.</summary>
/// <param name="Test">The test's index in <see cref="PerturbationKind.Tests"/>.</param>
/// <param name="Source">The text's index in the check's sample.</param>
/// <param name="Text">The perturbed text.</param>
/// <param name="Polarity">For a directional test, +1 when the adjective changed is positive, −1 when negative; 0 for invariance tests.</param>
/// <param name="Change">What changed, for reports: <c>good → not good</c>.</param>
internal sealed record PerturbationCase(int Test, int Source, string Text, int Polarity, string Change);
