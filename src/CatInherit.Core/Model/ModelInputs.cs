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

    public static ModelInputs FromTokens(int[][] tokens) => new(tokens, null, tokens.Length, 0);

    public static ModelInputs FromFeatures(float[] features, int rows, int featureCount) => new(null, features, rows, featureCount);
}
