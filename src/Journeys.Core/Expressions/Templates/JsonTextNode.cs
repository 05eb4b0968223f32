using System.Text.Json;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Templates;

/// <summary>A string with placeholders: a typed value when it is exactly one placeholder, interpolated text otherwise.</summary>
internal sealed class JsonTextNode(CompiledTemplate template) : JsonTemplateNode
{
    public override void Write(EvaluationContext context, Utf8JsonWriter writer)
    {
        if (template.IsSingleExpression)
        {
            template.RenderValue(context).WriteTo(writer);
        }
        else
        {
            writer.WriteStringValue(template.Render(context));
        }
    }
}
