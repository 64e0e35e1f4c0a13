namespace CatInherit.CodeFirst;

/// <summary>The channels of a decoded image, in tensor order (<c>channels:</c> of <c>images:</c>).</summary>
public enum ImageChannels
{
    /// <summary><c>rgb</c>: red, green, blue.</summary>
    Rgb,

    /// <summary><c>bgr</c>: blue, green, red (Caffe-style models).</summary>
    Bgr,

    /// <summary><c>gray</c>: one channel, luma 0.299 R + 0.587 G + 0.114 B.</summary>
    Gray,
}
