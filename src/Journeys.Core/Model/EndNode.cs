namespace Journeys.Model;

/// <summary>Ends the instance as completed.</summary>
public sealed class EndNode : JourneyNode
{
    public override string TypeName => "end";

    public override IEnumerable<(string Property, string Target)> Successors() => [];
}
