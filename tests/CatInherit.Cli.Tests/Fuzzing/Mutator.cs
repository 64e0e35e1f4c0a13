using System.Text;

namespace CatInherit.Cli.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of a case's files: byte-level (flips, interesting bytes, deletions, repeats, truncation),
/// line-level (delete, repeat, swap, splice from another seed) and token-level (YAML keys, check kinds and
/// metric names, hostile and boundary values, invalid UTF-8, deep nesting). The same seed gives the same inputs.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<FuzzCase> seeds)
{
    private static readonly byte[] InterestingBytes =
        [0x00, 0x1B, 0x07, 0x7F, 0x85, 0xA0, 0xC0, 0xC3, 0xE9, 0xED, 0xF8, 0xFE, 0xFF, (byte)'"', (byte)'\'', (byte)',', (byte)'\t', (byte)'\n', (byte)'\r',
         (byte)'[', (byte)']', (byte)'{', (byte)'}', (byte)':', (byte)'-', (byte)'#', (byte)'&', (byte)'*', (byte)'!', (byte)'|', (byte)'>', (byte)'<', (byte)'\\', (byte)' ', (byte)'?', (byte)'%', (byte)'@', (byte)'`'];

    private static readonly string[] Tokens =
    [
        // Policy keys and values.
        "version", "datasets", "checks", "model", "models", "path", "label", "prediction", "scores", "score_kind", "classes", "where", "sample",
        "id", "kind", "gate", "metric", "max", "min", "decide", "confidence", "resamples", "baseline", "tolerance", "dataset", "sensitive",
        "positive_label", "min_group_size", "members", "non_members", "attack", "fpr", "ood", "score", "temperature", "fit", "k", "bins",
        "tail_classes", "folds", "balance", "per_class", "inputs", "features", "output", "name", "provider", "batch_size", "cache", "text",
        "tokenizer", "vocab", "pooling", "normalize", "swap", "template", "fill", "test", "targets", "attributes", "permutations", "corruptions", "severities",
        "group-fairness", "counterfactual", "embedding-association", "ood", "corruption", "long-tail", "calibration", "membership-inference", "attribute-inference",
        "trigger-scan", "perturbation", "adversarial", "triggers", "builtin_triggers", "random_words", "mad_floor", "samples", "tests", "max_words",
        "max_queries", "epsilon", "step", "synonyms", "misspellings", "max_anomaly_index", "failure_rate", "accuracy_under_attack", "homoglyph",
        "identity-bias", "identity-templates", "subgroups", "power", "overall_weight", "terms", "templates", "fillers", "threshold", "dixon", "{term}", "{filler}",
        "final_bias_score", "min_bpsn_auc", "fped", "max_term_gap", "identity-sexuality", "muslim",
        "demographic_parity_difference", "worst_group_accuracy", "ece", "brier", "auc", "auroc", "tail_recall", "accuracy", "fpr_at_95_tpr", "advantage",
        "logits", "probabilities", "embedding", "interval", "point", "loss", "confidence", "entropy", "energy", "msp", "knn", "mahalanobis", "cpu", "auto",
        "loans.csv", "scores.tsv", "policy.worst-accuracy.verified.json", "train.jsonl", "held.jsonl", "rows.csv", "policy.yaml", "fixed.onnx", "dynamic.onnx", "missing.csv", "data.parquet", "/dev/null", "..",

        // Boundary and odd values.
        "0", "1", "-1", "2", "0.5", "1.0", "-0", "1e308", "1e309", "-1e309", "1e-320", "NaN", ".nan", ".inf", "-.inf", "2147483648", "99999999999999999999",
        "0x1F", "0o17", "1_000", "+1", "true", "false", "yes", "no", "on", "null", "~", "\"\"", "''", " ", "  ",

        // YAML structure.
        "{}", "[]", "{ a: 1 }", "[1, [2, [3]]]", "&a", "*a", "<<: *a", "!!str", "!!binary", "!!int", "? ", "- ", ": ", "---", "...", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n",
        "\"\\u0000\"", "\"\\x1b\"", "\"\\ud800\"", "\"\\N\"", "|\n  block\n", ">-\n  folded\n", "\t", "\r\n", "\n  - ", "\n    ",

        // Hostile text.
        "<script>alert(1)</script>", "</svg><img src=x onerror=alert(1)>", "]]>", "<!--", "&amp;", "| pipe |", "`code`", "[x](javascript:alert(1))", "**bold**",
        "\u001B[31mred\u001B[0m", "\u0000", "\u202Egnp.exe", "\u2028", "café", "cafè", "日本語", "🙂", "e\u0301", "\uFEFF", "C:\\x\\y", "a\"b", "a,b", "a\tb",
    ];

    /// <summary>Applies one to four mutations to one (sometimes two) of the case's files; returns what was done.</summary>
    public string Mutate(FuzzCase input)
    {
        var done = new List<string>();
        var files = input.Files.Keys.Order(StringComparer.Ordinal).ToList();
        var rounds = 1;
        while (rounds < 4 && random.Next(2) == 0)
        {
            rounds++;
        }

        for (var round = 0; round < rounds; round++)
        {
            // The policy half the time, else a data file (a model file rarely: it is binary and mostly checked by ONNX Runtime).
            var textFiles = files.Where(f => !f.EndsWith(".onnx", StringComparison.Ordinal)).ToList();
            var file = random.Next(2) == 0 ? input.Policy : random.Next(20) == 0 ? files[random.Next(files.Count)] : textFiles[random.Next(textFiles.Count)];
            var bytes = new List<byte>(input.Files[file]);
            done.Add($"{file}: {MutateBytes(bytes, Path.GetExtension(file))}");
            input.Files[file] = [.. bytes];
        }

        if (random.Next(10) == 0)
        {
            input.Command = input.Command == "check" ? "validate" : "check";
            done.Add($"command: {input.Command}");
        }

        return string.Join("; ", done);
    }

    private string MutateBytes(List<byte> bytes, string extension)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count + 1);
        switch (random.Next(extension is ".yaml" ? 18 : 16))
        {
            case 0 when bytes.Count > 0:
                var flip = random.Next(bytes.Count);
                bytes[flip] ^= (byte)(1 << random.Next(8));
                return $"flip a bit at {flip}";
            case 1 when bytes.Count > 0:
                var set = random.Next(bytes.Count);
                bytes[set] = Pick(InterestingBytes);
                return $"set byte {set} to 0x{bytes[set]:X2}";
            case 2:
                var inserted = Pick(InterestingBytes);
                bytes.Insert(at, inserted);
                return $"insert 0x{inserted:X2} at {at}";
            case 3 or 4 or 5:
                var token = Pick(Tokens);
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(token));
                return $"insert '{token}' at {at}";
            case 6 when bytes.Count > 0:
                var length = Math.Min(1 + random.Next(16), bytes.Count - Math.Min(at, bytes.Count - 1));
                bytes.RemoveRange(Math.Min(at, bytes.Count - 1), length);
                return $"delete {length} bytes at {at}";
            case 7 when bytes.Count > 0:
                var start = random.Next(bytes.Count);
                var count = Math.Min(1 + random.Next(32), bytes.Count - start);
                var copy = bytes.GetRange(start, count);
                bytes.InsertRange(random.Next(bytes.Count + 1), copy);
                return $"repeat {count} bytes from {start}";
            case 8:
                return ReplaceWord(bytes);
            case 9:
                return EditLines(bytes, extension);
            case 10:
                return ReplaceField(bytes, extension);
            case 11 when random.Next(8) == 0:
                var deep = new string(Pick(['[', '{']), 2_000 + random.Next(20_000));
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(deep));
                return $"insert {deep.Length} '{deep[0]}' at {at}";
            case 12 when random.Next(8) == 0:
                var longText = new string('x', 10_000 + random.Next(100_000));
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(longText));
                return $"insert {longText.Length} characters at {at}";
            case 13 when bytes.Count > 0:
                var keep = random.Next(bytes.Count);
                bytes.RemoveRange(keep, bytes.Count - keep);
                return $"truncate to {keep} bytes";
            case 15 or 16 when extension is ".yaml":
                return ReplaceYamlValue(bytes);
            case 14:
                // Latin-1 text, or a lone UTF-8 lead byte: not valid UTF-8.
                byte[] latin = random.Next(2) == 0 ? [0x63, 0x61, 0x66, 0xE9] : [0xE2, 0x82];
                bytes.InsertRange(at, latin);
                return $"insert invalid UTF-8 at {at}";
            default:
                return EditLines(bytes, extension);
        }
    }

    private string ReplaceWord(List<byte> bytes)
    {
        var text = Encoding.UTF8.GetString([.. bytes]);
        var words = System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z0-9_.-]+");
        if (words.Count == 0)
        {
            return "no word to replace";
        }

        var word = words[random.Next(words.Count)];
        var token = Pick(Tokens);
        Replace(bytes, text[..word.Index] + token + text[(word.Index + word.Length)..]);
        return $"replace '{word.Value}' with '{token}'";
    }

    private string EditLines(List<byte> bytes, string extension)
    {
        var lines = Encoding.UTF8.GetString([.. bytes]).Split('\n').ToList();
        var i = random.Next(lines.Count);
        string what;
        switch (random.Next(5))
        {
            case 0:
                lines.RemoveAt(i);
                what = $"delete line {i + 1}";
                break;
            case 1:
                lines.Insert(random.Next(lines.Count + 1), lines[i]);
                what = $"repeat line {i + 1}";
                break;
            case 2:
                var j = random.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                what = $"swap lines {i + 1} and {j + 1}";
                break;
            case 3:
                // A line from another seed file of the same type: keys and shapes that fit, in the wrong place.
                var donors = seeds.SelectMany(s => s.Files).Where(f => Path.GetExtension(f.Key) == extension).Select(f => Encoding.UTF8.GetString(f.Value).Split('\n')).ToList();
                var donor = donors.Count == 0 ? lines.ToArray() : Pick(donors);
                lines.Insert(i, Pick(donor));
                what = $"splice a line in at {i + 1}";
                break;
            default:
                lines[i] = new string(' ', random.Next(6)) + lines[i].TrimStart();
                what = $"re-indent line {i + 1}";
                break;
        }

        Replace(bytes, string.Join('\n', lines));
        return what;
    }

    /// <summary>Replaces the value of one 'key: value' line of the policy: a token, a flow collection, or deep nesting.</summary>
    private string ReplaceYamlValue(List<byte> bytes)
    {
        var lines = Encoding.UTF8.GetString([.. bytes]).Split('\n');
        var candidates = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(": ", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return "no value to replace";
        }

        var i = Pick(candidates);
        var depth = 1 + random.Next(random.Next(4) == 0 ? 20_000 : 8);
        var value = random.Next(3) switch
        {
            0 => Pick(Tokens),
            1 => new string('[', depth) + Pick(Tokens) + new string(']', depth),
            _ => string.Concat(Enumerable.Repeat("{ a: ", depth)) + Pick(Tokens) + new string('}', depth),
        };
        lines[i] = lines[i][..(lines[i].IndexOf(": ", StringComparison.Ordinal) + 2)] + value;
        Replace(bytes, string.Join('\n', lines));
        return $"value on line {i + 1} becomes {(value.Length > 40 ? value[..40] + "..." : value)}";
    }

    /// <summary>Replaces one field of a data row (or one scalar of the policy) with a boundary or hostile value.</summary>
    private string ReplaceField(List<byte> bytes, string extension)
    {
        var separator = extension switch
        {
            ".tsv" => '\t',
            ".csv" => ',',
            _ => ' ',
        };
        var text = Encoding.UTF8.GetString([.. bytes]);
        var lines = text.Split('\n');
        var i = random.Next(lines.Length);
        var fields = lines[i].Split(separator);
        var f = random.Next(fields.Length);
        var value = Pick(Tokens);
        fields[f] = extension == ".jsonl" ? fields[f] + value : value;
        lines[i] = string.Join(separator, fields);
        Replace(bytes, string.Join('\n', lines));
        return $"field {f + 1} of line {i + 1} becomes '{value}'";
    }

    private static void Replace(List<byte> bytes, string text)
    {
        bytes.Clear();
        bytes.AddRange(Encoding.UTF8.GetBytes(text));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
