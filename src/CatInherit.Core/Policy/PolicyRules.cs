using System.Globalization;
using System.Text.RegularExpressions;
using CatInherit.Policy.Schema;
using CatInherit.Policy.Yaml;

namespace CatInherit.Policy;

/// <summary>
/// The policy's rules: reads the models, datasets and checks section by section with the
/// <see cref="PolicyReader"/> (types and keys), resolves names with <see cref="PolicyReferences"/>, and checks
/// everything that holds across keys (version, model inputs, score columns, gates, interval decisions,
/// each kind's own rules from its <see cref="CheckKindDescriptor"/>).
/// </summary>
internal sealed partial class PolicyRules(PolicyReader reader, CheckCatalog catalog)
{
    private static readonly string[] DataExtensions = [".csv", ".tsv", ".jsonl"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CheckIdPattern();

    /// <summary>Reads a whole policy from its tree (parsed YAML, or a tree built in code).</summary>
    public InheritancePolicy? ReadPolicy(YamlNode? root)
    {
        if (root is null or YamlScalar { IsNull: true })
        {
            reader.Error(DiagnosticCodes.MissingKey, new(reader.File, 1, 1), "the policy is empty; start with 'version: 1', then 'datasets:' and 'checks:'");
            return null;
        }

        if (root is not YamlMap rootMap)
        {
            reader.Error(DiagnosticCodes.WrongType, root.Location, $"a policy is a mapping with 'version', 'datasets' and 'checks'; found {root.Describe()}");
            return null;
        }

        var top = reader.ReadMap(rootMap, PolicySchema.RootKeys, "the policy");
        if (top.Values.GetInt("version") is { } version && version != PolicySchema.Version)
        {
            reader.Error(DiagnosticCodes.UnsupportedVersion, top.Values.LocationOf("version"), $"policy version {version} is not supported; this release reads version {PolicySchema.Version}");
        }

        var models = ReadModels(top.Nodes);
        var datasets = top.Nodes.GetValueOrDefault("datasets") is { } datasetsNode ? ReadDatasets(datasetsNode, models) : [];
        var references = new PolicyReferences(models, datasets);
        references.BindDefaults();
        var checks = top.Nodes.GetValueOrDefault("checks") is { } checksNode ? ReadChecks(checksNode, references) : [];
        return new InheritancePolicy(reader.File, models, datasets, checks);
    }

    private List<ModelSpec> ReadModels(Dictionary<string, YamlNode> top)
    {
        var models = new List<ModelSpec>();
        if (top.GetValueOrDefault("model") is YamlMap single)
        {
            models.Add(ReadModel(single, "model"));
        }

        if (top.GetValueOrDefault("models") is not YamlMap named)
        {
            return models;
        }

        if (models.Count > 0)
        {
            reader.Error(DiagnosticCodes.DuplicateKey, named.Location, "the policy has both 'model' and 'models'; put every model under 'models' with a name");
            return models;
        }

        foreach (var (key, value) in named.Entries)
        {
            if (models.Any(m => m.Name == key.Value))
            {
                reader.Error(DiagnosticCodes.DuplicateKey, key.Location, $"model '{key.Value}' is declared twice");
            }
            else if (value is YamlMap map)
            {
                models.Add(ReadModel(map, key.Value));
            }
            else
            {
                reader.Error(DiagnosticCodes.WrongType, value.Location, $"model '{key.Value}' must be a mapping with 'path', 'inputs' and 'output'; found {value.Describe()}");
            }
        }

        return models;
    }

    /// <summary>Reads a model section on its own.</summary>
    public ModelSpec? ReadModelSection(YamlNode? root)
    {
        if (root is YamlMap map)
        {
            return ReadModel(map, "model");
        }

        if (reader.Diagnostics.Count == 0)
        {
            reader.Error(DiagnosticCodes.WrongType, root?.Location ?? new(reader.File, 1, 1), "a model is a mapping with 'path', 'inputs' and 'output'");
        }

        return null;
    }

    private ModelSpec ReadModel(YamlMap map, string name)
    {
        var values = reader.ReadMap(map, PolicySchema.ModelKeys, name == "model" ? "model" : $"model '{name}'").Values;
        var (path, display) = reader.ResolvePath(values, "path", "model file", requireFile: true);
        var inputs = values.Child("inputs");
        string? vocab = null;
        string? tokenizerFile = null;
        if (values.Has("inputs"))
        {
            var hasText = inputs.Has("text");
            var hasFeatures = inputs.Has("features");
            if (hasText == hasFeatures)
            {
                reader.Error(DiagnosticCodes.InvalidValue, inputs.Owner, hasText
                    ? "model inputs have both 'text' and 'features'; a model reads either a tokenized text column or numeric columns"
                    : "model inputs need 'text' (a text column, tokenized) or 'features' (numeric columns)");
            }

            if (hasText && !inputs.Has("tokenizer"))
            {
                reader.Error(DiagnosticCodes.MissingKey, inputs.LocationOf("text"), "a text input needs 'tokenizer: { vocab: vocab.txt }' or 'tokenizer: { file: tokenizer.json }' to turn text into token ids");
            }

            if (hasFeatures && inputs.Has("tokenizer"))
            {
                reader.Error(DiagnosticCodes.InvalidValue, inputs.LocationOf("tokenizer"), "'tokenizer' only applies to a 'text' input");
            }

            var tokenizer = inputs.Child("tokenizer");
            if (inputs.Has("tokenizer") && tokenizer.Has("vocab") == tokenizer.Has("file"))
            {
                reader.Error(tokenizer.Has("vocab") ? DiagnosticCodes.InvalidValue : DiagnosticCodes.MissingKey, tokenizer.Has("vocab") ? tokenizer.LocationOf("file") : inputs.LocationOf("tokenizer"),
                    tokenizer.Has("vocab")
                        ? "the tokenizer has both 'vocab' and 'file'; give a BERT vocab.txt ('vocab') or a Hugging Face tokenizer.json ('file'), not both"
                        : "the tokenizer needs 'vocab: vocab.txt' (a BERT WordPiece vocabulary) or 'file: tokenizer.json' (a Hugging Face tokenizer)");
            }

            if (tokenizer.Has("vocab"))
            {
                (vocab, _) = reader.ResolvePath(tokenizer, "vocab", "tokenizer vocabulary", requireFile: true);
            }

            if (tokenizer.Has("file"))
            {
                (tokenizerFile, _) = reader.ResolvePath(tokenizer, "file", "tokenizer.json", requireFile: true);
                if (tokenizer.Has("lowercase"))
                {
                    reader.Error(DiagnosticCodes.InvalidValue, tokenizer.LocationOf("lowercase"), "'lowercase' applies to a vocab.txt; a tokenizer.json says whether it lower-cases (its normalizer), so remove 'lowercase'");
                }
            }
        }

        var output = values.Child("output");
        if (output.Has("pooling") && output.GetString("kind") is "logits" or "probabilities")
        {
            reader.Error(DiagnosticCodes.InvalidValue, output.LocationOf("pooling"), "'pooling' applies to embedding outputs only");
        }

        return new ModelSpec(name, path, display, vocab, values) { TokenizerFile = tokenizerFile };
    }

    private List<DatasetSpec> ReadDatasets(YamlNode node, List<ModelSpec> models)
    {
        var result = new List<DatasetSpec>();
        if (node is not YamlMap map)
        {
            reader.Error(DiagnosticCodes.WrongType, node.Location, $"'datasets' maps names to datasets (name: {{ path: ..., label: ... }}); found {node.Describe()}");
            return result;
        }

        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (seen.TryGetValue(key.Value, out var first))
            {
                reader.Error(DiagnosticCodes.DuplicateKey, key.Location, $"dataset '{key.Value}' is declared twice; the first is at line {first.Line}");
                continue;
            }

            seen[key.Value] = key.Location;
            if (value is not YamlMap datasetMap)
            {
                reader.Error(DiagnosticCodes.WrongType, value.Location, $"dataset '{key.Value}' must be a mapping with at least 'path'; found {value.Describe()}");
                continue;
            }

            var read = reader.ReadMap(datasetMap, PolicySchema.DatasetKeys, $"dataset '{key.Value}'");
            var values = read.Values;
            var images = values.Has("images") ? ReadImages(values, key.Value) : null;
            if (images is { Layout: "imagefolder" })
            {
                // The folder is the data: its class subfolders give the rows.
                result.Add(new DatasetSpec(key.Value, images.Root, images.RootDisplay, new SpecValues(key.Location, read.Nodes, PolicySchema.DatasetKeys)) { Images = images });
                new PolicyReferences(models, []).RequireKnownModel(values, $"dataset '{key.Value}'", reader.Diagnostics);
                continue;
            }

            if (!values.Has("path") && !reader.InMemoryDatasets.Contains(key.Value))
            {
                reader.Error(DiagnosticCodes.MissingKey, key.Location, $"dataset '{key.Value}' needs 'path' (a .csv, .tsv or .jsonl file) or 'images: {{ root: DIR, layout: imagefolder, ... }}'");
            }

            var (path, display) = reader.ResolvePath(values, "path", "data file", requireFile: !reader.InMemoryDatasets.Contains(key.Value));
            if (values.Has("path") && !reader.InMemoryDatasets.Contains(key.Value) && !DataExtensions.Contains(Path.GetExtension(display), StringComparer.OrdinalIgnoreCase))
            {
                reader.Error(DiagnosticCodes.UnsupportedDataFormat, values.LocationOf("path"), $"'{display}' is not a .csv, .tsv or .jsonl file");
            }

            if (values.Has("scores") && !values.Has("score_kind"))
            {
                reader.Error(DiagnosticCodes.MissingKey, values.LocationOf("scores"), $"dataset '{key.Value}' has 'scores' but no 'score_kind'; add 'score_kind: logits' or 'score_kind: probabilities'");
            }

            if (values.Has("score_kind") && !values.Has("scores"))
            {
                reader.Error(DiagnosticCodes.MissingKey, values.LocationOf("score_kind"), $"dataset '{key.Value}' has 'score_kind' but no 'scores' columns");
            }

            reader.ReportDuplicates(values, "classes", "class");
            reader.ReportDuplicates(values, "scores", "score column");
            if (values.GetStrings("scores") is { Count: > 1 } scores && values.GetStrings("classes") is { Count: > 0 } classes && classes.Count != scores.Count)
            {
                reader.Error(DiagnosticCodes.InvalidValue, values.LocationOf("classes"), $"dataset '{key.Value}' declares {classes.Count} classes but {scores.Count} score columns; give one class per score column, in the same order");
            }

            new PolicyReferences(models, []).RequireKnownModel(values, $"dataset '{key.Value}'", reader.Diagnostics);
            result.Add(new DatasetSpec(key.Value, path, display, new SpecValues(key.Location, read.Nodes, PolicySchema.DatasetKeys)) { Images = images });
        }

        return result;
    }

