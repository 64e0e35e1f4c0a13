namespace CatInherit.Metrics;

/// <summary>
/// Vector scaling (Guo et al. 2017): softmax(z ⊙ w + b) with one scale and one bias per class, fitted by minimising the
/// mean negative log-likelihood (convex in w and b) with gradient descent and a backtracking line search, started at
/// the fitted temperature (w = 1/T, b = 0). Stops when the gradient's largest component is below 1e-7.
/// </summary>
public static class VectorScalingFit
{
    /// <summary>Fits w and b; returns them with the NLL before and after.</summary>
    public static VectorScalingResult Fit(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double startTemperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var classes = logits[0].Length;
        var parameters = new double[2 * classes];
        for (var k = 0; k < classes; k++)
        {
            parameters[k] = 1 / startTemperature;
        }

        var gradient = new double[parameters.Length];
        var value = Evaluate(logits, labels, parameters, gradient);
        var step = 1.0;
        var converged = false;
        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            var norm = gradient.Max(Math.Abs);
            if (norm < 1e-7)
            {
                converged = true;
                break;
            }

            var squared = gradient.Sum(g => g * g);
            var trial = new double[parameters.Length];
            var trialGradient = new double[parameters.Length];
            double trialValue;
            step = Math.Min(step * 2, 1e6);
            while (true)
            {
                for (var j = 0; j < parameters.Length; j++)
                {
                    trial[j] = parameters[j] - (step * gradient[j]);
                }

                trialValue = Evaluate(logits, labels, trial, trialGradient);
                if (trialValue <= value - (1e-4 * step * squared) || step < 1e-16)
                {
                    break;
                }

                step /= 2;
            }

            if (trialValue >= value)
            {
                converged = true;
                break;
            }

            parameters = trial;
            gradient = trialGradient;
            value = trialValue;
        }

        // Softmax ignores a constant added to every bias: pin the mean bias to 0 so the result is unique.
        var mean = parameters.Skip(classes).Average();
        for (var k = 0; k < classes; k++)
        {
            parameters[classes + k] -= mean;
        }

        return new VectorScalingResult(parameters[..classes], parameters[classes..], value, TemperatureFit.Nll(logits, labels, 1), converged);
    }

    /// <summary>The mean NLL of softmax(z ⊙ w + b) and its gradient with respect to (w, b).</summary>
    public static double Evaluate(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double[] parameters, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradient);
        var classes = logits[0].Length;
        Array.Clear(gradient);
        var scaled = new double[classes];
        var p = new double[classes];
        double sum = 0;
        for (var i = 0; i < logits.Count; i++)
        {
            for (var k = 0; k < classes; k++)
            {
                scaled[k] = (logits[i][k] * parameters[k]) + parameters[classes + k];
            }

            sum += Probability.LogSumExp(scaled) - scaled[labels[i]];
            Probability.Softmax(scaled, p);
            for (var k = 0; k < classes; k++)
            {
                var residual = p[k] - (k == labels[i] ? 1 : 0);
                gradient[k] += residual * logits[i][k];
                gradient[classes + k] += residual;
            }
        }

        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] /= logits.Count;
        }

        return sum / logits.Count;
    }
}
