namespace CatInherit.CodeFirst;

/// <summary>A built-in WEAT test (Caliskan et al. 2017).</summary>
public enum WeatTest
{
    /// <summary><c>weat1</c>: flowers vs insects × pleasant vs unpleasant.</summary>
    Weat1,

    /// <summary><c>weat2</c>: instruments vs weapons × pleasant vs unpleasant.</summary>
    Weat2,

    /// <summary><c>weat6</c>: male vs female names × career vs family.</summary>
    Weat6,

    /// <summary><c>weat7</c>: math vs arts × male vs female terms.</summary>
    Weat7,

    /// <summary><c>weat8</c>: science vs arts × male vs female terms.</summary>
    Weat8,
}
