using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>A call of a built-in function; the binder has already checked its arity and static argument types.</summary>
internal sealed class FunctionNode(FunctionKind function, EvalNode[] arguments) : EvalNode
{
    public FunctionKind Function { get; } = function;

    public EvalNode[] Arguments { get; } = arguments;

    public override Value Evaluate(EvaluationContext context) => Function switch
    {
        FunctionKind.Now => Value.From(context.Now),
        FunctionKind.Duration => Functions.Duration(Arguments[0].Evaluate(context), this),
        FunctionKind.Date => Functions.Date(Arguments[0].Evaluate(context), this),
        FunctionKind.Hour or FunctionKind.Weekday => Functions.LocalTimePart(context, this),
        FunctionKind.Lower => Functions.Lower(Arguments[0].Evaluate(context), this),
        FunctionKind.Upper => Functions.Upper(Arguments[0].Evaluate(context), this),
        FunctionKind.Trim => Functions.Trim(Arguments[0].Evaluate(context), this),
        FunctionKind.Contains => Functions.Contains(Arguments[0].Evaluate(context), Arguments[1].Evaluate(context), this),
        FunctionKind.StartsWith or FunctionKind.EndsWith =>
            Functions.StartsOrEndsWith(Arguments[0].Evaluate(context), Arguments[1].Evaluate(context), Function == FunctionKind.StartsWith, this),
        FunctionKind.Length => Functions.Length(Arguments[0].Evaluate(context), this),
        FunctionKind.IsEmpty => Value.From(Functions.IsEmpty(Arguments[0].Evaluate(context))),
        FunctionKind.Exists => Value.From(Functions.Exists(Arguments[0], context)),
        FunctionKind.Coalesce => Functions.Coalesce(Arguments, context),
        FunctionKind.ToNumber => Functions.ToNumber(Arguments[0].Evaluate(context), this),
        FunctionKind.ToString => Functions.ToText(Arguments[0].Evaluate(context)),
        FunctionKind.Round => Functions.Round(context, this),
        FunctionKind.Abs => Functions.Abs(Arguments[0].Evaluate(context), this),
        _ => Functions.MinOrMax(context, this, Function == FunctionKind.Max),
    };

    /// <summary>The run-time error of a function, naming the call.</summary>
    public ExpressionEvaluationException Error(string code, string message) => Fail(code, message);
}
