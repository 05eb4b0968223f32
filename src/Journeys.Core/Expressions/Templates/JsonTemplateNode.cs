using System.Text.Json;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Templates;

/// <summary>A node of a compiled JSON body template.</summary>
internal abstract class JsonTemplateNode
{
    public abstract void Write(EvaluationContext context, Utf8JsonWriter writer);
}
