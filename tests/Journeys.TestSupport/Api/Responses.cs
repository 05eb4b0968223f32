using System.Text.Json.Nodes;

namespace Journeys.TestSupport.Api;

/// <summary>Reading responses in assertions.</summary>
public static class Responses
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("null body");

    /// <summary>The codes of a problem's <c>errors</c> array, after checking it is a problem document with that status.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(status, (int)problem["status"]!);
        return problem;
    }

    public static IReadOnlyList<string> Codes(this JsonNode problem) =>
        problem["errors"]!.AsArray().Select(e => (string)e!["code"]!).ToList();

    public static IReadOnlyList<string> Paths(this JsonNode problem) =>
        problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).ToList();

    public static bool SameJson(string expected, JsonNode? actual) => JsonNode.DeepEquals(JsonNode.Parse(expected), actual);
}
