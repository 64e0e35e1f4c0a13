using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CatInherit.Policy.Yaml;

/// <summary>
/// Builds a position-carrying tree from YamlDotNet's event stream. Working on events (not on
/// YamlDotNet's representation model) keeps duplicate keys, so every problem can be reported at once.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>
    /// Deepest nesting read. A policy needs about six levels; the limit keeps the recursive reader far from the
    /// stack's end on hostile input (thousands of '[').
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>Reads the first document; returns null and a diagnostic when the YAML is malformed.</summary>
    public static YamlNode? Read(string text, string file, List<Diagnostic> diagnostics)
    {
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return null;
            }

            var root = ReadNode(parser, file, anchors, diagnostics, 0);
            parser.Consume<DocumentEnd>();
            if (parser.TryConsume<DocumentStart>(out var second))
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.YamlSyntax,
                    At(file, second.Start),
                    "a policy file holds one YAML document; remove the second '---' document or move it to its own file"));
            }

            return root;
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, At(file, ex.Start), $"invalid YAML: {Describe(ex)}"));
            return null;
        }
        catch (TooDeepException ex)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, ex.Location, $"the YAML nests deeper than {MaxDepth} levels here; a policy needs only a few (is a '[' or '{{' never closed, or repeated?)"));
            return null;
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet rejects some malformed tags (e.g. "!!str]") this way, without a position.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, FailurePosition(text, file), $"invalid YAML: {ex.Message.Split(" (Parameter", 2)[0]}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some malformed input (an unclosed '[' or '{').
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, LastPosition(text, file), "invalid YAML: the file ends inside an unclosed '[', '{' or quote"));
            return null;
        }
    }

    /// <summary>Where the parser stops: the start of the last event it could read before the one it rejected.</summary>
    private static SourceLocation FailurePosition(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var last = new SourceLocation(file, 1, 1);
        try
        {
            while (parser.MoveNext())
            {
                last = At(file, parser.Current!.Start);
            }
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException)
        {
            // The position of the last good token is the answer.
        }

        return last;
    }

    private static SourceLocation LastPosition(string text, string file)
    {
        var lines = text.TrimEnd().Split('\n');
        return new SourceLocation(file, lines.Length, lines[^1].Length + 1);
    }

    private static YamlNode ReadNode(IParser parser, string file, Dictionary<string, YamlNode> anchors, List<Diagnostic> diagnostics, int depth)
    {
        var current = parser.Current ?? throw new InvalidOperationException("YAML parser ended early.");
        if (depth > MaxDepth)
        {
            throw new TooDeepException(At(file, current.Start));
        }

        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, At(file, alias.Start), $"alias '*{alias.Value.Value}' refers to no anchor defined before it"));
                return new YamlScalar(At(file, alias.Start), string.Empty, isPlain: true);

            case Scalar scalar:
                parser.MoveNext();
                var node = new YamlScalar(At(file, scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain);
                Remember(scalar.Anchor, node, anchors);
                return node;

            case SequenceStart start:
                {
                    parser.MoveNext();
                    var items = new List<YamlNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(parser, file, anchors, diagnostics, depth + 1));
                    }

                    var list = new YamlList(At(file, start.Start), items);
                    Remember(start.Anchor, list, anchors);
                    return list;
                }

            case MappingStart start:
                {
                    parser.MoveNext();
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyNode = ReadNode(parser, file, anchors, diagnostics, depth + 1);
                        var value = ReadNode(parser, file, anchors, diagnostics, depth + 1);
                        if (keyNode is YamlScalar key)
                        {
                            entries.Add(new(key, value));
                        }
                        else
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongType, keyNode.Location, $"a key must be a plain name, found {keyNode.Describe()}"));
                        }
                    }

                    var map = new YamlMap(At(file, start.Start), entries);
                    Remember(start.Anchor, map, anchors);
                    return map;
                }

            default:
                throw new InvalidOperationException($"Unexpected YAML event {current.GetType().Name}.");
        }
    }

    /// <summary>Unwinds the reader when the nesting passes <see cref="MaxDepth"/>.</summary>
    private sealed class TooDeepException(SourceLocation location) : Exception
    {
        public SourceLocation Location { get; } = location;
    }

    private static void Remember(AnchorName anchor, YamlNode node, Dictionary<string, YamlNode> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static SourceLocation At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its own "(Line: x, Col: y, ...)" position; ours is in the canonical prefix already.
        var message = ex.InnerException?.Message ?? ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }
}
