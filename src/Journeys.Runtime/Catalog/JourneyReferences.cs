using Journeys.Core.Model;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// Which configuration resources a journey uses: its entry event, the events it waits for, the actions it calls
/// and the data sources its expressions read. Purely textual for data sources (no expression parsing), so it
/// works on any stored body, even one the current expression language would no longer accept.
/// </summary>
public static class JourneyReferences
{
    public static bool Uses(Journey journey, CatalogResourceKind kind, string id) => kind switch
    {
        CatalogResourceKind.EventDefinition => string.Equals(journey.Entry, id, StringComparison.Ordinal)
            || Nodes(journey).OfType<WaitForEventNode>().Any(n => string.Equals(n.Event, id, StringComparison.Ordinal)),
        CatalogResourceKind.CustomAction => Nodes(journey).OfType<ActionNode>().Any(n => string.Equals(n.Action, id, StringComparison.Ordinal)),
        CatalogResourceKind.DataSource => JourneyScopes.ExpressionTexts(journey).Any(text => ReadsDataSource(text, id)),
        _ => false,
    };

    /// <summary>
    /// Whether an expression reads data source <paramref name="sourceId"/>: <c>data.&lt;id&gt;</c> not followed by
    /// more id characters (so <c>data.loyalty2</c> and <c>data.loyalty-eu</c> are not <c>loyalty</c>) and not preceded by a name or a
    /// dot (so <c>entry.metadata.loyalty</c> is not a data read), or the indexed forms <c>data['id']</c> /
    /// <c>data["id"]</c>. Text inside string literals also counts: refusing a delete wrongly is the safe mistake.
    /// </summary>
    public static bool ReadsDataSource(string expression, string sourceId)
    {
        return Contains(expression, "data." + sourceId, requireEndBoundary: true)
            || Contains(expression, "data['" + sourceId + "']", requireEndBoundary: false)
            || Contains(expression, "data[\"" + sourceId + "\"]", requireEndBoundary: false);
    }

    private static bool Contains(string text, string needle, bool requireEndBoundary)
    {
        var index = 0;
        while ((index = text.IndexOf(needle, index, StringComparison.Ordinal)) >= 0)
        {
            var startsClean = index == 0 || !(IsNameChar(text[index - 1]) || text[index - 1] == '.');
            var end = index + needle.Length;
            // '-' continues an id here, as in JourneyScopes' scan: data.crm-eu reads source "crm-eu", not "crm".
            var endsClean = !requireEndBoundary || end == text.Length || !(IsNameChar(text[end]) || text[end] == '-');
            if (startsClean && endsClean)
            {
                return true;
            }

            index++;
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static IEnumerable<JourneyNode> Nodes(Journey journey) => (journey.Nodes ?? []).Values;
}
