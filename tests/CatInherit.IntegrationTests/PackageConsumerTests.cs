using CatInherit.Tests.Support;

namespace CatInherit.IntegrationTests;

/// <summary>Fresh projects that take CatInherit from a packed local feed, as users will.</summary>
[Collection("consumers")]
public sealed class PackageConsumerTests(PackagedFeed feed) : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private const string Data = "repaid,approved,sex\n1,1,f\n0,1,f\n1,1,f\n0,0,f\n1,0,m\n0,0,m\n1,1,m\n0,0,m\n";

    private static string Policy(double max, string sensitiveKey = "sensitive") => $$"""
        version: 1
        datasets:
          loans: { path: loans.csv, label: repaid, prediction: approved }
        checks:
          - id: parity
            kind: group-fairness
            dataset: loans
            {{sensitiveKey}}: sex
            gate: { metric: demographic_parity_difference, max: {{max.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }
        """;

    private string Project(string policy, string properties = "", string packages = "", string code = "class Placeholder { }")
    {
        var dir = folder.File("App");
        folder.Write("App/nuget.config", feed.NuGetConfig);
        folder.Write("App/App.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
            {{properties}}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CatInherit.MSBuild" Version="{{feed.Version}}" />
            {{packages}}
              </ItemGroup>
            </Project>
            """);
        folder.Write("App/catinherit.yaml", policy);
        folder.Write("App/loans.csv", Data);
        folder.Write("App/Code.cs", code);
        return dir;
    }

    private static string[] ErrorLines(DotNet.Outcome outcome) =>
        [.. outcome.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error CAT", StringComparison.Ordinal)).Distinct()];

    [Fact]
    public void A_typo_in_the_policy_fails_the_build_at_its_line()
    {
        var dir = Project(Policy(0.6, "sensitve"));

        var outcome = DotNet.Run(dir, "build");

        Assert.NotEqual(0, outcome.ExitCode);
        var yaml = Path.Combine(dir, "catinherit.yaml");
        var project = Path.Combine(dir, "App.csproj");
        Assert.Equal(
            [
                $"{yaml}(5,5): error CAT0011: check 'parity' is missing 'sensitive': The sensitive column, or several columns for intersectional groups. [{project}]",
                $"{yaml}(8,5): error CAT0010: unknown key 'sensitve' in check 'parity'. Did you mean 'sensitive'? Known keys: id, kind, gate, decide, confidence, resamples, baseline, dataset, sensitive, positive_label, min_group_size [{project}]",
            ],
            ErrorLines(outcome));
    }

    [Fact]
    public void Build_time_validation_opens_the_data_header_and_the_model_signature_and_reports_every_problem()
    {
        var model = Path.Combine(RepoPaths.SentimentModel, "sentiment.onnx");
        var vocab = Path.Combine(RepoPaths.SentimentModel, "vocab.txt");
        var dir = Project($$"""
            version: 1
            model:
              path: {{model}}
              inputs: { text: text, tokenizer: { vocab: {{vocab}} } }
              output: { name: logit, kind: logits }
            datasets:
              loans: { path: loans.csv, label: repaid }
            checks:
              - id: typos
                kind: corruption
                dataset: loans
                corruptions: [typoo]
                severities: [7]
              - { id: parity, kind: group-fairness, dataset: loans, sensitive: gender }
            """);

        var outcome = DotNet.Run(dir, "build");

        Assert.NotEqual(0, outcome.ExitCode);
        var yaml = Path.Combine(dir, "catinherit.yaml");
        var data = Path.Combine(dir, "loans.csv");
        var project = Path.Combine(dir, "App.csproj");
        Assert.Equal(
            string.Join("\n", [
                $"{yaml}(4,19): error CAT0102: column 'text' (model input text) is not in {data}. Did you mean 'sex'? Columns: repaid, approved, sex [{project}]",
                $"{yaml}(5,19): error CAT0113: the model has no output 'logit'. Did you mean 'logits'? The model's outputs: logits (float32 [?, 2]), sentence_embedding (float32 [?, 384]) [{project}]",
                $"{yaml}(12,19): error CAT0013: check 'typos': 'typoo' is not a corruption of text inputs. Did you mean 'typo'? Available: typo, delete, insert, transpose, word_drop, case, punctuation [{project}]",
                $"{yaml}(13,18): error CAT0015: check 'typos': severity '7' must be a whole number from 1 (mild) to 5 (severe) [{project}]",
                $"{yaml}(14,68): error CAT0102: column 'gender' (sensitive attribute) is not in {data}. Columns: repaid, approved, sex [{project}]",
            ]),
            string.Join("\n", ErrorLines(outcome)));
    }

    [Fact]
    public void CATINHERIT_SEED_reaches_the_tests_and_the_gate_alike()
    {
        var packages = $"""
                <PackageReference Include="CatInherit.Xunit" Version="{feed.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
            """;
        const string code = "public class Checks { [CatInherit.Xunit.InheritancePolicy(\"catinherit.yaml\")] public void Policy() { } }";
        var dir = Project(Policy(0.9), "    <IsTestProject>true</IsTestProject>", packages, code);

        // 300 rows, so the bootstrap interval depends on the seed.
        File.WriteAllText(Path.Combine(dir, "loans.csv"), "repaid,approved,sex\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{(i * 7 % 3 == 0 ? 1 : 0)},{((i % 2 == 0 ? i * 11 % 5 < 2 : i * 13 % 7 < 4) ? 1 : 0)},{(i % 2 == 0 ? "f" : "m")}\n")));
        string[] test = ["test", "-p:CatInheritGate=true", "--logger", "console;verbosity=detailed"];
        var seeded = DotNet.Run(dir, new Dictionary<string, string> { ["CATINHERIT_SEED"] = "7" }, test);
        var report = File.ReadAllText(Path.Combine(dir, "bin", "Debug", "net10.0", "catinherit", "report.json"));
        var unseeded = DotNet.Run(dir, test);

        // The test's output and the gate's message show the same seeded interval; seed 0 gives another one.
        Assert.True(seeded.ExitCode == 0, seeded.Output);
        var testLine = Interval(seeded.Output, "parity: pass — demographic_parity_difference");
        Assert.Equal(testLine, Interval(seeded.Output, "check 'parity' (group-fairness) pass:"));
        Assert.NotEqual(testLine, Interval(unseeded.Output, "parity: pass — demographic_parity_difference"));
        Assert.Contains("\"seed\": 7", report);

        var invalid = DotNet.Run(dir, new Dictionary<string, string> { ["CATINHERIT_PROVIDER"] = "gpu" }, "build", "-t:CatInheritGate");
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("error CAT0500: environment variable CATINHERIT_PROVIDER: unknown provider 'gpu'. For a GPU, use 'cuda'.", invalid.Output);

        // The gated metric's interval on the first line containing the marker: the test's status line, or the gate's "pass:" line.
        static string Interval(string output, string marker)
        {
            var line = output.Split('\n').First(l => l.Contains(marker, StringComparison.Ordinal));
            var interval = System.Text.RegularExpressions.Regex.Match(line, @"demographic_parity_difference [0-9.]+ (\[[^\]]+\])").Groups[1].Value;
            return interval.Length > 0 ? interval : throw new InvalidOperationException($"no interval in: {line}");
        }
    }

    [Fact]
    public void The_gate_target_fails_on_a_failing_gate_and_passes_on_a_passing_one()
    {
        var failing = Project(Policy(0.1));
        var fail = DotNet.Run(failing, "build", "-t:CatInheritGate");

        Assert.NotEqual(0, fail.ExitCode);
        var line = Assert.Single(ErrorLines(fail));
        Assert.StartsWith($"{Path.Combine(failing, "catinherit.yaml")}(5,5): error CAT1001: check 'parity' (group-fairness) fail: demographic_parity_difference 0.5 [", line);
        Assert.Contains("exceeds max 0.1 (n=8)", line);
        Assert.True(File.Exists(Path.Combine(failing, "bin", "Debug", "net10.0", "catinherit", "report.json")));

        File.WriteAllText(Path.Combine(failing, "catinherit.yaml"), Policy(0.6));
        var pass = DotNet.Run(failing, "build", "-t:CatInheritGate");
        Assert.Equal(0, pass.ExitCode);
        Assert.Empty(ErrorLines(pass));
    }

    [Fact]
    public void With_CatInheritGate_true_dotnet_test_gates_after_the_tests()
    {
        var packages = $"""
                <PackageReference Include="CatInherit.Xunit" Version="{feed.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
            """;
        const string code = "public class Smoke { [Xunit.Fact] public void Runs() { } }";
        var dir = Project(Policy(0.1), "    <CatInheritGate>true</CatInheritGate>\n    <IsTestProject>true</IsTestProject>", packages, code);

        var outcome = DotNet.Run(dir, "test");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("Passed!  - Failed:     0, Passed:     1", outcome.Output);
        Assert.Contains(ErrorLines(outcome), l => l.Contains("error CAT1001: check 'parity' (group-fairness) fail", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tool_installs_from_the_feed_and_runs()
    {
        var tools = folder.File("tools");
        var dir = Project(Policy(0.1));

        var install = DotNet.Run(folder.Path, "tool", "install", "CatInherit.Cli", "--version", feed.Version, "--tool-path", tools, "--add-source", feed.Folder);
        Assert.True(install.ExitCode == 0, install.Output);
        var check = RunTool(Path.Combine(tools, "catinherit"), dir, "check", "catinherit.yaml", "--report-dir", "out", "--format", "md,junit");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("FAIL   group-fairness: parity  demographic_parity_difference 0.5 [", check.Output);
        Assert.True(File.Exists(Path.Combine(dir, "out", "junit.xml")));
        Assert.Equal(2, RunTool(Path.Combine(tools, "catinherit"), dir, "validate", "missing.yaml").ExitCode);
    }

    private static DotNet.Outcome RunTool(string tool, string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new DotNet.Outcome(process.ExitCode, stdout.Result + stderr);
    }
}
