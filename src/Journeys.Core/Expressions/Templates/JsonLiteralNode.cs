using System.Text.Json;

namespace Journeys.Expressions.Templates;

/// <summary>A number, boolean, null or placeholder-free string, copied as is.</summary>
internal sealed class JsonLiteralNode(JsonElement element) : JsonTemplateNode
{
    public override void Write(EvaluationContext context, Utf8JsonWriter writer) => element.WriteTo(writer);
}
