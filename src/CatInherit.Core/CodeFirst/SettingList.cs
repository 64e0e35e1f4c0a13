using System.Collections.Immutable;
using CatInherit.Policy;

namespace CatInherit.CodeFirst;

/// <summary>Helpers for the immutable key lists of the builders: the last call that writes a key wins.</summary>
internal static class SettingList
{
    /// <summary>The list with <paramref name="key"/> set to <paramref name="value"/>, written at the caller's file and line.</summary>
    public static ImmutableArray<Setting> With(this ImmutableArray<Setting> settings, string key, object value, string file, int line) =>
        settings.RemoveAll(s => s.Key == key).Add(new Setting(key, value, Caller(file, line)));

    /// <summary>The value written for <paramref name="key"/>, if any.</summary>
    public static Setting? Find(this ImmutableArray<Setting> settings, string key) => settings.Any(s => s.Key == key) ? settings.First(s => s.Key == key) : null;

    /// <summary>The location of a builder call, as <c>file(line)</c> in diagnostics.</summary>
    public static SourceLocation Caller(string file, int line) => new(file, line, 0);
}
