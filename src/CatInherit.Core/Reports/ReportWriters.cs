namespace CatInherit.Reports;

/// <summary>The report formats, and writing a report folder without ever leaving a half-written file.</summary>
public static class ReportWriters
{
    /// <summary>Every available writer; <c>json</c> is always written.</summary>
    public static IReadOnlyList<IReportWriter> All { get; } = [new JsonReportWriter(), new MarkdownReportWriter(), new JunitReportWriter(), new HtmlReportWriter()];

    /// <summary>Finds a writer by format name.</summary>
    public static IReportWriter? Find(string format) => All.FirstOrDefault(w => w.Format == format);

    /// <summary>Writes report.json plus each requested format into <paramref name="directory"/>; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(RunReport report, string directory, IEnumerable<IReportWriter> writers)
    {
        // All or none: every format is rendered before any file is touched, then each goes to a temporary
        // file, and only when all are written do they take their names.
        var rendered = writers.Prepend(All[0]).Distinct().Select(w => (Target: Path.Combine(directory, w.FileName), Bytes: Render(report, w))).ToList();
        Directory.CreateDirectory(directory);
        var temporaries = rendered.Select(r => r.Target + ".tmp").ToList();
        try
        {
            for (var i = 0; i < rendered.Count; i++)
            {
                File.WriteAllBytes(temporaries[i], rendered[i].Bytes);
            }

            for (var i = 0; i < rendered.Count; i++)
            {
                File.Move(temporaries[i], rendered[i].Target, overwrite: true);
            }
        }
        finally
        {
            foreach (var temporary in temporaries.Where(File.Exists))
            {
                File.Delete(temporary);
            }
        }

        return [.. rendered.Select(r => r.Target)];
    }

    private static byte[] Render(RunReport report, IReportWriter writer)
    {
        using var stream = new MemoryStream();
        writer.Write(report, stream);
        return stream.ToArray();
    }

    /// <summary><see cref="WriteAll"/>, with a folder that cannot be written reported as a diagnostic instead of an exception.</summary>
    public static IReadOnlyList<string> TryWriteAll(RunReport report, string directory, IEnumerable<IReportWriter> writers, out Policy.Diagnostic? problem)
    {
        try
        {
            problem = null;
            return WriteAll(report, directory, writers);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = Policy.Diagnostic.Error(Policy.DiagnosticCodes.InvalidOption, default, $"reports cannot be written to '{directory}': {ex.Message}");
            return [];
        }
    }

    /// <summary>The report in one format, as a string (for tests and stdout).</summary>
    public static string ToText(RunReport report, IReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return System.Text.Encoding.UTF8.GetString(Render(report, writer));
    }
}
