using System.Globalization;
using System.Text;

namespace CatInherit.Tests.Support;

/// <summary>
/// Rows for <see cref="TinyModels.Linear"/> whose labels follow softmax(logits / 3): the model is over-confident by a
/// factor of 3, so a fitted temperature lands near 3. Columns a, b, c, g (every third row "y", else "x"), label and
/// split (even rows "fit", odd rows "test").
/// </summary>
public static class OverconfidentRows
{
    public static (string Csv, float[][] Features, string[] Groups) Make(int n = 400)
    {
        var random = new Random(7);
        var csv = new StringBuilder("a,b,c,g,label,split\n");
        var features = new float[n][];
        var groups = new string[n];
        for (var i = 0; i < n; i++)
        {
            var group = i % 3 == 0 ? "y" : "x";
            var a = (float)Math.Round(random.NextDouble() * 4, 3);
            var b = (float)Math.Round((random.NextDouble() * 4) + (group == "y" ? 1 : 0), 3);
            var c = (float)Math.Round(random.NextDouble(), 3);
            var margin = (b - 0.5) - (a + 0.5);  // logit 1 − logit 0 of the Linear model
            var label = random.NextDouble() < 1 / (1 + Math.Exp(-margin / 3)) ? 1 : 0;
            features[i] = [a, b, c];
            groups[i] = group;
            csv.Append(CultureInfo.InvariantCulture, $"{a},{b},{c},{group},{label},{(i % 2 == 0 ? "fit" : "test")}\n");
        }

        return (csv.ToString(), features, groups);
    }
}
