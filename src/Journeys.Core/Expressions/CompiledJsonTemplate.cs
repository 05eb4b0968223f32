using System.Text;
using System.Text.Json;
using Journeys.Core.Expressions.Templates;

namespace Journeys.Core.Expressions;

/// <summary>
/// A JSON body template (custom action <c>body</c>): every string in it is a <see cref="CompiledTemplate"/>
/// (<c>{{expr}}</c>); numbers, booleans, nulls, property names and structure are copied. A string that is
/// exactly <c>"{{expr}}"</c> is written as the expression's typed value. Immutable and thread-safe.
/// </summary>
public sealed class CompiledJsonTemplate
{
    private readonly JsonTemplateNode _root;

    private CompiledJsonTemplate(JsonTemplateNode root, IReadOnlyList<DataReference> dataReferences)
    {
        _root = root;
        DataReferences = dataReferences;
    }

    /// <summary>Every data-source group the body reads, distinct, in order of first appearance.</summary>
    public IReadOnlyList<DataReference> DataReferences { get; }

    /// <summary>
    /// Compiles every string of <paramref name="body"/>. Each error comes with the JSON path of its string
    /// (<c>$.subject</c>, <c>$.items[0]</c>), also prefixed to its message; positions are offsets in that string.
    /// </summary>
    public static (CompiledJsonTemplate? Template, IReadOnlyList<(string JsonPath, ExpressionError Error)> Errors) Compile(JsonElement body, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new List<(string JsonPath, ExpressionError Error)>();
        var references = new List<DataReference>();
        var root = Build(body, "$", scope, errors, references);
        return errors.Count > 0 ? (null, errors) : (new CompiledJsonTemplate(root, references), []);
    }

    public void Render(EvaluationContext context, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        _root.Write(context, writer);
    }

    private static JsonTemplateNode Build(
        JsonElement element,
        string path,
        ExpressionScope scope,
        List<(string JsonPath, ExpressionError Error)> errors,
        List<DataReference> references)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<KeyValuePair<string, JsonTemplateNode>>();
                foreach (var property in element.EnumerateObject())
                {
                    var child = Build(property.Value, PropertyPath(path, property.Name), scope, errors, references);
                    properties.Add(new KeyValuePair<string, JsonTemplateNode>(property.Name, child));
                }

                return new JsonObjectNode(properties);
            case JsonValueKind.Array:
                var items = new List<JsonTemplateNode>();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Build(item, $"{path}[{index++}]", scope, errors, references));
                }

                return new JsonArrayNode(items);
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (!text.Contains("{{", StringComparison.Ordinal))
                {
                    return new JsonLiteralNode(element.Clone());
                }

                var (template, templateErrors) = CompiledTemplate.Compile(text, scope, TemplateSyntax.DoubleBrace);
                foreach (var error in templateErrors)
                {
                    errors.Add((path, error with { Message = $"{path}: {error.Message}" }));
                }

                if (template is null)
                {
                    return new JsonLiteralNode(element.Clone());
                }

                foreach (var reference in template.DataReferences)
                {
                    if (!references.Contains(reference))
                    {
                        references.Add(reference);
                    }
                }

                return new JsonTextNode(template);
            default:
                return new JsonLiteralNode(element.Clone());
        }
    }

    /// <summary><c>$.name</c> for plain names, <c>$['odd key']</c> otherwise.</summary>
    private static string PropertyPath(string parent, string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (plain)
        {
            return $"{parent}.{name}";
        }

        var escaped = new StringBuilder(name.Length + 2);
        foreach (var c in name)
        {
            escaped.Append(c is '\'' or '\\' ? "\\" + c : c.ToString());
        }

        return $"{parent}['{escaped}']";
    }
}
