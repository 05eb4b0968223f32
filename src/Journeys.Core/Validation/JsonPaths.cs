using System.Text.RegularExpressions;

namespace Journeys.Core.Validation;

/// <summary>
/// Builds the JSON paths issues point at (<c>$.nodes.tier-check.branches[0].when</c>). Member names that would be
/// ambiguous in dotted form (a field path such as <c>customer.id</c>, or a name with spaces or quotes) are written
/// in bracket form (<c>$.fields['customer.id']</c>), so that every path designates exactly one place.
/// </summary>
public static partial class JsonPaths
{
    public const string Root = "$";

    public static string Member(string parent, string name) =>
        PlainMember().IsMatch(name)
            ? $"{parent}.{name}"
            : $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string Node(string nodeId) => Member(Member(Root, "nodes"), nodeId);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex PlainMember();
}
