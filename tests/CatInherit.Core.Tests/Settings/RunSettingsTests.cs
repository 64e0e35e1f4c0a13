using CatInherit.Policy;
using CatInherit.Settings;

namespace CatInherit.Tests.Settings;

/// <summary>The one resolver every door uses: explicit value, then the environment, then the default; bad values are CAT0500.</summary>
public sealed class RunSettingsTests
{
    private static (RunOptions? Options, List<string> Problems) Resolve(RunSettingsRequest request, params (string Name, string Value)[] environment)
    {
        var diagnostics = new List<Diagnostic>();
        var options = RunSettings.Resolve(request, name => environment.FirstOrDefault(e => e.Name == name).Value, diagnostics);
        return (options, [.. diagnostics.Select(d => d.ToString())]);
    }

    [Fact]
    public void Defaults_without_any_input()
    {
        var (options, problems) = Resolve(new RunSettingsRequest(), ("XDG_CACHE_HOME", "/cache-root"));

        Assert.Empty(problems);
        Assert.Equal(0, options!.Seed);
        Assert.Null(options.Provider);
        Assert.True(options.UseCache);
        Assert.Equal(Path.Combine("/cache-root", "catinherit"), options.CacheDirectory);
        Assert.Equal(BaselineMode.Review, options.Baselines);
    }

    [Fact]
    public void The_environment_fills_what_the_door_left_empty_and_an_explicit_value_wins()
    {
        var environment = new[] { ("CATINHERIT_SEED", "7"), ("CATINHERIT_PROVIDER", "cpu"), ("CATINHERIT_CACHE_DIR", "/c") };

        var (fromEnvironment, _) = Resolve(new RunSettingsRequest { Seed = "" }, environment);
        var (explicitValues, _) = Resolve(new RunSettingsRequest { Seed = "3", Provider = "cuda", CacheDirectory = "/d" }, environment);

        Assert.Equal((7, ExecutionProvider.Cpu, "/c"), (fromEnvironment!.Seed, fromEnvironment.Provider, fromEnvironment.CacheDirectory));
        Assert.Equal((3, ExecutionProvider.Cuda, "/d"), (explicitValues!.Seed, explicitValues.Provider, explicitValues.CacheDirectory));
    }

    [Fact]
    public void Unknown_provider_and_unparseable_seed_from_the_environment_are_errors_reported_together()
    {
        var (options, problems) = Resolve(new RunSettingsRequest(), ("CATINHERIT_SEED", "seven"), ("CATINHERIT_PROVIDER", "gpu"));

        Assert.Null(options);
        Assert.Equal(
        [
            "catinherit: error CAT0500: environment variable CATINHERIT_SEED: the seed must be a whole number from -2147483648 to 2147483647; found 'seven'",
            "catinherit: error CAT0500: environment variable CATINHERIT_PROVIDER: unknown provider 'gpu'. For a GPU, use 'cuda'. Available: auto, cpu, cuda",
        ], problems);
    }

    [Fact]
    public void A_door_names_its_own_option_in_messages()
    {
        var (_, problems) = Resolve(new RunSettingsRequest { Seed = "1.5", SeedSource = "CatInheritSeed" });

        Assert.Equal(["catinherit: error CAT0500: CatInheritSeed: the seed must be a whole number from -2147483648 to 2147483647; found '1.5'"], problems);
    }

    [Theory]
    [InlineData(null, null, BaselineMode.Review)]
    [InlineData("true", null, BaselineMode.RequireVerified)]
    [InlineData("TRUE", null, BaselineMode.RequireVerified)]
    [InlineData(null, "1", BaselineMode.Accept)]
    [InlineData("true", "1", BaselineMode.Accept)]
    public void Baseline_mode_from_ci_and_accept(string? ci, string? accept, BaselineMode expected)
    {
        var (options, _) = Resolve(new RunSettingsRequest(), ("CI", ci!), ("CATINHERIT_ACCEPT", accept!));

        Assert.Equal(expected, options!.Baselines);
    }
}
