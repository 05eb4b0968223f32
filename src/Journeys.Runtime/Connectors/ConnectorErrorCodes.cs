namespace Journeys.Runtime.Connectors;

/// <summary>
/// Stable codes of connector failures (<see cref="ActionOutcome.ErrorCode"/>, <see cref="DataFetchOutcome.ErrorCode"/>).
/// They end up in step events and reports, so they never change once published.
/// </summary>
public static class ConnectorErrorCodes
{
    /// <summary>The definition cannot be called: no URL, an unsupported method, an unknown field group.</summary>
    public const string DefinitionInvalid = "CONNECTOR_DEFINITION_INVALID";

    /// <summary>A template of the definition does not compile.</summary>
    public const string TemplateInvalid = "CONNECTOR_TEMPLATE_INVALID";

    /// <summary>A template failed while rendering with the call's parameters.</summary>
    public const string TemplateFailed = "CONNECTOR_TEMPLATE_FAILED";

    /// <summary>The rendered URL is not an absolute http(s) URL.</summary>
    public const string UrlInvalid = "CONNECTOR_URL_INVALID";

    /// <summary>
    /// The rendered URL path has a '.' or '..' segment (a template value was one): clients resolve those away, so the
    /// call would go to another path than the definition's; or a value that is a whole segment was empty (<c>//</c>,
    /// a trailing '/'). Refused before sending. The stepper uses the same code for data-source paths.
    /// </summary>
    public const string UrlPathSegment = Journeys.Core.Execution.StepErrorCodes.UrlPathSegment;

    /// <summary>A rendered header name or value is not allowed (e.g. contains a line break).</summary>
    public const string HeaderInvalid = "CONNECTOR_HEADER_INVALID";

    /// <summary>An application setting named by the auth configuration is not set.</summary>
    public const string AuthSettingMissing = "CONNECTOR_AUTH_SETTING_MISSING";

    /// <summary>The auth configuration is incomplete (e.g. apiKey without header or query).</summary>
    public const string AuthInvalid = "CONNECTOR_AUTH_INVALID";

    /// <summary>The endpoint answered with a non-2xx status (after the retries it qualified for).</summary>
    public const string HttpStatus = "CONNECTOR_HTTP_STATUS";

    /// <summary>The last attempt timed out.</summary>
    public const string Timeout = "CONNECTOR_TIMEOUT";

    /// <summary>The connection failed or was dropped on the last attempt.</summary>
    public const string ConnectionFailed = "CONNECTOR_CONNECTION_FAILED";

    /// <summary>The response body is larger than the configured limit.</summary>
    public const string ResponseTooLarge = "CONNECTOR_RESPONSE_TOO_LARGE";

    /// <summary>The response body is not the JSON the definition declares.</summary>
    public const string ResponseMalformed = "CONNECTOR_RESPONSE_MALFORMED";

    /// <summary>A declared response field has another type than declared.</summary>
    public const string ResponseFieldType = "CONNECTOR_RESPONSE_FIELD_TYPE";

    /// <summary>The action's <c>capPerMinute</c> is used up.</summary>
    public const string Capped = "CONNECTOR_CAPPED";

    /// <summary>The data source's <c>rateLimitPerSecond</c> gave no token within the source's timeout.</summary>
    public const string RateLimited = "CONNECTOR_RATE_LIMITED";
}
