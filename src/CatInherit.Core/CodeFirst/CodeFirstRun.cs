using System.Globalization;
using CatInherit.Policy;
using CatInherit.Probes;
using CatInherit.Reports;
using CatInherit.Running;
using CatInherit.Settings;

namespace CatInherit.CodeFirst;

/// <summary>Runs a code-first check: its policy through the same loader and engine as a YAML file; every problem at once, at the user's code.</summary>
internal static class CodeFirstRun
{
    /// <summary>Every run of the check: one, or one per model of <c>.Compare(...)</c>.</summary>
    public static IReadOnlyList<CheckReport> Run(CheckState check)
    {
        var policy = CodeFirstPolicy.Of(check);
        var loaded = PolicyLoader.Read(policy.Tree, policy.File, Directory.GetCurrentDirectory(), CheckKinds.Catalog, policy.InMemory);
        if (loaded.Policy is null || policy.Problems.Count > 0)
        {
            throw new InvalidInputException(policy.Map([.. policy.Problems, .. loaded.Diagnostics]));
        }

        var options = RunSettings.ResolveOrThrow(new RunSettingsRequest { Seed = check.Seed?.ToString(CultureInfo.InvariantCulture) });
        var result = PolicyRunner.Run(loaded.Policy, options, sources: policy.Sources);
        return result.Report?.Checks ?? throw new InvalidInputException(policy.Map(result.Diagnostics));
    }
}
