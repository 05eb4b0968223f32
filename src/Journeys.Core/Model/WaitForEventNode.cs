using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

/// <summary>Waits for an event of the same profile for which <c>correlate</c> holds, up to <c>timeout</c>.</summary>
public sealed class WaitForEventNode : JourneyNode
{
    public string? Event { get; set; }

    public string? Correlate { get; set; }

    public string? Timeout { get; set; }

    public string? Next { get; set; }

    public string? TimeoutNext { get; set; }

    [JsonIgnore]
    public override string TypeName => "waitForEvent";

    public override IEnumerable<(string Property, string Target)> Successors()
    {
        if (Next is not null)
        {
            yield return ("next", Next);
        }

        if (TimeoutNext is not null)
        {
            yield return ("timeoutNext", TimeoutNext);
        }
    }
}
