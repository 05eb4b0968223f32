using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

/// <summary>Ends the instance as completed.</summary>
public sealed class EndNode : JourneyNode
{
    [JsonIgnore]
    public override string TypeName => "end";

    public override IEnumerable<(string Property, string Target)> Successors() => [];
}
