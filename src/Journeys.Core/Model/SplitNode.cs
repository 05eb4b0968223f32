using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

/// <summary>Percentage branches chosen by a stable hash of (journey, profile, node).</summary>
public sealed class SplitNode : JourneyNode
{
    public List<SplitBranch>? Branches { get; set; }

    [JsonIgnore]
    public override string TypeName => "split";

    public override IEnumerable<(string Property, string Target)> Successors()
    {
        if (Branches is null)
        {
            yield break;
        }

        for (var i = 0; i < Branches.Count; i++)
        {
            if (Branches[i].Next is { } next)
            {
                yield return ($"branches[{i}].next", next);
            }
        }
    }
}
