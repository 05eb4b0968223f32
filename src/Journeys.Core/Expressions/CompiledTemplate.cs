namespace Journeys.Expressions;

/// <summary>
/// A text template with expression placeholders. A template that is exactly one placeholder yields the
/// expression's typed value (<see cref="RenderValue"/>); otherwise values are interpolated as text.
/// STUB: the expressions work fills this in; the members below are the agreed surface.
/// </summary>
public sealed class CompiledTemplate
{
    public static (CompiledTemplate? Template, IReadOnlyList<ExpressionError> Errors) Compile(string text, ExpressionScope scope, TemplateSyntax syntax) => throw new NotImplementedException();

    public bool IsSingleExpression => throw new NotImplementedException();

    public IReadOnlyList<DataReference> DataReferences => throw new NotImplementedException();

    public string Render(EvaluationContext context) => throw new NotImplementedException();

    public Value RenderValue(EvaluationContext context) => throw new NotImplementedException();
}
