namespace CatInherit.CodeFirst;

/// <summary>A built-in WEAT test: Caliskan et al.'s (2017), or identity terms × offensive words.</summary>
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

    /// <summary><c>identity-sexuality</c>: sexual and gender identity terms (Dixon et al. 2018) vs neutral descriptors × offensive vs pleasant words.</summary>
    IdentitySexuality,

    /// <summary><c>identity-religion</c>: religion terms vs neutral descriptors × offensive vs pleasant words.</summary>
    IdentityReligion,

    /// <summary><c>identity-ethnicity</c>: race and ethnicity terms vs neutral descriptors × offensive vs pleasant words.</summary>
    IdentityEthnicity,

    /// <summary><c>identity-disability-age</c>: disability and age terms vs neutral descriptors × offensive vs pleasant words.</summary>
    IdentityDisabilityAge,
}
