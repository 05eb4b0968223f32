using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Journeys.Core.Expressions;

/// <summary>
/// A run-time value of the expression language. A struct so that evaluating scalars allocates nothing;
/// objects and lists read from JSON stay views over their <see cref="JsonElement"/>, and so do strings read from
/// JSON until something needs them as a .NET string (comparing one with a literal does not).
/// Datetimes are instants, kept in UTC.
/// </summary>
public readonly struct Value
{
    /// <summary>The format of a datetime as text: ISO-8601 in UTC, fractional seconds only when there are any.</summary>
    internal const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    private readonly ValueKind _kind;

    /// <summary>A number, or 1/0 for a boolean.</summary>
    private readonly double _number;

    /// <summary>UTC ticks of a datetime, or ticks of a duration.</summary>
    private readonly long _ticks;

    /// <summary>A .NET string, or the items of a list built by the expression (<c>[1, 2]</c>).</summary>
    private readonly object? _reference;

    /// <summary>A string, array or object read from JSON.</summary>
    private readonly JsonElement _element;

    private Value(ValueKind kind, double number, long ticks, object? reference, JsonElement element)
    {
        _kind = kind;
        _number = number;
        _ticks = ticks;
        _reference = reference;
        _element = element;
    }

    public ValueKind Kind => _kind;

    public static Value Null => default;

    public bool IsNull => Kind == ValueKind.Null;

    /// <summary>True when this is a string, list or object that is still a view over JSON.</summary>
    internal bool IsJson => _reference is null && _element.ValueKind is not JsonValueKind.Undefined;

    /// <summary>The JSON element behind a string, list or object read from JSON (see <see cref="IsJson"/>).</summary>
    internal JsonElement Element => _element;

    /// <summary>The items of a list built by the expression, or null for a list read from JSON.</summary>
    internal Value[]? Items => _reference as Value[];

    /// <summary>The number of items of a list.</summary>
    internal int Count => _reference is Value[] items ? items.Length : _element.GetArrayLength();

    public static Value FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => From(true),
        JsonValueKind.False => From(false),
        JsonValueKind.Number => From(element.GetDouble()),
        JsonValueKind.String => new Value(ValueKind.String, 0, 0, null, element),
        JsonValueKind.Array => new Value(ValueKind.List, 0, 0, null, element),
        JsonValueKind.Object => new Value(ValueKind.Object, 0, 0, null, element),
        _ => default,
    };

    public static Value From(bool value) => new(ValueKind.Boolean, value ? 1 : 0, 0, null, default);

    /// <summary>A number; negative zero becomes zero so that it never prints as <c>-0</c>.</summary>
    public static Value From(double value) => new(ValueKind.Number, value == 0 ? 0 : value, 0, null, default);

    public static Value From(string? value) => value is null ? default : new(ValueKind.String, 0, 0, value, default);

    public static Value From(DateTimeOffset value) => new(ValueKind.DateTime, 0, value.UtcTicks, null, default);

    public static Value From(TimeSpan value) => new(ValueKind.Duration, 0, value.Ticks, null, default);

    /// <summary>A list of values built by an expression.</summary>
    public static Value From(IReadOnlyList<Value> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var copy = new Value[items.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i];
        }

        return FromItems(copy);
    }

    /// <summary>Wraps <paramref name="items"/> without copying: the caller hands the array over.</summary>
    internal static Value FromItems(Value[] items) => new(ValueKind.List, 0, 0, items, default);

    public bool AsBoolean() => Kind == ValueKind.Boolean ? _number != 0 : throw WrongKind(ValueKind.Boolean);

    public double AsNumber() => Kind == ValueKind.Number ? _number : throw WrongKind(ValueKind.Number);

    public string AsString()
    {
        if (Kind != ValueKind.String)
        {
            throw WrongKind(ValueKind.String);
        }

        return _reference as string ?? _element.GetString()!;
    }

    public DateTimeOffset AsDateTime() =>
        Kind == ValueKind.DateTime ? new DateTimeOffset(_ticks, TimeSpan.Zero) : throw WrongKind(ValueKind.DateTime);

    public TimeSpan AsDuration() => Kind == ValueKind.Duration ? new TimeSpan(_ticks) : throw WrongKind(ValueKind.Duration);

    /// <summary>The item at <paramref name="index"/> of a list (0-based, in range).</summary>
    internal Value ItemAt(int index) => _reference is Value[] items ? items[index] : FromJson(_element[index]);

    /// <summary>Compares a string value with a .NET string, ordinally, without materialising a JSON string.</summary>
    internal bool StringEquals(string other) =>
        _reference is string text ? string.Equals(text, other, StringComparison.Ordinal) : _element.ValueEquals(other);

    /// <summary>Writes the value as JSON (datetimes as ISO-8601 strings, durations as ISO-8601 durations).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case ValueKind.Boolean:
                writer.WriteBooleanValue(_number != 0);
                break;
            case ValueKind.Number:
                writer.WriteNumberValue(_number);
                break;
            case ValueKind.String when _reference is string text:
                writer.WriteStringValue(text);
                break;
            case ValueKind.DateTime:
                writer.WriteStringValue(FormatDateTime(_ticks));
                break;
            case ValueKind.Duration:
                writer.WriteStringValue(IsoDuration.Format(new TimeSpan(_ticks)));
                break;
            case ValueKind.List when _reference is Value[] items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    item.WriteTo(writer);
                }

                writer.WriteEndArray();
                break;
            case ValueKind.String or ValueKind.List or ValueKind.Object:
                _element.WriteTo(writer);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>
    /// The text form used when a value is interpolated into a longer template string: null is empty, numbers in
    /// invariant shortest round-trip form, datetimes ISO-8601 UTC, durations ISO-8601, lists and objects as
    /// compact JSON.
    /// </summary>
    public string ToTemplateText() => Kind switch
    {
        ValueKind.Null => string.Empty,
        ValueKind.Boolean => _number != 0 ? "true" : "false",
        ValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        ValueKind.String => AsString(),
        ValueKind.DateTime => FormatDateTime(_ticks),
        ValueKind.Duration => IsoDuration.Format(new TimeSpan(_ticks)),
        _ => ToJsonText(),
    };

    public override string ToString() => Kind == ValueKind.Null ? "null" : ToTemplateText();

    internal static string FormatDateTime(long utcTicks) =>
        new DateTime(utcTicks, DateTimeKind.Utc).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private string ToJsonText()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private ExpressionEvaluationException WrongKind(ValueKind expected) =>
        new(ExpressionErrorCodes.Type, $"Expected a {Describe(expected)} but the value is {DescribeWithArticle(Kind)}.");

    /// <summary>"a number", "an object", "null".</summary>
    internal static string DescribeWithArticle(ValueKind kind) => kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Object => "an object",
        _ => "a " + Describe(kind),
    };

    /// <summary>How messages name a kind: "a number", "null".</summary>
    internal static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => "boolean",
        ValueKind.Number => "number",
        ValueKind.String => "string",
        ValueKind.DateTime => "datetime",
        ValueKind.Duration => "duration",
        ValueKind.List => "list",
        _ => "object",
    };
}
