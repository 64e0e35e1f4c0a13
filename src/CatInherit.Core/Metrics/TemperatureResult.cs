namespace CatInherit.Metrics;

/// <summary>A fitted temperature.</summary>
/// <param name="Temperature">T: the logits are divided by it.</param>
/// <param name="Nll">The mean negative log-likelihood at T on the fit set.</param>
/// <param name="NllBefore">The same at T = 1.</param>
/// <param name="AtBound">True when the minimum lies on the edge of the search range (the fit did not converge inside it).</param>
public sealed record TemperatureResult(double Temperature, double Nll, double NllBefore, bool AtBound);
