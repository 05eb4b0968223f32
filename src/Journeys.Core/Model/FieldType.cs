using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

/// <summary>The declared type of an event field, action parameter or response field, or data-source field.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType
{
    [JsonStringEnumMemberName("string")] String,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("boolean")] Boolean,
    /// <summary>An ISO-8601 string on the wire, a point in time in expressions.</summary>
    [JsonStringEnumMemberName("datetime")] DateTime,
    [JsonStringEnumMemberName("object")] Object,
    [JsonStringEnumMemberName("array")] Array,
}
