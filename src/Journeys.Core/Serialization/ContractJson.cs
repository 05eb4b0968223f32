using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Journeys.Core.Model;

namespace Journeys.Core.Serialization;

/// <summary>
/// Reads and writes the contract bodies of SPEC §2. Reading never throws for bad input: malformed JSON,
/// wrong types, unknown properties and unknown node types come back as <see cref="ContractError"/>s that
/// name the JSON path.
/// </summary>
public static class ContractJson
{
    public const string MalformedJson = "JSON_MALFORMED";
    public const string UnknownNodeType = "JSON_UNKNOWN_NODE_TYPE";
    public const string UnknownProperty = "JSON_UNKNOWN_PROPERTY";
    public const string InvalidValue = "JSON_INVALID_VALUE";

    /// <summary>
    /// The relaxed encoder keeps quotes and <c>&lt;&gt;</c> readable in expressions (<c>'gold'</c>, not <c>\u0027gold\u0027</c>);
    /// bodies are only ever served as <c>application/json</c>, never embedded in HTML.
    /// </summary>
    private static readonly JourneysJsonContext Context = new(new JsonSerializerOptions(JourneysJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Options for reading and writing contract bodies elsewhere (e.g. the HTTP layer).</summary>
    public static JsonSerializerOptions Options => Context.Options;

    public static ContractReadResult<EventDefinition> ReadEventDefinition(ReadOnlySpan<byte> utf8) => Read(utf8, Context.EventDefinition);

    public static ContractReadResult<DataSource> ReadDataSource(ReadOnlySpan<byte> utf8) => Read(utf8, Context.DataSource);

    public static ContractReadResult<CustomAction> ReadCustomAction(ReadOnlySpan<byte> utf8) => Read(utf8, Context.CustomAction);

    public static ContractReadResult<Journey> ReadJourney(ReadOnlySpan<byte> utf8) => Read(utf8, Context.Journey);

    public static ContractReadResult<EventDefinition> ReadEventDefinition(string json) => ReadEventDefinition(System.Text.Encoding.UTF8.GetBytes(json));

    public static ContractReadResult<DataSource> ReadDataSource(string json) => ReadDataSource(System.Text.Encoding.UTF8.GetBytes(json));

    public static ContractReadResult<CustomAction> ReadCustomAction(string json) => ReadCustomAction(System.Text.Encoding.UTF8.GetBytes(json));

    public static ContractReadResult<Journey> ReadJourney(string json) => ReadJourney(System.Text.Encoding.UTF8.GetBytes(json));

    public static string Write(EventDefinition value) => JsonSerializer.Serialize(value, Context.EventDefinition);

    public static string Write(DataSource value) => JsonSerializer.Serialize(value, Context.DataSource);

    public static string Write(CustomAction value) => JsonSerializer.Serialize(value, Context.CustomAction);

    public static string Write(Journey value) => JsonSerializer.Serialize(value, Context.Journey);

    public static byte[] WriteUtf8(Journey value) => JsonSerializer.SerializeToUtf8Bytes(value, Context.Journey);

    private static ContractReadResult<T> Read<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            // The reader does not check UTF-8 inside strings; reading such a string later throws (not a JsonException).
            var at = FirstInvalidUtf8(utf8);
            return ContractReadResult<T>.Failure(new ContractError(MalformedJson, "$", $"The body is not valid UTF-8 (byte {at + 1})."));
        }

        if (FindSyntaxError(utf8) is { } syntax)
        {
            return ContractReadResult<T>.Failure(syntax with { Path = PathOfFailure(utf8, typeInfo) });
        }

        try
        {
            var value = JsonSerializer.Deserialize(utf8, typeInfo);
            return value is null
                ? ContractReadResult<T>.Failure(new ContractError(InvalidValue, "$", "The body must be a JSON object, not null."))
                : ContractReadResult<T>.Success(value);
        }
        catch (JsonException ex)
        {
            return ContractReadResult<T>.Failure(Describe(ex));
        }
        catch (NotSupportedException ex) when (ex.InnerException is JsonException inner)
        {
            return ContractReadResult<T>.Failure(Describe(inner));
        }
        catch (NotSupportedException ex)
        {
            // Raised for an abstract node without a "type"; the message carries the path.
            return ContractReadResult<T>.Failure(new ContractError(UnknownNodeType, PathFromMessage(ex.Message), "A node needs a \"type\": one of condition, split, wait, waitForEvent, action, jump, end."));
        }
    }

    private static ContractError Describe(JsonException ex)
    {
        var path = ex.Path ?? "$";
        var message = ex.Message;
        if (message.Contains("type discriminator", StringComparison.OrdinalIgnoreCase))
        {
            return new ContractError(UnknownNodeType, path, "Unknown node type; expected one of condition, split, wait, waitForEvent, action, jump, end.");
        }

        if (message.Contains("could not be mapped", StringComparison.OrdinalIgnoreCase))
        {
            return new ContractError(UnknownProperty, path, $"Unknown property at {path}.");
        }

        if (ex.InnerException is not null || message.Contains("could not be converted", StringComparison.OrdinalIgnoreCase))
        {
            return new ContractError(InvalidValue, path, $"The value at {path} has the wrong type or is not allowed here.");
        }

        return new ContractError(InvalidValue, path, $"The value at {path} is not allowed here.");
    }

    /// <summary>A pass of the reader alone tells malformed JSON apart from well-formed JSON of the wrong shape.</summary>
    private static ContractError? FindSyntaxError(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = Context.Options.MaxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            return new ContractError(MalformedJson, "$", $"Malformed JSON{where}: {FirstSentence(ex.Message)}");
        }
    }

    /// <summary>The serializer knows the JSON path where reading stopped; the reader alone does not.</summary>
    private static string PathOfFailure<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            JsonSerializer.Deserialize(utf8, typeInfo);
            return "$";
        }
        catch (JsonException ex)
        {
            return ex.Path ?? "$";
        }
        catch (NotSupportedException ex) when (ex.InnerException is JsonException inner)
        {
            return inner.Path ?? "$";
        }
        catch (NotSupportedException)
        {
            return "$";
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    private static string PathFromMessage(string message)
    {
        var index = message.IndexOf("Path: ", StringComparison.Ordinal);
        if (index < 0)
        {
            return "$";
        }

        var rest = message[(index + 6)..];
        var end = rest.IndexOfAny([' ', '|', '.']) is var e && e > 0 && rest[e] == ' ' ? e : rest.IndexOf(' ', StringComparison.Ordinal);
        return (end > 0 ? rest[..end] : rest).TrimEnd('.');
    }
}