    /// <summary>A dataset's <c>images:</c> section: the layout's keys, the folder, and mean/std with one number or one per channel.</summary>
    private ImageSpec ReadImages(SpecValues dataset, string name)
    {
        var values = dataset.Child("images");
        var context = $"the images of dataset '{name}'";
        var layout = values.String("layout");
        if (layout == "imagefolder" && dataset.Has("path"))
        {
            reader.Error(DiagnosticCodes.InvalidValue, dataset.LocationOf("path"), $"dataset '{name}' reads an image folder ('images: {{ layout: imagefolder }}'), so it has no 'path'; the folder is 'images: {{ root: ... }}'");
        }

        if (layout == "imagefolder" && !values.Has("root"))
        {
            reader.Error(DiagnosticCodes.MissingKey, values.Owner, $"{context}: an imagefolder needs 'root', the folder with one subfolder per class");
        }

        var (root, display) = reader.ResolvePath(values, "root", "image folder", requireFile: false);
        if (values.Has("root") && root.Length > 0 && !Directory.Exists(root))
        {
            reader.Error(DiagnosticCodes.DataNotFound, values.LocationOf("root"), $"{context}: folder '{display}' not found (resolved to {root}); paths are relative to the policy file");
        }

        if (!values.Has("root") && dataset.GetString("path") is { } table)
        {
            display = Path.GetDirectoryName(table) is { Length: > 0 } folder ? folder : ".";
            root = Path.GetFullPath(Path.Combine(reader.BaseDirectory, display));
        }

        var channels = values.String("channels") == "gray" ? 1 : 3;
        foreach (var key in new[] { "mean", "std" })
        {
            var items = values.GetStrings(key);
            for (var i = 0; i < items.Count; i++)
            {
                if (!double.TryParse(items[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) || (key == "std" && number <= 0))
                {
                    reader.Error(DiagnosticCodes.InvalidValue, values.LocationOf(key, i), $"{context}: '{key}' must be {(key == "std" ? "positive numbers" : "numbers")}; found '{items[i]}'");
                }
            }

            if (items.Count != 1 && items.Count != channels)
            {
                reader.Error(DiagnosticCodes.InvalidValue, values.LocationOf(key), string.Create(CultureInfo.InvariantCulture, $"{context}: '{key}' has {items.Count} values for {channels} channel{(channels == 1 ? string.Empty : "s")} ({values.String("channels")}); give one value, or one per channel"));
            }
        }

        return new ImageSpec(values, root, display);
    }

    private List<CheckSpec> ReadChecks(YamlNode node, PolicyReferences references)
    {
        var result = new List<CheckSpec>();
        if (node is not YamlList list)
        {
            reader.Error(DiagnosticCodes.WrongType, node.Location, $"'checks' is a list of checks ('- id: ...'); found {node.Describe()}");
            return result;
        }

        if (list.Items.Count == 0)
        {
            reader.Error(DiagnosticCodes.MissingKey, list.Location, "'checks' is empty; add at least one check");
        }

        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (item is not YamlMap map)
            {
                reader.Error(DiagnosticCodes.WrongType, item.Location, $"each check is a mapping with 'id' and 'kind'; found {item.Describe()}");
                continue;
            }

            result.AddRange(ReadCheck(map, references, ids));
        }

        return result;
    }

