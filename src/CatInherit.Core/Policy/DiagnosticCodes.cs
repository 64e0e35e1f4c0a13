namespace CatInherit.Policy;

/// <summary>Every diagnostic code CatInherit emits. Codes are stable; the README lists them.</summary>
public static class DiagnosticCodes
{
    // Policy file and YAML.
    /// <summary>The policy file does not exist or cannot be read.</summary>
    public const string PolicyNotFound = "CAT0001";
    /// <summary>The YAML is not well formed.</summary>
    public const string YamlSyntax = "CAT0002";
    /// <summary>The policy declares an unsupported version.</summary>
    public const string UnsupportedVersion = "CAT0003";

    // Shape of the policy.
    /// <summary>A key that the schema does not know.</summary>
    public const string UnknownKey = "CAT0010";
    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "CAT0011";
    /// <summary>A value has the wrong type (mapping, list, number...).</summary>
    public const string WrongType = "CAT0012";
    /// <summary>A value is not one of the allowed values.</summary>
    public const string InvalidValue = "CAT0013";
    /// <summary>The same key appears twice in one mapping.</summary>
    public const string DuplicateKey = "CAT0014";
    /// <summary>A number is outside its allowed range.</summary>
    public const string OutOfRange = "CAT0015";

    // Checks.
    /// <summary>A check kind that does not exist.</summary>
    public const string UnknownCheckKind = "CAT0020";
    /// <summary>Two checks share an id.</summary>
    public const string DuplicateCheckId = "CAT0021";
    /// <summary>A check names a dataset the policy does not declare.</summary>
    public const string UnknownDataset = "CAT0022";
    /// <summary>A gate names a metric the check kind does not produce.</summary>
    public const string UnknownMetric = "CAT0023";
    /// <summary>A gate must have exactly one of max or min.</summary>
    public const string InvalidGate = "CAT0024";
    /// <summary>A check id with characters that cannot name a test.</summary>
    public const string InvalidCheckId = "CAT0025";
    /// <summary>A dataset has no way to obtain predictions (no prediction, scores or model).</summary>
    public const string NoPredictions = "CAT0026";
    /// <summary>A name that is not among the policy's models, or a model that must be named.</summary>
    public const string UnknownModel = "CAT0028";
    /// <summary>A value refers to a class that the dataset does not have.</summary>
    public const string UnknownClass = "CAT0027";

    // Code-first checks: what only code can get wrong.
    /// <summary>Values given in code that do not line up: columns of different lengths, rows of different widths, no rows.</summary>
    public const string CodeFirstShape = "CAT0040";
    /// <summary>Values given in code for a dataset that is read from a file.</summary>
    public const string CodeFirstValuesForFile = "CAT0041";
    /// <summary>One name for two different datasets, models or columns of a code-first check.</summary>
    public const string CodeFirstName = "CAT0042";

    /// <summary>A check without a gate: valid, but it can never fail.</summary>
    public const string NoGate = "CAT0030";
    /// <summary>Too few bootstrap resamples for a stable interval decision.</summary>
    public const string FewResamples = "CAT0031";

    // Data files.
    /// <summary>A data file does not exist.</summary>
    public const string DataNotFound = "CAT0100";
    /// <summary>A data file is empty or has no data rows.</summary>
    public const string EmptyData = "CAT0101";
    /// <summary>A column named by the policy is not in the file.</summary>
    public const string MissingColumn = "CAT0102";
    /// <summary>A value that must be a number is not one.</summary>
    public const string NotANumber = "CAT0103";
    /// <summary>A row has a different number of fields than the header.</summary>
    public const string RaggedRow = "CAT0104";
    /// <summary>A label or prediction outside the declared classes.</summary>
    public const string LabelOutsideClasses = "CAT0105";
    /// <summary>A JSONL line is not a JSON object.</summary>
    public const string InvalidJsonLine = "CAT0106";
    /// <summary>A data file with an extension CatInherit cannot read.</summary>
    public const string UnsupportedDataFormat = "CAT0107";
    /// <summary>A required value is missing in a row.</summary>
    public const string MissingValue = "CAT0108";
    /// <summary>Scores that are not valid probabilities.</summary>
    public const string InvalidProbabilities = "CAT0109";
    /// <summary>A CSV or TSV file whose structure cannot be trusted: no header row, an empty or repeated column name, a quote that swallows rows.</summary>
    public const string MalformedTable = "CAT0120";
    /// <summary>A text file (policy or data) that is not valid UTF-8.</summary>
    public const string NotUtf8 = "CAT0121";

