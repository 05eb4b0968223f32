using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

/// <summary>Calls a custom action with parameters given as expressions.</summary>
public sealed class ActionNode : JourneyNode
{
    public string? Action { get; set; }

    public Dictionary<string, string>? Params { get; set; }

    public string? Next { get; set; }

    public string? ErrorNext { get; set; }

    [JsonIgnore]
    public override string TypeName => "action";

    public override IEnumerable<(string Property, string Target)> Successors()
    {
        if (Next is not null)
        {
            yield return ("next", Next);
        }

        if (ErrorNext is not null)
        {
            yield return ("errorNext", ErrorNext);
        }
    }
}
