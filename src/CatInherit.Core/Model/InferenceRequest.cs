namespace CatInherit.Model;

/// <summary>One dataset's model inputs, its cache key, and its outputs when the cache already had them.</summary>
internal sealed record InferenceRequest(string Dataset, ModelInputs Inputs, string? CacheKey, ModelOutputs? Cached);
