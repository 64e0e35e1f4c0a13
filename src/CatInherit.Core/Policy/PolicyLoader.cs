using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CatInherit.Policy.Schema;
using CatInherit.Policy.Yaml;

namespace CatInherit.Policy;

/// <summary>
/// Reads a version-1 policy. Every problem is collected (not just the first), each with its file,
/// line and column, so one run of <c>catinherit validate</c> shows everything to fix.
/// </summary>
public static partial class PolicyLoader
{
    private static readonly string[] DataExtensions = [".csv", ".tsv", ".jsonl"];

    /// <summary>Loads the policy at <paramref name="path"/>; relative paths inside it resolve against its folder.</summary>
    public static PolicyLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return new(null, [Diagnostic.Error(DiagnosticCodes.PolicyNotFound, SourceLocation.OfFile(path), "the policy path contains a NUL character; no file can have that name")]);
        }

        string text;
        try
        {
            text = File.ReadAllText(path, StrictText.Encoding);
        }
        catch (DecoderFallbackException)
        {
            return new(null, [StrictText.InvalidUtf8(path, path, DiagnosticCodes.NotUtf8)]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException
                ? $"policy file not found (looked for {Path.GetFullPath(path)})"
                : $"policy file cannot be read: {ex.Message}";
            return new(null, [Diagnostic.Error(DiagnosticCodes.PolicyNotFound, SourceLocation.OfFile(path), reason)]);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return Parse(text, path, directory);
    }

    /// <summary>Parses policy text; <paramref name="file"/> names it in diagnostics, <paramref name="baseDirectory"/> anchors its paths.</summary>
    public static PolicyLoadResult Parse(string text, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var session = new Session(file, baseDirectory);
        var policy = session.Run(text);
        var diagnostics = session.Diagnostics
            .OrderBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();
        return new(diagnostics.Any(d => d.IsError) ? null : policy, diagnostics);
    }

    /// <summary>
    /// Parses a model section on its own (the mapping under <c>model:</c>), for code that runs a model
    /// without a whole policy. Relative paths resolve against <paramref name="baseDirectory"/>.
    /// </summary>
    public static (ModelSpec? Model, IReadOnlyList<Diagnostic> Diagnostics) ParseModel(string text, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var session = new Session(file, baseDirectory);
        var model = session.RunModel(text);
        return (session.Diagnostics.Any(d => d.IsError) ? null : model, session.Diagnostics);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CheckIdPattern();

    private sealed class Session(string file, string baseDirectory)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public InheritancePolicy? Run(string text)
        {
            var root = YamlTreeReader.Read(text, file, Diagnostics);
            if (Diagnostics.Count > 0)
            {
                return null;
            }

            if (root is null or YamlScalar { IsNull: true })
            {
                Error(DiagnosticCodes.MissingKey, new(file, 1, 1), "the policy is empty; start with 'version: 1', then 'datasets:' and 'checks:'");
                return null;
            }

            if (root is not YamlMap rootMap)
            {
                Error(DiagnosticCodes.WrongType, root.Location, $"a policy is a mapping with 'version', 'datasets' and 'checks'; found {root.Describe()}");
                return null;
            }

            var top = ReadMap(rootMap, PolicySchema.RootKeys, "the policy");
            if (top.Values.GetInt("version") is { } version && version != PolicySchema.Version)
            {
                Error(DiagnosticCodes.UnsupportedVersion, top.Values.LocationOf("version"), $"policy version {version} is not supported; this release reads version {PolicySchema.Version}");
            }

            var models = ReadModels(top.Nodes);
            var datasets = top.Nodes.GetValueOrDefault("datasets") is { } datasetsNode ? ReadDatasets(datasetsNode, models) : [];
            var checks = top.Nodes.GetValueOrDefault("checks") is { } checksNode ? ReadChecks(checksNode, datasets, models) : [];
            return new InheritancePolicy(file, models, datasets, checks);
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
                Error(DiagnosticCodes.DuplicateKey, named.Location, "the policy has both 'model' and 'models'; put every model under 'models' with a name");
                return models;
            }

            foreach (var (key, value) in named.Entries)
            {
                if (models.Any(m => m.Name == key.Value))
                {
                    Error(DiagnosticCodes.DuplicateKey, key.Location, $"model '{key.Value}' is declared twice");
                }
                else if (value is YamlMap map)
                {
                    models.Add(ReadModel(map, key.Value));
                }
                else
                {
                    Error(DiagnosticCodes.WrongType, value.Location, $"model '{key.Value}' must be a mapping with 'path', 'inputs' and 'output'; found {value.Describe()}");
                }
            }

            return models;
        }

        public ModelSpec? RunModel(string text)
        {
            var root = YamlTreeReader.Read(text, file, Diagnostics);
            if (root is YamlMap map)
            {
                return ReadModel(map, "model");
            }

            if (Diagnostics.Count == 0)
            {
                Error(DiagnosticCodes.WrongType, root?.Location ?? new(file, 1, 1), "a model is a mapping with 'path', 'inputs' and 'output'");
            }

            return null;
        }

        private ModelSpec ReadModel(YamlMap map, string name)
        {
            var values = ReadMap(map, PolicySchema.ModelKeys, name == "model" ? "model" : $"model '{name}'").Values;
            var (path, display) = ResolvePath(values, "path", "model file", requireFile: true);
            var inputs = values.Child("inputs");
            string? vocab = null;
            if (values.Has("inputs"))
            {
                var hasText = inputs.Has("text");
                var hasFeatures = inputs.Has("features");
                if (hasText == hasFeatures)
                {
                    Error(DiagnosticCodes.InvalidValue, inputs.Owner, hasText
                        ? "model inputs have both 'text' and 'features'; a model reads either a tokenized text column or numeric columns"
                        : "model inputs need 'text' (a text column, tokenized) or 'features' (numeric columns)");
                }

                if (hasText && !inputs.Has("tokenizer"))
                {
                    Error(DiagnosticCodes.MissingKey, inputs.LocationOf("text"), "a text input needs 'tokenizer: { vocab: vocab.txt }' to turn text into token ids");
                }

                if (hasFeatures && inputs.Has("tokenizer"))
                {
                    Error(DiagnosticCodes.InvalidValue, inputs.LocationOf("tokenizer"), "'tokenizer' only applies to a 'text' input");
                }

                var tokenizer = inputs.Child("tokenizer");
                if (tokenizer.Has("vocab"))
                {
                    (vocab, _) = ResolvePath(tokenizer, "vocab", "tokenizer vocabulary", requireFile: true);
                }
            }

            var output = values.Child("output");
            if (output.Has("pooling") && output.GetString("kind") is "logits" or "probabilities")
            {
                Error(DiagnosticCodes.InvalidValue, output.LocationOf("pooling"), "'pooling' applies to embedding outputs only");
            }

            return new ModelSpec(name, path, display, vocab, values);
        }

        private List<DatasetSpec> ReadDatasets(YamlNode node, List<ModelSpec> models)
        {
            var result = new List<DatasetSpec>();
            if (node is not YamlMap map)
            {
                Error(DiagnosticCodes.WrongType, node.Location, $"'datasets' maps names to datasets (name: {{ path: ..., label: ... }}); found {node.Describe()}");
                return result;
            }

            if (map.Entries.Count == 0)
            {
                Error(DiagnosticCodes.MissingKey, map.Location, "'datasets' is empty; declare at least one dataset");
            }

            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Entries)
            {
                if (seen.TryGetValue(key.Value, out var first))
                {
                    Error(DiagnosticCodes.DuplicateKey, key.Location, $"dataset '{key.Value}' is declared twice; the first is at line {first.Line}");
                    continue;
                }

                seen[key.Value] = key.Location;
                if (value is not YamlMap datasetMap)
                {
                    Error(DiagnosticCodes.WrongType, value.Location, $"dataset '{key.Value}' must be a mapping with at least 'path'; found {value.Describe()}");
                    continue;
                }

                var read = ReadMap(datasetMap, PolicySchema.DatasetKeys, $"dataset '{key.Value}'");
                var values = read.Values;
                var (path, display) = ResolvePath(values, "path", "data file", requireFile: true);
                if (values.Has("path") && !DataExtensions.Contains(Path.GetExtension(display), StringComparer.OrdinalIgnoreCase))
                {
                    Error(DiagnosticCodes.UnsupportedDataFormat, values.LocationOf("path"), $"'{display}' is not a .csv, .tsv or .jsonl file");
                }

                if (values.Has("scores") && !values.Has("score_kind"))
                {
                    Error(DiagnosticCodes.MissingKey, values.LocationOf("scores"), $"dataset '{key.Value}' has 'scores' but no 'score_kind'; add 'score_kind: logits' or 'score_kind: probabilities'");
                }

                if (values.Has("score_kind") && !values.Has("scores"))
                {
                    Error(DiagnosticCodes.MissingKey, values.LocationOf("score_kind"), $"dataset '{key.Value}' has 'score_kind' but no 'scores' columns");
                }

                ReportDuplicates(values, "classes", "class");
                ReportDuplicates(values, "scores", "score column");
                if (values.GetStrings("scores") is { Count: > 1 } scores && values.GetStrings("classes") is { Count: > 0 } classes && classes.Count != scores.Count)
                {
                    Error(DiagnosticCodes.InvalidValue, values.LocationOf("classes"), $"dataset '{key.Value}' declares {classes.Count} classes but {scores.Count} score columns; give one class per score column, in the same order");
                }

                if (values.GetString("model") is { } modelName && models.All(m => m.Name != modelName))
                {
                    Error(DiagnosticCodes.UnknownModel, values.LocationOf("model"), $"dataset '{key.Value}' uses model '{modelName}', which the policy does not declare.{Suggestions.DidYouMean(modelName, models.Select(m => m.Name))} Models: {(models.Count == 0 ? "none" : string.Join(", ", models.Select(m => m.Name)))}");
                }

                result.Add(new DatasetSpec(key.Value, path, display, new SpecValues(key.Location, read.Nodes)));
            }

            return result;
        }

        private List<CheckSpec> ReadChecks(YamlNode node, List<DatasetSpec> datasets, List<ModelSpec> models)
        {
            var result = new List<CheckSpec>();
            if (node is not YamlList list)
            {
                Error(DiagnosticCodes.WrongType, node.Location, $"'checks' is a list of checks ('- id: ...'); found {node.Describe()}");
                return result;
            }

            if (list.Items.Count == 0)
            {
                Error(DiagnosticCodes.MissingKey, list.Location, "'checks' is empty; add at least one check");
            }

            var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var item in list.Items)
            {
                if (item is not YamlMap map)
                {
                    Error(DiagnosticCodes.WrongType, item.Location, $"each check is a mapping with 'id' and 'kind'; found {item.Describe()}");
                    continue;
                }

                if (ReadCheck(map, datasets, models, ids) is { } check)
                {
                    result.Add(check);
                }
            }

            return result;
        }

        private CheckSpec? ReadCheck(YamlMap map, List<DatasetSpec> datasets, List<ModelSpec> models, Dictionary<string, SourceLocation> ids)
        {
            var kindNode = map.Entries.FirstOrDefault(e => e.Key.Value == "kind").Value;
            var descriptor = kindNode is YamlScalar { IsNull: false } kindScalar ? FindKind(kindScalar) : null;

            // With an unknown kind only the common keys can be checked; its own keys are unknowable.
            var keys = descriptor is null ? PolicySchema.CommonCheckKeys : [.. PolicySchema.CommonCheckKeys, .. descriptor.Keys];
            var idText = map.Entries.FirstOrDefault(e => e.Key.Value == "id").Value is YamlScalar { IsNull: false } idScalar ? idScalar.Value : null;
            var context = idText is null ? "this check" : $"check '{idText}'";
            var read = ReadMap(map, keys, context, skipKeys: ["kind"], ignoreUnknown: descriptor is null);
            var values = new SpecValues(map.Location, read.Nodes);

            if (idText is not null)
            {
                if (!CheckIdPattern().IsMatch(idText))
                {
                    Error(DiagnosticCodes.InvalidCheckId, values.LocationOf("id"), $"check id '{idText}' must start with a letter or digit and use only letters, digits, '.', '_' and '-' (it becomes a test name)");
                }
                else if (ids.TryGetValue(idText, out var first))
                {
                    Error(DiagnosticCodes.DuplicateCheckId, values.LocationOf("id"), $"check id '{idText}' is already used by the check at line {first.Line}; ids must be unique");
                }
                else
                {
                    ids[idText] = values.LocationOf("id");
                }
            }

            if (kindNode is null)
            {
                Error(DiagnosticCodes.MissingKey, map.Location, $"{context} is missing 'kind'; one of: {string.Join(", ", CheckCatalog.Kinds.Select(k => k.Name))}");
            }
            else if (kindNode is not YamlScalar { IsNull: false })
            {
                Error(DiagnosticCodes.WrongType, kindNode.Location, $"'kind' must be a check kind name; found {kindNode.Describe()}");
            }

            var refs = new Dictionary<string, string>(StringComparer.Ordinal);
            DatasetSpec? dataset = null;
            foreach (var key in keys.Where(k => k.Kind == ValueKind.DatasetRef).Select(k => k.Name))
            {
                if (ReadDatasetRef(values, key, datasets, models, context) is { } found)
                {
                    refs[key] = found.Name;
                    dataset ??= key == "dataset" ? found : null;
                    _ = ModelOf(found, models, values, key, context);
                }
            }

            var model = dataset is null ? null : ModelOf(dataset, models, values, "dataset", context, report: false);
            var gate = descriptor is null ? null : ReadGate(read.Nodes.GetValueOrDefault("gate") as YamlMap, descriptor, context);
            var decide = values.GetString("decide") == "interval" ? DecideMode.Interval : DecideMode.Point;
            var resamples = values.GetInt("resamples") ?? 1000;
            if (decide == DecideMode.Interval && resamples == 0)
            {
                Error(DiagnosticCodes.OutOfRange, values.LocationOf("resamples"), $"{context} decides by interval but has 'resamples: 0'; intervals need resamples (the default is 1000)");
            }

            if (descriptor == CheckCatalog.GroupFairness && dataset is { Label: null })
            {
                Error(DiagnosticCodes.MissingKey, values.LocationOf("dataset"), $"{context} compares predictions with true labels, but dataset '{dataset.Name}' has no 'label' column");
            }

            if (!values.Has("gate") && descriptor is not null)
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoGate, map.Location, $"{context} has no gate: it reports its metrics but can never fail; add 'gate: {{ metric: ..., max: ... }}' to make it a check"));
            }

            if (decide == DecideMode.Interval && resamples is > 0 and < 200)
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FewResamples, values.LocationOf("resamples"), string.Create(CultureInfo.InvariantCulture, $"{context} decides by interval on {resamples} resamples; percentile bounds from fewer than 200 move from seed to seed (the default is 1000)")));
            }

            if (values.Has("baseline") && !values.Has("gate"))
            {
                Error(DiagnosticCodes.MissingKey, values.LocationOf("baseline"), $"{context} has a 'baseline' but no 'gate'; the baseline is compared on the gated metric");
            }

            if (descriptor is { NeedsPredictions: true } && model is { OutputKind: OutputKind.Embedding } && dataset is { Prediction: null, Scores.Count: 0 })
            {
                Error(DiagnosticCodes.OutputKindMismatch, values.LocationOf("dataset"), $"{context} needs class predictions, but the model's output '{model.OutputName}' is an embedding; point the model at a classifier output (kind: logits or probabilities) or give dataset '{dataset.Name}' a 'prediction' column");
            }

            if (descriptor is null || idText is null || kindNode is null)
            {
                return null;
            }

            foreach (var group in descriptor.OneOf)
            {
                var present = group.Where(values.Has).ToList();
                if (present.Count != 1)
                {
                    Error(present.Count == 0 ? DiagnosticCodes.MissingKey : DiagnosticCodes.InvalidValue, present.Count == 0 ? map.Location : values.LocationOf(present[1]),
                        $"{context} needs exactly one of {string.Join(" or ", group.Select(k => $"'{k}'"))}{(present.Count > 1 ? $"; it has {string.Join(" and ", present.Select(k => $"'{k}'"))}" : string.Empty)}");
                }
            }

            foreach (var (key, requires) in descriptor.Requires)
            {
                if (values.Has(key) && !values.Has(requires))
                {
                    Error(DiagnosticCodes.MissingKey, values.LocationOf(key), $"{context} has '{key}' but no '{requires}'");
                }
            }

            return new CheckSpec(idText, descriptor.Name, gate, decide, values.GetDouble("confidence") ?? 0.95, resamples, values, baseDirectory) { DatasetRefs = refs };
        }

        private CheckKindDescriptor? FindKind(YamlScalar kind)
        {
            if (CheckCatalog.Find(kind.Value) is { } descriptor)
            {
                return descriptor;
            }

            var available = string.Join(", ", CheckCatalog.Kinds.Select(k => k.Name));
            var hint = Suggestions.DidYouMean(kind.Value, CheckCatalog.Kinds.Select(k => k.Name));
            Error(DiagnosticCodes.UnknownCheckKind, kind.Location, $"unknown check kind '{kind.Value}'.{hint} Available: {available}");

            return null;
        }

        /// <summary>The model that feeds a dataset without its own predictions; reports when it cannot be told.</summary>
        private ModelSpec? ModelOf(DatasetSpec dataset, List<ModelSpec> models, SpecValues values, string key, string context, bool report = true)
        {
            if (dataset.Prediction is not null || dataset.Scores.Count > 0 || models.Count == 0)
            {
                return null;
            }

            if (dataset.ModelName is { } name)
            {
                return models.FirstOrDefault(m => m.Name == name);
            }

            if (models.Count == 1)
            {
                return models[0];
            }

            if (report)
            {
                Error(DiagnosticCodes.UnknownModel, values.LocationOf(key), $"{context} uses dataset '{dataset.Name}', which several models could compute ({string.Join(", ", models.Select(m => m.Name))}); add 'model: <name>' to the dataset");
            }

            return null;
        }

        private DatasetSpec? ReadDatasetRef(SpecValues values, string key, List<DatasetSpec> datasets, List<ModelSpec> models, string context)
        {
            if (values.GetString(key) is not { } name)
            {
                return null;
            }

            var dataset = datasets.FirstOrDefault(d => d.Name == name);
            if (dataset is null)
            {
                var hint = Suggestions.DidYouMean(name, datasets.Select(d => d.Name));
                var known = datasets.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", datasets.Select(d => d.Name));
                Error(DiagnosticCodes.UnknownDataset, values.LocationOf(key), $"{context} uses dataset '{name}', which is not declared under 'datasets'.{hint} ({known})");
                return null;
            }

            if (models.Count == 0 && dataset.Prediction is null && dataset.Scores.Count == 0)
            {
                Error(DiagnosticCodes.NoPredictions, values.LocationOf(key), $"{context} needs predictions, but dataset '{name}' has neither 'prediction' nor 'scores' and the policy has no 'model' to compute them");
            }

            return dataset;
        }

        private GateSpec? ReadGate(YamlMap? map, CheckKindDescriptor kind, string context)
        {
            if (map is null)
            {
                return null;
            }

            var values = ReadMap(map, PolicySchema.GateKeys, $"the gate of {context}").Values;
            var gateable = kind.Metrics.Where(m => m.Gateable).Select(m => m.Name).ToList();
            var metric = values.GetString("metric");
            if (metric is not null && kind.FindMetric(metric) is not { } spec)
            {
                Error(DiagnosticCodes.UnknownMetric, values.LocationOf("metric"), $"'{metric}' is not a metric of {kind.Name}.{Suggestions.DidYouMean(metric, kind.Metrics.Select(m => m.Name))} Gateable metrics: {string.Join(", ", gateable)}");
                metric = null;
            }
            else if (metric is not null && !kind.FindMetric(metric)!.Gateable)
            {
                Error(DiagnosticCodes.UnknownMetric, values.LocationOf("metric"), $"'{metric}' is reported per group and cannot be gated; gate on a metric that summarises the groups: {string.Join(", ", gateable)}");
                metric = null;
            }

            var max = values.GetDouble("max");
            var min = values.GetDouble("min");
            if ((max is null) == (min is null))
            {
                var problem = max is null ? "has neither 'max' nor 'min'" : "has both 'max' and 'min'";
                Error(DiagnosticCodes.InvalidGate, map.Location, $"the gate of {context} {problem}; give exactly one (max: fail above it, min: fail below it)");
                return null;
            }

            return metric is null ? null : new GateSpec(metric, max is null ? GateOp.Min : GateOp.Max, max ?? min!.Value, map.Location);
        }

        private (string Path, string Display) ResolvePath(SpecValues values, string key, string what, bool requireFile)
        {
            if (values.GetString(key) is not { } display)
            {
                return (string.Empty, string.Empty);
            }

            if (display.Contains('\0', StringComparison.Ordinal))
            {
                Error(DiagnosticCodes.DataNotFound, values.LocationOf(key), $"{what} '{display}' contains a NUL character; no file can have that name");
                return (string.Empty, display);
            }

            var full = Path.GetFullPath(Path.Combine(baseDirectory, display));
            if (requireFile && !File.Exists(full))
            {
                Error(DiagnosticCodes.DataNotFound, values.LocationOf(key), $"{what} '{display}' not found (resolved to {full}); paths are relative to the policy file");
            }

            return (full, display);
        }

        private void ReportDuplicates(SpecValues values, string key, string what)
        {
            var items = values.GetStrings(key);
            for (var i = 0; i < items.Count; i++)
            {
                if (items.Take(i).Contains(items[i], StringComparer.Ordinal))
                {
                    Error(DiagnosticCodes.InvalidValue, values.LocationOf(key, i), $"{what} '{items[i]}' is listed twice in '{key}'");
                }
            }
        }

        private MapRead ReadMap(YamlMap map, IReadOnlyList<KeySpec> keys, string context, IReadOnlyList<string>? skipKeys = null, bool ignoreUnknown = false)
        {
            var nodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var firstSeen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Entries)
            {
                if (firstSeen.TryGetValue(key.Value, out var first))
                {
                    Error(DiagnosticCodes.DuplicateKey, key.Location, $"'{key.Value}' appears twice in {context}; the first is at line {first.Line}");
                    continue;
                }

                firstSeen[key.Value] = key.Location;
                var spec = keys.FirstOrDefault(k => k.Name == key.Value);
                if (spec is null)
                {
                    if (!ignoreUnknown)
                    {
                        var names = keys.Select(k => k.Name).ToList();
                        Error(DiagnosticCodes.UnknownKey, key.Location, $"unknown key '{key.Value}' in {context}.{Suggestions.DidYouMean(key.Value, names)} Known keys: {string.Join(", ", names)}");
                    }

                    continue;
                }

                nodes[key.Value] = value;
                if (skipKeys?.Contains(key.Value) != true && CheckValue(spec, value, context))
                {
                    if (spec.Kind == ValueKind.Map && spec.Keys.Count > 0 && value is YamlMap nested)
                    {
                        // Nested maps with a fixed key set are validated here, except those a dedicated reader validates.
                        if (spec.Name is not ("gate" or "model" or "models"))
                        {
                            _ = ReadMap(nested, spec.Keys, $"'{spec.Name}' of {context}");
                        }
                    }
                }
            }

            foreach (var spec in keys.Where(k => k.Required && !nodes.ContainsKey(k.Name) && skipKeys?.Contains(k.Name) != true))
            {
                Error(DiagnosticCodes.MissingKey, map.Location, $"{context} is missing '{spec.Name}': {spec.Description}");
            }

            return new MapRead(nodes, new SpecValues(map.Location, nodes));
        }

        /// <summary>Checks a value against its key's type; true when it is usable.</summary>
        private bool CheckValue(KeySpec spec, YamlNode node, string context)
        {
            string? Expected() => spec.Kind switch
            {
                ValueKind.Map => node is YamlMap ? null : "a mapping",
                ValueKind.MapList => node is YamlList ? null : "a list",
                ValueKind.NameOrMap => node is YamlMap || node is YamlScalar { IsNull: false } ? null : "a name or a mapping",
                ValueKind.WordSets => node is YamlList { Items.Count: 2 } pair && pair.Items.All(i => i is YamlScalar { IsNull: false } || (i is YamlList l3 && l3.Items.All(w => w is YamlScalar { IsNull: false })))
                    ? null
                    : "a list of two word sets, each a list of words or a word-list file: [[a, b], [c, d]]",
                ValueKind.WordMap => node is YamlMap m2 && m2.Entries.All(e => e.Value is YamlScalar { IsNull: false } || (e.Value is YamlList l4 && l4.Items.All(w => w is YamlScalar { IsNull: false })))
                    ? null
                    : "a mapping from placeholder to a list of words",
                ValueKind.StringList => node is YamlList l && l.Items.All(i => i is YamlScalar { IsNull: false }) ? null : "a list of names",
                ValueKind.StringOrList => node is YamlScalar { IsNull: false } || (node is YamlList l2 && l2.Items.All(i => i is YamlScalar { IsNull: false })) ? null : "a name or a list of names",
                _ => node is YamlScalar { IsNull: false } ? null : "a single value",
            };

            if (Expected() is { } expected)
            {
                Error(DiagnosticCodes.WrongType, node.Location, $"'{spec.Name}' in {context} must be {expected}; found {node.Describe()}");
                return false;
            }

            if (node is YamlList { Items.Count: 0 } && spec.Kind != ValueKind.MapList)
            {
                Error(DiagnosticCodes.InvalidValue, node.Location, $"'{spec.Name}' in {context} is an empty list; {spec.Description}");
                return false;
            }

            if (node is YamlList pairList && spec.Kind == ValueKind.WordSets && pairList.Items.OfType<YamlList>().FirstOrDefault(l => l.Items.Count == 0) is { } emptySet)
            {
                Error(DiagnosticCodes.InvalidValue, emptySet.Location, $"a word set in '{spec.Name}' of {context} is empty; every set needs at least one word");
                return false;
            }

            if (spec.Kind == ValueKind.NameOrMap && node is YamlMap nameMap)
            {
                _ = ReadMap(nameMap, spec.Keys, $"'{spec.Name}' of {context}");
                return true;
            }

            if (node is not YamlScalar scalar)
            {
                return true;
            }

            switch (spec.Kind)
            {
                case ValueKind.Number:
                case ValueKind.Integer:
                    var isInteger = spec.Kind == ValueKind.Integer;
                    if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number)
                        || (isInteger && !int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
                    {
                        Error(DiagnosticCodes.WrongType, scalar.Location, $"'{spec.Name}' in {context} must be {(isInteger ? "a whole number" : "a number")}; found '{scalar.Value}'");
                        return false;
                    }

                    return CheckRange(spec, number, scalar, context);

                case ValueKind.Boolean when scalar.Value is not ("true" or "false"):
                    Error(DiagnosticCodes.WrongType, scalar.Location, $"'{spec.Name}' in {context} must be true or false; found '{scalar.Value}'");
                    return false;

                case ValueKind.Enum or ValueKind.NameOrMap when !spec.AllowedValues.Contains(scalar.Value):
                    Error(DiagnosticCodes.InvalidValue, scalar.Location, $"'{spec.Name}' in {context} must be one of {string.Join(", ", spec.AllowedValues)}; found '{scalar.Value}'.{Suggestions.DidYouMean(scalar.Value, spec.AllowedValues)}");
                    return false;

                default:
                    return true;
            }
        }

        private bool CheckRange(KeySpec spec, double number, YamlScalar scalar, string context)
        {
            var low = spec.Minimum is { } min && (spec.Exclusive ? number <= min : number < min);
            var high = spec.Maximum is { } max && (spec.Exclusive ? number >= max : number > max);
            if (!low && !high)
            {
                return true;
            }

            var bounds = (spec.Minimum, spec.Maximum) switch
            {
                ({ } a, { } b) when a == b => string.Create(CultureInfo.InvariantCulture, $"{a}"),
                ({ } a, { } b) => string.Create(CultureInfo.InvariantCulture, $"between {a} and {b}{(spec.Exclusive ? " (exclusive)" : string.Empty)}"),
                ({ } a, null) => string.Create(CultureInfo.InvariantCulture, $"{(spec.Exclusive ? "greater than" : "at least")} {a}"),
                (null, { } b) => string.Create(CultureInfo.InvariantCulture, $"{(spec.Exclusive ? "less than" : "at most")} {b}"),
                _ => "in range",
            };
            Error(DiagnosticCodes.OutOfRange, scalar.Location, $"'{spec.Name}' in {context} must be {bounds}; found {scalar.Value}");
            return false;
        }

        private void Error(string code, SourceLocation location, string message) => Diagnostics.Add(Diagnostic.Error(code, location, message));
    }

    private sealed record MapRead(Dictionary<string, YamlNode> Nodes, SpecValues Values);
}
