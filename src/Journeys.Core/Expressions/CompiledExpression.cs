namespace Journeys.Expressions;

/// <summary>
/// A parsed and type-checked expression, immutable and thread-safe, evaluated many times.
/// STUB: the expressions work fills this in; the members below are the agreed surface.
/// </summary>
public sealed class CompiledExpression
{
    public string Text => throw new NotImplementedException();

    /// <summary>The static result type (<see cref="ExprType.Any"/> when only known at run time).</summary>
    public ExprType Type => throw new NotImplementedException();

    /// <summary>Every data-source group the expression reads, distinct, in order of first appearance.</summary>
    public IReadOnlyList<DataReference> DataReferences => throw new NotImplementedException();

    /// <summary>Evaluates; a missing path is null. Throws <see cref="ExpressionEvaluationException"/> on a run-time error.</summary>
    public Value Evaluate(EvaluationContext context) => throw new NotImplementedException();
}
