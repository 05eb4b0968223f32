using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Journeys.Core.Expressions;
using Journeys.Core.Model;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// A custom action compiled once: its method, URL, header, query and body templates over <c>params</c>.
/// A definition that does not compile is kept with its errors, so every call fails fast with the same message.
/// </summary>
internal sealed class ActionRequestTemplate
{
    private static readonly HashSet<string> SupportedMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    // Bodies go to APIs, not into HTML: keep '+', '<', non-ASCII letters readable instead of \uXXXX escapes.
    private static readonly JsonWriterOptions BodyWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextTemplate url;
    private readonly List<(string Name, TextTemplate Value)> headers = [];
    private readonly List<(string Name, TextTemplate Value)> query = [];
    private readonly byte[]? literalBody;
    private readonly CompiledJsonTemplate? bodyTemplate;

    public ActionRequestTemplate(CustomAction action)
    {
        var definitionErrors = new List<string>();
        var errors = new List<string>();
        ExpressionScope? scope = null;

        // Built only when a string has a placeholder, so constant definitions never touch the compiler.
        ExpressionScope Scope() => scope ??= JourneyScopes.ForActionTemplate(action);

        var method = string.IsNullOrWhiteSpace(action.Method) ? "POST" : action.Method.Trim();
        if (!SupportedMethods.Contains(method))
        {
            definitionErrors.Add($"method: '{method}' is not one of GET, POST, PUT, PATCH, DELETE");
        }

        Method = new HttpMethod(method.ToUpperInvariant());

        if (string.IsNullOrWhiteSpace(action.Url))
        {
            definitionErrors.Add("url: is required");
        }

        url = TextTemplate.Create(action.Url ?? string.Empty, TemplateSyntax.DoubleBrace, Scope, "url", errors);

        foreach (var (name, value) in action.Headers ?? [])
        {
            if (HeaderRules.IsInvalidName(name))
            {
                definitionErrors.Add($"headers.{name}: not a valid header name");
            }

            headers.Add((name, TextTemplate.Create(value, TemplateSyntax.DoubleBrace, Scope, $"headers.{name}", errors)));
        }

        foreach (var (name, value) in action.Query ?? [])
        {
            query.Add((name, TextTemplate.Create(value, TemplateSyntax.DoubleBrace, Scope, $"query.{name}", errors)));
        }

        if (action.Body is { ValueKind: not JsonValueKind.Undefined } body)
        {
            if (ContainsPlaceholder(body))
            {
                var (template, bodyErrors) = CompiledJsonTemplate.Compile(body, Scope());
                foreach (var (path, error) in bodyErrors)
                {
                    errors.Add($"body {path}: {error.Message} ({error.Code} at {error.Position})");
                }

                bodyTemplate = bodyErrors.Count == 0 ? template : null;
            }
            else
            {
                literalBody = Encoding.UTF8.GetBytes(body.GetRawText());
            }
        }

        (FailureCode, Errors) = definitionErrors.Count > 0
            ? (ConnectorErrorCodes.DefinitionInvalid, definitionErrors.Concat(errors).ToList())
            : (ConnectorErrorCodes.TemplateInvalid, errors);
    }

    public HttpMethod Method { get; }

    /// <summary>Definition and compile problems; when any, the action cannot be called.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The code a call fails with when there are <see cref="Errors"/>.</summary>
    public string FailureCode { get; }

    public bool HasBody => literalBody is not null || bodyTemplate is not null;

    /// <summary>
    /// Renders the whole request for one call, without sending anything: what <see cref="ActionInvoker"/> sends and
    /// what the simulator records. Throws <see cref="ConnectorFailureException"/> when a template fails or the URL
    /// is not an absolute http(s) URL.
    /// </summary>
    public RenderedActionRequest Render(JsonElement parameters, DateTimeOffset now, ResolvedAuth auth)
    {
        if (Errors.Count > 0)
        {
            throw new ConnectorFailureException(FailureCode, "The action definition cannot be used: " + string.Join("; ", Errors));
        }

        var context = new EvaluationContext { Params = parameters, Now = now };
        var rendered = RenderUrl(context, auth);
        if (UrlPathSegments.FindDotSegment(rendered) is { } dotSegment)
        {
            // A '.' or '..' segment would move the call elsewhere once a client normalises the path.
            throw new ConnectorFailureException(ConnectorErrorCodes.UrlPathSegment, "url: " + dotSegment);
        }

        if (!Uri.TryCreate(rendered, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            // The rendered URL may carry an apiKey query parameter, so the message does not quote it.
            throw new ConnectorFailureException(ConnectorErrorCodes.UrlInvalid, "The rendered url is not an absolute http(s) URL.");
        }

        return new RenderedActionRequest(Method, uri, rendered, RenderHeaders(context), RenderBody(context));
    }

    public string RenderUrl(EvaluationContext context, ResolvedAuth auth)
    {
        // Values are escaped as URL data: a parameter cannot add path segments, a query string or a fragment, nor
        // (empty) leave out one.
        var text = url.RenderUrl(context, "url");
        var builder = new StringBuilder(text);
        var separator = text.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in query)
        {
            AppendQuery(builder, ref separator, name, value.Render(context, $"query.{name}"));
        }

        if (auth.QueryName is { } authName && auth.QueryValue is { } authValue)
        {
            AppendQuery(builder, ref separator, authName, authValue);
        }

        return builder.ToString();
    }

    public List<(string Name, string Value)> RenderHeaders(EvaluationContext context)
    {
        var rendered = new List<(string, string)>(headers.Count);
        foreach (var (name, value) in headers)
        {
            var text = value.Render(context, $"headers.{name}");
            if (HeaderRules.IsInvalidValue(text))
            {
                throw new ConnectorFailureException(ConnectorErrorCodes.HeaderInvalid, $"headers.{name}: the rendered value contains a line break or NUL.");
            }

            rendered.Add((name, text));
        }

        return rendered;
    }

    /// <summary>The body bytes, rendered once per call and reused by every attempt; null when the action has no body.</summary>
    public byte[]? RenderBody(EvaluationContext context)
    {
        if (literalBody is not null)
        {
            return literalBody;
        }

        if (bodyTemplate is null)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, BodyWriterOptions))
            {
                bodyTemplate.Render(context, writer);
            }

            return stream.ToArray();
        }
        catch (ExpressionEvaluationException exception)
        {
            throw new ConnectorFailureException(ConnectorErrorCodes.TemplateFailed, $"body: {exception.Message} ({exception.Code})");
        }
    }

    private static void AppendQuery(StringBuilder builder, ref char separator, string name, string value)
    {
        builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        separator = '&';
    }

    private static bool ContainsPlaceholder(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => TextTemplate.HasPlaceholder(element.GetString()!, TemplateSyntax.DoubleBrace),
        JsonValueKind.Object => element.EnumerateObject().Any(property => ContainsPlaceholder(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(ContainsPlaceholder),
        _ => false,
    };
}
