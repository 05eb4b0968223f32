using Journeys.Core.Expressions.Evaluation;

namespace Journeys.Core.Expressions;

/// <summary>
/// A parsed and type-checked expression, immutable and thread-safe, evaluated many times. Build one with
/// <see cref="ExpressionCompiler.Compile"/>.
/// </summary>
public sealed class CompiledExpression
{
    private readonly EvalNode _root;

    internal CompiledExpression(string text, EvalNode root, ExprType type, IReadOnlyList<DataReference> dataReferences)
    {
        Text = text;
        _root = root;
        Type = type;
        DataReferences = dataReferences;
    }

    public string Text { get; }

    /// <summary>The evaluation tree, for in-assembly analyses of an expression's shape (e.g. event classification's index).</summary>
    internal EvalNode Root => _root;

    /// <summary>The static result type (<see cref="ExprType.Any"/> when only known at run time).</summary>
    public ExprType Type { get; }

    /// <summary>Every data-source group the expression reads, distinct, in order of first appearance.</summary>
    public IReadOnlyList<DataReference> DataReferences { get; }

    /// <summary>Evaluates; a missing path is null. Throws <see cref="ExpressionEvaluationException"/> on a run-time error.</summary>
    public Value Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return _root.Evaluate(context);
        }
        catch (Exception exception) when (exception is not (ExpressionEvaluationException or OutOfMemoryException))
        {
            // A failure the language did not foresee (e.g. JSON whose document was disposed) still surfaces as an
            // expression error that the engine records, never as an unexpected exception type.
            throw new ExpressionEvaluationException($"Evaluating '{Text}' failed: {exception.Message}", exception);
        }
    }

    public override string ToString() => Text;
}
