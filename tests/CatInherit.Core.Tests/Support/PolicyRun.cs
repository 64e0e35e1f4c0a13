using CatInherit.Running;
using CatInherit.Settings;

namespace CatInherit.Tests.Support;

/// <summary>Writes a policy and its data into a temp folder and runs it, as a user would.</summary>
public static class PolicyRun
{
    public static RunResult Run(TempFolder folder, string yaml, int seed = 0)
    {
        var path = folder.Write("catinherit.yaml", yaml);
        return PolicyRunner.Run(path, new RunOptions { Seed = seed });
    }

    /// <summary>Runs a policy file that is already written, without touching the user's output cache.</summary>
    public static RunResult RunFile(string path, int seed = 0) =>
        PolicyRunner.Run(path, new RunOptions { Seed = seed, UseCache = false });

    /// <summary>A one-check group-fairness policy over <paramref name="dataFile"/>.</summary>
    public static string FairnessPolicy(string dataFile, string datasetExtra = "    prediction: pred\n", string checkExtra = "", string sensitive = "sex") => $"""
        version: 1
        datasets:
          d:
            path: {dataFile}
            label: label
        {datasetExtra}checks:
          - id: parity
            kind: group-fairness
            dataset: d
            sensitive: {sensitive}
            gate: {"{"} metric: demographic_parity_difference, max: 0.5 {"}"}
        {checkExtra}
        """;
}
