namespace CatInherit.CodeFirst;

/// <summary>The gateable metrics of an identity-templates check (Dixon et al. 2018).</summary>
public enum IdentityTemplatesMetric
{
    /// <summary><c>fped</c>: false positive equality difference, Σ over terms |FPR − FPR_term| on the negative-filler sentences.</summary>
    Fped,

    /// <summary><c>fned</c>: false negative equality difference, Σ over terms |FNR − FNR_term| on the positive-filler sentences.</summary>
    Fned,

    /// <summary><c>max_term_gap</c>: largest minus smallest mean P(positive) of any two terms, over the same template sentences.</summary>
    MaxTermGap,
}
