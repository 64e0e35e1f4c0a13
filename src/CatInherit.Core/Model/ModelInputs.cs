namespace CatInherit.Model;

/// <summary>What a model is fed for one dataset: token ids per row (text models) or a feature matrix.</summary>
internal sealed class ModelInputs
{
    private ModelInputs(int[][]? tokens, float[]? features, int rows, int featureCount)
    {
        Tokens = tokens;
        Features = features;
        Rows = rows;
        FeatureCount = featureCount;
    }

    public int[][]? Tokens { get; }

    public float[]? Features { get; }

    public int Rows { get; }

    public int FeatureCount { get; }

    /// <summary>How token rows are padded in a batch (text models).</summary>
    public TokenPadding Padding { get; private init; } = TokenPadding.Default;

    public static ModelInputs FromTokens(int[][] tokens, TokenPadding? padding = null) => new(tokens, null, tokens.Length, 0) { Padding = padding ?? TokenPadding.Default };

    public static ModelInputs FromFeatures(float[] features, int rows, int featureCount) => new(null, features, rows, featureCount);
}
