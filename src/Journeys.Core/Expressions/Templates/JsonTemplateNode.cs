using System.Text.Json;

namespace Journeys.Expressions.Templates;

/// <summary>A node of a compiled JSON body template.</summary>
internal abstract class JsonTemplateNode
{
    public abstract void Write(EvaluationContext context, Utf8JsonWriter writer);
}
