using System.Runtime.CompilerServices;
using CatInherit.CodeFirst;
using CatInherit.Gating;
using CatInherit.Policy;
using CatInherit.Tests.Support;

namespace CatInherit.Tests.CodeFirst;

public sealed class CodeFirstTests : IDisposable
{
    private static readonly int[] Labels = [1, 0, 1, 0, 1, 0, 1, 0];
    private static readonly int[] Predictions = [1, 1, 1, 0, 1, 0, 0, 0];
    private static readonly string[] Sex = ["f", "f", "f", "f", "m", "m", "m", "m"];
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>The line of the caller, so assertions name the builder call they expect an error at.</summary>
    private static int Line([CallerLineNumber] int line = 0) => line;

    private static string ThisFile([CallerFilePath] string file = "") => file;

    [Fact]
    public void Group_values_with_commas_quotes_and_line_breaks_reach_the_report_unchanged()
    {
        string[] groups = ["a, \"quoted\"", "a, \"quoted\"", "a, \"quoted\"", "a, \"quoted\"", "line\nbreak", "line\nbreak", "line\nbreak", "line\nbreak"];

        var report = Inheritance.Predictions(Labels, Predictions).GroupFairness(groups).Run();

        Assert.Equal(["a, \"quoted\"", "line\nbreak"], report.Groups.Select(g => g.Name));
    }

    [Fact]
    public void Assert_throws_with_the_full_description()
    {
        var check = Inheritance.Predictions(Labels, Predictions).GroupFairness(Sex).ShouldBeAtMost(GroupFairnessMetric.DemographicParityDifference, 0.1);

        var failure = Assert.Throws<InheritanceCheckException>(() => check.Assert());

        Assert.StartsWith("group-fairness: code-first: fail — demographic_parity_difference 0.5 [", failure.Message);
        Assert.Contains("group 'f' (n=4): selection_rate 0.75", failure.Message);
        Assert.Equal(CheckStatus.Pass, Inheritance.Predictions(Labels, Predictions).GroupFairness(Sex).ShouldBeAtMost(GroupFairnessMetric.DemographicParityDifference, 0.6).Assert().Status);
    }

    [Fact]
    public void Builders_are_immutable_so_one_start_serves_several_checks()
    {
        var data = Inheritance.Predictions(Labels, Predictions);
        var parity = data.GroupFairness(Sex);
        var strict = parity.ShouldBeAtMost(GroupFairnessMetric.DemographicParityDifference, 0.1).Named("strict");
        var loose = parity.ShouldBeAtMost(GroupFairnessMetric.DemographicParityDifference, 0.6).Named("loose");

        Assert.Equal(CheckStatus.Reported, parity.Run().Status);
        Assert.Equal(("strict", CheckStatus.Fail), (strict.Id, strict.Run().Status));
        Assert.Equal(("loose", CheckStatus.Pass), (loose.Id, loose.Run().Status));
        Assert.Equal("group-fairness: code-first", parity.ToString());
        Assert.Equal("8 rows given in code", data.ToString());
    }

    [Fact]
    public void Values_with_yaml_and_csv_syntax_reach_the_check_unchanged_and_nothing_is_written()
    {
        // Group names and labels that would break YAML or CSV text: the check is built as typed values, never as text.
        string[] groups = ["a, \"b\"", "a, \"b\"", "x: {y}\nz", "x: {y}\nz"];
        string[] labels = ["yes: [1]", "no", "yes: [1]", "no"];
        string[] predicted = ["yes: [1]", "yes: [1]", "no", "no"];
        var temp = Path.Combine(Path.GetTempPath(), "catinherit-code-first");
        var before = Directory.Exists(temp) ? Directory.GetFileSystemEntries(temp).Length : 0;

        var report = Inheritance.Predictions(labels, predicted).GroupFairness(groups).PositiveLabel("yes: [1]").Named("odd-values").Run();

        Assert.Equal(["a, \"b\"", "x: {y}\nz"], report.Groups.Select(g => g.Name));
        Assert.Equal(1.0, report.Groups[0].Metrics.Single(m => m.Name == "selection_rate").Value);
        Assert.Equal(0.0, report.Groups[1].Metrics.Single(m => m.Name == "selection_rate").Value);
        Assert.Equal(before, Directory.Exists(temp) ? Directory.GetFileSystemEntries(temp).Length : 0);
    }

