using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>
/// The run-time bodies of the built-in functions. Null propagates through functions that compute a value
/// (<c>lower(null)</c> is null); predicates (<c>contains</c>, <c>startsWith</c>, <c>endsWith</c>) are false on
/// null; <c>isEmpty(null)</c> is true.
/// </summary>
internal static class Functions
{
    /// <summary>Largest digit count <c>round</c> accepts: doubles carry about 15 significant digits.</summary>
    public const int MaxRoundDigits = 15;

    public static Value Duration(in Value value, FunctionNode node) => value.Kind switch
    {
        ValueKind.Null or ValueKind.Duration => value,
        ValueKind.String => IsoDuration.TryParse(value.AsString(), out var duration)
            ? Value.From(duration)
            : throw node.Error(ExpressionErrorCodes.BadDuration, $"'{value.AsString()}' is not an ISO-8601 duration such as PT1H, P3D or P1DT12H."),
        _ => throw WrongArgument(node, "a string", value),
    };

    public static Value Date(in Value value, FunctionNode node) => value.Kind switch
    {
        ValueKind.Null or ValueKind.DateTime => value,
        ValueKind.String => Value.From(new DateTimeOffset(ValueOperations.ToDateTimeTicks(value, node), TimeSpan.Zero)),
        _ => throw WrongArgument(node, "a string", value),
    };

    /// <summary><c>hour(t, tz)</c> (0–23) and <c>weekday(t, tz)</c> (ISO: 1 = Monday … 7 = Sunday) in a time zone, UTC by default.</summary>
    public static Value LocalTimePart(EvaluationContext context, FunctionNode node)
    {
        var time = node.Arguments[0].Evaluate(context);
        if (time.IsNull)
        {
            return Value.Null;
        }

        var instant = new DateTimeOffset(ValueOperations.ToDateTimeTicks(time, node), TimeSpan.Zero);
        var zone = TimeZoneInfo.Utc;
        if (node.Arguments.Length > 1)
        {
            var zoneId = node.Arguments[1].Evaluate(context);
            if (zoneId.IsNull)
            {
                return Value.Null;
            }

            if (zoneId.Kind != ValueKind.String)
            {
                throw WrongArgument(node, "a time zone id string", zoneId);
            }

            zone = TimeZones.Find(zoneId.AsString())
                ?? throw node.Error(ExpressionErrorCodes.BadTimeZone, $"'{zoneId.AsString()}' is not an IANA time zone such as Europe/Paris or UTC.");
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return node.Function == FunctionKind.Hour
            ? Value.From(local.Hour)
            : Value.From(local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek);
    }

    /// <summary>Lower-cases; a string that is already lower case is returned as is, without allocating.</summary>
    public static Value Lower(in Value value, FunctionNode node)
    {
        if (value.IsNull)
        {
            return value;
        }

        if (value.Kind != ValueKind.String)
        {
            throw WrongArgument(node, "a string", value);
        }

        if (IsPlainAsciiWithout(value, 'A', 'Z'))
        {
            return value;
        }

        var text = value.AsString();
        var lowered = text.ToLowerInvariant();
        return Value.From(lowered);
    }

    public static Value Upper(in Value value, FunctionNode node)
    {
        if (value.IsNull)
        {
            return value;
        }

        if (value.Kind != ValueKind.String)
        {
            throw WrongArgument(node, "a string", value);
        }

        return IsPlainAsciiWithout(value, 'a', 'z') ? value : Value.From(value.AsString().ToUpperInvariant());
    }

    /// <summary>True when the string is ASCII with no character in [first, last]: casing it would change nothing.</summary>
    private static bool IsPlainAsciiWithout(in Value value, char first, char last)
    {
        if (value.IsJson)
        {
            var raw = JsonMarshal.GetRawUtf8Value(value.Element);
            return raw.IndexOf((byte)'\\') < 0 && Ascii.IsValid(raw) && !raw.ContainsAnyInRange((byte)first, (byte)last);
        }

        var text = value.AsString().AsSpan();
        return Ascii.IsValid(text) && !text.ContainsAnyInRange(first, last);
    }

    public static Value Trim(in Value value, FunctionNode node)
    {
        if (value.IsNull)
        {
            return value;
        }

        if (value.Kind != ValueKind.String)
        {
            throw WrongArgument(node, "a string", value);
        }

        var text = value.AsString();
        var trimmed = text.Trim();
        return ReferenceEquals(text, trimmed) && !value.IsJson ? value : Value.From(trimmed);
    }

    public static Value Contains(in Value container, in Value item, FunctionNode node) => container.Kind switch
    {
        ValueKind.Null => Value.From(false),
        ValueKind.List or ValueKind.String => Value.From(ValueOperations.Contains(container, item, node)),
        _ => throw WrongArgument(node, "a string or a list", container),
    };

    public static Value StartsOrEndsWith(in Value text, in Value part, bool starts, FunctionNode node)
    {
        if (text.IsNull || part.IsNull)
        {
            return Value.From(false);
        }

        if (text.Kind != ValueKind.String || part.Kind != ValueKind.String)
        {
            throw WrongArgument(node, "two strings", text.Kind != ValueKind.String ? text : part);
        }

        return Value.From(starts
            ? text.AsString().StartsWith(part.AsString(), StringComparison.Ordinal)
            : text.AsString().EndsWith(part.AsString(), StringComparison.Ordinal));
    }

    /// <summary>The number of UTF-16 code units of a string, or of items of a list.</summary>
    public static Value Length(in Value value, FunctionNode node) => value.Kind switch
    {
        ValueKind.Null => value,
        ValueKind.String => Value.From(value.AsString().Length),
        ValueKind.List => Value.From(value.Count),
        _ => throw WrongArgument(node, "a string or a list", value),
    };

    /// <summary>Null, <c>''</c>, <c>[]</c> and <c>{}</c> are empty; every other value is not.</summary>
    public static bool IsEmpty(in Value value) => value.Kind switch
    {
        ValueKind.Null => true,
        ValueKind.String => value.IsJson ? value.Element.ValueEquals(string.Empty) : value.AsString().Length == 0,
        ValueKind.List => value.Count == 0,
        ValueKind.Object => !value.Element.EnumerateObject().MoveNext(),
        _ => false,
    };

    /// <summary>True when the path is present and not null; a datetime path is not parsed to answer.</summary>
    public static bool Exists(EvalNode argument, EvaluationContext context) => argument is PathNode path
        ? path.Resolve(context).ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)
        : !argument.Evaluate(context).IsNull;

