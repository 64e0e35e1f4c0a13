using CatInherit.Tests.Support;
using static CatInherit.Tests.Hardening.HardeningRun;

namespace CatInherit.Tests.Hardening;

/// <summary>
/// A stray value in a label or prediction column never becomes a class that quietly counts as negative:
/// binary metrics need exactly two classes (or a declared positive_label / classes), a prediction must be a label
/// value, and a fraction is not a hard prediction. Each is CAT0105 at the file, line and field.
/// </summary>
public sealed class StrayValueTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string[] Problems(string data, string datasetExtra = "    prediction: pred\n", string checkExtra = "") =>
        HardeningRun.Problems(folder, PolicyRun.FairnessPolicy("d.csv", datasetExtra, checkExtra), Text("d.csv", data));

    [Theory]
    [InlineData("yes", "'yes' never occurs in the label column 'label' (0, 1); fix the value, or declare every class with 'classes: [...]' on dataset 'd'")]
    [InlineData("7", "'7' never occurs in the label column 'label' (0, 1); fix the value, or declare every class with 'classes: [...]' on dataset 'd'")]
    [InlineData("1e309", "'1e309' never occurs in the label column 'label' (0, 1); fix the value, or declare every class with 'classes: [...]' on dataset 'd'")]
    [InlineData("0.73", "'0.73' is a fraction, not a class: 'prediction' holds hard class predictions; for probabilities use 'scores: [pred]' with 'score_kind: probabilities'")]
    public void A_prediction_that_is_not_a_label_value_is_an_error_at_its_field(string value, string message)
    {
        Assert.Equal([$"d.csv(4,2): error CAT0105: column 'pred' (prediction), row 3: {message}"], Problems($"label,pred,sex\n1,1,a\n0,0,b\n1,{value},a\n0,0,b\n"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("true")]
    [InlineData("1e309")]
    public void A_third_value_in_a_binary_label_column_is_an_error_at_its_first_row(string value)
    {
        Assert.Equal(
            [$"d.csv(5,1): error CAT0105: column 'label', row 4: '{value}' makes a third class; check 'parity' compares a positive class with a negative one, but the labels and predictions of dataset 'd' hold 3: '0' (7×), '1' (6×), '{value}' (1×); fix the stray value, or set 'positive_label' (every other class then counts as negative)"],
            Problems($"label,pred,sex\n1,1,a\n0,0,b\n1,1,a\n{value},0,b\n0,1,a\n1,0,b\n0,0,a\n"));
    }

    [Fact]
    public void A_declared_positive_label_makes_the_other_classes_negative()
    {
        var result = Run(folder, PolicyRun.FairnessPolicy("d.csv", checkExtra: "    positive_label: 2\n"), Text("d.csv", "label,pred,sex\n2,2,a\n0,1,b\n1,2,a\n2,0,b\n"));

        Assert.NotNull(result.Report);
    }

    [Fact]
    public void Declared_classes_allow_a_prediction_the_labels_lack()
    {
        var result = Run(folder, PolicyRun.FairnessPolicy("d.csv", "    prediction: pred\n    classes: [0, 1]\n"), Text("d.csv", "label,pred,sex\n0,1,a\n0,0,b\n0,1,a\n0,0,b\n"));

        Assert.NotNull(result.Report);
    }

    [Fact]
    public void A_label_outside_declared_classes_names_its_field()
    {
        Assert.Equal(
            ["d.csv(3,1): error CAT0105: column 'label' (label), row 2: 'maybe' is not one of the classes [0, 1] of dataset 'd'; fix the value or the dataset's 'classes'"],
            Problems("label,pred,sex\n1,1,a\nmaybe,0,b\n", "    prediction: pred\n    classes: [0, 1]\n"));
    }

    [Fact]
    public void Three_score_columns_need_a_positive_label_for_a_binary_check()
    {
        Assert.Equal(
            ["catinherit.yaml(11,14): error CAT0105: check 'parity' compares a positive class with a negative one, but dataset 'd' has 3 classes (one per score); set 'positive_label' or declare the dataset's 'classes'"],
            Problems("label,s0,s1,s2,sex\n0,0.5,0.3,0.2,a\n1,0.2,0.5,0.3,b\n", "    scores: [s0, s1, s2]\n    score_kind: probabilities\n"));
    }

    [Fact]
    public void Probabilities_that_do_not_add_up_name_the_first_score_field()
    {
        Assert.Equal(
            [
                "d.csv(3,3): error CAT0109: row 2: probability 1.5 in 's1' is outside [0, 1]",
                "d.csv(3,2): error CAT0109: row 2: probabilities sum to 1.9, not 1; if these are raw model outputs, use 'score_kind: logits'",
            ],
            Problems("label,s0,s1,sex\n0,0.5,0.5,a\n1,0.4,1.5,b\n", "    scores: [s0, s1]\n    score_kind: probabilities\n"));
    }
}
