using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace CatInherit.Model;

/// <summary>
/// A Hugging Face <c>tokenizer.json</c>: its model (WordPiece, BPE, Unigram) runs in Microsoft.ML.Tokenizers; its added
/// tokens, normalizer, pre-tokenizer, post-processor (special tokens), truncation and padding are read from the file and
/// applied as the <c>tokenizers</c> library applies them. A component this class does not implement is an error that
/// names it (<see cref="InvalidDataException"/>), never silently different ids.
/// </summary>
/// <remarks>
/// Order, as in <c>tokenizers</c>: added tokens are split out of the raw text first (each becomes its own id); every other
/// piece is normalized, pre-tokenized and run through the model; the post-processor's special tokens are added around the
/// result, which is truncated first so that the whole stays within the maximum length.
/// </remarks>
internal sealed partial class HuggingFaceTokenizer : ITokenEncoder
{
    private readonly Func<string, bool, IReadOnlyList<int>> encodePiece;
    private readonly List<AddedToken> added;
    private readonly Func<string, string> normalize;
    private readonly TokenTemplate template;
    private readonly int? maxLength;
    private readonly bool truncateLeft;

    private HuggingFaceTokenizer(string modelType, Func<string, bool, IReadOnlyList<int>> encodePiece, List<AddedToken> added, Func<string, string> normalize, TokenTemplate template, int? maxLength, bool truncateLeft, TokenPadding padding)
    {
        ModelType = modelType;
        this.encodePiece = encodePiece;
        this.added = added;
        this.normalize = normalize;
        this.template = template;
        this.maxLength = maxLength;
        this.truncateLeft = truncateLeft;
        Padding = padding;
    }

    /// <summary>The file's model: <c>WordPiece</c>, <c>BPE</c> or <c>Unigram</c>.</summary>
    public string ModelType { get; }

    /// <summary>The longest sequence, special tokens included: the policy's <c>max_length</c>, else the file's truncation; null: none.</summary>
    public int? MaxLength => maxLength;

    /// <inheritdoc />
    public TokenPadding Padding { get; }

