using System.Buffers.Binary;
using System.IO.Compression;

namespace FashionMnist.Model;

/// <summary>Reads the IDX files (gzipped) that Fashion-MNIST ships in.</summary>
internal static class Idx
{
    public static float[][] Images(string path, int count)
    {
        var bytes = Read(path);
        var n = Math.Min(count, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)));
        var size = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)) * BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12));
        return [.. Enumerable.Range(0, n).Select(i => bytes.AsSpan(16 + (i * size), size).ToArray().Select(b => b / 255f).ToArray())];
    }

    public static int[] Labels(string path, int count)
    {
        var bytes = Read(path);
        var n = Math.Min(count, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)));
        return [.. bytes.AsSpan(8, n).ToArray().Select(b => (int)b)];
    }

    private static byte[] Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
