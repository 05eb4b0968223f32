using System.Text.Json;

namespace Journeys.Expressions;

/// <summary>
/// A JSON body template (custom action <c>body</c>): every string in it is a <see cref="CompiledTemplate"/>;
/// numbers, booleans, nulls and structure are copied.
/// STUB: the expressions work fills this in; the members below are the agreed surface.
/// </summary>
public sealed class CompiledJsonTemplate
{
    /// <summary>Errors carry a JSON path prefix in their message, e.g. <c>$.subject</c>.</summary>
    public static (CompiledJsonTemplate? Template, IReadOnlyList<(string JsonPath, ExpressionError Error)> Errors) Compile(JsonElement body, ExpressionScope scope) => throw new NotImplementedException();

    public void Render(EvaluationContext context, Utf8JsonWriter writer) => throw new NotImplementedException();
}