    // Models.
    /// <summary>The model file is not a valid ONNX model.</summary>
    public const string InvalidModel = "CAT0110";
    /// <summary>ONNX Runtime's native library cannot be loaded.</summary>
    public const string RuntimeUnavailable = "CAT0111";
    /// <summary>The requested execution provider cannot be used.</summary>
    public const string ProviderUnavailable = "CAT0112";
    /// <summary>The model's inputs or outputs do not match what the policy feeds and reads.</summary>
    public const string ModelSignature = "CAT0113";
    /// <summary>The tokenizer vocabulary cannot be read.</summary>
    public const string InvalidVocabulary = "CAT0114";
    /// <summary>A check needs predictions but the model produces embeddings (or the reverse).</summary>
    public const string OutputKindMismatch = "CAT0115";

    // Warnings raised while running.
    /// <summary>A check ran but something about its result deserves attention (an excluded group, dropped resamples).</summary>
    public const string CheckWarning = "CAT0300";

    // Identity probes.
    /// <summary>An identity subgroup column whose values are not boolean (true/false, 1/0).</summary>
    public const string SubgroupNotBoolean = "CAT0620";
    /// <summary>An identity subgroup with no rows (or with every row, so no background).</summary>
    public const string EmptySubgroup = "CAT0621";

    // Image datasets.
    /// <summary>An image file that cannot be decoded (corrupt, truncated, or not an image).</summary>
    public const string InvalidImage = "CAT0660";
    /// <summary>An image folder whose layout does not fit (no class subfolder, a class folder without images).</summary>
    public const string ImageFolderLayout = "CAT0661";
    // Mitigations (CAT0740–CAT0769).
    /// <summary>A mitigation fitted on a dataset that a gated check evaluates on (or that may share its rows).</summary>
    public const string FitOnGatedData = "CAT0740";
    /// <summary>A mitigation that needs logits, on a model that exposes none (only probabilities without a Softmax, or an embedding).</summary>
    public const string NoLogits = "CAT0741";
    /// <summary>Bias word pairs that give no direction: words that tokenize to nothing, identical twins, fewer pairs than directions.</summary>
    public const string EmptyBiasPairs = "CAT0742";
    /// <summary>A fairness constraint that no choice of thresholds meets on the fit set.</summary>
    public const string ConstraintUnreachable = "CAT0743";
    /// <summary>The embedding tensor a projection edits is missing from the graph or has the wrong shape.</summary>
    public const string NoEmbeddingTensor = "CAT0744";
    /// <summary>A mitigation without a model to edit, or with a model it cannot edit.</summary>
    public const string MitigationModel = "CAT0745";
    /// <summary>A fit that did not converge (a temperature at the edge of its search range, a constant score).</summary>
    public const string FitNotConverged = "CAT0746";
    /// <summary>A graph the edit cannot be written into (the tensor is a graph input, a name is taken, the file is not ONNX).</summary>
    public const string GraphEdit = "CAT0747";
    /// <summary><c>catinherit mitigate</c> on a policy with no <c>mitigations:</c> section.</summary>
    public const string NoMitigations = "CAT0748";
    /// <summary>Two mitigations share an id, or an id cannot name a file.</summary>
    public const string DuplicateMitigationId = "CAT0749";
    /// <summary>(MSBuild <c>CatInheritMitigate</c>) a mitigation made a gated check (or a group of one) worse.</summary>
    public const string MitigationWorse = "CAT0750";

    // Command line.
    /// <summary>An invalid command-line option.</summary>
    public const string InvalidOption = "CAT0500";

    // Sharded runs and their merge.
    /// <summary>A shard that is not <c>I/N</c> with 1 ≤ I ≤ N, or a shard without a folder for its partial.</summary>
    public const string InvalidShard = "CAT0700";
    /// <summary>A partial file that cannot be read: not a partial, damaged, or written by another partial format version.</summary>
    public const string InvalidPartial = "CAT0701";
    /// <summary>The partials do not cover every shard: one or more shards are missing.</summary>
    public const string MissingShard = "CAT0702";
    /// <summary>Two partials for the same shard.</summary>
    public const string DuplicateShard = "CAT0703";
    /// <summary>Partials from different runs: another policy, seed, check selection, shard count or CatInherit version.</summary>
    public const string MixedPartials = "CAT0704";
    /// <summary>Partials computed with another model or other data than the files the merge reads now.</summary>
    public const string PartialFingerprint = "CAT0705";

    /// <summary>An unexpected internal error (a bug: please report it).</summary>
    public const string InternalError = "CAT9999";
}
