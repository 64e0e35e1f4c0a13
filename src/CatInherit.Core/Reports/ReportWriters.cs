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
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var writer in writers.Prepend(All[0]).Distinct())
        {
            var target = Path.Combine(directory, writer.FileName);
            var temporary = target + ".tmp";
            try
            {
                using (var stream = File.Create(temporary))
                {
                    writer.Write(report, stream);
                }

                File.Move(temporary, target, overwrite: true);
            }
            finally
            {
                // Whole or not at all: a failed write leaves no partial file behind.
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }

            written.Add(target);
        }

        return written;
    }

    /// <summary><see cref="WriteAll"/>, with a folder that cannot be written reported as a diagnostic instead of an exception.</summary>
    public static IReadOnlyList<string> TryWriteAll(RunReport report, string directory, IEnumerable<IReportWriter> writers, out Policy.Diagnostic? problem)
    {
        try
        {
            problem = null;
            return WriteAll(report, directory, writers);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = Policy.Diagnostic.Error(Policy.DiagnosticCodes.InvalidOption, default, $"reports cannot be written to '{directory}': {ex.Message}");
            return [];
        }
    }

    /// <summary>The report in one format, as a string (for tests and stdout).</summary>
    public static string ToText(RunReport report, IReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new MemoryStream();
        writer.Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
