using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CatInherit.Policy;

namespace CatInherit.Model;

/// <summary>
/// Model outputs on disk, keyed by a SHA-256 of everything that decides them: the model file's hash,
/// the input mapping and tokenizer (vocabulary hash, casing, length), the output spec, the batch size and the rows'
/// content. A re-run with nothing changed does no inference; any change misses the cache.
/// </summary>
/// <remarks>
/// ONNX Runtime's last bits depend on which rows share a batch, so whatever forms the batches is part of the key: the
/// batch size, and the format version, which changes whenever the batching rule does (version 3: batches in an order
/// fixed by the rows' content). Otherwise a warm cache would return what an older version or another batch size
/// computed, and the report would depend on the cache's history.
/// </remarks>
internal sealed class OutputCache(string directory)
{
    private const uint Magic = 0x434F4943; // "CIOC"
    private const int FormatVersion = 3;

    public string Directory { get; } = directory;

    /// <summary>
    /// The folder used when the run's options name none (options built in code without the resolver):
    /// <c>~/.cache/catinherit</c>. <see cref="Settings.RunSettings"/> applies <c>CATINHERIT_CACHE_DIR</c> and <c>XDG_CACHE_HOME</c>.
    /// </summary>
    public static string DefaultDirectory => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "catinherit");

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
        Add($"{spec.OutputName}|{spec.OutputKind}|{spec.Pooling}|{spec.Normalize}|batch {spec.BatchSize}");
        if (texts is not null)
        {
            // The vocab.txt form is keyed by its settings, a tokenizer.json by its content.
            Add(spec.TokenizerFile is null ? $"text|{vocabSha256}|{spec.Lowercase}|{spec.MaxLength}" : $"text|tokenizer.json|{vocabSha256}|{spec.MaxLengthWritten}");
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

    /// <summary>The cached outputs and the provider that computed them, or null on a miss (a damaged file is a miss).</summary>
    public (ModelOutputs Outputs, string Provider)? TryLoad(string key, OutputKind kind, int rows)
    {
        try
        {
            var bytes = File.ReadAllBytes(PathOf(key));
            if (bytes.Length < 20 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != FormatVersion)
            {
                return null;
            }

            var storedRows = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
            var width = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
            var providerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16));
            var dataStart = 20L + providerLength;
            if (storedRows != rows || providerLength is < 0 or > 4096 || bytes.Length != dataStart + ((long)rows * width * sizeof(float)))
            {
                return null;
            }

            var provider = Encoding.UTF8.GetString(bytes, 20, providerLength);
            var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan((int)dataStart)).ToArray();
            return (new ModelOutputs(values, rows, width, kind), provider);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes atomically; a cache that cannot be written is skipped, never fatal.</summary>
    public void Save(string key, ModelOutputs outputs, string provider)
    {
        var path = PathOf(key);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var stream = File.Create(temporary))
            {
                var providerBytes = Encoding.UTF8.GetBytes(provider);
                Span<byte> header = stackalloc byte[20];
                BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
                BinaryPrimitives.WriteInt32LittleEndian(header[4..], FormatVersion);
                BinaryPrimitives.WriteInt32LittleEndian(header[8..], outputs.Rows);
                BinaryPrimitives.WriteInt32LittleEndian(header[12..], outputs.Width);
                BinaryPrimitives.WriteInt32LittleEndian(header[16..], providerBytes.Length);
                stream.Write(header);
                stream.Write(providerBytes);
                stream.Write(MemoryMarshal.AsBytes(outputs.Values.AsSpan()));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: a stray temporary file is harmless and never read.
        }
    }

    private string PathOf(string key) => Path.Combine(Directory, key + ".bin");
}
