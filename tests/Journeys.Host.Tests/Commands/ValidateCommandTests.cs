using Journeys.Host.Commands;

namespace Journeys.Host.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "journeys-validate-" + Guid.NewGuid().ToString("N"));

    public ValidateCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_samples_validate_with_exit_code_zero()
    {
        var output = new StringWriter();

        var exit = ValidateCommand.Run([SamplesFolder()], output);

        Assert.Equal(0, exit);
        Assert.Contains("12 files, 0 errors, 1 warning", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1 warnings", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_journey_with_a_dangling_next_fails_with_the_code_and_path()
    {
        var journeys = Directory.CreateDirectory(Path.Combine(folder, "journeys")).FullName;
        var events = Directory.CreateDirectory(Path.Combine(folder, "events")).FullName;
        File.WriteAllText(Path.Combine(events, "signup.json"), """{ "match": "type == 'signup'", "profileId": "user", "eventKey": "id", "fields": { "id": "string", "type": "string", "user": "string" } }""");
        File.WriteAllText(Path.Combine(journeys, "broken.json"), """{ "name": "b", "entry": "signup", "start": "w", "nodes": { "w": { "type": "wait", "duration": "PT1H", "next": "nowhere" } } }""");
        var output = new StringWriter();

        var exit = ValidateCommand.Run([folder], output);

        Assert.Equal(1, exit);
        Assert.Contains("error NODE_TARGET_UNKNOWN at $.nodes.w.next", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_position()
    {
        var file = Path.Combine(folder, "bad.json");
        File.WriteAllText(file, "{ \"name\": ");
        var output = new StringWriter();

        var exit = ValidateCommand.Run([file], output);

        Assert.Equal(1, exit);
        Assert.Contains("JSON_MALFORMED", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_fails()
    {
        var output = new StringWriter();

        Assert.Equal(1, ValidateCommand.Run([Path.Combine(folder, "none.json")], output));
        Assert.Contains("FILE_NOT_FOUND", output.ToString(), StringComparison.Ordinal);
    }

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "journeys")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new DirectoryNotFoundException("samples");
    }
}
