using System.Runtime.InteropServices;
using System.Text.Json;
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
        var dir = feed.WriteMsBuildConsumer(folder.File("App"), properties, packages, code);
        folder.Write("App/catinherit.yaml", policy);
        folder.Write("App/loans.csv", Data);
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
                $"{yaml}(8,5): error CAT0010: unknown key 'sensitve' in check 'parity'. Did you mean 'sensitive'? Known keys: id, kind, gate, decide, confidence, resamples, baseline, model, compare, dataset, sensitive, positive_label, min_group_size [{project}]",
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
    public void The_gate_after_dotnet_test_follows_what_the_tests_ran()
    {
        // 'parity' passes, 'strict' fails: a gate over the whole policy fails.
        var policy = Policy(0.6) + "\n  - { id: strict, kind: group-fairness, dataset: loans, sensitive: sex, gate: { metric: demographic_parity_difference, max: 0.1 } }\n";
        var packages = $"""
                <PackageReference Include="CatInherit.Xunit" Version="{feed.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
            """;
        const string code = """
            using CatInherit.Xunit;

            public class Inheritance
            {
                [InheritancePolicy("catinherit.yaml")]
                public void Checks() { }

                [Xunit.Fact]
                public void Smoke() { }
            }
            """;
        var dir = Project(policy, "    <CatInheritGate>true</CatInheritGate>\n    <IsTestProject>true</IsTestProject>", packages, code);
        var reportJson = Path.Combine(dir, "bin", "Debug", "net10.0", "catinherit", "report.json");

        // Listing runs no test, so nothing is gated.
        var list = DotNet.Run(dir, "test", "--list-tests");
        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Contains("group-fairness: strict", list.Output);
        Assert.Empty(ErrorLines(list));
        Assert.False(File.Exists(reportJson));

        // A filter gates the checks that ran, and says how to gate the whole policy.
        var filtered = DotNet.Run(dir, "test", "--no-build", "--filter", "CatInherit.Check=parity", "-v", "n");
        Assert.True(filtered.ExitCode == 0, filtered.Output);
        Assert.Contains($"CatInherit gate: gating the 1 check of {Path.Combine(dir, "catinherit.yaml")} that ran under the test filter 'CatInherit.Check=parity' (parity); `dotnet build -t:CatInheritGate` gates the whole policy.", filtered.Output);
        Assert.Empty(ErrorLines(filtered));
        Assert.Equal(["parity"], System.Text.Json.JsonDocument.Parse(File.ReadAllText(reportJson)).RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.DoesNotContain("Task assembly was loaded from", filtered.Output);

        // A filter that runs no check gates nothing, and says so.
        var smoke = DotNet.Run(dir, "test", "--no-build", "--filter", "FullyQualifiedName~Smoke");
        Assert.True(smoke.ExitCode == 0, smoke.Output);
        Assert.Contains($"CatInherit gate: no check of {Path.Combine(dir, "catinherit.yaml")} ran under the test filter 'FullyQualifiedName~Smoke', so none is gated", smoke.Output);

        // The whole policy, as before: the failing check fails the gate.
        var whole = DotNet.Run(dir, "build", "--no-restore", "-t:CatInheritGate");
        Assert.NotEqual(0, whole.ExitCode);
        Assert.Contains(ErrorLines(whole), l => l.Contains("error CAT1001: check 'strict' (group-fairness) fail", StringComparison.Ordinal));
    }

    [Fact]
    public void Policies_with_the_same_file_name_write_reports_to_their_own_folders()
    {
        var items = "    <CatInheritPolicy Include=\"fairness/catinherit.yaml;privacy/catinherit.yaml\" />";
        var dir = Project(Policy(0.6), packages: items);
        folder.Write("App/fairness/catinherit.yaml", Policy(0.6).Replace("path: loans.csv", "path: ../loans.csv", StringComparison.Ordinal));
        folder.Write("App/privacy/catinherit.yaml", Policy(0.7).Replace("path: loans.csv", "path: ../loans.csv", StringComparison.Ordinal).Replace("id: parity", "id: other-parity", StringComparison.Ordinal));

        var outcome = DotNet.Run(dir, "build", "-t:CatInheritGate");

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        var reports = Path.Combine(dir, "bin", "Debug", "net10.0", "catinherit");
        string PolicyOf(string sub) => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, sub, "catinherit", "report.json"))).RootElement.GetProperty("policy").GetString()!;
        Assert.Equal(Path.Combine(dir, "fairness", "catinherit.yaml"), PolicyOf("fairness"));
        Assert.Equal(Path.Combine(dir, "privacy", "catinherit.yaml"), PolicyOf("privacy"));
        Assert.False(File.Exists(Path.Combine(reports, "catinherit", "report.json")));
    }

    [Fact]
    public void The_tool_installs_its_platform_package_from_the_feed_and_runs_a_model()
    {
        var tools = folder.File("tools");
        var dir = Project(Policy(0.1));
        TinyModels.Linear(Path.Combine(dir, "linear.onnx"));
        // logits = [x1 + x3 + 0.5, x2 + x3 - 0.5]: class 1 exactly when x2 - x1 > 1.
        folder.Write("App/rows.csv", "x1,x2,x3,label,sex\n0,2,0,1,f\n0,0,0,0,f\n0,2,0,1,m\n2,0,0,0,m\n");
        folder.Write("App/model.yaml", """
            version: 1
            model:
              path: linear.onnx
              inputs: { features: [x1, x2, x3] }
              output: { name: logits, kind: logits }
            datasets:
              rows: { path: rows.csv, label: label }
            checks:
              - id: parity
                kind: group-fairness
                dataset: rows
                sensitive: sex
                gate: { metric: demographic_parity_difference, max: 0.1 }
            """);

        var install = DotNet.Run(folder.Path, "tool", "install", "CatInherit.Cli", "--version", feed.Version, "--tool-path", tools, "--add-source", feed.Folder);
        Assert.True(install.ExitCode == 0, install.Output);

        // The pointer package sent `dotnet tool install` to this platform's package, and only that one.
        var store = Path.Combine(tools, ".store", "catinherit.cli", feed.Version);
        var platform = RuntimeInformation.RuntimeIdentifier;
        var installed = Directory.GetDirectories(store).Select(Path.GetFileName).Where(name => name!.StartsWith("catinherit.cli.", StringComparison.Ordinal));
        Assert.Equal(["catinherit.cli." + platform], installed);

        var tool = Path.Combine(tools, "catinherit");
        var version = RunTool(tool, dir, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith(feed.Version, version.Output.Trim(), StringComparison.Ordinal);

        var check = RunTool(tool, dir, "check", "catinherit.yaml", "--report-dir", "out", "--format", "md,junit");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("FAIL   group-fairness: parity  demographic_parity_difference 0.5 [", check.Output);
        Assert.True(File.Exists(Path.Combine(dir, "out", "junit.xml")));
        Assert.Equal(2, RunTool(tool, dir, "validate", "missing.yaml").ExitCode);

        // The platform package's ONNX Runtime loads and runs a real model (CUDA when present, else CPU).
        var model = RunTool(tool, dir, "check", "model.yaml", "--report-dir", "model-out");
        Assert.True(model.ExitCode == 0, model.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "model-out", "report.json")));
        Assert.StartsWith(feed.Version, report.RootElement.GetProperty("catinherit_version").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("ExecutionProvider", report.RootElement.GetProperty("model").GetProperty("provider").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, report.RootElement.GetProperty("checks")[0].GetProperty("metrics").GetProperty("demographic_parity_difference").GetDouble());
        Assert.Equal(1, report.RootElement.GetProperty("checks")[0].GetProperty("metrics").GetProperty("accuracy").GetDouble());
    }

    private static DotNet.Outcome RunTool(string tool, string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        start.Environment.Remove("TF_BUILD");
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
