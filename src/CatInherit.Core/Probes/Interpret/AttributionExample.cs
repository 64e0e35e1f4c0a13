namespace CatInherit.Probes.Interpret;

/// <summary>One text to explain.</summary>
/// <param name="Example">What it is, for the report: "worst pair 1, text", "flip 2, perturbed".</param>
/// <param name="Text">The text as the model read it.</param>
/// <param name="Class">The class (an index into the check's classes) whose probability the words are credited with.</param>
internal sealed record AttributionExample(string Example, string Text, int Class);
