namespace CatInherit.Policy.Schema;

/// <summary>Which model of the inheritance chain a check looks at.</summary>
public enum ModelSide
{
    /// <summary>The pretrained foundation (an encoder whose output is an embedding).</summary>
    Foundation,

    /// <summary>The model built on it (a classifier: logits, probabilities or predictions).</summary>
    Downstream,
}
