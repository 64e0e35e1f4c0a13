namespace CatInherit.Settings;

/// <summary>How approved metric baselines are treated in a run.</summary>
public enum BaselineMode
{
    /// <summary>Write the received file; without a verified file, warn and ask for approval.</summary>
    Review,

    /// <summary>Write the received file and approve it as verified (<c>CATINHERIT_ACCEPT=1</c>).</summary>
    Accept,

    /// <summary>A missing verified file fails the check (<c>CI=true</c>): CI never passes on an unreviewed baseline.</summary>
    RequireVerified,
}
