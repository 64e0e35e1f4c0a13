namespace CatInherit.CodeFirst;

/// <summary>A built-in list of words a counterfactual check swaps, both ways (see the README for their sources).</summary>
public enum SwapList
{
    /// <summary><c>gender-terms</c>: he/she, his/her, husband/wife, ...</summary>
    GenderTerms,

    /// <summary><c>names</c>: male and female first names.</summary>
    Names,

    /// <summary><c>gender</c>: gender terms and names together.</summary>
    Gender,
}
