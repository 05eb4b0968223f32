using System.Runtime.InteropServices;
using System.Text.Json;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>
/// The run-time semantics of the operators (docs/expressions.md has the tables). Static so that nodes and
/// functions share one definition of equality, ordering and arithmetic.
/// </summary>
internal static class ValueOperations
{
    /// <summary>Null reads as false; anything but a boolean or null is a type error.</summary>
    public static bool IsTrue(in Value value, EvalNode node, string role)
    {
        return value.Kind switch
        {
            ValueKind.Boolean => value.AsBoolean(),
            ValueKind.Null => false,
            _ => throw new ExpressionEvaluationException(
                ExpressionErrorCodes.Type,
                $"In '{node.Source}': {role} must be a boolean, but it is {Value.DescribeWithArticle(value.Kind)}."),
        };
    }

    /// <summary>
    /// Equality by value: null equals only null; numbers numerically; strings ordinally; a datetime and an ISO
    /// string as datetimes; lists item by item; objects structurally; different kinds are unequal.
    /// </summary>
    public static bool AreEqual(in Value left, in Value right, EvalNode node)
    {
        if (left.Kind != right.Kind)
        {
            if (left.Kind == ValueKind.DateTime && right.Kind == ValueKind.String)
            {
                return left.AsDateTime().UtcTicks == ToDateTimeTicks(right, node);
            }

            if (right.Kind == ValueKind.DateTime && left.Kind == ValueKind.String)
            {
                return right.AsDateTime().UtcTicks == ToDateTimeTicks(left, node);
            }

            return false;
        }

        switch (left.Kind)
        {
            case ValueKind.Null:
                return true;
            case ValueKind.Boolean:
                return left.AsBoolean() == right.AsBoolean();
            case ValueKind.Number:
                return left.AsNumber() == right.AsNumber();
            case ValueKind.String:
                return StringsEqual(left, right);
            case ValueKind.DateTime:
                return left.AsDateTime().UtcTicks == right.AsDateTime().UtcTicks;
            case ValueKind.Duration:
                return left.AsDuration() == right.AsDuration();
            case ValueKind.List:
                var count = left.Count;
                if (count != right.Count)
                {
                    return false;
                }

                for (var i = 0; i < count; i++)
                {
                    if (!AreEqual(left.ItemAt(i), right.ItemAt(i), node))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return JsonElement.DeepEquals(left.Element, right.Element);
        }
    }

    private static bool StringsEqual(in Value left, in Value right)
    {
        if (!left.IsJson)
        {
            return right.StringEquals(left.AsString());
        }

        if (!right.IsJson)
        {
            return left.StringEquals(right.AsString());
        }

        // Both are views over JSON (e.g. a correlate's event.cart.id == entry.cart.id): without escapes, the right
        // one's bytes between its quotes are its value, so compare them in place instead of materialising a string.
        var raw = JsonMarshal.GetRawUtf8Value(right.Element);
        return raw.Length >= 2 && !raw.Contains((byte)'\\')
            ? left.Element.ValueEquals(raw[1..^1])
            : left.Element.ValueEquals(right.AsString());
    }

    /// <summary>
    /// Ordering for <c>&lt; &lt;= &gt; &gt;=</c>: numbers, strings (ordinal), datetimes (an ISO string beside a
    /// datetime is read as one), durations. Null on either side makes the comparison false.
    /// </summary>
    public static bool Compare(in Value left, in Value right, CompareOperator op, EvalNode node)
    {
        if (left.IsNull || right.IsNull)
        {
            return false;
        }

        int order;
        switch (left.Kind, right.Kind)
        {
            case (ValueKind.Number, ValueKind.Number):
                var a = left.AsNumber();
                var b = right.AsNumber();
                return op switch
                {
                    CompareOperator.Less => a < b,
                    CompareOperator.LessOrEqual => a <= b,
                    CompareOperator.Greater => a > b,
                    _ => a >= b,
                };
            case (ValueKind.String, ValueKind.String):
                order = string.CompareOrdinal(left.AsString(), right.AsString());
                break;
            case (ValueKind.DateTime or ValueKind.String, ValueKind.DateTime or ValueKind.String):
                order = ToDateTimeTicks(left, node).CompareTo(ToDateTimeTicks(right, node));
                break;
            case (ValueKind.Duration, ValueKind.Duration):
                order = left.AsDuration().CompareTo(right.AsDuration());
                break;
            default:
                throw TypeError(node, "can only order two numbers, strings, datetimes or durations", left, right);
        }

        return op switch
        {
            CompareOperator.Less => order < 0,
            CompareOperator.LessOrEqual => order <= 0,
            CompareOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    /// <summary><c>x in list</c> (any item equal), <c>s in text</c> (substring); false when the right side is null.</summary>
    public static bool Contains(in Value container, in Value item, EvalNode node)
    {
        switch (container.Kind)
        {
            case ValueKind.Null:
                return false;
            case ValueKind.List:
                var count = container.Count;
                for (var i = 0; i < count; i++)
                {
                    if (AreEqual(container.ItemAt(i), item, node))
                    {
                        return true;
                    }
                }

                return false;
            case ValueKind.String when item.Kind == ValueKind.String:
                return container.AsString().Contains(item.AsString(), StringComparison.Ordinal);
            case ValueKind.String when item.IsNull:
                return false;
            default:
                throw TypeError(node, "looks for an item in a list or a substring in a string", item, container);
        }
    }

    /// <summary><c>+ - * / %</c>; null on either side gives null.</summary>
    public static Value Arithmetic(in Value left, in Value right, ArithmeticOperator op, EvalNode node)
    {
        if (left.IsNull || right.IsNull)
        {
            return Value.Null;
        }

        if (left.Kind == ValueKind.Number && right.Kind == ValueKind.Number)
        {
            var a = left.AsNumber();
            var b = right.AsNumber();
            if (op is ArithmeticOperator.Divide or ArithmeticOperator.Modulo && b == 0)
            {
                throw new ExpressionEvaluationException(ExpressionErrorCodes.DivideByZero, $"In '{node.Source}': division by zero.");
            }

            var result = op switch
            {
                ArithmeticOperator.Add => a + b,
                ArithmeticOperator.Subtract => a - b,
                ArithmeticOperator.Multiply => a * b,
                ArithmeticOperator.Divide => a / b,
                _ => a % b,
            };
            return double.IsFinite(result)
                ? Value.From(result)
                : throw new ExpressionEvaluationException(ExpressionErrorCodes.Overflow, $"In '{node.Source}': the result is too large for a number.");
        }

        try
        {
            return (op, left.Kind, right.Kind) switch
            {
                (ArithmeticOperator.Add, ValueKind.String, _) when IsScalar(right.Kind) => Value.From(string.Concat(left.AsString(), right.ToTemplateText())),
                (ArithmeticOperator.Add, _, ValueKind.String) when IsScalar(left.Kind) => Value.From(string.Concat(left.ToTemplateText(), right.AsString())),
                (ArithmeticOperator.Add, ValueKind.DateTime, ValueKind.Duration) => Value.From(left.AsDateTime() + right.AsDuration()),
                (ArithmeticOperator.Add, ValueKind.Duration, ValueKind.DateTime) => Value.From(right.AsDateTime() + left.AsDuration()),
                (ArithmeticOperator.Add, ValueKind.Duration, ValueKind.Duration) => Value.From(left.AsDuration() + right.AsDuration()),
                (ArithmeticOperator.Subtract, ValueKind.DateTime, ValueKind.Duration) => Value.From(left.AsDateTime() - right.AsDuration()),
                (ArithmeticOperator.Subtract, ValueKind.DateTime or ValueKind.String, ValueKind.DateTime or ValueKind.String)
                    when left.Kind == ValueKind.DateTime || right.Kind == ValueKind.DateTime =>
                    Value.From(new TimeSpan(checked(ToDateTimeTicks(left, node) - ToDateTimeTicks(right, node)))),
                (ArithmeticOperator.Subtract, ValueKind.Duration, ValueKind.Duration) => Value.From(left.AsDuration() - right.AsDuration()),
                (ArithmeticOperator.Multiply, ValueKind.Duration, ValueKind.Number) => Value.From(Scale(left.AsDuration(), right.AsNumber())),
                (ArithmeticOperator.Multiply, ValueKind.Number, ValueKind.Duration) => Value.From(Scale(right.AsDuration(), left.AsNumber())),
                (ArithmeticOperator.Divide, ValueKind.Duration, ValueKind.Number) => right.AsNumber() == 0
                    ? throw new ExpressionEvaluationException(ExpressionErrorCodes.DivideByZero, $"In '{node.Source}': division by zero.")
                    : Value.From(Scale(left.AsDuration(), 1 / right.AsNumber())),
                (ArithmeticOperator.Divide, ValueKind.Duration, ValueKind.Duration) => right.AsDuration() == TimeSpan.Zero
                    ? throw new ExpressionEvaluationException(ExpressionErrorCodes.DivideByZero, $"In '{node.Source}': division by a zero duration.")
                    : Value.From(left.AsDuration() / right.AsDuration()),
                _ => throw TypeError(node, Describe(op), left, right),
            };
        }
        catch (Exception exception) when (exception is OverflowException or ArgumentOutOfRangeException or ArgumentException)
        {
            throw new ExpressionEvaluationException(
                ExpressionErrorCodes.Overflow,
                $"In '{node.Source}': the result is outside the range of datetimes or durations.");
        }
    }

    private static TimeSpan Scale(TimeSpan duration, double factor)
    {
        var ticks = duration.Ticks * factor;
        return double.IsFinite(ticks) && Math.Abs(ticks) < TimeSpan.MaxValue.Ticks
            ? new TimeSpan((long)Math.Round(ticks))
            : throw new OverflowException();
    }

    private static bool IsScalar(ValueKind kind) => kind is ValueKind.String or ValueKind.Number or ValueKind.Boolean
        or ValueKind.DateTime or ValueKind.Duration;

    private static string Describe(ArithmeticOperator op) => op switch
    {
        ArithmeticOperator.Add => "'+' adds numbers, durations, a duration to a datetime, or joins text",
        ArithmeticOperator.Subtract => "'-' subtracts numbers, durations, a duration from a datetime, or two datetimes",
        ArithmeticOperator.Multiply => "'*' multiplies numbers (or a duration by a number)",
        ArithmeticOperator.Divide => "'/' divides numbers (or a duration by a number or a duration)",
        _ => "'%' needs two numbers",
    };

    /// <summary>Reads a datetime, or an ISO-8601 string as one (EXPR_BAD_DATE when it is not one).</summary>
    public static long ToDateTimeTicks(in Value value, EvalNode node)
    {
        if (value.Kind == ValueKind.DateTime)
        {
            return value.AsDateTime().UtcTicks;
        }

        if (value.Kind == ValueKind.String)
        {
            var parsed = value.IsJson ? DateTimeText.TryParse(value.Element, out var ticks) : DateTimeText.TryParse(value.AsString(), out ticks);
            return parsed
                ? ticks
                : throw new ExpressionEvaluationException(
                    ExpressionErrorCodes.BadDate,
                    $"In '{node.Source}': '{value.AsString()}' is not an ISO-8601 datetime.");
        }

        throw new ExpressionEvaluationException(
            ExpressionErrorCodes.Type,
            $"In '{node.Source}': expected a datetime but the value is {Value.DescribeWithArticle(value.Kind)}.");
    }

    /// <summary><c>value.name</c> on a computed value: a member of an object, null for anything else.</summary>
    public static Value Member(in Value value, string name)
    {
        return value.Kind == ValueKind.Object && value.Element.TryGetProperty(name, out var member)
            ? Value.FromJson(member)
            : Value.Null;
    }

    /// <summary><c>value[index]</c> on a computed value: list item by number, object member by string, else null.</summary>
    public static Value Index(in Value value, in Value index, EvalNode node)
    {
        switch (value.Kind, index.Kind)
        {
            case (ValueKind.Null, _) or (_, ValueKind.Null):
                return Value.Null;
            case (ValueKind.List, ValueKind.Number):
                var number = index.AsNumber();
                if (number < 0 || number != Math.Floor(number))
                {
                    throw new ExpressionEvaluationException(
                        ExpressionErrorCodes.Type,
                        $"In '{node.Source}': a list index must be a whole number from 0, not {index}.");
                }

                return number < value.Count ? value.ItemAt((int)number) : Value.Null;
            case (ValueKind.Object, ValueKind.String):
                return Member(value, index.AsString());
            default:
                throw TypeError(node, "indexes a list with a number or an object with a string", value, index);
        }
    }

    public static ExpressionEvaluationException TypeError(EvalNode node, string what, in Value left, in Value right) =>
        new(
            ExpressionErrorCodes.Type,
            $"In '{node.Source}': {what}; got {Value.DescribeWithArticle(left.Kind)} and {Value.DescribeWithArticle(right.Kind)}.");
}
