using CatInherit.Metrics;

namespace CatInherit.Tests.Metrics;

/// <summary>The mitigations' fits against independent computations: another optimiser, brute force, power iteration, hand values.</summary>
public sealed class MitigationMetricTests
{
    private static (double[][] Logits, int[] Labels) Overconfident(int seed, int n, int classes, double truth)
    {
        var random = new Random(seed);
        var logits = new double[n][];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            logits[i] = [.. Enumerable.Range(0, classes).Select(_ => (random.NextDouble() * 8) - 4)];
            var p = new double[classes];
            Probability.Softmax([.. logits[i].Select(z => z / truth)], p);
            var u = random.NextDouble();
            labels[i] = classes - 1;
            for (var k = 0; k < classes; k++)
            {
                if ((u -= p[k]) < 0)
                {
                    labels[i] = k;
                    break;
                }
            }
        }

        return (logits, labels);
    }

    /// <summary>dNLL/dT = mean(z_y − E_p[z]) / T², whose root a bisection finds without any golden section.</summary>
    private static double TemperatureByBisection(double[][] logits, int[] labels)
    {
        double Gradient(double t)
        {
            double sum = 0;
            for (var i = 0; i < logits.Length; i++)
            {
                var p = new double[logits[i].Length];
                Probability.Softmax([.. logits[i].Select(z => z / t)], p);
                sum += logits[i][labels[i]] - logits[i].Select((z, k) => z * p[k]).Sum();
            }

            return sum / logits.Length / (t * t);
        }

        double lo = 0.01, hi = 100;
        for (var step = 0; step < 200; step++)
        {
            var mid = Math.Sqrt(lo * hi);
            if (Gradient(mid) < 0)
            {
                lo = mid;  // the NLL still falls as T grows
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Sqrt(lo * hi);
    }

    [Theory]
    [InlineData(1, 300, 2, 2.5)]
    [InlineData(2, 500, 4, 0.6)]
    [InlineData(3, 200, 3, 1.0)]
    public void The_fitted_temperature_is_the_root_of_the_NLL_gradient(int seed, int n, int classes, double truth)
    {
        var (logits, labels) = Overconfident(seed, n, classes, truth);
        var fit = TemperatureFit.Fit(logits, labels);
        Assert.False(fit.AtBound);
        Assert.Equal(TemperatureByBisection(logits, labels), fit.Temperature, 1e-6);
        Assert.True(fit.Nll <= fit.NllBefore);
        Assert.Equal(TemperatureFit.Nll(logits, labels, fit.Temperature), fit.Nll, 12);
    }

    [Theory]
    [InlineData(4, 400, 3, 2.0)]
    [InlineData(5, 300, 2, 0.7)]
    public void Vector_scaling_stops_where_the_NLL_is_flat_in_every_direction(int seed, int n, int classes, double truth)
    {
        var (logits, labels) = Overconfident(seed, n, classes, truth);
        var temperature = TemperatureFit.Fit(logits, labels);
        var fit = VectorScalingFit.Fit(logits, labels, temperature.Temperature);
        Assert.True(fit.Converged);
        Assert.True(fit.Nll <= temperature.Nll + 1e-12);
        Assert.Equal(0, fit.Bias.Sum(), 12);

        // Central differences of the NLL, computed here from its definition.
        double Nll(double[] w, double[] b) => Enumerable.Range(0, n).Average(i =>
        {
            var z = logits[i].Select((v, k) => (v * w[k]) + b[k]).ToArray();
            var max = z.Max();
            return max + Math.Log(z.Sum(v => Math.Exp(v - max))) - z[labels[i]];
        });
        Assert.Equal(fit.Nll, Nll(fit.Scale, fit.Bias), 10);
        const double h = 1e-5;
        for (var j = 0; j < 2 * classes; j++)
        {
            var up = (w: (double[])fit.Scale.Clone(), b: (double[])fit.Bias.Clone());
            var down = (w: (double[])fit.Scale.Clone(), b: (double[])fit.Bias.Clone());
            if (j < classes)
            {
                up.w[j] += h;
                down.w[j] -= h;
            }
            else
            {
                up.b[j - classes] += h;
                down.b[j - classes] -= h;
            }

            Assert.Equal(0, (Nll(up.w, up.b) - Nll(down.w, down.b)) / (2 * h), 5);
        }
    }

    [Fact]
    public void Perfectly_separated_logits_drive_the_temperature_to_the_edge_and_say_so()
    {
        var fit = TemperatureFit.Fit([[2, -2], [-2, 2]], [0, 1]);
        Assert.True(fit.AtBound);
    }

    /// <summary>Every combination of per-group thresholds, scored by brute force.</summary>
    private static (int Correct, double Difference)? BruteForce(double[] scores, bool[] positive, int[] groups, int groupCount, bool equalOpportunity, double max)
    {
        var options = Enumerable.Range(0, groupCount).Select(g =>
        {
            var s = scores.Where((_, r) => groups[r] == g).Distinct().Order().ToList();
            return s.Select(v => v - 1e-9).Append(s[^1] + 1).ToArray();  // accept from each score up, or none
        }).ToArray();
        (int Correct, double Difference)? best = null;
        var choice = new int[groupCount];
        while (true)
        {
            var rates = new double[groupCount];
            var correct = 0;
            for (var g = 0; g < groupCount; g++)
            {
                var rows = Enumerable.Range(0, scores.Length).Where(r => groups[r] == g).ToArray();
                var accepted = rows.Where(r => scores[r] > options[g][choice[g]]).ToArray();
                correct += rows.Count(r => (scores[r] > options[g][choice[g]]) == positive[r]);
                rates[g] = equalOpportunity ? (double)accepted.Count(r => positive[r]) / rows.Count(r => positive[r]) : (double)accepted.Length / rows.Length;
            }

            var difference = rates.Max() - rates.Min();
            if (difference <= max + 1e-12 && (best is null || correct > best.Value.Correct))
            {
                best = (correct, difference);
            }

            var g2 = 0;
            while (g2 < groupCount && ++choice[g2] == options[g2].Length)
            {
                choice[g2++] = 0;
            }

            if (g2 == groupCount)
            {
                return best;
            }
        }
    }

    [Theory]
    [InlineData(1, 2, false, 0.0)]
    [InlineData(2, 2, false, 0.1)]
    [InlineData(3, 3, false, 0.2)]
    [InlineData(4, 2, true, 0.0)]
    [InlineData(5, 3, true, 0.15)]
    [InlineData(6, 3, false, 1.0)]
    public void Per_group_thresholds_match_a_brute_force_search(int seed, int groupCount, bool equalOpportunity, double max)
    {
        var random = new Random(seed);
        var n = 7 * groupCount;
        var groups = Enumerable.Range(0, n).Select(i => i % groupCount).ToArray();
        var scores = Enumerable.Range(0, n).Select(i => Math.Round(random.NextDouble(), 2)).ToArray();  // ties on purpose
        var positive = Enumerable.Range(0, n).Select(i => random.NextDouble() < 0.3 + (0.3 * scores[i]) + (0.1 * groups[i])).ToArray();
        for (var g = 0; g < groupCount; g++)
        {
            positive[g] = true;  // every group has a positive row, so true positive rates are defined
        }

        var result = GroupThresholds.Search(scores, positive, groups, groupCount, equalOpportunity, max)!;
        var expected = BruteForce(scores, positive, groups, groupCount, equalOpportunity, max)!.Value;
        Assert.Equal(expected.Correct, result.Correct);
        Assert.True(result.Difference <= max + 1e-12);

        // The thresholds, applied as the graph applies them (score > threshold), give the reported accuracy and rates.
        var correct = Enumerable.Range(0, n).Count(r => (scores[r] > result.Thresholds[groups[r]]) == positive[r]);
        Assert.Equal(result.Correct, correct);
    }

    [Fact]
    public void Equal_opportunity_is_undefined_for_a_group_without_positives()
    {
        Assert.Null(GroupThresholds.Search([0.1, 0.9, 0.5], [false, true, false], [0, 1, 0], 2, equalOpportunity: true, 0.1));
    }

    [Fact]
    public void The_abstention_threshold_keeps_the_asked_share_of_rows_halfway_between_scores()
    {
        Assert.Equal(0.65, AbstainThreshold.Fit([0.5, 0.9, 0.6, 0.8, 0.7], 0.6), 12);  // keep 3 of 5: between 0.7 and 0.6
        Assert.Equal(0.65, AbstainThreshold.Fit([0.5, 0.9, 0.6, 0.8, 0.7], 0.5), 12);  // ⌈2.5⌉ = 3
        Assert.Equal(Math.Log(4), AbstainThreshold.Energy([0, Math.Log(3)], 1), 12);
        Assert.Equal(2 * Math.Log(1 + Math.Exp(1)), AbstainThreshold.Energy([0, 2], 2), 12);
        Assert.Equal(0.75, AbstainThreshold.Msp([0, Math.Log(3)]), 12);
    }

    [Fact]
    public void The_Wilson_interval_matches_its_textbook_values()
    {
        var half = WilsonInterval.Of(0.5, 100);
        Assert.Equal(0.40383, half.Lower, 5);
        Assert.Equal(0.59617, half.Upper, 5);
        var zero = WilsonInterval.Of(0, 10);
        Assert.Equal(0, zero.Lower, 12);
        Assert.Equal(3.841459 / 13.841459, zero.Upper, 6);  // z² / (n + z²) when nothing was observed
    }

    [Fact]
    public void The_bias_subspace_is_the_top_eigenvectors_of_the_pair_covariance_by_power_iteration()
    {
        var random = new Random(11);
        const int d = 12;
        var pairs = Enumerable.Range(0, 9).Select(_ =>
        {
            var a = Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray();
            var b = a.Select((v, j) => v - (j == 3 ? 2 + random.NextDouble() : 0) - (j == 7 ? random.NextDouble() : 0) + (0.05 * random.NextDouble())).ToArray();
            return (a, b);
        }).ToList();

        var (directions, explained) = BiasSubspace.Fit(pairs, 2);

        // Σ (a − b)(a − b)ᵀ / 2, then power iteration with deflation.
        var covariance = new double[d, d];
        foreach (var (a, b) in pairs)
        {
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    covariance[i, j] += (a[i] - b[i]) * (a[j] - b[j]) / 2;
                }
            }
        }

        var trace = Enumerable.Range(0, d).Sum(i => covariance[i, i]);
        for (var n = 0; n < 2; n++)
        {
            var v = Enumerable.Repeat(1.0, d).ToArray();
            double lambda = 0;
            for (var step = 0; step < 5000; step++)
            {
                var w = new double[d];
                for (var i = 0; i < d; i++)
                {
                    for (var j = 0; j < d; j++)
                    {
                        w[i] += covariance[i, j] * v[j];
                    }
                }

                lambda = Math.Sqrt(w.Sum(x => x * x));
                v = [.. w.Select(x => x / lambda)];
            }

            Assert.Equal(1, Math.Abs(v.Zip(directions[n]).Sum(p => p.First * p.Second)), 1e-8);
            Assert.Equal(lambda / trace, explained[n], 1e-8);
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    covariance[i, j] -= lambda * v[i] * v[j];
                }
            }
        }

        // The projection removes exactly the subspace: what is left is orthogonal to both directions.
        var x = Enumerable.Range(0, d).Select(i => (double)i).ToArray();
        var projected = BiasSubspace.Project(x, directions);
        Assert.All(directions, u => Assert.Equal(0, projected.Zip(u).Sum(p => p.First * p.Second), 1e-10));
    }

    [Fact]
    public void A_subspace_needs_as_many_independent_pairs_as_directions()
    {
        Assert.Throws<ArgumentException>(() => BiasSubspace.Fit([([1.0, 0], [0.0, 0])], 2));
        Assert.Throws<ArgumentException>(() => BiasSubspace.Fit([([1.0, 0], [0.0, 0]), ([2.0, 0], [1.0, 0])], 2));
    }
}
