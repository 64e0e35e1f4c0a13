namespace CatInherit.Reports;

/// <summary>Writes a <see cref="RunReport"/> in one format. Output must be deterministic: same report, same bytes.</summary>
public interface IReportWriter
{
    /// <summary>The format's name on the command line (<c>json</c>, <c>md</c>, ...).</summary>
    string Format { get; }

    /// <summary>The file name inside the report folder.</summary>
    string FileName { get; }

    /// <summary>Writes the report.</summary>
    void Write(RunReport report, Stream output);
}