    public static Value Coalesce(EvalNode[] arguments, EvaluationContext context)
    {
        foreach (var argument in arguments)
        {
            var value = argument.Evaluate(context);
            if (!value.IsNull)
            {
                return value;
            }
        }

        return Value.Null;
    }

    /// <summary>Numbers as is, booleans as 1/0, durations as seconds, strings parsed (invariant, e.g. <c>12.5</c>).</summary>
    public static Value ToNumber(in Value value, FunctionNode node) => value.Kind switch
    {
        ValueKind.Null or ValueKind.Number => value,
        ValueKind.Boolean => Value.From(value.AsBoolean() ? 1 : 0),
        ValueKind.Duration => Value.From(value.AsDuration().TotalSeconds),
        ValueKind.String => double.TryParse(value.AsString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number)
                ? Value.From(number)
                : throw node.Error(ExpressionErrorCodes.BadNumber, $"'{value.AsString()}' is not a number."),
        _ => throw WrongArgument(node, "a string, number, boolean or duration", value),
    };

    /// <summary>The template text of a value; null stays null.</summary>
    public static Value ToText(in Value value) => value.Kind switch
    {
        ValueKind.Null or ValueKind.String => value,
        _ => Value.From(value.ToTemplateText()),
    };

    /// <summary>Rounds half away from zero (2.5 → 3), to 0–15 decimal digits.</summary>
    public static Value Round(EvaluationContext context, FunctionNode node)
    {
        var value = node.Arguments[0].Evaluate(context);
        var digits = 0;
        if (node.Arguments.Length > 1)
        {
            var digitsValue = node.Arguments[1].Evaluate(context);
            if (digitsValue.IsNull)
            {
                return Value.Null;
            }

            if (digitsValue.Kind != ValueKind.Number)
            {
                throw WrongArgument(node, "a number of digits", digitsValue);
            }

            var number = digitsValue.AsNumber();
            if (number < 0 || number > MaxRoundDigits || number != Math.Floor(number))
            {
                throw node.Error(ExpressionErrorCodes.BadArgument, $"round takes a whole number of digits from 0 to {MaxRoundDigits}, not {digitsValue}.");
            }

            digits = (int)number;
        }

        return value.Kind switch
        {
            ValueKind.Null => value,
            ValueKind.Number => Value.From(Math.Round(value.AsNumber(), digits, MidpointRounding.AwayFromZero)),
            _ => throw WrongArgument(node, "a number", value),
        };
    }

    public static Value Abs(in Value value, FunctionNode node) => value.Kind switch
    {
        ValueKind.Null => value,
        ValueKind.Number => Value.From(Math.Abs(value.AsNumber())),
        _ => throw WrongArgument(node, "a number", value),
    };

    /// <summary>min/max of two or more numbers, or of the items of one list; null when any is null or the list is empty.</summary>
    public static Value MinOrMax(EvaluationContext context, FunctionNode node, bool max)
    {
        var arguments = node.Arguments;
        if (arguments.Length == 1)
        {
            var list = arguments[0].Evaluate(context);
            if (list.IsNull)
            {
                return list;
            }

            if (list.Kind != ValueKind.List)
            {
                throw WrongArgument(node, "a list (or two or more numbers)", list);
            }

            var count = list.Count;
            var best = Value.Null;
            for (var i = 0; i < count; i++)
            {
                if (!Pick(list.ItemAt(i), ref best, max, node))
                {
                    return Value.Null;
                }
            }

            return best;
        }

        var result = Value.Null;
        foreach (var argument in arguments)
        {
            if (!Pick(argument.Evaluate(context), ref result, max, node))
            {
                return Value.Null;
            }
        }

        return result;
    }

    /// <summary>Keeps the better of <paramref name="best"/> and <paramref name="candidate"/>; false when the candidate is null.</summary>
    private static bool Pick(in Value candidate, ref Value best, bool max, FunctionNode node)
    {
        if (candidate.IsNull)
        {
            return false;
        }

        if (candidate.Kind != ValueKind.Number)
        {
            throw WrongArgument(node, "numbers", candidate);
        }

        if (best.IsNull || (max ? candidate.AsNumber() > best.AsNumber() : candidate.AsNumber() < best.AsNumber()))
        {
            best = candidate;
        }

        return true;
    }

    private static ExpressionEvaluationException WrongArgument(FunctionNode node, string expected, in Value actual) =>
        node.Error(ExpressionErrorCodes.Type, $"expected {expected} but got {Value.DescribeWithArticle(actual.Kind)}.");
}
