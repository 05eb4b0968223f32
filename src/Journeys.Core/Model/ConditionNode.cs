using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

/// <summary>Ordered branches; the first whose <c>when</c> is true wins, else <c>otherwise</c>.</summary>
public sealed class ConditionNode : JourneyNode
{
    public List<ConditionBranch>? Branches { get; set; }

    public string? Otherwise { get; set; }

    [JsonIgnore]
    public override string TypeName => "condition";

    public override IEnumerable<(string Property, string Target)> Successors()
    {
        if (Branches is not null)
        {
            for (var i = 0; i < Branches.Count; i++)
            {
                if (Branches[i].Next is { } next)
                {
                    yield return ($"branches[{i}].next", next);
                }
            }
        }

        if (Otherwise is not null)
        {
            yield return ("otherwise", Otherwise);
        }
    }
}
