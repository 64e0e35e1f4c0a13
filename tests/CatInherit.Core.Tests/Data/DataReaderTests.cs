using CatInherit.Tests.Support;

namespace CatInherit.Tests.Data;

public sealed class DataReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string[] Problems(string dataFile, string content, string datasetExtra = "    prediction: pred\n", string sensitive = "sex")
    {
        folder.Write(dataFile, content);
        var result = PolicyRun.Run(folder, PolicyRun.FairnessPolicy(dataFile, datasetExtra, sensitive: sensitive));
        Assert.Null(result.Report);
        var prefix = folder.Path + Path.DirectorySeparatorChar;
        return [.. result.Diagnostics.Select(d => d.ToString().Replace(prefix, string.Empty))];
    }

    [Fact]
    public void A_missing_column_is_reported_at_the_policy_line_that_names_it()
    {
        var problems = Problems("d.csv", "label,pred,Sex\n1,1,f\n");

        Assert.Equal(["catinherit.yaml(11,16): error CAT0102: column 'sex' (sensitive attribute) is not in d.csv. Did you mean 'Sex'? Columns: label, pred, Sex"], problems);
    }

    [Fact]
    public void Bad_numbers_name_the_file_line_column_and_row()
    {
        var problems = Problems("d.csv", "label,s1,sex\n1,0.9,f\n0,high,m\n0,,m\n", "    scores: [s1]\n    score_kind: probabilities\n");

        Assert.Equal(
            [
                "d.csv(3,2): error CAT0103: column 's1' (score), row 2: 'high' is not a finite number",
                "d.csv(4,2): error CAT0108: column 's1' (score), row 3: the value is missing; fill it in or drop the row",
            ],
            problems);
    }

    [Fact]
    public void Ragged_rows_are_reported_with_their_line()
    {
        var problems = Problems("d.csv", "label,pred,sex\n1,1,f\n0,1\n1,0,m,extra\n");

        Assert.Equal(
            [
                "d.csv(3,1): error CAT0104: row 2 has 2 fields but the header has 3; check for a missing or extra ',' or an unquoted value",
                "d.csv(3,3): error CAT0108: column 'sex' (sensitive attribute), row 2: the value is missing; fill it in or drop the row",
                "d.csv(4,1): error CAT0104: row 3 has 4 fields but the header has 3; check for a missing or extra ',' or an unquoted value",
            ],
            problems);
    }

    [Theory]
    [InlineData("", "d.csv: error CAT0101: the file is empty; expected a header row naming the columns, then data rows")]
    [InlineData("label,pred,sex\n", "d.csv: error CAT0101: the file has a header but no data rows")]
    public void Empty_files_are_explained(string content, string expected) => Assert.Equal([expected], Problems("d.csv", content));

    [Fact]
    public void Labels_outside_the_declared_classes_are_errors()
    {
        var problems = Problems("d.csv", "label,pred,sex\n1,1,f\n2,0,m\n", "    prediction: pred\n    classes: [0, 1]\n");

        Assert.Equal(["d.csv(3,1): error CAT0105: column 'label' (label), row 2: '2' is not one of the classes [0, 1] of dataset 'd'; fix the value or the dataset's 'classes'"], problems);
    }

    [Fact]
    public void Probabilities_must_be_probabilities()
    {
        var problems = Problems("d.csv", "label,p0,p1,sex\n1,0.2,0.8,f\n0,0.7,0.7,m\n", "    scores: [p0, p1]\n    score_kind: probabilities\n");

        Assert.Equal(["d.csv(3,2): error CAT0109: row 2: probabilities sum to 1.4, not 1; if these are raw model outputs, use 'score_kind: logits'"], problems);
    }

    [Fact]
    public void Jsonl_lines_that_are_not_objects_are_reported()
    {
        var problems = Problems("d.jsonl", "{\"label\":1,\"pred\":1,\"sex\":\"f\"}\n[1,2]\n{\"label\":0,\"pred\":\n");

        Assert.Equal(
            [
                "d.jsonl(2,1): error CAT0106: line 2 is not a valid JSON object: the line is not a JSON object",
                "d.jsonl(3,1): error CAT0106: line 3 is not a valid JSON object: Expected depth to be zero at the end of the JSON payload",
            ],
            problems.Select(p => p.Split(" LineNumber")[0]).ToArray());
    }

    [Fact]
    public void Jsonl_missing_keys_and_columns_are_distinguished()
    {
        var missingColumn = Problems("a.jsonl", "{\"label\":1,\"pred\":1}\n");
        var missingValue = Problems("b.jsonl", "{\"label\":1,\"pred\":1,\"sex\":\"f\"}\n{\"label\":1,\"pred\":0,\"sex\":null}\n");

        Assert.Equal(["catinherit.yaml(11,16): error CAT0102: column 'sex' (sensitive attribute) is not in a.jsonl. Columns: label, pred"], missingColumn);
        Assert.Equal(["b.jsonl(2,1): error CAT0108: column 'sex' (sensitive attribute), row 2: the value is missing; fill it in or drop the row"], missingValue);
    }

    [Fact]
    public void Csv_tsv_and_jsonl_read_the_same_values()
    {
        folder.Write("d.csv", "label,pred,sex\n1,1,\"f, x\"\n0,1,m\n1.0,0,m\n");
        folder.Write("d.tsv", "label\tpred\tsex\n1\t1\tf, x\n0\t1\tm\n1\t0\tm\n");
        folder.Write("d.jsonl", "{\"label\":1,\"pred\":1,\"sex\":\"f, x\"}\n\n{\"label\":0,\"pred\":1,\"sex\":\"m\"}\n{\"label\":1.0,\"pred\":\"0\",\"sex\":\"m\"}\n");

        string Json(string file)
        {
            var run = PolicyRun.Run(folder, PolicyRun.FairnessPolicy(file));
            Assert.Empty(run.Diagnostics);
            return CatInherit.Reports.ReportWriters.ToText(run.Report!, new CatInherit.Reports.JsonReportWriter());
        }

        var csv = Json("d.csv");
        Assert.Equal(csv, Json("d.tsv"));
        Assert.Equal(csv, Json("d.jsonl"));
        Assert.Contains("\"f, x\": {", csv);
    }
}
