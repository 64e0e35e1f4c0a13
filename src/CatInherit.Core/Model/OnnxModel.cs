using System.Security.Cryptography;
using CatInherit.Policy;
using Microsoft.ML.OnnxRuntime;

namespace CatInherit.Model;

/// <summary>
/// One ONNX Runtime session. <c>auto</c> tries CUDA and falls back to CPU, saying why; <c>cuda</c> fails
/// with a diagnostic when CUDA cannot load. (ONNX Runtime lists CUDA as available even when its
/// libraries are missing, so the only reliable test is to append the provider and see.)
/// </summary>
public sealed class OnnxModel : IDisposable
{
    /// <summary>ONNX Runtime's name for the CPU provider.</summary>
    public const string CpuProvider = "CPUExecutionProvider";

    /// <summary>ONNX Runtime's name for the CUDA provider.</summary>
    public const string CudaProvider = "CUDAExecutionProvider";

    private readonly InferenceSession session;

    private OnnxModel(InferenceSession session, string provider, string? providerNote, string sha256)
    {
        this.session = session;
        Provider = provider;
        ProviderNote = providerNote;
        Sha256 = sha256;
    }

    /// <summary>The provider that runs the model.</summary>
    public string Provider { get; }

    /// <summary>Why the provider was chosen when it is not the one asked for.</summary>
    public string? ProviderNote { get; }

    /// <summary>Lower-case hex SHA-256 of the model file.</summary>
    public string Sha256 { get; }

    internal IReadOnlyDictionary<string, NodeMetadata> Inputs => session.InputMetadata;

    internal IReadOnlyDictionary<string, NodeMetadata> Outputs => session.OutputMetadata;

    /// <summary>Opens the model; on failure returns null and adds a diagnostic at <paramref name="at"/>.</summary>
    internal static OnnxModel? Open(string path, string displayPath, ExecutionProvider provider, int intraOpThreads, SourceLocation at, List<Diagnostic> diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DataNotFound, at, $"model file '{displayPath}' cannot be read: {ex.Message}"));
            return null;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        try
        {
            // ONNX Runtime would also log a failed CUDA load to stderr in colour; the diagnostic or provider note says it once.
            OrtEnv.Instance().EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            string? note = null;
            if (provider is ExecutionProvider.Cuda or ExecutionProvider.Auto)
            {
                var (cudaSession, failure) = TryCreate(bytes, intraOpThreads, cuda: true);
                if (cudaSession is not null)
                {
                    return new OnnxModel(cudaSession, CudaProvider, null, sha);
                }

                if (provider == ExecutionProvider.Cuda)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ProviderUnavailable, at, $"provider 'cuda' was requested but CUDA cannot be used: {failure}. Install CUDA 13 and cuDNN 9 and reference Microsoft.ML.OnnxRuntime.Gpu, or use 'provider: auto' to fall back to CPU"));
                    return null;
                }

                note = $"CUDA unavailable ({failure}); ran on CPU";
            }

            var (cpuSession, cpuFailure) = TryCreate(bytes, intraOpThreads, cuda: false);
            if (cpuSession is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidModel, at, $"model file '{displayPath}' is not a valid ONNX model: {cpuFailure}"));
                return null;
            }

            return new OnnxModel(cpuSession, CpuProvider, note, sha);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuntimeUnavailable, at, $"ONNX Runtime's native library cannot be loaded ({FirstLine(ex.GetBaseException().Message).TrimEnd('.', ':', ' ')}); the application must reference Microsoft.ML.OnnxRuntime.Gpu (or the CPU package Microsoft.ML.OnnxRuntime)"));
            return null;
        }
    }

    /// <summary>Runs the model on named inputs; the caller owns (and disposes) the returned outputs.</summary>
    internal IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames)
    {
        using var options = new Microsoft.ML.OnnxRuntime.RunOptions();
        return session.Run(options, inputNames, inputs, outputNames);
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();

    private static (InferenceSession? Session, string Failure) TryCreate(byte[] model, int intraOpThreads, bool cuda)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }

        try
        {
            if (cuda)
            {
                options.AppendExecutionProvider_CUDA(0);
            }

            return (new InferenceSession(model, options), string.Empty);
        }
        catch (OnnxRuntimeException ex)
        {
            return (null, FirstLine(ex.Message));
        }
    }

    /// <summary>The first line of ONNX Runtime's message, at most 300 characters.</summary>
    internal static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
