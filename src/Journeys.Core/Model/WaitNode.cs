using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

/// <summary>Waits for an ISO-8601 <c>duration</c> or until the datetime the <c>until</c> expression gives.</summary>
public sealed class WaitNode : JourneyNode
{
    public string? Duration { get; set; }

    public string? Until { get; set; }

    public string? Next { get; set; }

    [JsonIgnore]
    public override string TypeName => "wait";

    public override IEnumerable<(string Property, string Target)> Successors()
    {
        if (Next is not null)
        {
            yield return ("next", Next);
        }
    }
}
