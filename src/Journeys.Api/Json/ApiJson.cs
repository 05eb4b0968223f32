using System.Text.Encodings.Web;
using System.Text.Json;

namespace Journeys.Api.Json;

/// <summary>
/// The API's serializer context with the relaxed encoder of <see cref="Journeys.Core.Serialization.ContractJson"/>, so that
/// expressions and messages read as written (<c>'gold'</c>, not <c>\u0027gold\u0027</c>); bodies are only ever served as
/// <c>application/json</c>, never embedded in HTML.
/// </summary>
public static class ApiJson
{
    public static ApiJsonContext Context { get; } = new(new JsonSerializerOptions(ApiJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
