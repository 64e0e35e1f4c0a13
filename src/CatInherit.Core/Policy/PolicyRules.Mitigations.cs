using CatInherit.Policy.Schema;
using CatInherit.Policy.Yaml;

namespace CatInherit.Policy;

/// <summary>The <c>mitigations:</c> section: each entry's keys (from its method's descriptor), its models, its fit dataset and the rules across them.</summary>
internal sealed partial class PolicyRules
{
    private List<MitigationSpec> ReadMitigations(YamlNode node, PolicyReferences references, IReadOnlyList<CheckSpec> checks)
    {
        var result = new List<MitigationSpec>();
        if (node is not YamlList list)
        {
            reader.Error(DiagnosticCodes.WrongType, node.Location, $"'mitigations' is a list of mitigations ('- id: ...'); found {node.Describe()}");
            return result;
        }

        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (item is not YamlMap map)
            {
                reader.Error(DiagnosticCodes.WrongType, item.Location, $"each mitigation is a mapping with 'id' and 'method'; found {item.Describe()}");
            }
            else if (ReadMitigation(map, references, checks, ids) is { } mitigation)
            {
                result.Add(mitigation);
            }
        }

        return result;
    }

    private MitigationSpec? ReadMitigation(YamlMap map, PolicyReferences references, IReadOnlyList<CheckSpec> checks, Dictionary<string, SourceLocation> ids)
    {
        var methodNode = map.Entries.FirstOrDefault(e => e.Key.Value == "method").Value;
        MitigationMethodDescriptor? method = null;
        if (methodNode is YamlScalar { IsNull: false } methodScalar)
        {
            method = catalog.Methods.FirstOrDefault(m => m.Name == methodScalar.Value);
            if (method is null)
            {
                var names = catalog.Methods.Select(m => m.Name).ToList();
                reader.Error(DiagnosticCodes.InvalidValue, methodScalar.Location, $"unknown mitigation method '{methodScalar.Value}'.{Suggestions.DidYouMean(methodScalar.Value, names)} Available: {string.Join(", ", names)}");
            }
        }

        var keys = method is null ? MitigationMethods.CommonKeys : [.. MitigationMethods.CommonKeys, .. method.Keys];
        var idText = map.Entries.FirstOrDefault(e => e.Key.Value == "id").Value is YamlScalar { IsNull: false } idScalar ? idScalar.Value : null;
        var context = idText is null ? "this mitigation" : $"mitigation '{idText}'";
        var read = reader.ReadMap(map, keys, context, skipKeys: ["method"], ignoreUnknown: method is null);
        var values = new SpecValues(map.Location, read.Nodes, keys);
        if (methodNode is null)
        {
            reader.Error(DiagnosticCodes.MissingKey, map.Location, $"{context} is missing 'method'; one of: {string.Join(", ", catalog.Methods.Select(m => m.Name))}");
        }

        if (idText is not null)
        {
            if (!CheckIdPattern().IsMatch(idText))
            {
                reader.Error(DiagnosticCodes.DuplicateMitigationId, values.LocationOf("id"), $"mitigation id '{idText}' must start with a letter or digit and use only letters, digits, '.', '_' and '-' (it names the mitigated model's file)");
            }
            else if (ids.TryGetValue(idText, out var first))
            {
                reader.Error(DiagnosticCodes.DuplicateMitigationId, values.LocationOf("id"), $"mitigation id '{idText}' is already used by the mitigation at line {first.Line}; ids must be unique");
            }
            else
            {
                ids[idText] = values.LocationOf("id");
            }
        }

        var models = MitigatedModels(values, references, context, method);
        DatasetSpec? fit = null;
        if (references.ResolveDataset(values, "fit", context, reader.Diagnostics) is { } found)
        {
            fit = references.Bind(found, models.FirstOrDefault()?.Name);
            if (method is { NeedsLabels: true } && found.Label is null)
            {
                reader.Error(DiagnosticCodes.MissingKey, values.LocationOf("fit"), $"{context} is fitted on labelled rows, but dataset '{found.Name}' has no 'label' column");
            }

            RequireUngatedFit(found, checks, values, context);
        }

        if (method is null || idText is null || read.Invalid.Count > 0)
        {
            return null;
        }

        foreach (var group in method.OneOf)
        {
            var present = group.Where(values.Has).ToList();
            if (present.Count != 1)
            {
                reader.Error(present.Count == 0 ? DiagnosticCodes.MissingKey : DiagnosticCodes.InvalidValue, present.Count == 0 ? map.Location : values.LocationOf(present[1]),
                    $"{context} needs exactly one of {string.Join(" or ", group.Select(k => $"'{k}'"))}{(present.Count > 1 ? $"; it has {string.Join(" and ", present.Select(k => $"'{k}'"))}" : string.Empty)}");
            }
        }

        var mitigation = new MitigationSpec(idText, method.Name, models, fit, values, reader.BaseDirectory);
        var rule = new MitigationRuleContext(mitigation, reader.Diagnostics);
        foreach (var methodRule in method.Rules)
        {
            methodRule(rule);
        }

        return mitigation;
    }

    /// <summary>The models a mitigation edits: those it names, else the only model; none for thresholds on precomputed scores.</summary>
    private List<ModelSpec> MitigatedModels(SpecValues values, PolicyReferences references, string context, MitigationMethodDescriptor? method)
    {
        var names = values.GetStrings("model");
        if (names.Count == 0)
        {
            if (references.FindModel(null) is { } only)
            {
                return [only];
            }

            if (references.Models.Count > 1)
            {
                reader.Error(DiagnosticCodes.UnknownModel, values.Owner, $"{context} does not say which model to edit; add 'model: <name>' (models: {string.Join(", ", references.Models.Select(m => m.Name))})");
            }
            else if (method is { EditsModel: true })
            {
                reader.Error(DiagnosticCodes.MitigationModel, values.Owner, $"{context} edits a model's graph, but the policy declares no model");
            }

            return [];
        }

        var result = new List<ModelSpec>();
        for (var i = 0; i < names.Count; i++)
        {
            if (references.FindModel(names[i]) is { } model)
            {
                if (result.Contains(model))
                {
                    reader.Error(DiagnosticCodes.InvalidValue, values.LocationOf("model", i), $"{context} lists model '{names[i]}' twice");
                }
                else
                {
                    result.Add(model);
                }
            }
            else
            {
                reader.Error(DiagnosticCodes.UnknownModel, values.LocationOf("model", i), $"{context} uses model '{names[i]}', which the policy does not declare.{Suggestions.DidYouMean(names[i], references.Models.Select(m => m.Name))} Models: {(references.Models.Count == 0 ? "none" : string.Join(", ", references.Models.Select(m => m.Name)))}");
            }
        }

        return result;
    }

    /// <summary>
    /// A fix measured on the rows it was fitted on looks better than it is: the fit dataset may be read by no gated
    /// check, and a dataset of the same file counts unless both keep rows by a 'where' on one column with no value in common.
    /// </summary>
    private void RequireUngatedFit(DatasetSpec fit, IReadOnlyList<CheckSpec> checks, SpecValues values, string context)
    {
        var named = checks.Where(c => c.Gate is not null && c.DatasetRefs.Values.Contains(fit.Name, StringComparer.Ordinal)).Select(c => $"'{c.Id}'").ToList();
        if (named.Count > 0)
        {
            reader.Error(DiagnosticCodes.FitOnGatedData, values.LocationOf("fit"), $"{context} is fitted on dataset '{fit.Name}', which gated check{(named.Count > 1 ? "s" : string.Empty)} {string.Join(", ", named)} evaluate{(named.Count > 1 ? string.Empty : "s")} on: the before/after report would measure the fix on the rows it was fitted on. Fit on a dataset no gated check reads (e.g. a slice kept apart with 'where: {{ split: fit }}')");
            return;
        }

        foreach (var (dataset, check) in checks.Where(c => c.Gate is not null).SelectMany(c => c.Datasets.Values.Select(d => (Dataset: d, Check: c))))
        {
            if (dataset.Name != fit.Name && string.Equals(dataset.Path, fit.Path, StringComparison.Ordinal) && !KeptApart(dataset, fit))
            {
                reader.Error(DiagnosticCodes.FitOnGatedData, values.LocationOf("fit"), $"{context} is fitted on dataset '{fit.Name}', which reads the same file as dataset '{dataset.Name}' that gated check '{check.Id}' evaluates on, and nothing keeps their rows apart; give both a 'where' on one column with different values (e.g. split: fit and split: test)");
                return;
            }
        }
    }

    private static bool KeptApart(DatasetSpec a, DatasetSpec b)
    {
        var left = a.Values.Child("where");
        var right = b.Values.Child("where");
        return left.Names.Intersect(right.Names, StringComparer.Ordinal).Any(column => !left.GetStrings(column).Intersect(right.GetStrings(column), StringComparer.Ordinal).Any());
    }
}
