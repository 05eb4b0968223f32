using System.Text.Json;

namespace Journeys.Expressions.Templates;

internal sealed class JsonArrayNode(IReadOnlyList<JsonTemplateNode> items) : JsonTemplateNode
{
    public override void Write(EvaluationContext context, Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            item.Write(context, writer);
        }

        writer.WriteEndArray();
    }
}
