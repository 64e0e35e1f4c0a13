using CatInherit.Running;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.Hardening;

/// <summary>A shape ONNX Runtime learns only while running (a dynamic width that does not fit the graph) is CAT0113 with the model's message.</summary>
public sealed class RuntimeShapeTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private RunResult Run(string features)
    {
        // Input x is float [batch, ?]: the width is known only at run time, and MatMul with W [3, 2] needs 3.
        TinyModels.Linear(folder.File("dynamic.onnx"), inputShape: [-1, -1]);
        folder.Write("d.csv", "a,b,c,d,label,g\n1,0,0,1,0,x\n0,1,0,1,1,y\n0,0,1,0,1,x\n1,1,0,0,0,y\n");
        return PolicyRun.RunFile(folder.Write("catinherit.yaml", $$"""
            version: 1
            model:
              path: dynamic.onnx
              provider: cpu
              inputs: { features: [{{features}}] }
              output: { name: logits, kind: logits }
            datasets:
              d: { path: d.csv, label: label }
            checks:
              - { id: parity, kind: group-fairness, dataset: d, sensitive: g, resamples: 0, gate: { metric: accuracy, min: 0 } }
            """));
    }

    [Fact]
    public void A_dynamic_width_that_does_not_fit_is_a_model_signature_error_with_onnx_runtimes_message()
    {
        var result = Run("a, b, c, d");

        Assert.Null(result.Report);
        var problem = Assert.Single(result.Diagnostics, d => d.IsError).ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("catinherit.yaml(5,23): error CAT0113: model 'model' (dynamic.onnx) failed on a batch of 4 rows fed as x [4, 4], so its input shapes do not fit what the policy feeds: ", problem, StringComparison.Ordinal);
        Assert.Contains("Dimension mismatch", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_model_runs_when_the_width_fits()
    {
        var result = Run("a, b, c");

        Assert.NotNull(result.Report);
    }
}
