namespace CatInherit.Metrics;

/// <summary>Fitted vector scaling: logits × <paramref name="Scale"/> + <paramref name="Bias"/>, per class.</summary>
/// <param name="Scale">w, one per class.</param>
/// <param name="Bias">b, one per class (their mean is 0).</param>
/// <param name="Nll">The mean negative log-likelihood after, on the fit set.</param>
/// <param name="NllBefore">The same before (w = 1, b = 0).</param>
/// <param name="Converged">False when the descent stopped on its iteration limit.</param>
public sealed record VectorScalingResult(double[] Scale, double[] Bias, double Nll, double NllBefore, bool Converged);
