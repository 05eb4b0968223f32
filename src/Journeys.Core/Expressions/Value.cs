using System.Text.Json;

namespace Journeys.Expressions;

/// <summary>
/// A run-time value of the expression language. A struct so that evaluating scalars allocates nothing;
/// objects and lists read from JSON stay views over their <see cref="JsonElement"/>.
/// STUB: the expressions work fills this in; the members below are the agreed surface.
/// </summary>
public readonly struct Value
{
    public ValueKind Kind => throw new NotImplementedException();

    public static Value Null => default;

    public bool IsNull => Kind == ValueKind.Null;

    public static Value FromJson(JsonElement element) => throw new NotImplementedException();

    public static Value From(bool value) => throw new NotImplementedException();

    public static Value From(double value) => throw new NotImplementedException();

    public static Value From(string? value) => throw new NotImplementedException();

    public static Value From(DateTimeOffset value) => throw new NotImplementedException();

    public static Value From(TimeSpan value) => throw new NotImplementedException();

    public bool AsBoolean() => throw new NotImplementedException();

    public double AsNumber() => throw new NotImplementedException();

    public string AsString() => throw new NotImplementedException();

    public DateTimeOffset AsDateTime() => throw new NotImplementedException();

    public TimeSpan AsDuration() => throw new NotImplementedException();

    /// <summary>Writes the value as JSON (datetimes as ISO-8601 strings, durations as ISO-8601 durations).</summary>
    public void WriteTo(Utf8JsonWriter writer) => throw new NotImplementedException();

    /// <summary>The text form used when a value is interpolated into a longer template string.</summary>
    public string ToTemplateText() => throw new NotImplementedException();
}
