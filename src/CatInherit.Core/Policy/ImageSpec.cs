namespace CatInherit.Policy;

/// <summary>
/// A dataset of images (<c>images:</c>): where the files are, and how each is decoded into the float tensor a model reads —
/// resized to <see cref="Width"/> × <see cref="Height"/>, its channels in <see cref="Channels"/> order, each value
/// <c>(pixel / scale − mean[c]) / std[c]</c>, laid out channel first as the numeric columns <c>p0 … p{C·H·W − 1}</c>.
/// </summary>
public sealed class ImageSpec
{
    internal ImageSpec(SpecValues values, string root, string rootDisplay)
    {
        Values = values;
        Root = root;
        RootDisplay = rootDisplay;
    }

    /// <summary><c>imagefolder</c> (one subfolder per class, named as the class) or <c>csv</c> (the dataset's file has a column of image paths).</summary>
    public string Layout => Values.String("layout");

    /// <summary>The folder the images are in (absolute); for <c>csv</c>, the folder image paths are relative to.</summary>
    public string Root { get; }

    /// <summary>The folder as the policy names it.</summary>
    public string RootDisplay { get; }

    /// <summary>The column of image paths (<c>csv</c> layout).</summary>
    public string Column => Values.String("column");

    /// <summary>The width every image is resized to.</summary>
    public int Width => Values.Int("width");

    /// <summary>The height every image is resized to.</summary>
    public int Height => Values.Int("height");

    /// <summary><c>gray</c>, <c>rgb</c> or <c>bgr</c>: the channels, in tensor order.</summary>
    public string Channels => Values.String("channels");

    /// <summary>How many channels the tensor has.</summary>
    public int ChannelCount => Channels == "gray" ? 1 : 3;

    /// <summary>Pixel values (0–255) are divided by this first.</summary>
    public double Scale => Values.Double("scale");

    /// <summary>Per-channel means subtracted after scaling (one value for every channel, or one per channel).</summary>
    public IReadOnlyList<double> Mean => Numbers("mean", 0);

    /// <summary>Per-channel standard deviations divided by last.</summary>
    public IReadOnlyList<double> Std => Numbers("std", 1);

    /// <summary>Values per image: channels × height × width.</summary>
    public int Features => ChannelCount * Height * Width;

    /// <summary>Where the section is written.</summary>
    public SourceLocation Location => Values.Owner;

    internal SpecValues Values { get; }

    private double[] Numbers(string key, double fallback)
    {
        var written = Values.GetStrings(key).Select(v => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : fallback).ToArray();
        return written.Length == ChannelCount ? written : [.. Enumerable.Repeat(written.Length == 1 ? written[0] : fallback, ChannelCount)];
    }
}
