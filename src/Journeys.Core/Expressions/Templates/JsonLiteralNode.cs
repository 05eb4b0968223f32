using System.Text.Json;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Templates;

/// <summary>A number, boolean, null or placeholder-free string, copied as is.</summary>
internal sealed class JsonLiteralNode(JsonElement element) : JsonTemplateNode
{
    public override void Write(EvaluationContext context, Utf8JsonWriter writer) => element.WriteTo(writer);
}
