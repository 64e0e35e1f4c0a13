using System.Text;
using CatInherit.Tests.Support;
using static CatInherit.Tests.Hardening.HardeningRun;

namespace CatInherit.Tests.Hardening;

/// <summary>Text that is not UTF-8 is an error at its line: a Latin-1 "café" and "cafè" must not merge into one group.</summary>
public sealed class EncodingTests : IDisposable
{
    private const string Iconv = "the file is probably Latin-1 or Windows-1252. Save it as UTF-8, for example: iconv -f latin1 -t utf-8";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public void A_latin1_csv_is_an_error_at_the_first_bad_line_and_field()
    {
        var problems = Problems(folder, PolicyRun.FairnessPolicy("d.csv"), ("d.csv", Latin1("label,pred,sex\n1,1,plain\n1,1,café\n0,1,cafè\n")));

        Assert.Equal([$"d.csv(3,3): error CAT0121: line 3 is not valid UTF-8 (byte 0xE9); {Iconv} d.csv > utf8-d.csv"], problems);
    }

    [Fact]
    public void A_latin1_jsonl_is_an_error_at_its_line()
    {
        var problems = Problems(folder, PolicyRun.FairnessPolicy("d.jsonl"), ("d.jsonl", Latin1("{\"label\": 1, \"pred\": 1, \"sex\": \"a\"}\n{\"label\": 0, \"pred\": 1, \"sex\": \"cafè\"}\n")));

        Assert.Equal([$"d.jsonl(2,1): error CAT0121: line 2 is not valid UTF-8 (byte 0xE8); {Iconv} d.jsonl > utf8-d.jsonl"], problems);
    }

    [Fact]
    public void A_truncated_multibyte_character_is_reported_with_its_bytes()
    {
        var problems = Problems(folder, PolicyRun.FairnessPolicy("d.csv"), ("d.csv", [.. "label,pred,sex\n1,1,a\n0,0,"u8, 0xE2, 0x82, .. "\n"u8]));

        Assert.Equal([$"d.csv(3,3): error CAT0121: line 3 is not valid UTF-8 (byte 0xE2 0x82); {Iconv} d.csv > utf8-d.csv"], problems);
    }

    [Fact]
    public void Utf8_groups_with_accents_stay_distinct_and_a_bom_is_fine()
    {
        var data = "\uFEFFlabel,pred,sex\n1,1,café\n0,1,café\n1,0,cafè\n0,0,cafè\n";

        var report = Run(folder, PolicyRun.FairnessPolicy("d.csv"), Text("d.csv", data)).Report!;

        Assert.Equal(["cafè", "café"], report.Checks[0].Groups.Select(g => g.Name));
    }

    [Fact]
    public void A_policy_that_is_not_utf8_is_an_error_at_its_line()
    {
        File.WriteAllBytes(folder.File("catinherit.yaml"), Latin1("version: 1\n# réglé\ndatasets: {}\n"));

        var result = PolicyRun.RunFile(folder.File("catinherit.yaml"));

        var problem = Assert.Single(result.Diagnostics).ToString().Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        Assert.Equal($"catinherit.yaml(2,4): error CAT0121: line 2 is not valid UTF-8 (byte 0xE9); {Iconv} catinherit.yaml > utf8-catinherit.yaml", problem);
    }

    [Fact]
    public void A_jsonl_string_that_is_not_unicode_text_is_an_invalid_line()
    {
        var problems = Problems(folder, PolicyRun.FairnessPolicy("d.jsonl"), Text("d.jsonl", "{\"label\": 1, \"pred\": 1, \"sex\": \"a\"}\n{\"label\": 0, \"pred\": 1, \"sex\": \"\\ud800\"}\n"));

        Assert.Equal(["d.jsonl(2,1): error CAT0106: line 2 is not a valid JSON object: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate"], problems);
    }
}
