namespace CatInherit.Policy;

/// <summary>How token-level outputs <c>[batch, tokens, dim]</c> become one vector per row.</summary>
public enum Pooling
{
    /// <summary>Mean over the tokens the attention mask keeps (sentence-transformers' mean pooling).</summary>
    Mean,
    /// <summary>The first token ([CLS]).</summary>
    Cls,
}
