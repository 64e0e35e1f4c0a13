using System.Globalization;
using CatInherit.Policy;
using SkiaSharp;

namespace CatInherit.Data;

/// <summary>
/// Reads a dataset of images (<see cref="ImageSpec"/>) as a table: each image decoded with SkiaSharp, resized (bilinear) to
/// the declared size, its channels in the declared order, each value <c>(pixel / scale − mean[c]) / std[c]</c>, as the numeric
/// columns <c>p0 … p{C·H·W − 1}</c> in channel-first order (the layout of an NCHW tensor). An imagefolder adds the columns
/// <c>label</c> (the class folder's name) and <c>file</c> (the path under the root); the csv layout keeps the table's own.
/// A file that does not decode is an error naming it; every such file is reported at once.
/// </summary>
internal static class ImageTableReader
{
    /// <summary>The file extensions an imagefolder lists (case-insensitive).</summary>
    public static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"];

    private const int MaxReported = 20;

    /// <summary>The image folder's rows: (path under the root, class), classes and files in ordinal order.</summary>
    public static List<(string File, string Label)>? ListFolder(ImageSpec images, string displayPath, List<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(images.Root))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DataNotFound, images.Values.LocationOf("root"), $"image folder '{displayPath}' not found (resolved to {images.Root})"));
            return null;
        }

        var rows = new List<(string, string)>();
        var classes = Directory.GetDirectories(images.Root).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        if (classes.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ImageFolderLayout, images.Values.LocationOf("root"), $"image folder '{displayPath}' has no class subfolders; an imagefolder holds one subfolder per class (e.g. {displayPath}/cat/1.png, {displayPath}/dog/2.png)"));
            return null;
        }

        foreach (var label in classes)
        {
            var files = Directory.GetFiles(Path.Combine(images.Root, label))
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Select(f => Path.GetFileName(f)!)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ImageFolderLayout, images.Values.LocationOf("root"), $"class folder '{displayPath}/{label}' has no images ({string.Join(", ", Extensions)})"));
            }

            rows.AddRange(files.Select(f => ($"{label}/{f}", label)));
        }

        return diagnostics.Any(d => d.IsError && d.Code == DiagnosticCodes.ImageFolderLayout) ? null : rows;
    }

    /// <summary>Reads the requested columns of an image dataset; null when any error was reported.</summary>
    public static DataTable? Read(DatasetSpec dataset, string displayPath, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        var images = dataset.Images!;
        var pixels = requests.Where(r => PixelIndex(r.Name, images) is not null).DistinctBy(r => r.Name).ToList();
        var others = requests.Where(r => PixelIndex(r.Name, images) is null).ToList();
        var errors = diagnostics.Count(d => d.IsError);
        DataTable? table;
        string[] files;
        if (images.Layout == "imagefolder")
        {
            var rows = ListFolder(images, displayPath, diagnostics);
            if (rows is null || rows.Count == 0 || !RequireColumns(others, ["label", "file"], images, displayPath, diagnostics))
            {
                return null;
            }

            var values = new Dictionary<string, Func<int, string>>(StringComparer.Ordinal) { ["label"] = i => rows[i].Label, ["file"] = i => rows[i].File };
            var accumulators = others.DistinctBy(r => r.Name).Select(r => (Request: r, Accumulator: new ColumnAccumulator(r, displayPath, 0, diagnostics))).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                foreach (var (request, accumulator) in accumulators)
                {
                    accumulator.Add(values[request.Name](i), i + 1, i + 1);
                }
            }

            var lines = new ColumnBuffer<int>();
            for (var line = 1; line <= rows.Count; line++)
            {
                lines.Add(line);
            }

            table = TableReader.Finish(displayPath, lines, accumulators.Select(a => a.Accumulator), diagnostics, new Dictionary<string, int>(StringComparer.Ordinal));
            files = [.. rows.Select(r => Path.Combine(images.Root, r.File))];
        }
        else
        {
            var column = new ColumnRequest(images.Column, ColumnKind.Text, images.Values.LocationOf("column"), "image paths");
            table = TableReader.Read(dataset.Path, displayPath, [.. others, column], diagnostics);
            files = table is null ? [] : [.. table.Column<TextColumn>(images.Column).Values.Select(f => Path.GetFullPath(Path.Combine(images.Root, f.Trim())))];
        }

        if (table is null || diagnostics.Count(d => d.IsError) > errors)
        {
            return null;
        }

        var tensors = Decode(images, files, table.Lines, displayPath, diagnostics);
        if (tensors is null)
        {
            return null;
        }

        return table.With(pixels.Select(request =>
        {
            var index = PixelIndex(request.Name, images)!.Value;
            return (DataColumn)new NumericColumn(request.Name, [.. tensors.Select(t => (double)t[index])]);
        }));
    }

    /// <summary>
    /// Checks what validation can without decoding: the folder and its class subfolders (imagefolder), or the table's
    /// header (csv), and that every requested column exists.
    /// </summary>
    public static void CheckLayout(DatasetSpec dataset, string displayPath, IReadOnlyList<ColumnRequest> requests, List<Diagnostic> diagnostics)
    {
        var images = dataset.Images!;
        var others = requests.Where(r => PixelIndex(r.Name, images) is null).ToList();
        if (images.Layout == "imagefolder")
        {
            if (ListFolder(images, displayPath, diagnostics) is not null)
            {
                RequireColumns(others, ["label", "file"], images, displayPath, diagnostics);
            }
        }
        else
        {
            TableReader.CheckHeader(dataset.Path, displayPath, [.. others, new ColumnRequest(images.Column, ColumnKind.Text, images.Values.LocationOf("column"), "image paths")], diagnostics);
        }

        foreach (var request in requests.Where(r => r.Name.StartsWith('p') && PixelIndex(r.Name, images) is null && int.TryParse(r.Name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingColumn, request.NamedAt, string.Create(CultureInfo.InvariantCulture,
                $"column '{request.Name}' ({request.Role}) is past the images' {images.Features} values ({images.ChannelCount} × {images.Height} × {images.Width}: p0..p{images.Features - 1}); make the model's features and the images' size agree")));
        }
    }

    /// <summary>Decodes one image into its tensor (channel first); null when the file is not a decodable image.</summary>
    public static float[]? DecodeOne(string file, ImageSpec images)
    {
        using var data = SKData.Create(file);
        using var source = data is null ? null : SKBitmap.Decode(data);
        if (source is null || source.Width == 0 || source.Height == 0)
        {
            return null;
        }

        var (width, height) = (images.Width, images.Height);
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!source.ScalePixels(target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)))
        {
            return null;
        }

        var bytes = target.GetPixelSpan();
        var channels = images.ChannelCount;
        var (scale, mean, std) = (images.Scale, images.Mean, images.Std);
        var tensor = new float[channels * height * width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((y * width) + x) * 4;
                double r = bytes[at], g = bytes[at + 1], b = bytes[at + 2];
                for (var c = 0; c < channels; c++)
                {
                    var value = images.Channels switch
                    {
                        "gray" => (0.299 * r) + (0.587 * g) + (0.114 * b),
                        "bgr" => c == 0 ? b : c == 1 ? g : r,
                        _ => c == 0 ? r : c == 1 ? g : b,
                    };
                    tensor[(c * height * width) + (y * width) + x] = (float)(((value / scale) - mean[c]) / std[c]);
                }
            }
        }

        return tensor;
    }

    private static float[][]? Decode(ImageSpec images, string[] files, IReadOnlyList<int> lines, string displayPath, List<Diagnostic> diagnostics)
    {
        var tensors = new float[files.Length][];
        var failed = 0;
        for (var i = 0; i < files.Length; i++)
        {
            float[]? tensor;
            string reason;
            try
            {
                tensor = File.Exists(files[i]) ? DecodeOne(files[i], images) : null;
                reason = File.Exists(files[i]) ? "it is not an image SkiaSharp can decode (corrupt, truncated, or another format)" : "the file does not exist";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                tensor = null;
                reason = ex.Message;
            }

            if (tensor is null)
            {
                if (++failed <= MaxReported)
                {
                    var at = images.Layout == "imagefolder" ? images.Values.LocationOf("root") : new SourceLocation(displayPath, lines[i], 0);
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidImage, at, $"image '{files[i]}' cannot be read: {reason}"));
                }

                continue;
            }

            tensors[i] = tensor;
        }

        if (failed > MaxReported)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidImage, images.Values.LocationOf("root"), string.Create(CultureInfo.InvariantCulture, $"{failed - MaxReported} more images cannot be read (only the first {MaxReported} are listed)")));
        }

        return failed > 0 ? null : tensors;
    }

    private static bool RequireColumns(IEnumerable<ColumnRequest> requests, string[] available, ImageSpec images, string displayPath, List<Diagnostic> diagnostics)
    {
        var ok = true;
        foreach (var request in requests.Where(r => !available.Contains(r.Name, StringComparer.Ordinal) && !(r.Name.StartsWith('p') && int.TryParse(r.Name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _))))
        {
            ok = false;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingColumn, request.NamedAt, string.Create(CultureInfo.InvariantCulture,
                $"column '{request.Name}' ({request.Role}) is not in image folder {displayPath}.{Suggestions.DidYouMean(request.Name, available)} Columns: label (the class folder), file, p0..p{images.Features - 1} (the pixels)")));
        }

        return ok;
    }

    /// <summary>The tensor index of a pixel column <c>p{k}</c> with k inside the image, else null.</summary>
    private static int? PixelIndex(string name, ImageSpec images) =>
        name.Length > 1 && name[0] == 'p' && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k < images.Features && name == "p" + k.ToString(CultureInfo.InvariantCulture) ? k : null;
}
