namespace CatInherit.Model;

/// <summary>One dataset's model inputs, its content key (also the cache key), and its outputs when the cache already had them.</summary>
internal sealed record InferenceRequest(string Dataset, ModelInputs Inputs, string CacheKey, ModelOutputs? Cached);
