using CatInherit.Tests.Support;
using static CatInherit.Tests.Hardening.HardeningRun;

namespace CatInherit.Tests.Hardening;

/// <summary>A CSV or TSV whose structure would silently change the data is an error at its line, never an exception.</summary>
public sealed class CsvStructureTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string[] Problems(string data, string file = "d.csv") => HardeningRun.Problems(folder, PolicyRun.FairnessPolicy(file), Text(file, data));

    [Fact]
    public void A_file_without_a_header_row_says_so()
    {
        Assert.Equal(
            ["d.csv(1,1): error CAT0120: the first line looks like data, not a header (it holds the number '1'); the first line must name the columns, e.g. label, pred, sex"],
            Problems("1,1,a\n0,1,b\n"));
    }

    [Fact]
    public void Numeric_column_names_in_a_real_header_are_not_taken_for_data()
    {
        var problems = HardeningRun.Problems(folder, PolicyRun.FairnessPolicy("d.csv", "    scores: [\"0\", \"1\"]\n    score_kind: probabilities\n"), Text("d.csv", "lable,0,1,sex\n1,0.2,0.8,a\n"));

        Assert.Equal(["catinherit.yaml(5,12): error CAT0102: column 'label' (label) is not in d.csv. Did you mean 'lable'? Columns: lable, 0, 1, sex"], problems);
    }

    [Fact]
    public void A_repeated_column_name_is_an_error_at_the_header()
    {
        Assert.Equal(
            ["d.csv(1,4): error CAT0120: the header names column 'label' (label) twice (fields 1 and 4); rename all but one so the policy's column is unambiguous"],
            Problems("label,pred,sex,label\n1,1,a,0\n0,0,b,1\n"));
    }

    [Fact]
    public void A_repeated_name_the_policy_does_not_use_is_allowed()
    {
        var result = Run(folder, PolicyRun.FairnessPolicy("d.csv"), Text("d.csv", "label,pred,sex,note,note\n1,1,a,x,y\n0,0,b,x,y\n1,0,a,x,y\n0,1,b,x,y\n"));

        Assert.NotNull(result.Report);
    }

    [Fact]
    public void An_unclosed_quote_does_not_swallow_the_rows_after_it()
    {
        Assert.Equal(
            ["d.csv(3,3): error CAT0120: a quote opens in field 3 on line 3 and is never closed, so the 2 lines after it would be read as part of one value; close the quote, or write a quote inside a quoted value as \"\""],
            Problems("label,pred,sex\n1,1,a\n0,1,\"b\n1,1,b\n0,0,a\n"));
    }

    [Fact]
    public void A_stray_quote_inside_a_value_is_found_too()
    {
        Assert.Equal(
            ["d.csv(3,3): error CAT0120: a quote opens in field 3 on line 3 and is never closed, so the 1 line after it would be read as part of one value; close the quote, or write a quote inside a quoted value as \"\""],
            Problems("label,pred,sex\n1,1,a\n0,1,b\"x\n1,1,b\n"));
    }

    [Fact]
    public void A_quoted_label_that_runs_over_several_lines_is_an_error()
    {
        Assert.Equal(
            ["d.csv(3,3): error CAT0120: column 'sex' (sensitive attribute), row 2: a quoted value runs from line 3 to line 4, joining those lines into one value; check for a stray '\"'"],
            Problems("label,pred,sex\n1,1,a\n0,1,\"b\n1,1,b\"\n0,0,a\n"));
    }

    [Fact]
    public void Tab_separated_files_follow_the_same_rules_and_print_the_tab_visibly()
    {
        Assert.Equal(
            ["d.tsv(1,3): error CAT0120: the header names column 'label' (label) twice (fields 1 and 3); rename all but one so the policy's column is unambiguous"],
            Problems("label\tpred\tlabel\n1\t1\t0\n", "d.tsv"));
        Assert.Equal(
            ["d.tsv(3,1): error CAT0104: row 2 has 2 fields but the header has 3; check for a missing or extra '\\t' or an unquoted value", "d.tsv(3,3): error CAT0108: column 'sex' (sensitive attribute), row 2: the value is missing; fill it in or drop the row"],
            Problems("label\tpred\tsex\n1\t1\ta\n0\t1\n", "d.tsv"));
    }
}
