using System.Text.Json;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Templates;

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
