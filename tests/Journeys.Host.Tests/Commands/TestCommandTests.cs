using Journeys.Host.Commands;

namespace Journeys.Host.Tests.Commands;

/// <summary><c>journeys test</c> (SPEC §8) on the shipped sample tests and on a broken expectation.</summary>
public sealed class TestCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "journeys-test-" + Guid.NewGuid().ToString("N"));

    public TestCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_sample_tests_all_pass_with_exit_code_zero()
    {
        var output = new StringWriter();

        var exit = await TestCommand.RunAsync([SamplesFolder()], output, CancellationToken.None);

        var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(exit == 0, output.ToString());
        Assert.Equal("16 passed, 0 failed", lines[^1]);
        Assert.Equal(16, lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_broken_expectation_exits_non_zero_showing_expected_and_actual()
    {
        var samples = SamplesFolder();
        var file = Path.Combine(folder, "broken.test.json");
        File.WriteAllText(file, $$"""
            {
              "journey": {{Quote(Path.Combine(samples, "journeys", "abandoned-cart.json"))}},
              "resources": {{Quote(samples)}},
              "cases": [
                { "name": "right",
                  "events": [ { "at": "PT0S", "event": { "id": "e1", "type": "cart.abandoned", "customer": { "id": "p1", "email": "a@x.io" }, "cart": { "id": "k1", "total": 5 } } } ],
                  "data": { "loyalty.tier": { "*": { "tier": "silver", "points": 0 } } },
                  "actions": { "send-email": { "status": 200, "body": { "messageId": "m" } } },
                  "expect": { "p1": { "status": "completed", "path": ["await-order", "tier-check", "std-email", "done"] } } },
                { "name": "wrong",
                  "events": [ { "at": "PT0S", "event": { "id": "e1", "type": "cart.abandoned", "customer": { "id": "p1", "email": "a@x.io" }, "cart": { "id": "k1", "total": 5 } } } ],
                  "data": { "loyalty.tier": { "*": { "tier": "silver", "points": 0 } } },
                  "actions": { "send-email": [ { "status": 500 }, { "status": 200, "body": { "messageId": "m" } } ] },
                  "expect": { "p1": { "status": "errored", "path": ["await-order", "done"], "calls": { "std-email": 1 } } } }
              ]
            }
            """);
        var output = new StringWriter();

        var exit = await TestCommand.RunAsync([file], output, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("PASS " + file + " › right", text, StringComparison.Ordinal);
        Assert.Contains("FAIL " + file + " › wrong", text, StringComparison.Ordinal);
        Assert.Contains("p1 status: expected errored, actual completed", text, StringComparison.Ordinal);
        Assert.Contains("p1 path: expected [await-order, done], actual [await-order, tier-check, std-email, done]", text, StringComparison.Ordinal);
        Assert.Contains("p1 calls.std-email: expected 1, actual 2", text, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed", text.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_scenario_fails_its_case_naming_the_path()
    {
        var samples = SamplesFolder();
        var file = Path.Combine(folder, "bad.test.json");
        File.WriteAllText(file, $$"""
            { "journey": {{Quote(Path.Combine(samples, "journeys", "abandoned-cart.json"))}},
              "resources": {{Quote(samples)}},
              "cases": [ { "name": "bad", "events": [ { "at": "soon", "event": {} } ], "expect": {} } ] }
            """);
        var output = new StringWriter();

        var exit = await TestCommand.RunAsync([file], output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("SCENARIO_INVALID at $.cases[0].events[0].at", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 1 failed", output.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_runs_the_sample_tests_with_exit_code_zero()
    {
        Assert.Equal(0, await JourneysCommand.RunAsync(["test", SamplesFolder()]));
        Assert.NotEqual(0, await JourneysCommand.RunAsync(["test", Path.Combine(folder, "nope")]));
    }

    [Fact]
    public async Task A_missing_path_exits_with_code_two()
    {
        var output = new StringWriter();

        var exit = await TestCommand.RunAsync([Path.Combine(folder, "nope")], output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("FILE_NOT_FOUND", output.ToString(), StringComparison.Ordinal);
    }

    private static string Quote(string text) => "\"" + System.Text.Json.JsonEncodedText.Encode(text) + "\"";

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "tests")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }
}