    [Fact]
    public void A_bad_value_is_reported_at_the_builder_call_that_gave_it()
    {
        var check = Inheritance.Predictions(Labels, Predictions)
            .GroupFairness(Sex)
            .MinGroupSize(0); var line = Line();

        var invalid = Assert.Throws<InvalidInputException>(() => check.Named("sized").Run());

        Assert.Equal($"{ThisFile()}({line}): error CAT0015: 'min_group_size' in check 'sized' must be at least 1; found 0", invalid.Message);
        Assert.Equal(new SourceLocation(ThisFile(), line, 0), Assert.Single(invalid.Diagnostics, d => d.IsError).Location);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_each_at_its_own_call()
    {
        var data = Inheritance.Probabilities(new[] { 1, 0, 1 }, [[0.2, 0.8], [0.6, 0.4], [0.1, 0.9]]); var dataLine = Line();
        var check = data.Calibration()
            .Bins(0); var binsLine = Line();
        check = check.Confidence(1.5); var confidenceLine = Line();

        var invalid = Assert.Throws<InvalidInputException>(() => check.Run());

        Assert.Equal(
            [
                $"{ThisFile()}({binsLine}): error CAT0015: 'bins' in check 'code-first' must be between 1 and 1000; found 0",
                $"{ThisFile()}({confidenceLine}): error CAT0015: 'confidence' in check 'code-first' must be between 0 and 1 (exclusive); found 1.5",
            ],
            invalid.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.Equal(invalid.Message, string.Join(Environment.NewLine, invalid.Diagnostics.Where(d => d.IsError)));
        Assert.True(dataLine < binsLine);
    }

    [Fact]
    public void Rows_that_do_not_line_up_are_reported_where_they_were_given()
    {
        var data = Inheritance.Predictions(new[] { 1, 0, 1 }, new[] { 1, 0 }); var dataLine = Line();
        var check = data.GroupFairness(new[] { "a", "b", "a", "b" }); var groupsLine = Line();
        var scores = Inheritance.Probabilities(new[] { 1, 0 }, [[0.2, 0.8], [1.0]]); var scoresLine = Line();

        var invalid = Assert.Throws<InvalidInputException>(() => check.Run());
        var ragged = Assert.Throws<InvalidInputException>(() => scores.Calibration().Run());

        Assert.Equal(
            [
                $"{ThisFile()}({dataLine}): error CAT0040: check 'code-first': column 'prediction' of data 'data' has 2 values but column 'label' has 3; give one value per row",
                $"{ThisFile()}({groupsLine}): error CAT0040: check 'code-first': column 'group' of data 'data' has 4 values but column 'label' has 3; give one value per row",
            ],
            invalid.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.Equal($"{ThisFile()}({scoresLine}): error CAT0040: row 1 of the probabilities has 1 values but row 0 has 2; give every row one value per class", ragged.Message);
    }

    [Fact]
    public void A_problem_with_one_row_names_the_data_and_the_row_index()
    {
        var data = Inheritance.Probabilities(new[] { 1, 0, 1 }, [[0.2, 0.8], [0.6, 0.6], [0.1, 0.9]]); var line = Line();

        var invalid = Assert.Throws<InvalidInputException>(() => data.Calibration().Run());

        var problem = Assert.Single(invalid.Diagnostics, d => d.IsError);
        Assert.Equal(new SourceLocation(ThisFile(), line, 0), problem.Location);
        Assert.StartsWith("data 'data', row 1: ", problem.Message);
        Assert.Contains("CAT0109", problem.ToString());
    }

    [Fact]
    public void Values_for_a_file_and_one_name_for_two_datasets_are_explained()
    {
        folder.Write("d.csv", "label,prediction\n1,1\n0,1\n");
        var file = Inheritance.File(folder.File("d.csv")).LabelColumn("label").PredictionColumn("prediction");
        var check = file.GroupFairness(new[] { "a", "b" }); var line = Line();
        var a = Inheritance.Probabilities([[0.2, 0.8]]).Named("same");
        var b = Inheritance.Probabilities([[0.7, 0.3]]).Named("same"); var nameLine = Line();

        var values = Assert.Throws<InvalidInputException>(() => check.Run());
        var names = Assert.Throws<InvalidInputException>(() => a.Ood(b).Run());

        Assert.Equal($"{ThisFile()}({line}): error CAT0041: check 'code-first': column 'group' is given as values in code, but data 'data' is read from {folder.File("d.csv")}; add the column to the file and name it instead, or give every column in code", values.Message);
        Assert.Equal($"{ThisFile()}({nameLine}): error CAT0042: check 'code-first' has two different datasets named 'same'; give each its own name with .Named(...), or pass the same instance", names.Message);
    }

    [Fact]
    public void A_missing_file_names_the_call_and_the_path_looked_for()
    {
        var data = Inheritance.File("no-such-file.csv").LabelColumn("y").PredictionColumn("p"); var line = Line();

        var invalid = Assert.Throws<InvalidInputException>(() => data.LongTail().Run());

        Assert.StartsWith($"{ThisFile()}({line}): error CAT0100: data file 'no-such-file.csv' not found", invalid.Message.Replace(Path.GetFullPath("no-such-file.csv"), "no-such-file.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void A_relative_path_is_found_in_the_working_folder_then_beside_the_source_file_that_names_it()
    {
        var source = folder.Write("src/Tests.cs", "// the caller");
        var beside = folder.Write("src/beside.csv", "y,p\n0,0\n1,1\n1,0\n");
        var working = Path.GetFullPath("code-first-working.csv");
        File.WriteAllText(working, "y,p\n1,1\n");
        try
        {
            Assert.Equal(beside, CodeFirstPaths.Resolve("beside.csv", source));
            Assert.Equal(working, CodeFirstPaths.Resolve("code-first-working.csv", source));
            Assert.Equal(Path.GetFullPath("missing.csv"), CodeFirstPaths.Resolve("missing.csv", source));
            Assert.Equal(beside, CodeFirstPaths.Resolve(beside, "/elsewhere/Tests.cs"));

            var report = Inheritance.File("code-first-working.csv").LabelColumn("y").PredictionColumn("p").LongTail().Resamples(0).Run();

            Assert.Equal(1, report.Count);
        }
        finally
        {
            File.Delete(working);
        }
    }
}
