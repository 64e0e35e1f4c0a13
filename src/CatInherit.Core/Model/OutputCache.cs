using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CatInherit.Policy;

namespace CatInherit.Model;

/// <summary>
/// Model outputs on disk, keyed by a SHA-256 of everything that decides them: the model file's hash,
/// the input mapping and tokenizer (vocabulary hash, casing, length), the output spec, and the rows'
/// content. A re-run with nothing changed does no inference; any change misses the cache.
/// </summary>
internal sealed class OutputCache(string directory)
{
    private const uint Magic = 0x434F4943; // "CIOC"
    private const int FormatVersion = 1;

    public string Directory { get; } = directory;

    /// <summary><c>CATINHERIT_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/catinherit</c>, else <c>~/.cache/catinherit</c>.</summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("CATINHERIT_CACHE_DIR") is { Length: > 0 } explicitDir)
        {
            return explicitDir;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
        return Path.Combine(root, "catinherit");
    }

    public static string Key(string modelSha256, ModelSpec spec, string? vocabSha256, ModelInputs inputs, IReadOnlyList<string>? texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        Add($"catinherit-outputs/{FormatVersion}");
        Add(modelSha256);
        Add($"{spec.OutputName}|{spec.OutputKind}|{spec.Pooling}|{spec.Normalize}");
        if (texts is not null)
        {
            Add($"text|{vocabSha256}|{spec.Lowercase}|{spec.MaxLength}");
            foreach (var text in texts)
            {
                Add(text);
            }
        }
        else
        {
            Add($"features|{string.Join(",", spec.FeatureColumns)}|{inputs.FeatureCount}");
            hash.AppendData(MemoryMarshal.AsBytes(inputs.Features.AsSpan()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public ModelOutputs? TryLoad(string key, OutputKind kind, int rows)
    {
        var path = PathOf(key);
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 16 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != FormatVersion)
            {
                return null;
            }

            var storedRows = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
            var width = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
            if (storedRows != rows || bytes.Length != 16 + ((long)rows * width * sizeof(float)))
            {
                return null;
            }

            var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(16)).ToArray();
            return new ModelOutputs(values, rows, width, kind);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes atomically; a cache that cannot be written is skipped, never fatal.</summary>
    public void Save(string key, ModelOutputs outputs)
    {
        var path = PathOf(key);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var stream = File.Create(temporary))
            {
                Span<byte> header = stackalloc byte[16];
                BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
                BinaryPrimitives.WriteInt32LittleEndian(header[4..], FormatVersion);
                BinaryPrimitives.WriteInt32LittleEndian(header[8..], outputs.Rows);
                BinaryPrimitives.WriteInt32LittleEndian(header[12..], outputs.Width);
                stream.Write(header);
                stream.Write(MemoryMarshal.AsBytes(outputs.Values.AsSpan()));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
        }
    }

    private string PathOf(string key) => Path.Combine(Directory, key + ".bin");
}
