using System.Globalization;
using System.Runtime.CompilerServices;

namespace CatInherit.CodeFirst;

public static partial class Inheritance
{
    /// <summary>
    /// A folder of images with one subfolder per class (<c>images: { layout: imagefolder }</c>): each image decoded, resized
    /// to <paramref name="width"/> × <paramref name="height"/>, and read as the numeric columns <c>p0 …</c> (channel first)
    /// that a model's <see cref="InheritanceModel.FeatureInput(IEnumerable{string}, string, int)"/> names; the class folder's
    /// name is the label. Each value is <c>(pixel / scale − mean[c]) / std[c]</c>.
    /// </summary>
    /// <param name="root">The folder; a relative path is looked up in the working folder, then beside the source file.</param>
    /// <param name="width">The width every image is resized to.</param>
    /// <param name="height">The height every image is resized to.</param>
    /// <param name="channels">The channels, in tensor order (default RGB).</param>
    /// <param name="scale">Pixel values 0–255 are divided by this first (default 255).</param>
    /// <param name="mean">Subtracted after scaling: one value, or one per channel (default 0).</param>
    /// <param name="std">Divided by last: one value, or one per channel (default 1).</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    [PolicyKey("images")]
    public static InheritanceData ImageFolder(string root, int width, int height, ImageChannels channels = ImageChannels.Rgb, double scale = 255, IReadOnlyList<double>? mean = null, IReadOnlyList<double>? std = null, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(root);
        var at = SettingList.Caller(callerFile, callerLine);
        var folder = CodeFirstPaths.Resolve(root, callerFile);
        (string, object?)[] images =
        [
            ("layout", "imagefolder"),
            ("root", folder),
            ("width", width),
            ("height", height),
            ("channels", channels.ToString().ToLowerInvariant()),
            ("scale", scale),
            .. mean is null ? [] : new (string, object?)[] { ("mean", mean.Select(m => (object)m.ToString("R", CultureInfo.InvariantCulture)).ToArray()) },
            .. std is null ? [] : new (string, object?)[] { ("std", std.Select(s => (object)s.ToString("R", CultureInfo.InvariantCulture)).ToArray()) },
        ];
        return new(new DataState(at) { File = folder, Settings = [new Setting("images", images, at), new Setting("label", "label", at)] });
    }
}
