using System.Text.Json.Nodes;

namespace Journeys.Host.Tests.Support;

/// <summary>One response read by <see cref="RawHttp"/>.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The problem document, after checking the status, the media type and the declared length.</summary>
    public JsonNode Problem(int status)
    {
        Assert.True(Status == status, $"expected {status}, got {Status}: '{Body}'");
        Assert.Equal("application/problem+json", Headers.GetValueOrDefault("Content-Type"));
        var problem = JsonNode.Parse(Body)!;
        Assert.Equal(status, (int)problem["status"]!);
        return problem;
    }
}
