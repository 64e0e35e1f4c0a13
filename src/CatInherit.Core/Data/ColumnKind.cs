namespace CatInherit.Data;

/// <summary>How a column's values are stored.</summary>
internal enum ColumnKind
{
    /// <summary>Interned labels (class labels, groups): one int code per row.</summary>
    Categorical,
    /// <summary>Finite doubles.</summary>
    Numeric,
    /// <summary>Free text, kept as strings.</summary>
    Text,
}
