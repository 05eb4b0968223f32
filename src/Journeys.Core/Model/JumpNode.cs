using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

/// <summary>Enters the profile into the live version of another journey with the same entry event, and ends.</summary>
public sealed class JumpNode : JourneyNode
{
    public string? Journey { get; set; }

    [JsonIgnore]
    public override string TypeName => "jump";

    public override IEnumerable<(string Property, string Target)> Successors() => [];
}
