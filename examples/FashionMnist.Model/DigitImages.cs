using SkiaSharp;

namespace FashionMnist.Model;

/// <summary>Writes images in [0, 1] as 28 × 28 gray PNGs, one subfolder per class (an imagefolder).</summary>
internal static class DigitImages
{
    public static void Write(string root, IReadOnlyList<float[]> images, IReadOnlyList<int> labels)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        for (var i = 0; i < images.Count; i++)
        {
            var folder = Path.Combine(root, labels[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            using var bitmap = new SKBitmap(new SKImageInfo(28, 28, SKColorType.Gray8, SKAlphaType.Opaque));
            var pixels = bitmap.GetPixelSpan();
            for (var p = 0; p < 784; p++)
            {
                pixels[p] = (byte)Math.Round(Math.Clamp(images[i][p], 0, 1) * 255);
            }

            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(folder, $"{i:D4}.png"), data.ToArray());
        }
    }
}
