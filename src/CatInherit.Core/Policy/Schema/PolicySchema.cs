namespace CatInherit.Policy.Schema;

/// <summary>
/// The version-1 policy schema as data. The loader validates against it, <see cref="JsonSchemaWriter"/>
/// turns it into the JSON Schema editors use, so the two can never disagree.
/// </summary>
public static class PolicySchema
{
    /// <summary>The only policy version this release reads.</summary>
    public const int Version = 1;

    /// <summary>Keys of the model's tokenizer.</summary>
    public static IReadOnlyList<KeySpec> TokenizerKeys { get; } =
    [
        new("vocab", ValueKind.Path, "A BERT WordPiece vocab.txt, relative to the policy file (or give 'file')."),
        new("file", ValueKind.Path, "A Hugging Face tokenizer.json (WordPiece, BPE or Unigram), relative to the policy file: its normalizer, pre-tokenizer, special tokens, truncation and padding are read from it (or give 'vocab')."),
        new("lowercase", ValueKind.Boolean, "With 'vocab': lower-case (and strip accents) before tokenizing, as uncased BERT models expect. A tokenizer.json says it itself.") { Default = "true" },
        new("max_length", ValueKind.Integer, "Longest token sequence fed to the model, special tokens included; longer texts are truncated. With 'file', the default is the file's truncation length (else 128).") { Minimum = 3, Maximum = 8192, Default = "128" },
    ];

    /// <summary>Keys of the model's input mapping.</summary>
    public static IReadOnlyList<KeySpec> InputKeys { get; } =
    [
        new("text", ValueKind.String, "A text column: tokenized into input_ids, attention_mask and token_type_ids."),
        new("tokenizer", ValueKind.Map, "How text becomes token ids (needed with text).") { Keys = TokenizerKeys },
        new("features", ValueKind.StringList, "Numeric columns, in order, fed as one float tensor [batch, features]."),
        new("name", ValueKind.String, "The model input that receives the features (default: the model's only input)."),
    ];

    /// <summary>Keys of the model's output.</summary>
    public static IReadOnlyList<KeySpec> OutputKeys { get; } =
    [
        new("name", ValueKind.String, "The model output to read.") { Required = true },
        new("kind", ValueKind.Enum, "logits (softmax gives probabilities), probabilities, or embedding.") { Required = true, AllowedValues = ["logits", "probabilities", "embedding"] },
        new("pooling", ValueKind.Enum, "For token-level embeddings [batch, tokens, dim]: mean over the attention mask, or the first (CLS) token.") { AllowedValues = ["mean", "cls"], Default = "mean" },
        new("normalize", ValueKind.Boolean, "L2-normalise embeddings.") { Default = "false" },
    ];

    /// <summary>Keys of the model section.</summary>
    public static IReadOnlyList<KeySpec> ModelKeys { get; } =
    [
        new("path", ValueKind.Path, "The .onnx file, relative to the policy file.") { Required = true },
        new("provider", ValueKind.Enum, "auto: CUDA when it loads, else CPU (the report says which); cpu; cuda (an error when CUDA cannot load).") { AllowedValues = ["auto", "cpu", "cuda"], Default = "auto" },
        new("batch_size", ValueKind.Integer, "Rows per inference batch.") { Minimum = 1, Maximum = 65536, Default = "32" },
        new("intra_op_threads", ValueKind.Integer, "Threads ONNX Runtime uses inside one operator; 0 lets it decide.") { Minimum = 0, Maximum = 1024, Default = "0" },
        new("inputs", ValueKind.Map, "How dataset columns become model inputs.") { Required = true, Keys = InputKeys },
        new("output", ValueKind.Map, "Which model output to read and what it holds.") { Required = true, Keys = OutputKeys },
        new("cache", ValueKind.Boolean, "Reuse outputs cached on disk by content hash of model, data and preprocessing.") { Default = "true" },
    ];

    /// <summary>Keys of a dataset's images.</summary>
    public static IReadOnlyList<KeySpec> ImageKeys { get; } =
    [
        new("layout", ValueKind.Enum, "imagefolder: 'root' holds one subfolder per class, named as the class (the columns are 'label', 'file' and the pixels); csv: the dataset's 'path' is a table whose 'column' holds image paths.") { Required = true, AllowedValues = ["imagefolder", "csv"] },
        new("root", ValueKind.Path, "The image folder, relative to the policy file (imagefolder: required; csv: what image paths are relative to, default the table's folder)."),
        new("column", ValueKind.String, "csv: the column with the image paths.") { Default = "image" },
        new("width", ValueKind.Integer, "Every image is resized (bilinear) to this width.") { Required = true, Minimum = 1, Maximum = 4096 },
        new("height", ValueKind.Integer, "Every image is resized (bilinear) to this height.") { Required = true, Minimum = 1, Maximum = 4096 },
        new("channels", ValueKind.Enum, "The tensor's channels, in order: gray (luma 0.299 R + 0.587 G + 0.114 B), rgb or bgr.") { AllowedValues = ["gray", "rgb", "bgr"], Default = "rgb" },
        new("scale", ValueKind.Number, "Pixel values 0–255 are divided by this first (255 gives [0, 1]; 1 keeps 0–255).") { Minimum = 0, Exclusive = true, Default = "255" },
        new("mean", ValueKind.StringList, "Subtracted after scaling: one number, or one per channel (e.g. ImageNet's [0.485, 0.456, 0.406]).") { Default = "[0]" },
        new("std", ValueKind.StringList, "Divided by last: one number, or one per channel (e.g. [0.229, 0.224, 0.225]).") { Default = "[1]" },
    ];