    /// <summary>A check as written: one spec, or one per model of its <c>compare:</c> list; none when it cannot run.</summary>
    private List<CheckSpec> ReadCheck(YamlMap map, PolicyReferences references, Dictionary<string, SourceLocation> ids)
    {
        var kindNode = map.Entries.FirstOrDefault(e => e.Key.Value == "kind").Value;
        var descriptor = kindNode is YamlScalar { IsNull: false } kindScalar ? FindKind(kindScalar) : null;

        // With an unknown kind only the common keys can be checked; its own keys are unknowable.
        var keys = descriptor is null ? PolicySchema.CommonCheckKeys : [.. PolicySchema.CommonCheckKeys, .. descriptor.Keys];
        var idText = map.Entries.FirstOrDefault(e => e.Key.Value == "id").Value is YamlScalar { IsNull: false } idScalar ? idScalar.Value : null;
        var context = idText is null ? "this check" : $"check '{idText}'";
        var read = reader.ReadMap(map, keys, context, skipKeys: ["kind"], ignoreUnknown: descriptor is null);
        var values = new SpecValues(map.Location, read.Nodes, keys);

        if (idText is not null)
        {
            if (!CheckIdPattern().IsMatch(idText))
            {
                reader.Error(DiagnosticCodes.InvalidCheckId, values.LocationOf("id"), $"check id '{idText}' must start with a letter or digit and use only letters, digits, '.', '_' and '-' (it becomes a test name)");
            }
            else if (ids.TryGetValue(idText, out var first))
            {
                reader.Error(DiagnosticCodes.DuplicateCheckId, values.LocationOf("id"), $"check id '{idText}' is already used by the check at line {first.Line}; ids must be unique");
            }
            else
            {
                ids[idText] = values.LocationOf("id");
            }
        }

        if (kindNode is null)
        {
            reader.Error(DiagnosticCodes.MissingKey, map.Location, $"{context} is missing 'kind'; one of: {string.Join(", ", catalog.Names)}");
        }
        else if (kindNode is not YamlScalar { IsNull: false })
        {
            reader.Error(DiagnosticCodes.WrongType, kindNode.Location, $"'kind' must be a check kind name; found {kindNode.Describe()}");
        }

        // Each dataset as this check reads it: fed to the check's own model when it names one (PolicyReferences.Bind);
        // with 'compare', once per compared model.
        references.RequireKnownModel(values, context, reader.Diagnostics);
        var compared = ReadCompare(values, references, context);
        var checkModel = values.GetString("model") is { } named && references.FindModel(named) is not null ? named : null;
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        var found = new Dictionary<string, DatasetSpec>(StringComparer.Ordinal);
        foreach (var key in keys.Where(k => k.Kind == ValueKind.DatasetRef).Select(k => k.Name))
        {
            if (references.ResolveDataset(values, key, context, reader.Diagnostics) is { } dataset)
            {
                refs[key] = dataset.Name;
                found[key] = dataset;
                if (!values.Has("compare"))
                {
                    references.RequireUnambiguousModel(dataset, values, key, context, reader.Diagnostics);
                }
            }
        }

        var gate = descriptor is null ? null : ReadGate(read.Nodes.GetValueOrDefault("gate") as YamlMap, descriptor, context);
        var decide = values.GetString("decide") == "interval" ? DecideMode.Interval : DecideMode.Point;
        var resamples = values.Int("resamples");
        if (decide == DecideMode.Interval && resamples == 0)
        {
            reader.Error(DiagnosticCodes.OutOfRange, values.LocationOf("resamples"), $"{context} decides by interval but has 'resamples: 0'; intervals need resamples (the default is 1000)");
        }

        if (!values.Has("gate") && descriptor is not null)
        {
            reader.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoGate, map.Location, $"{context} has no gate: it reports its metrics but can never fail; add 'gate: {{ metric: ..., max: ... }}' to make it a check"));
        }

        if (decide == DecideMode.Interval && resamples is > 0 and < 200)
        {
            reader.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FewResamples, values.LocationOf("resamples"), string.Create(CultureInfo.InvariantCulture, $"{context} decides by interval on {resamples} resamples; percentile bounds from fewer than 200 move from seed to seed (the default is 1000)")));
        }

        if (values.Has("baseline") && !values.Has("gate"))
        {
            reader.Error(DiagnosticCodes.MissingKey, values.LocationOf("baseline"), $"{context} has a 'baseline' but no 'gate'; the baseline is compared on the gated metric");
        }

        if (descriptor is not null && idText is not null && kindNode is not null)
        {
            foreach (var group in descriptor.OneOf)
            {
                var present = group.Where(values.Has).ToList();
                if (present.Count != 1)
                {
                    reader.Error(present.Count == 0 ? DiagnosticCodes.MissingKey : DiagnosticCodes.InvalidValue, present.Count == 0 ? map.Location : values.LocationOf(present[1]),
                        $"{context} needs exactly one of {string.Join(" or ", group.Select(k => $"'{k}'"))}{(present.Count > 1 ? $"; it has {string.Join(" and ", present.Select(k => $"'{k}'"))}" : string.Empty)}");
                }
            }

            foreach (var (key, requires) in descriptor.Requires)
            {
                if (values.Has(key) && !values.Has(requires))
                {
                    reader.Error(DiagnosticCodes.MissingKey, values.LocationOf(key), $"{context} has '{key}' but no '{requires}'");
                }
            }
        }

        // One run per compared model (each its own check, '{id}@{model}'), else the check once.
        var checks = new List<CheckSpec>();
        var runs = compared.Count > 0 ? compared.Select(m => (string?)m).ToList() : [checkModel];
        foreach (var runModel in runs)
        {
            var runContext = runModel is not null && compared.Count > 0 ? $"{context} (compared on model '{runModel}')" : context;
            var resolved = found.ToDictionary(f => f.Key, f => references.Bind(f.Value, runModel), StringComparer.Ordinal);
            var dataset = resolved.GetValueOrDefault("dataset");
            var model = dataset?.FeedingModel;
            if (descriptor is { NeedsPredictions: true } && model is { OutputKind: OutputKind.Embedding } && dataset is { Prediction: null, Scores.Count: 0 })
            {
                reader.Error(DiagnosticCodes.OutputKindMismatch, values.LocationOf(compared.Count > 0 ? "compare" : "dataset"), $"{runContext} needs class predictions, but the model's output '{model.OutputName}' is an embedding; point the model at a classifier output (kind: logits or probabilities) or give dataset '{dataset.Name}' a 'prediction' column");
            }

            if (descriptor is null || idText is null || kindNode is null)
            {
                continue;
            }

            var id = compared.Count > 0 ? CheckComparison.RunId(idText, runModel!) : idText;
            if (compared.Count > 0 && ids.TryGetValue(id, out var taken))
            {
                reader.Error(DiagnosticCodes.DuplicateCheckId, values.LocationOf("compare"), $"{context} compares on model '{runModel}', so one of its runs is named '{id}', which the check at line {taken.Line} already uses; rename one of them");
            }
            else if (compared.Count > 0)
            {
                ids[id] = values.LocationOf("compare");
            }

            var comparison = compared.Count > 0 ? new CheckComparison(idText, runModel!, compared) : null;
            var check = new CheckSpec(id, descriptor.Name, gate, decide, values.Double("confidence"), resamples, values, reader.BaseDirectory)
            {
                DatasetRefs = refs,
                Datasets = resolved,
                Model = references.ServingModel(runModel ?? values.GetString("model"), dataset?.Name ?? values.GetString("dataset")),
                Comparison = comparison,
            };

            // The kind's own rules, on resolved references: everything that can be checked without data or model outputs.
            // They see only the values the walker accepted (a rejected one is already reported, and its default applies).
            // A rule that says the same of every compared run is reported once.
            // A compared run is shown to the rules under the id as written, so what they say of every run reads (and is reported) once.
            var ruleCheck = read.Invalid.Count == 0 && comparison is null ? check : new CheckSpec(idText, descriptor.Name, gate, decide, check.Confidence, resamples, read.Invalid.Count == 0 ? values : read.ValidValues(map.Location, keys), reader.BaseDirectory) { DatasetRefs = refs, Datasets = resolved, Model = check.Model };
            var before = reader.Diagnostics.Count;
            var rule = new CheckRuleContext(ruleCheck, resolved, check.Model, [.. references.Models.Select(m => m.Name)], reader.Diagnostics);
            foreach (var kindRule in descriptor.Rules)
            {
                kindRule(rule);
            }

            var earlier = reader.Diagnostics.Take(before).ToHashSet();
            var added = reader.Diagnostics.Skip(before).Where(d => !earlier.Contains(d)).Distinct().ToList();
            reader.Diagnostics.RemoveRange(before, reader.Diagnostics.Count - before);
            reader.Diagnostics.AddRange(added);
            checks.Add(check);
        }

        return checks;
    }

    /// <summary>The models of <c>compare:</c>, when every one is declared, distinct, at least two, and the check has no <c>model:</c>; else empty.</summary>
    private List<string> ReadCompare(SpecValues values, PolicyReferences references, string context)
    {
        if (!values.Has("compare"))
        {
            return [];
        }

        var names = values.GetStrings("compare");
        var valid = true;
        if (values.Has("model"))
        {
            reader.Error(DiagnosticCodes.InvalidValue, values.LocationOf("compare"), $"{context} has both 'model' and 'compare'; 'compare' runs the check once on each model it names, so drop 'model' (or add it to the list)");
            valid = false;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (references.FindModel(names[i]) is null)
            {
                reader.Error(DiagnosticCodes.UnknownModel, values.LocationOf("compare", i), $"{context} compares on model '{names[i]}', which the policy does not declare.{Suggestions.DidYouMean(names[i], references.Models.Select(m => m.Name))} Models: {(references.Models.Count == 0 ? "none" : string.Join(", ", references.Models.Select(m => m.Name)))}");
                valid = false;
            }
        }

        var before = reader.Diagnostics.Count;
        reader.ReportDuplicates(values, "compare", "model");
        valid &= reader.Diagnostics.Count == before;
        if (names.Count < 2)
        {
            reader.Error(DiagnosticCodes.InvalidValue, values.LocationOf("compare"), $"{context} compares on {(names.Count == 0 ? "no model" : $"only '{names[0]}'")}; name at least two models under 'compare' (or use 'model: name' to run the check on one)");
            valid = false;
        }

        return valid ? [.. names] : [];
    }

    private CheckKindDescriptor? FindKind(YamlScalar kind)
    {
        if (catalog.Find(kind.Value) is { } descriptor)
        {
            return descriptor;
        }

        var available = string.Join(", ", catalog.Names);
        var hint = Suggestions.DidYouMean(kind.Value, catalog.Names);
        reader.Error(DiagnosticCodes.UnknownCheckKind, kind.Location, $"unknown check kind '{kind.Value}'.{hint} Available: {available}");

        return null;
    }

    private GateSpec? ReadGate(YamlMap? map, CheckKindDescriptor kind, string context)
    {
        if (map is null)
        {
            return null;
        }

        var values = reader.ReadMap(map, PolicySchema.GateKeys, $"the gate of {context}").Values;
        var gateable = kind.Metrics.Where(m => m.Gateable).Select(m => m.Name).ToList();
        var metric = values.GetString("metric");
        if (metric is not null && kind.FindMetric(metric) is not { } spec)
        {
            reader.Error(DiagnosticCodes.UnknownMetric, values.LocationOf("metric"), $"'{metric}' is not a metric of {kind.Name}.{Suggestions.DidYouMean(metric, kind.Metrics.Select(m => m.Name))} Gateable metrics: {string.Join(", ", gateable)}");
            metric = null;
        }
        else if (metric is not null && !kind.FindMetric(metric)!.Gateable)
        {
            reader.Error(DiagnosticCodes.UnknownMetric, values.LocationOf("metric"), $"'{metric}' is reported per group and cannot be gated; gate on a metric that summarises the groups: {string.Join(", ", gateable)}");
            metric = null;
        }

        var max = values.GetDouble("max");
        var min = values.GetDouble("min");
        if ((max is null) == (min is null))
        {
            var problem = max is null ? "has neither 'max' nor 'min'" : "has both 'max' and 'min'";
            reader.Error(DiagnosticCodes.InvalidGate, map.Location, $"the gate of {context} {problem}; give exactly one (max: fail above it, min: fail below it)");
            return null;
        }

        return metric is null ? null : new GateSpec(metric, max is null ? GateOp.Min : GateOp.Max, max ?? min!.Value, map.Location);
    }
}
