using Journeys.Core.Expressions;
using Journeys.Core.Expressions.Evaluation;

namespace Journeys.Core.Expressions.Binding;

/// <summary>A built-in function's name, arity and static result type.</summary>
internal sealed record FunctionSignature(string Name, FunctionKind Kind, int MinArguments, int MaxArguments, ExprType Result)
{
    /// <summary>Every function of the language, by the name it is called with (case-sensitive).</summary>
    public static readonly IReadOnlyDictionary<string, FunctionSignature> All = new[]
    {
        new FunctionSignature("now", FunctionKind.Now, 0, 0, ExprType.DateTime),
        new FunctionSignature("duration", FunctionKind.Duration, 1, 1, ExprType.Duration),
        new FunctionSignature("date", FunctionKind.Date, 1, 1, ExprType.DateTime),
        new FunctionSignature("hour", FunctionKind.Hour, 1, 2, ExprType.Number),
        new FunctionSignature("weekday", FunctionKind.Weekday, 1, 2, ExprType.Number),
        new FunctionSignature("lower", FunctionKind.Lower, 1, 1, ExprType.String),
        new FunctionSignature("upper", FunctionKind.Upper, 1, 1, ExprType.String),
        new FunctionSignature("trim", FunctionKind.Trim, 1, 1, ExprType.String),
        new FunctionSignature("contains", FunctionKind.Contains, 2, 2, ExprType.Boolean),
        new FunctionSignature("startsWith", FunctionKind.StartsWith, 2, 2, ExprType.Boolean),
        new FunctionSignature("endsWith", FunctionKind.EndsWith, 2, 2, ExprType.Boolean),
        new FunctionSignature("length", FunctionKind.Length, 1, 1, ExprType.Number),
        new FunctionSignature("isEmpty", FunctionKind.IsEmpty, 1, 1, ExprType.Boolean),
        new FunctionSignature("exists", FunctionKind.Exists, 1, 1, ExprType.Boolean),
        new FunctionSignature("coalesce", FunctionKind.Coalesce, 1, int.MaxValue, ExprType.Any),
        new FunctionSignature("toNumber", FunctionKind.ToNumber, 1, 1, ExprType.Number),
        new FunctionSignature("toString", FunctionKind.ToString, 1, 1, ExprType.String),
        new FunctionSignature("round", FunctionKind.Round, 1, 2, ExprType.Number),
        new FunctionSignature("abs", FunctionKind.Abs, 1, 1, ExprType.Number),
        new FunctionSignature("min", FunctionKind.Min, 1, int.MaxValue, ExprType.Number),
        new FunctionSignature("max", FunctionKind.Max, 1, int.MaxValue, ExprType.Number),
    }.ToDictionary(signature => signature.Name, StringComparer.Ordinal);

    /// <summary>"1 argument", "1 or 2 arguments", "at least 1 argument".</summary>
    public string DescribeArity() => (MinArguments, MaxArguments) switch
    {
        (0, 0) => "no arguments",
        var (min, max) when min == max => min == 1 ? "1 argument" : $"{min} arguments",
        (var min, int.MaxValue) => min == 1 ? "at least 1 argument" : $"at least {min} arguments",
        var (min, max) => $"{min} or {max} arguments",
    };
}
