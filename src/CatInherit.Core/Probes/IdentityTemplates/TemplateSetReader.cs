using System.Globalization;
using System.Text.RegularExpressions;
using CatInherit.Policy;

namespace CatInherit.Probes.IdentityTemplates;

/// <summary>
/// Reads a check's terms, templates and fillers as the run uses them, reporting every problem with its position:
/// a template without <c>{term}</c> or with an unknown placeholder, a word-list file that is missing or empty, fewer
/// than two terms. The load-time rule and the run call the same code, so <c>catinherit validate</c> sees what the run sees.
/// </summary>
internal static partial class TemplateSetReader
{
    private static readonly string[] Polarities = ["positive", "negative", "neutral"];

    /// <summary>The check's template set; null after reporting a problem.</summary>
    public static TemplateSet? Read(CheckSpec check, List<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count;
        var terms = Terms(check, diagnostics);
        var templates = Templates(check, diagnostics);
        var fillers = Fillers(check, diagnostics);
        if (diagnostics.Count > errors || terms is null || templates is null || fillers is null)
        {
            return null;
        }

        var frames = new List<TemplateFrame>();
        foreach (var template in templates)
        {
            if (!template.Contains("{filler}", StringComparison.Ordinal))
            {
                frames.Add(new TemplateFrame(template, null, FillerPolarity.Neutral));
                continue;
            }

            foreach (var (polarity, words) in fillers)
            {
                frames.AddRange(words.Select(w => new TemplateFrame(template, w, polarity)));
            }
        }

        return new TemplateSet(terms, frames);
    }

    private static List<string>? Terms(CheckSpec check, List<Diagnostic> diagnostics)
    {
        var values = check.Values;
        var errors = diagnostics.Count;
        IReadOnlyList<string> items = values.Has("terms") ? values.GetStrings("terms") : [values.String("terms")];
        var terms = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i].Trim();
            var at = values.LocationOf("terms", i);
            if (item == IdentityTerms.BuiltInName)
            {
                terms.AddRange(IdentityTerms.Terms);
            }
            else if (IsFile(item))
            {
                terms.AddRange(WordListFile.Read(check, item, at, diagnostics) ?? []);
            }
            else if (item.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, at, $"check '{check.Id}': term {i + 1} of 'terms' is empty"));
            }
            else
            {
                terms.Add(item);
            }
        }

        if (diagnostics.Count > errors)
        {
            return null;
        }

        var distinct = terms.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (distinct.Count < 2)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, values.LocationOf("terms"), string.Create(CultureInfo.InvariantCulture,
                $"check '{check.Id}': 'terms' gives {distinct.Count} distinct term{(distinct.Count == 1 ? string.Empty : "s")}; comparing terms needs at least two (add yours, or include the built-in list: terms: [{IdentityTerms.BuiltInName}, ...])")));
            return null;
        }

        return distinct;
    }

    private static List<string>? Templates(CheckSpec check, List<Diagnostic> diagnostics)
    {
        var values = check.Values;
        if (!values.Has("templates") || values.GetStrings("templates") is [IdentityTerms.BuiltInName])
        {
            return [.. IdentityTerms.Templates];
        }

        var templates = values.GetStrings("templates");
        var ok = true;
        for (var i = 0; i < templates.Count; i++)
        {
            var at = values.LocationOf("templates", i);
            var placeholders = Placeholder().Matches(templates[i]).Select(m => m.Groups[1].Value).Distinct().ToList();
            if (!placeholders.Contains("term"))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, at, $"check '{check.Id}': template \"{templates[i]}\" has no '{{term}}' placeholder; write where the identity term goes, e.g. \"Being {{term}} is {{filler}}.\""));
                ok = false;
            }

            foreach (var unknown in placeholders.Where(p => p is not ("term" or "filler")))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, at, $"check '{check.Id}': template \"{templates[i]}\" has the placeholder '{{{unknown}}}'; identity templates fill only {{term}} and {{filler}}{Suggestions.DidYouMean(unknown, ["term", "filler"])}"));
                ok = false;
            }
        }

        return ok ? [.. templates] : null;
    }

    private static List<(FillerPolarity, IReadOnlyList<string>)>? Fillers(CheckSpec check, List<Diagnostic> diagnostics)
    {
        if (check.Values.GetString("fillers") is { } name)
        {
            return name == IdentityTerms.BuiltInName
                ? [(FillerPolarity.Positive, IdentityTerms.Fillers("positive")), (FillerPolarity.Negative, IdentityTerms.Fillers("negative"))]
                : null;
        }

        var map = check.Values.Child("fillers");
        var result = new List<(FillerPolarity, IReadOnlyList<string>)>();
        var ok = true;
        for (var p = 0; p < Polarities.Length; p++)
        {
            if (!map.Has(Polarities[p]))
            {
                continue;
            }

            var items = map.GetStrings(Polarities[p]);
            IReadOnlyList<string>? words = items is [var single] && IsFile(single) ? WordListFile.Read(check, single.Trim(), map.LocationOf(Polarities[p]), diagnostics) : [.. items.Select(w => w.Trim())];
            if (words is null)
            {
                ok = false;
                continue;
            }

            var empty = words.Select((w, i) => (w, i)).FirstOrDefault(x => x.w.Length == 0);
            if (empty.w is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, map.LocationOf(Polarities[p], empty.i), $"check '{check.Id}': {Polarities[p]} filler {empty.i + 1} is empty"));
                ok = false;
                continue;
            }

            result.Add(((FillerPolarity)p, words));
        }

        if (ok && result.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, check.Values.LocationOf("fillers"), $"check '{check.Id}': 'fillers' has no words; give positive, negative or neutral fillers, e.g. fillers: {{ positive: [great], negative: [awful] }} (or fillers: {IdentityTerms.BuiltInName})"));
            ok = false;
        }

        return ok ? result : null;
    }

    private static bool IsFile(string item) => item.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
