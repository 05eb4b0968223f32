using System.Text.Json.Nodes;

namespace Journeys.Console.Tests.Support;

/// <summary>The repository's sample journeys (samples/journeys), as tests copy them under ids of their own.</summary>
public static class SampleJourneys
{
    public static JsonObject Read(string id) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, id + ".json")))!.AsObject();

    private static string Folder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "journeys");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/journeys not found above " + AppContext.BaseDirectory);
    }
}
