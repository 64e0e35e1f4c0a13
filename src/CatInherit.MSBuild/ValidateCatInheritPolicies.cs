using CatInherit.Running;
using Microsoft.Build.Framework;

namespace CatInherit.MSBuild;

/// <summary>Validates every policy (rules, data headers, model signatures) and reports each problem at its line; runs nothing.</summary>
public sealed class ValidateCatInheritPolicies : Microsoft.Build.Utilities.Task
{
    /// <summary>The policy files (<c>@(CatInheritPolicy)</c>).</summary>
    [Required]
    public ITaskItem[] Policies { get; set; } = [];

    /// <summary>Touched when every policy is valid, so the target is skipped until a policy changes.</summary>
    public string? StampFile { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        foreach (var policy in Policies)
        {
            foreach (var diagnostic in PolicyValidator.Validate(policy.ItemSpec).Diagnostics)
            {
                MSBuildDiagnostics.Log(Log, diagnostic);
            }
        }

        if (!Log.HasLoggedErrors && StampFile is { Length: > 0 } stamp)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
            File.WriteAllText(stamp, string.Join(Environment.NewLine, Policies.Select(p => p.ItemSpec)));
        }

        return !Log.HasLoggedErrors;
    }
}