    /// <summary>Keys of one dataset.</summary>
    public static IReadOnlyList<KeySpec> DatasetKeys { get; } =
    [
        new("path", ValueKind.Path, "A .csv, .tsv or .jsonl file, relative to the policy file (not with images in an imagefolder)."),
        new("label", ValueKind.String, "The column with the true label."),
        new("prediction", ValueKind.String, "A column with precomputed hard predictions (no model needed)."),
        new("scores", ValueKind.StringList, "Columns with precomputed per-class scores, one per class in class order; a single column holds the positive class of a binary model."),
        new("score_kind", ValueKind.Enum, "What the scores columns hold; required with scores.") { AllowedValues = ["logits", "probabilities"] },
        new("classes", ValueKind.StringList, "The class labels in score order. Default: 0..K-1 with K score columns (or K model outputs), else the sorted distinct labels and predictions."),
        new("model", ValueKind.String, "The model (a name under 'models') that computes this dataset's outputs unless a check names its own; needed only when several are declared."),
        new("where", ValueKind.WordMap, "Keep only rows whose columns have these values: { domain: imdb } or { domain: [imdb, amazon] }."),
        new("sample", ValueKind.Integer, "Use this many rows, chosen by a fixed seeded shuffle of the file (same rows every run), to bound run time.") { Minimum = 1 },
        new("images", ValueKind.Map, "Images decoded into the numeric columns p0 … p{C·H·W − 1} (channel first), from a folder per class or a column of paths.") { Keys = ImageKeys },
    ];

    /// <summary>Keys of a gate.</summary>
    public static IReadOnlyList<KeySpec> GateKeys { get; } =
    [
        new("metric", ValueKind.String, "The metric the gate compares.") { Required = true },
        new("max", ValueKind.Number, "Fail when the metric is above this value."),
        new("min", ValueKind.Number, "Fail when the metric is below this value."),
    ];

    /// <summary>Keys of a baseline.</summary>
    public static IReadOnlyList<KeySpec> BaselineKeys { get; } =
    [
        new("tolerance", ValueKind.Number, "How far the gated metric may move in the failing direction from the verified value.") { Minimum = 0, Default = "0" },
    ];

    /// <summary>Keys every check kind understands.</summary>
    public static IReadOnlyList<KeySpec> CommonCheckKeys { get; } =
    [
        new("id", ValueKind.String, "Unique id; becomes the test name.") { Required = true },
        new("kind", ValueKind.Enum, "The check kind (the names of the loader's CheckCatalog).") { Required = true },
        new("gate", ValueKind.Map, "The threshold that decides pass or fail.") { Keys = GateKeys },
        new("decide", ValueKind.Enum, "point: the metric value decides; interval: the whole bootstrap interval must lie on the passing side, otherwise the check warns.") { AllowedValues = ["point", "interval"], Default = "point" },
        new("confidence", ValueKind.Number, "Confidence level of the bootstrap interval.") { Minimum = 0, Maximum = 1, Exclusive = true, Default = "0.95" },
        new("resamples", ValueKind.Integer, "Bootstrap resamples; 0 turns intervals off.") { Minimum = 0, Maximum = 1_000_000, Default = "1000" },
        new("baseline", ValueKind.Map, "Compare the gated metric with an approved value: <policy>.<id>.verified.json; fail when it regresses by more than the tolerance.") { Keys = BaselineKeys },
        new("model", ValueKind.String, "The model (a name under 'models') that runs this check: it computes the outputs of the check's datasets (each dataset's own 'model' is the default) and the texts the check generates."),
        new("compare", ValueKind.StringList, "Run the check once per named model (names under 'models'), side by side: each run binds the check's datasets to that model, as 'model' does, under the id '{id}@{model}'; the report compares the runs. Replaces 'model'."),
    ];


    /// <summary>Top-level keys.</summary>
    public static IReadOnlyList<KeySpec> RootKeys { get; } =
    [
        new("version", ValueKind.Integer, "Policy schema version; must be 1.") { Required = true },
        new("model", ValueKind.Map, "The ONNX model under test; omit it when every dataset holds the model's outputs.") { Keys = ModelKeys },
        new("models", ValueKind.Map, "Several named models (e.g. a classifier and the encoder it was built on); datasets and checks pick one with 'model: name'."),
        new("datasets", ValueKind.Map, "Named datasets the checks refer to; omit it when no check reads one (e.g. only embedding-association checks)."),
        new("checks", ValueKind.MapList, "The checks to run, in report order.") { Required = true },
    ];
}
