using System.Text.RegularExpressions;
using Journeys.Core.Model;

namespace Journeys.Core.Validation;

/// <summary>
/// Rules for declared field maps (event fields, data-source fields, action params and response fields): each key
/// is a dotted path of identifiers, because expressions read it as <c>entry.cart.total</c>; and a path cannot sit
/// below a parent declared as a scalar, which would give one name two types.
/// </summary>
internal static partial class FieldRules
{
    public static void Check(IReadOnlyDictionary<string, FieldType>? fields, string fieldsPath, IssueCollector issues)
    {
        if (fields is null)
        {
            return;
        }

        foreach (var key in fields.Keys.Order(StringComparer.Ordinal))
        {
            var path = JsonPaths.Member(fieldsPath, key);
            if (!DottedIdentifiers().IsMatch(key))
            {
                issues.Error(ValidationCodes.FieldPathInvalid, null, path, $"'{key}' is not a field path: use identifiers (letters, digits, '_', not starting with a digit) joined by dots.");
                continue;
            }

            for (var dot = key.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = key.IndexOf('.', dot + 1))
            {
                var parent = key[..dot];
                if (fields.TryGetValue(parent, out var parentType) && parentType != FieldType.Object)
                {
                    issues.Error(ValidationCodes.FieldPathConflict, null, path, $"'{key}' lies inside '{parent}', which is declared {parentType.ToString().ToLowerInvariant()}; declare '{parent}' as object or remove it.");
                    break;
                }
            }
        }
    }

    public static bool IsIdentifier(string text) => Identifier().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex DottedIdentifiers();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Identifier();
}