    /// <summary>
    /// Reads <paramref name="path"/>; <paramref name="maxLengthOverride"/> (the policy's <c>max_length</c>) replaces the file's
    /// truncation length, and <paramref name="fallbackMaxLength"/> applies when neither gives one.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a tokenizer.json this class can reproduce; the message says what.</exception>
    public static HuggingFaceTokenizer Load(string path, int? maxLengthOverride, int? fallbackMaxLength = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"it is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            var model = Required(root, "model", "the tokenizer's model");
            var type = Text(model, "type") ?? (model.TryGetProperty("merges", out _) ? "BPE" : null) ?? throw new InvalidDataException("'model' has no 'type'");
            var added = AddedTokens(root);
            var normalizer = Optional(root, "normalizer");
            var preTokenizer = Optional(root, "pre_tokenizer");
            var (encode, normalize) = type switch
            {
                "WordPiece" => WordPiece(model, normalizer, preTokenizer),
                "BPE" => Bpe(model, normalizer, preTokenizer),
                "Unigram" => Unigram(model, normalizer, preTokenizer, added),
                _ => throw new InvalidDataException($"its model type '{type}' is not supported; CatInherit reads WordPiece, BPE and Unigram tokenizers"),
            };
            var template = TokenTemplate.Read(Optional(root, "post_processor"), added);
            var (maxLength, left) = Truncation(Optional(root, "truncation"));
            return new HuggingFaceTokenizer(type, encode, added, normalize, template, maxLengthOverride ?? maxLength ?? fallbackMaxLength, left, PaddingOf(Optional(root, "padding")));
        }
    }

    /// <inheritdoc />
    public int[] Encode(string text)
    {
        var ids = new List<int>();
        var first = true;
        foreach (var (piece, token) in Split(text))
        {
            if (token is not null)
            {
                ids.Add(token.Id);
            }
            else
            {
                var normalized = normalize(piece);
                if (normalized.Length > 0)
                {
                    ids.AddRange(encodePiece(normalized, first));
                }
            }

            first = false;
        }

        if (maxLength is { } max)
        {
            var budget = Math.Max(0, max - template.Added);
            if (ids.Count > budget)
            {
                ids.RemoveRange(truncateLeft ? 0 : budget, ids.Count - budget);
            }
        }

        return template.Apply(ids);
    }

    /// <summary>The raw text cut around its added tokens (longest match first; <c>lstrip</c>/<c>rstrip</c> eat the spaces beside them).</summary>
    private List<(string Piece, AddedToken? Token)> Split(string text)
    {
        var pieces = new List<(string, AddedToken?)>();
        var start = 0;
        var at = 0;
        while (at < text.Length)
        {
            var match = added.Where(t => t.Content.Length > 0 && string.CompareOrdinal(text, at, t.Content, 0, t.Content.Length) == 0).MaxBy(t => t.Content.Length);
            if (match is null)
            {
                at++;
                continue;
            }

            var before = text[start..at];
            if (match.LeftStrip)
            {
                before = before.TrimEnd();
            }

            if (before.Length > 0)
            {
                pieces.Add((before, null));
            }

            pieces.Add((match.Content, match));
            at += match.Content.Length;
            if (match.RightStrip)
            {
                while (at < text.Length && char.IsWhiteSpace(text[at]))
                {
                    at++;
                }
            }

            start = at;
        }

        if (start < text.Length)
        {
            pieces.Add((text[start..], null));
        }

        return pieces;
    }

    /// <summary>WordPiece as BERT's tokenizer.json writes it: BertNormalizer + BertPreTokenizer, in <see cref="BertTokenizer"/>.</summary>
    private static (Func<string, bool, IReadOnlyList<int>>, Func<string, string>) WordPiece(JsonElement model, JsonElement? normalizer, JsonElement? preTokenizer)
    {
        if (normalizer is { } n && Text(n, "type") != "BertNormalizer")
        {
            throw new InvalidDataException($"a WordPiece model with the '{Text(n, "type")}' normalizer is not supported; CatInherit reads BERT's (BertNormalizer)");
        }

        if (preTokenizer is { } p && Text(p, "type") is not ("BertPreTokenizer" or "Whitespace"))
        {
            throw new InvalidDataException($"a WordPiece model with the '{Text(p, "type")}' pre-tokenizer is not supported; CatInherit reads BERT's (BertPreTokenizer)");
        }

        var vocab = Vocabulary(Required(model, "vocab", "the WordPiece vocabulary"));
        var lowercase = normalizer is { } bert && Bool(bert, "lowercase", true);
        var stripAccents = normalizer is { } bert2 && (bert2.TryGetProperty("strip_accents", out var strip) && strip.ValueKind is JsonValueKind.True or JsonValueKind.False ? strip.GetBoolean() : lowercase);
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = lowercase,
            RemoveNonSpacingMarks = stripAccents,
            IndividuallyTokenizeCjk = normalizer is { } bert3 && Bool(bert3, "handle_chinese_chars", true),
            ApplyBasicTokenization = true,
            SplitOnSpecialTokens = false,
            PreTokenizer = BertPreTokenizer.Instance,
            UnknownToken = Text(model, "unk_token") ?? "[UNK]",
            ContinuingSubwordPrefix = Text(model, "continuing_subword_prefix") ?? "##",
            MaxInputCharsPerWord = model.TryGetProperty("max_input_chars_per_word", out var max) && max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var chars) ? chars : 100,
        };

        // BertTokenizer reads a vocab.txt (one token per line, the line number its id) and needs its five special tokens present.
        foreach (var special in new[] { options.ClassificationToken, options.SeparatorToken, options.PaddingToken, options.MaskingToken })
        {
            if (!vocab.ContainsKey(special))
            {
                vocab = new Dictionary<string, int>(vocab, StringComparer.Ordinal) { [special] = vocab.Count };
            }
        }

        var lines = new string[vocab.Count];
        foreach (var (token, id) in vocab)
        {
            if (id < 0 || id >= lines.Length || lines[id] is not null || token.Contains('\n', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"the WordPiece vocabulary's ids are not 0..{lines.Length - 1}, each once (token '{token}' has id {id})");
            }

            lines[id] = token;
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var tokenizer = BertTokenizer.Create(stream, options);
        return ((text, _) => tokenizer.EncodeToIds(text, addSpecialTokens: false), text => text);
    }

    /// <summary>BPE: byte-level (GPT-2, RoBERTa) or not, in <see cref="BpeTokenizer"/>; simple normalizers applied before it.</summary>
    private static (Func<string, bool, IReadOnlyList<int>>, Func<string, string>) Bpe(JsonElement model, JsonElement? normalizer, JsonElement? preTokenizer)
    {
        var vocab = Vocabulary(Required(model, "vocab", "the BPE vocabulary"));
        var merges = Required(model, "merges", "the BPE merges").EnumerateArray().Select(m => m.ValueKind == JsonValueKind.Array
            ? $"{m[0].GetString()} {m[1].GetString()}"
            : m.GetString() ?? string.Empty).ToList();
        if (model.TryGetProperty("dropout", out var dropout) && dropout.ValueKind == JsonValueKind.Number && dropout.GetDouble() > 0)
        {
            throw new InvalidDataException("its BPE model has dropout, which makes token ids random; CatInherit needs a deterministic tokenizer");
        }

        if (Bool(model, "byte_fallback", false))
        {
            throw new InvalidDataException("BPE with byte_fallback (SentencePiece-style BPE) is not supported; CatInherit reads byte-level BPE (GPT-2, RoBERTa) and character BPE");
        }

        var (byteLevel, addPrefixSpace, regex) = BpePreTokenizer(preTokenizer);
        var options = new BpeOptions(vocab)
        {
            Merges = merges,
            ByteLevel = byteLevel,
            UnknownToken = Text(model, "unk_token"),
            ContinuingSubwordPrefix = Text(model, "continuing_subword_prefix"),
            EndOfWordSuffix = Text(model, "end_of_word_suffix"),
            FuseUnknownTokens = Bool(model, "fuse_unk", false),
            PreTokenizer = new RegexPreTokenizer(regex, null),
        };
        var tokenizer = BpeTokenizer.Create(options);
        var normalize = SimpleNormalizer(normalizer);
        return ((text, _) => tokenizer.EncodeToIds(addPrefixSpace && !char.IsWhiteSpace(text[0]) ? " " + text : text), normalize);
    }

    /// <summary>
    /// Unigram (SentencePiece), as Hugging Face converts <c>spiece.model</c> files: the model is rebuilt as a SentencePiece model
    /// (pieces, scores, the Precompiled charsmap, whitespace handling from the Metaspace pre-tokenizer) for <see cref="SentencePieceTokenizer"/>.
    /// </summary>
    private static (Func<string, bool, IReadOnlyList<int>>, Func<string, string>) Unigram(JsonElement model, JsonElement? normalizer, JsonElement? preTokenizer, List<AddedToken> added)
    {
        var pieces = Required(model, "vocab", "the Unigram vocabulary").EnumerateArray().Select(p => (Piece: p[0].GetString() ?? string.Empty, Score: p[1].GetDouble())).ToList();
        var unkId = model.TryGetProperty("unk_id", out var unk) && unk.ValueKind == JsonValueKind.Number && unk.TryGetInt32(out var u) ? u : -1;
        if (Bool(model, "byte_fallback", false))
        {
            throw new InvalidDataException("Unigram with byte_fallback is not supported");
        }

        byte[]? charsmap = null;
        var collapseSpaces = false;
        var before = new List<JsonElement>();
        foreach (var step in Steps(normalizer))
        {
            switch (Text(step, "type"))
            {
                case "Precompiled":
                    charsmap = Convert.FromBase64String(Text(step, "precompiled_charsmap") ?? string.Empty);
                    break;
                case "Replace" when IsSpaceCollapse(step):
                    collapseSpaces = true;
                    break;
                default:
                    if (charsmap is not null || collapseSpaces)
                    {
                        throw new InvalidDataException($"a Unigram normalizer '{Text(step, "type")}' after Precompiled is not supported");
                    }

                    before.Add(step);
                    break;
            }
        }

        var (replacement, prefix) = Metaspace(preTokenizer);
        if (replacement != '\u2581')
        {
            throw new InvalidDataException($"a Metaspace replacement other than '\u2581' is not supported (found '{replacement}')");
        }

        var specials = added.Where(t => t.Special).Select(t => t.Id).ToHashSet();
        SentencePieceTokenizer Create(bool dummyPrefix)
        {
            using var stream = new MemoryStream(SentencePieceModel.Write(pieces, unkId, specials, charsmap, dummyPrefix, collapseSpaces));
            return SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        }

        var tokenizer = Create(prefix != "never");

        // "first" prepends the replacement to the text's first piece only: a piece after an added token gets none.
        var later = prefix == "first" ? Create(false) : tokenizer;
        return ((text, first) => FuseUnknown((first ? tokenizer : later).EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false), unkId), SimpleNormalizer(before));
    }

    /// <summary>A run of unknown pieces is one unknown token, as SentencePiece and the tokenizers library's Unigram emit it.</summary>
    private static List<int> FuseUnknown(IReadOnlyList<int> ids, int unkId)
    {
        var fused = new List<int>(ids.Count);
        foreach (var id in ids)
        {
            if (id != unkId || fused.Count == 0 || fused[^1] != unkId)
            {
                fused.Add(id);
            }
        }

        return fused;
    }

    private static bool IsSpaceCollapse(JsonElement replace) =>
        replace.TryGetProperty("pattern", out var pattern) && pattern.TryGetProperty("Regex", out var regex) && regex.GetString() == " {2,}" && Text(replace, "content") == " ";

    /// <summary>The Metaspace pre-tokenizer's replacement and prepend scheme (older files: <c>add_prefix_space</c>).</summary>
    private static (char Replacement, string Prefix) Metaspace(JsonElement? preTokenizer)
    {
        var steps = Steps(preTokenizer).ToList();
        var metaspace = steps.FirstOrDefault(s => Text(s, "type") == "Metaspace");
        if (metaspace.ValueKind == JsonValueKind.Undefined || steps.Any(s => Text(s, "type") is not ("Metaspace" or "WhitespaceSplit")))
        {
            throw new InvalidDataException($"a Unigram model needs the Metaspace pre-tokenizer (SentencePiece's); found {(steps.Count == 0 ? "none" : string.Join(", ", steps.Select(s => Text(s, "type"))))}");
        }

        var replacement = Text(metaspace, "replacement") is [var c] ? c : '\u2581';
        var prefix = Text(metaspace, "prepend_scheme") ?? (Bool(metaspace, "add_prefix_space", true) ? "always" : "never");
        return (replacement, prefix);
    }

    /// <summary>A BPE pre-tokenizer: ByteLevel (GPT-2's split), optionally after a Split by regex (as Llama 3 writes it).</summary>
    private static (bool ByteLevel, bool AddPrefixSpace, Regex Split) BpePreTokenizer(JsonElement? preTokenizer)
    {
        var steps = Steps(preTokenizer).ToList();
        if (steps.Count == 0)
        {
            return (false, false, WhitespaceSplit());
        }

        var byteLevel = steps.FirstOrDefault(s => Text(s, "type") == "ByteLevel");
        var split = steps.FirstOrDefault(s => Text(s, "type") == "Split");
        var known = steps.All(s => Text(s, "type") is "ByteLevel" or "Split" or "Whitespace" or "WhitespaceSplit");
        if (!known || steps.Count > 2)
        {
            throw new InvalidDataException($"a BPE pre-tokenizer of [{string.Join(", ", steps.Select(s => Text(s, "type")))}] is not supported; CatInherit reads ByteLevel (GPT-2, RoBERTa), Split + ByteLevel, and Whitespace");
        }

        if (byteLevel.ValueKind == JsonValueKind.Undefined)
        {
            return (false, false, WhitespaceSplit());
        }

        var addPrefixSpace = Bool(byteLevel, "add_prefix_space", false);
        if (split.ValueKind != JsonValueKind.Undefined)
        {
            var pattern = split.TryGetProperty("pattern", out var p) && p.TryGetProperty("Regex", out var r) ? r.GetString() : null;
            if (pattern is null || Text(split, "behavior") != "Isolated")
            {
                throw new InvalidDataException("a Split pre-tokenizer is supported with a Regex pattern and the Isolated behaviour only");
            }

            return (true, addPrefixSpace, new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant));
        }

        return (true, addPrefixSpace, Bool(byteLevel, "use_regex", true) ? Gpt2Split() : Whole());
    }

    /// <summary>Normalizers that are plain string functions: NFC, NFD, NFKC, NFKD, Lowercase, Strip, Replace, Prepend, in order.</summary>
    private static Func<string, string> SimpleNormalizer(JsonElement? normalizer) => SimpleNormalizer(Steps(normalizer));

    private static Func<string, string> SimpleNormalizer(IEnumerable<JsonElement> steps)
    {
        var functions = steps.Select<JsonElement, Func<string, string>>(step => Text(step, "type") switch
        {
            "NFC" => s => s.Normalize(NormalizationForm.FormC),
            "NFD" => s => s.Normalize(NormalizationForm.FormD),
            "NFKC" => s => s.Normalize(NormalizationForm.FormKC),
            "NFKD" => s => s.Normalize(NormalizationForm.FormKD),
            "Lowercase" => s => s.ToLowerInvariant(),
            "Strip" => StripOf(step),
            "Prepend" => s => (Text(step, "prepend") ?? string.Empty) + s,
            "Replace" => ReplaceOf(step),
            var other => throw new InvalidDataException($"the normalizer '{other}' is not supported here; CatInherit reads NFC, NFD, NFKC, NFKD, Lowercase, Strip, Prepend and Replace (and BERT's and SentencePiece's own)"),
        }).ToList();
        return text => functions.Aggregate(text, (s, f) => f(s));
    }

    private static Func<string, string> StripOf(JsonElement step)
    {
        var left = Bool(step, "strip_left", true);
        var right = Bool(step, "strip_right", true);
        return s => left && right ? s.Trim() : left ? s.TrimStart() : right ? s.TrimEnd() : s;
    }

    private static Func<string, string> ReplaceOf(JsonElement step)
    {
        var content = Text(step, "content") ?? string.Empty;
        if (!step.TryGetProperty("pattern", out var pattern))
        {
            throw new InvalidDataException("a Replace normalizer has no pattern");
        }

        if (pattern.TryGetProperty("String", out var literal))
        {
            var from = literal.GetString() ?? string.Empty;
            return s => from.Length == 0 ? s : s.Replace(from, content, StringComparison.Ordinal);
        }

        var regex = new Regex(pattern.GetProperty("Regex").GetString() ?? string.Empty, RegexOptions.CultureInvariant);
        return s => regex.Replace(s, content);
    }

    /// <summary>A component's steps: the items of a <c>Sequence</c>, else the component itself; none for null.</summary>
    private static IEnumerable<JsonElement> Steps(JsonElement? component)
    {
        if (component is not { } c)
        {
            return [];
        }

        if (Text(c, "type") == "Sequence")
        {
            var key = c.TryGetProperty("normalizers", out var n) ? n : c.TryGetProperty("pretokenizers", out var p) ? p : c.GetProperty("processors");
            return key.EnumerateArray().SelectMany(s => Steps(s)).ToList();
        }

        return [c];
    }

    private static List<AddedToken> AddedTokens(JsonElement root) =>
        root.TryGetProperty("added_tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Array
            ? [.. tokens.EnumerateArray().Select(t => new AddedToken(t.GetProperty("id").GetInt32(), t.GetProperty("content").GetString() ?? string.Empty, Bool(t, "special", false), Bool(t, "lstrip", false), Bool(t, "rstrip", false)))]
            : [];

    private static (int? MaxLength, bool Left) Truncation(JsonElement? truncation) =>
        truncation is { } t
            ? (t.TryGetProperty("max_length", out var max) && max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var m) ? m : null, Text(t, "direction") == "Left")
            : (null, false);

    private static TokenPadding PaddingOf(JsonElement? padding)
    {
        if (padding is not { } p)
        {
            return TokenPadding.Default;
        }

        int? fixedLength = p.TryGetProperty("strategy", out var strategy) && strategy.ValueKind == JsonValueKind.Object && strategy.TryGetProperty("Fixed", out var f) && f.ValueKind == JsonValueKind.Number && f.TryGetInt32(out var n) ? n : null;
        int? multiple = p.TryGetProperty("pad_to_multiple_of", out var m) && m.ValueKind == JsonValueKind.Number && m.TryGetInt32(out var k) ? k : null;
        var padId = p.TryGetProperty("pad_id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out var i) ? i : 0;
        return new TokenPadding(padId, Text(p, "direction") == "Left", fixedLength, multiple);
    }

    private static Dictionary<string, int> Vocabulary(JsonElement vocab)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocab.EnumerateObject())
        {
            result[entry.Name] = entry.Value.GetInt32();
        }

        return result;
    }

    private static JsonElement Required(JsonElement element, string name, string what) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw new InvalidDataException($"it has no '{name}' ({what})");

    private static JsonElement? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name, bool fallback) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;

    /// <summary>GPT-2's pre-tokenization split (the <c>tokenizers</c> ByteLevel regex).</summary>
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Gpt2Split();

    [GeneratedRegex(@"\w+|[^\w\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceSplit();

    [GeneratedRegex(@"[\s\S]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    /// <summary>A token of <c>added_tokens</c>: matched in the raw text before anything else runs.</summary>
    internal sealed record AddedToken(int Id, string Content, bool Special, bool LeftStrip, bool RightStrip);
}
