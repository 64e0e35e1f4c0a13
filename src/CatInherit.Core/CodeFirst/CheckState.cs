using System.Collections.Immutable;
using CatInherit.Policy;
using CatInherit.Policy.Schema;

namespace CatInherit.CodeFirst;

/// <summary>What a code-first check holds: its kind, its keys with where each was written, and the columns it adds to its data.</summary>
/// <param name="Kind">The kind's descriptor.</param>
/// <param name="At">The call that started the check: the check's own location in diagnostics.</param>
internal sealed record CheckState(CheckKindDescriptor Kind, SourceLocation At)
{
    /// <summary>The id the check gets when it is not named.</summary>
    public const string DefaultId = "code-first";

    /// <summary>The id, when named.</summary>
    public Setting? Id { get; init; }

    /// <summary>The keys written: the kind's keys, the data by role (<see cref="InheritanceData"/> values), the model, the gate.</summary>
    public ImmutableArray<Setting> Settings { get; init; } = [];

    /// <summary>Columns given to the check itself (e.g. sensitive values) that join the rows of its <c>dataset</c>.</summary>
    public ImmutableArray<InMemoryColumn> Columns { get; init; } = [];

    /// <summary>The bootstrap seed, when given (else <c>CATINHERIT_SEED</c>, else 0).</summary>
    public int? Seed { get; init; }

    /// <summary>The check's id.</summary>
    public string IdText => Id?.Value as string ?? DefaultId;

    /// <summary>A check of <paramref name="kind"/> started by a call at <paramref name="callerFile"/>(<paramref name="callerLine"/>), with its first keys.</summary>
    public static CheckState Start(CheckKindDescriptor kind, string callerFile, int callerLine, params (string Key, object Value)[] keys)
    {
        var at = SettingList.Caller(callerFile, callerLine);
        return new(kind, at) { Settings = [.. keys.Select(k => new Setting(k.Key, k.Value, at))] };
    }

    /// <summary>The state with <paramref name="key"/> written by the caller.</summary>
    public CheckState Set(string key, object value, string callerFile, int callerLine) => this with { Settings = Settings.With(key, value, callerFile, callerLine) };

    /// <summary>
    /// The state with one more value of a list key (e.g. a second sensitive column): <paramref name="item"/> is appended
    /// with its own location, so a problem with it points at the call that added it.
    /// </summary>
    public CheckState Append(string key, object item, string callerFile, int callerLine)
    {
        var at = SettingList.Caller(callerFile, callerLine);
        var items = Settings.Find(key) is { Value: object[] existing } ? existing : [];
        return this with { Settings = Settings.RemoveAll(s => s.Key == key).Add(new Setting(key, items.Append(new LocatedValue(at, item)).ToArray(), items.Length == 0 ? at : Settings.Find(key)!.Value.At)) };
    }

    /// <summary>The state with a column of values given to the check (joins the rows of its <c>dataset</c>).</summary>
    public CheckState WithColumn<T>(string name, IEnumerable<T> values, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(values);
        return this with { Columns = Columns.Add(InMemoryColumn.Of(name, values, SettingList.Caller(callerFile, callerLine))) };
    }

    /// <summary>A name for the next column of values given to the check: <paramref name="prefix"/>, then <paramref name="prefix"/>2, ...</summary>
    public string NextColumn(string prefix) => Columns.Count(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)) is var n and > 0 ? $"{prefix}{n + 1}" : prefix;
}
