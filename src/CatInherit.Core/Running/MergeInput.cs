using CatInherit.Model;
using CatInherit.Reports;

namespace CatInherit.Running;

/// <summary>What a merge hands the runner: every shard's outputs, and shard 1's reports of the checks that run whole, by check id.</summary>
internal sealed record MergeInput(ShardOutputs Outputs, IReadOnlyDictionary<string, CheckReport> WholeChecks);
