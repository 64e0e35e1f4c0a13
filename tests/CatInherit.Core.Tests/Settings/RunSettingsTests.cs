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

    [Fact]
    public void A_shard_comes_from_the_door_or_CATINHERIT_SHARD_with_its_partial_folder()
    {
        var (fromEnvironment, none) = Resolve(new RunSettingsRequest(), ("CATINHERIT_SHARD", "2/4"), ("CATINHERIT_PARTIAL_DIR", "partials"));
        var (explicitWins, _) = Resolve(new RunSettingsRequest { Shard = "3/7", PartialDirectory = "mine" }, ("CATINHERIT_SHARD", "2/4"), ("CATINHERIT_PARTIAL_DIR", "partials"));
        var (whole, _) = Resolve(new RunSettingsRequest { PartialDirectory = "mine" });

        Assert.Empty(none);
        Assert.Equal(new ShardSpec(2, 4), fromEnvironment!.Shard);
        Assert.Equal("partials", fromEnvironment.PartialDirectory);
        Assert.Equal(new ShardSpec(3, 7), explicitWins!.Shard);
        Assert.Equal("mine", explicitWins.PartialDirectory);
        Assert.Null(whole!.Shard);
        Assert.Null(whole.PartialDirectory);
    }

    [Theory]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("one/two")]
    [InlineData("1/2/3")]
    [InlineData("-1/2")]
    [InlineData("1/5000")]
    public void A_shard_that_is_not_I_of_N_is_CAT0700(string shard)
    {
        var (options, problems) = Resolve(new RunSettingsRequest(), ("CATINHERIT_SHARD", shard), ("CATINHERIT_PARTIAL_DIR", "p"));

        Assert.Null(options);
        Assert.StartsWith("error CAT0700: environment variable CATINHERIT_SHARD: ", Assert.Single(problems).Replace("catinherit: ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_without_a_partial_folder_is_CAT0700()
    {
        var (options, problems) = Resolve(new RunSettingsRequest { Shard = "1/2", ShardSource = "CatInheritShard" });

        Assert.Null(options);
        Assert.Contains("CAT0700: CatInheritShard: a shard writes a partial file", Assert.Single(problems), StringComparison.Ordinal);
    }
}
