using CatInherit.Data;
using CatInherit.Policy;
using CatInherit.Policy.Schema;
using CatInherit.Probes;
using CatInherit.Running;
using CatInherit.Settings;
using CatInherit.Tests.Support;
using SkiaSharp;

namespace CatInherit.Tests.Data;

/// <summary>
/// Image datasets: PNGs written here with known pixels decode to exactly the values the declared channels, scale, mean
/// and std give; an imagefolder's class folders become labels; a file that does not decode is an error naming it;
/// validation checks the layout without decoding.
/// </summary>
public sealed class ImageDatasetTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Writes a PNG whose pixels are <paramref name="pixels"/> (row by row, RGB).</summary>
    private string Png(string relative, int width, int height, params (byte R, byte G, byte B)[] pixels)
    {
        var path = folder.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var i = 0; i < pixels.Length; i++)
        {
            bitmap.SetPixel(i % width, i / width, new SKColor(pixels[i].R, pixels[i].G, pixels[i].B));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    private ImageSpec Spec(string images)
    {
        var path = folder.Write("spec.yaml", $$"""
            version: 1
            datasets:
              d:
                images: {{images}}
            checks:
              - { id: c, kind: calibration, dataset: d }
            """);
        var loaded = PolicyLoader.Parse(File.ReadAllText(path), path, folder.Path, new CheckCatalog([]));
        return loaded.Partial!.Datasets.Single().Images!;
    }

    [Fact]
    public void Pixels_decode_to_the_declared_channels_scale_mean_and_std()
    {
        var png = Png("a/x.png", 2, 2, (255, 0, 0), (0, 255, 0), (0, 0, 255), (10, 20, 30));

        var rgb = ImageTableReader.DecodeOne(png, Spec("{ root: a, layout: imagefolder, width: 2, height: 2 }"))!;
        var bgr = ImageTableReader.DecodeOne(png, Spec("{ root: a, layout: imagefolder, width: 2, height: 2, channels: bgr, scale: 1 }"))!;
        var gray = ImageTableReader.DecodeOne(png, Spec("{ root: a, layout: imagefolder, width: 2, height: 2, channels: gray, scale: 1 }"))!;
        var normalized = ImageTableReader.DecodeOne(png, Spec("{ root: a, layout: imagefolder, width: 2, height: 2, mean: [0.5, 0.25, 0], std: [0.5, 0.25, 2] }"))!;

        // Channel first: R plane, G plane, B plane, each row by row.
        Assert.Equal([1f, 0, 0, 10 / 255f, 0, 1, 0, 20 / 255f, 0, 0, 1, 30 / 255f], rgb);
        Assert.Equal([0f, 0, 255, 30, 0, 255, 0, 20, 255, 0, 0, 10], bgr);
        Assert.Equal([(float)(0.299 * 255), (float)(0.587 * 255), (float)(0.114 * 255), (float)((0.299 * 10) + (0.587 * 20) + (0.114 * 30))], gray);
        Assert.Equal([1f, -1, -1, (float)(((10 / 255.0) - 0.5) / 0.5)], normalized[..4]);
        Assert.Equal([-1f, 3, -1, (float)(((20 / 255.0) - 0.25) / 0.25)], normalized[4..8]);
        Assert.Equal([0f, 0, 0.5f, (float)(30 / 255.0 / 2)], normalized[8..]);
    }

    [Fact]
    public void Images_are_resized_to_the_declared_size()
    {
        var png = Png("a/x.png", 4, 4, [.. Enumerable.Repeat(((byte)100, (byte)150, (byte)200), 16)]);

        var tensor = ImageTableReader.DecodeOne(png, Spec("{ root: a, layout: imagefolder, width: 2, height: 3, scale: 1 }"))!;

        Assert.Equal(3 * 3 * 2, tensor.Length);
        Assert.Equal([.. Enumerable.Repeat(100f, 6), .. Enumerable.Repeat(150f, 6), .. Enumerable.Repeat(200f, 6)], tensor);
    }

    private const string Model = """
        version: 1
        model:
          path: linear.onnx
          provider: cpu
          cache: false
          inputs: { features: [p0..p2] }
          output: { name: logits, kind: logits }

        """;

    [Fact]
    public void An_image_folder_is_a_labelled_dataset_a_model_runs_on()
    {
        // 1 × 3 gray images, scale 1: features (a, b, c) = the three pixels; logits = (a + c + 0.5, b + c − 0.5).
        TinyModels.Linear(folder.File("linear.onnx"));
        Png("images/0/first.png", 3, 1, (9, 9, 9), (0, 0, 0), (0, 0, 0));     // predicted 0
        Png("images/0/second.png", 3, 1, (0, 0, 0), (9, 9, 9), (0, 0, 0));    // predicted 1: wrong
        Png("images/1/third.png", 3, 1, (0, 0, 0), (9, 9, 9), (0, 0, 0));     // predicted 1
        var path = folder.Write("catinherit.yaml", Model + """
            datasets:
              digits:
                images: { root: images, layout: imagefolder, width: 3, height: 1, channels: gray, scale: 1 }
                label: label
            checks:
              - { id: recall, kind: long-tail, dataset: digits, tail_classes: [1] }
            """);

        var result = PolicyRunner.Run(path, new RunOptions { UseCache = false });

        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        var check = result.Report.Checks.Single();
        Assert.Equal(3, check.Count);
        Assert.Equal(0.75, check.Metrics.Single(m => m.Name == "macro_recall").Value, 12);   // class 0: 1/2, class 1: 1/1
        Assert.DoesNotContain(PolicyValidator.Validate(path).Diagnostics, d => d.IsError);
    }

    [Fact]
    public void A_csv_of_image_paths_is_read_with_its_own_columns()
    {
        TinyModels.Linear(folder.File("linear.onnx"));
        Png("pics/a.png", 3, 1, (9, 9, 9), (0, 0, 0), (0, 0, 0));
        Png("pics/b.png", 3, 1, (0, 0, 0), (9, 9, 9), (0, 0, 0));
        folder.Write("list.csv", "image,y\npics/a.png,0\npics/b.png,0\n");
        var path = folder.Write("catinherit.yaml", Model + """
            datasets:
              d:
                path: list.csv
                images: { layout: csv, width: 3, height: 1, channels: gray, scale: 1 }
                label: y
                classes: ["0", "1"]
            checks:
              - { id: recall, kind: long-tail, dataset: d, tail_classes: ["1"] }
            """);

        var result = PolicyRunner.Run(path, new RunOptions { UseCache = false });

        Assert.True(result.Report is not null, string.Join("\n", result.Diagnostics));
        Assert.Equal(0.5, result.Report.Checks.Single().Metrics.Single(m => m.Name == "worst_class_recall").Value, 12);
    }

    [Fact]
    public void An_image_that_does_not_decode_is_an_error_naming_the_file()
    {
        TinyModels.Linear(folder.File("linear.onnx"));
        Png("images/0/good.png", 3, 1, (9, 9, 9), (0, 0, 0), (0, 0, 0));
        folder.Write("images/1/broken.png", "this is not a PNG");
        var path = folder.Write("catinherit.yaml", Model + """
            datasets:
              d:
                images: { root: images, layout: imagefolder, width: 3, height: 1, channels: gray }
                label: label
            checks:
              - { id: recall, kind: long-tail, dataset: d }
            """);

        var result = PolicyRunner.Run(path, new RunOptions { UseCache = false });

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.InvalidImage, error.Code);
        Assert.Contains(Path.Combine("images", "1", "broken.png"), error.Message, StringComparison.Ordinal);
        Assert.Equal(10, error.Location.Line);
    }

    [Theory]
    [InlineData("images: { root: flat, layout: imagefolder, width: 3, height: 1 }", DiagnosticCodes.ImageFolderLayout, "no class subfolders")]
    [InlineData("images: { root: empty, layout: imagefolder, width: 3, height: 1 }", DiagnosticCodes.ImageFolderLayout, "has no images")]
    [InlineData("images: { root: images, layout: imagefolder, width: 3, height: 1 }\n    label: lable", DiagnosticCodes.MissingColumn, "Did you mean 'label'?")]
    [InlineData("images: { root: images, layout: imagefolder, width: 2, height: 1 }", DiagnosticCodes.MissingColumn, "past the images' 6 values")]
    public void Validation_checks_the_folder_layout_and_columns_without_decoding(string dataset, string code, string message)
    {
        TinyModels.Linear(folder.File("linear.onnx"));
        Png("flat/a.png", 3, 1, (1, 1, 1), (1, 1, 1), (1, 1, 1));
        Directory.CreateDirectory(folder.File("empty/cat"));
        folder.Write("images/0/broken.png", "not decoded by validate");
        var path = folder.Write("catinherit.yaml", Model.Replace("[p0..p2]", dataset.Contains("width: 2", StringComparison.Ordinal) ? "[p0..p6]" : "[p0..p2]", StringComparison.Ordinal) + $$"""
            datasets:
              d:
                {{dataset}}
            checks:
              - { id: recall, kind: long-tail, dataset: d }
            """);

        var validated = PolicyValidator.Validate(path);

        Assert.Contains(validated.Diagnostics, d => d.IsError && d.Code == code && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain(validated.Diagnostics, d => d.Code == DiagnosticCodes.InvalidImage);
    }

    [Theory]
    [InlineData("images: { root: nowhere, layout: imagefolder, width: 3, height: 1 }", DiagnosticCodes.DataNotFound, "folder 'nowhere' not found")]
    [InlineData("path: x.csv\n    images: { root: images, layout: imagefolder, width: 3, height: 1 }", DiagnosticCodes.InvalidValue, "has no 'path'")]
    [InlineData("images: { layout: imagefolder, width: 3, height: 1 }", DiagnosticCodes.MissingKey, "needs 'root'")]
    [InlineData("images: { root: images, layout: imagefolder, width: 3, height: 1, mean: [0.5, 0.5] }", DiagnosticCodes.InvalidValue, "'mean' has 2 values for 3 channels")]
    [InlineData("images: { root: images, layout: imagefolder, width: 3, height: 1, std: [0] }", DiagnosticCodes.InvalidValue, "positive numbers")]
    [InlineData("label: y", DiagnosticCodes.MissingKey, "needs 'path'")]
    public void A_bad_images_section_is_reported_when_the_policy_loads(string dataset, string code, string message)
    {
        Directory.CreateDirectory(folder.File("images/0"));
        var path = folder.Write("catinherit.yaml", $$"""
            version: 1
            datasets:
              d:
                {{dataset}}
            checks:
              - { id: c, kind: calibration, dataset: d }
            """);

        var loaded = CheckKinds.Load(path);

        Assert.Contains(loaded.Diagnostics, d => d.IsError && d.Code == code && d.Message.Contains(message, StringComparison.Ordinal));
    }
}
