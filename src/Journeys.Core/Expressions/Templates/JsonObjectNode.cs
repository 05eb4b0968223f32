using System.Text.Json;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Templates;

/// <summary>An object: property names are copied, values are templates.</summary>
internal sealed class JsonObjectNode(IReadOnlyList<KeyValuePair<string, JsonTemplateNode>> properties) : JsonTemplateNode
{
    public override void Write(EvaluationContext context, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            writer.WritePropertyName(name);
            value.Write(context, writer);
        }

        writer.WriteEndObject();
    }
}
