namespace CatInherit.CodeFirst;

/// <summary>A built-in set of identity terms, templates and fillers for an identity-templates check.</summary>
public enum IdentityMadlibs
{
    /// <summary><c>dixon</c>: Dixon et al.'s (2018) bias madlibs: 50 identity terms, 16 positive and 16 negative adjectives, three templates (the default).</summary>
    Dixon,
}
