using System.Text.Json;
using System.Text.RegularExpressions;
using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Validation;

/// <summary>
/// Validates event definitions, data sources and custom actions on their own (before they are stored):
/// ids, expressions, templates, auth settings, limits. Every problem is returned at once, ordered by JSON path
/// then code; codes are listed in docs/validation-codes.md.
/// </summary>
public static partial class ConfigurationValidator
{
    /// <summary>Ids of every resource match this pattern.</summary>
    public const string IdPattern = "^[A-Za-z0-9._-]{1,64}$";

    /// <summary>Per-attempt HTTP timeout bounds of data sources and custom actions, in milliseconds.</summary>
    public const int MinTimeoutMs = 1;

    /// <inheritdoc cref="MinTimeoutMs"/>
    public const int MaxTimeoutMs = 60_000;

    /// <summary>The most retries a custom action may ask for.</summary>
    public const int MaxRetries = 10;

    private static readonly string[] SourceMethods = ["GET", "POST"];
    private static readonly string[] ActionMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// Headers a custom action may not set itself: <c>Authorization</c> because secrets only come through
    /// <c>auth</c> and settings, <c>Idempotency-Key</c> because the engine owns it, and the framing headers the
    /// HTTP stack computes.
    /// </summary>
    private static readonly string[] ForbiddenHeaders = ["Authorization", "Idempotency-Key", "Host", "Content-Length", "Transfer-Encoding", "Connection"];

    public static bool IsValidId(string? id) => id is not null && IdRegex().IsMatch(id);

    public static ValidationResult ValidateId(string id)
    {
        var issues = new IssueCollector();
        CheckId(id, issues);
        return issues.ToResult();
    }

    public static ValidationResult Validate(string eventId, EventDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var issues = new IssueCollector();
        CheckId(eventId, issues);
        FieldRules.Check(definition.Fields, "$.fields", issues);

        var declared = definition.Fields ?? [];
        var required = definition.Required ?? [];
        for (var i = 0; i < required.Count; i++)
        {
            if (required[i] is not { } name || !declared.ContainsKey(name))
            {
                issues.Error(ValidationCodes.EventRequiredUndeclared, null, JsonPaths.Index("$.required", i), $"Required field '{required[i]}' is not declared in \"fields\".");
            }
        }

        ExpressionScope? scope = null;
        ExpressionScope Scope() => scope ??= JourneyScopes.ForEventRule(definition);

        if (string.IsNullOrWhiteSpace(definition.Match))
        {
            issues.Error(ValidationCodes.EventMatchMissing, null, "$.match", "An event definition needs a \"match\" expression.");
        }
        else
        {
            CheckExpression(definition.Match, Scope(), ExprType.Boolean, "$.match", issues);
        }

        if (string.IsNullOrWhiteSpace(definition.ProfileId))
        {
            issues.Error(ValidationCodes.EventProfileIdMissing, null, "$.profileId", "An event definition needs a \"profileId\" expression.");
        }
        else
        {
            CheckExpression(definition.ProfileId, Scope(), ExprType.String, "$.profileId", issues);
        }

        if (string.IsNullOrWhiteSpace(definition.EventKey))
        {
            issues.Warning(ValidationCodes.EventKeyMissing, null, "$.eventKey", "No \"eventKey\": redelivered events cannot be recognised and are processed again.");
        }
        else
        {
            CheckExpression(definition.EventKey, Scope(), ExprType.String, "$.eventKey", issues);
        }

        return issues.ToResult();
    }

    public static ValidationResult Validate(string sourceId, DataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var issues = new IssueCollector();
        CheckId(sourceId, issues);

        if (string.IsNullOrWhiteSpace(source.BaseUrl))
        {
            issues.Error(ValidationCodes.SourceBaseUrlMissing, null, "$.baseUrl", "A data source needs a \"baseUrl\".");
        }
        else if (!IsHttpUrl(source.BaseUrl, out var baseUri) || baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0)
        {
            issues.Error(ValidationCodes.SourceBaseUrlInvalid, null, "$.baseUrl", $"'{source.BaseUrl}' must be an absolute http or https URL without query or fragment.");
        }
        else if (baseUri.UserInfo.Length > 0)
        {
            UserInfoError("$.baseUrl", issues);
        }

        AuthRules.Check(source.Auth, "$.auth", issues);
        CheckTimeout(source.TimeoutMs, ValidationCodes.SourceTimeoutOutOfRange, issues);

        if (source.RateLimitPerSecond is <= 0)
        {
            issues.Error(ValidationCodes.SourceRateLimitInvalid, null, "$.rateLimitPerSecond", "rateLimitPerSecond must be greater than 0 (leave it out for no limit).");
        }

        if (source.FieldGroups is not { Count: > 0 } groups)
        {
            issues.Error(ValidationCodes.SourceFieldGroupsMissing, null, "$.fieldGroups", "A data source needs at least one field group.");
            return issues.ToResult();
        }

        foreach (var (groupId, group) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            CheckFieldGroup(groupId, group, issues);
        }

        return issues.ToResult();
    }

    public static ValidationResult Validate(string actionId, CustomAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var issues = new IssueCollector();
        CheckId(actionId, issues);

        if (action.Method is not { } method || !ActionMethods.Contains(method, StringComparer.Ordinal))
        {
            issues.Error(ValidationCodes.ActionMethodInvalid, null, "$.method", $"\"method\" must be one of {string.Join(", ", ActionMethods)} (upper case).");
        }

        ExpressionScope? scope = null;
        ExpressionScope Scope() => scope ??= JourneyScopes.ForActionTemplate(action);

        CheckActionUrl(action.Url, Scope, issues);
        CheckHeaders(action, Scope, issues);
        CheckQuery(action, Scope, issues);
        AuthRules.Check(action.Auth, "$.auth", issues);
        FieldRules.Check(action.Params, "$.params", issues);
        FieldRules.Check(action.ResponseFields, "$.responseFields", issues);

        if (action.Body is { ValueKind: not JsonValueKind.Undefined } body && HoldsPlaceholder(body))
        {
            foreach (var (jsonPath, error) in ExpressionChecks.CompileJsonTemplate(body, Scope()))
            {
                var path = jsonPath.StartsWith('$') ? "$.body" + jsonPath[1..] : "$.body";
                issues.Add(ExpressionChecks.ToIssue(error, null, path));
            }
        }

        CheckTimeout(action.TimeoutMs, ValidationCodes.ActionTimeoutOutOfRange, issues);
        if (action.MaxRetries is < 0 or > MaxRetries)
        {
            issues.Error(ValidationCodes.ActionMaxRetriesOutOfRange, null, "$.maxRetries", $"maxRetries must be between 0 and {MaxRetries}.");
        }

        if (action.CapPerMinute is < 1)
        {
            issues.Error(ValidationCodes.ActionCapInvalid, null, "$.capPerMinute", "capPerMinute must be at least 1 (leave it out for no cap).");
        }

        return issues.ToResult();
    }

    private static void CheckId(string? id, IssueCollector issues)
    {
        if (!IsValidId(id))
        {
            issues.Error(ValidationCodes.IdInvalid, null, JsonPaths.Root, $"Id '{id}' must be 1 to 64 characters among letters, digits, '.', '_' and '-'.");
        }
    }

    private static void CheckFieldGroup(string groupId, FieldGroup? group, IssueCollector issues)
    {
        var groupPath = JsonPaths.Member("$.fieldGroups", groupId);
        if (!FieldRules.IsIdentifier(groupId))
        {
            // Journeys read the group as data.<source>.<group>.<field>, so it must be a plain identifier.
            issues.Error(ValidationCodes.SourceGroupIdInvalid, null, groupPath, $"Field group id '{groupId}' must be an identifier (letters, digits, '_', not starting with a digit, at most 64).");
        }

        if (group is null)
        {
            issues.Error(ValidationCodes.SourceGroupNull, null, groupPath, "A field group must be an object.");
            return;
        }

        if (group.Method is not { } method || !SourceMethods.Contains(method, StringComparer.Ordinal))
        {
            issues.Error(ValidationCodes.SourceMethodInvalid, null, JsonPaths.Member(groupPath, "method"), "\"method\" must be GET or POST (upper case).");
        }

        var pathPath = JsonPaths.Member(groupPath, "path");
        if (group.Path is not { Length: > 0 } path || path[0] != '/')
        {
            issues.Error(ValidationCodes.SourcePathInvalid, null, pathPath, "\"path\" is required and starts with '/'.");
        }
        else if (ExpressionChecks.MayHoldPlaceholder(path))
        {
            foreach (var error in ExpressionChecks.CompileTemplate(path, JourneyScopes.ForDataSourcePath(), TemplateSyntax.SingleBrace))
            {
                issues.Add(ExpressionChecks.ToIssue(error, null, pathPath));
            }
        }

        if (group.CacheSeconds is < 0)
        {
            issues.Error(ValidationCodes.SourceCacheSecondsInvalid, null, JsonPaths.Member(groupPath, "cacheSeconds"), "cacheSeconds cannot be negative (0 means no caching).");
        }

        var fieldsPath = JsonPaths.Member(groupPath, "fields");
        if (group.Fields is not { Count: > 0 })
        {
            issues.Error(ValidationCodes.SourceFieldsMissing, null, fieldsPath, "A field group needs at least one field.");
        }
        else
        {
            FieldRules.Check(group.Fields, fieldsPath, issues);
        }
    }

    private static void CheckActionUrl(string? url, Func<ExpressionScope> scope, IssueCollector issues)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            issues.Error(ValidationCodes.ActionUrlMissing, null, "$.url", "A custom action needs a \"url\".");
            return;
        }

        // The scheme and host must be literal: parameters may shape the path and query, never redirect the call
        // to another server. Placeholders elsewhere are replaced by a plain word before parsing.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var authorityEnd = schemeEnd < 0 ? -1 : url.AsSpan(schemeEnd + 3).IndexOfAny('/', '?', '#');
        var origin = schemeEnd < 0 ? url : authorityEnd < 0 ? url : url[..(schemeEnd + 3 + authorityEnd)];
        if (schemeEnd >= 0 && origin.Contains('@', StringComparison.Ordinal))
        {
            UserInfoError("$.url", issues);
            return;
        }

        if (ExpressionChecks.MayHoldPlaceholder(origin) || !IsHttpUrl(Placeholder().Replace(url, "x"), out _))
        {
            issues.Error(ValidationCodes.ActionUrlInvalid, null, "$.url", $"'{url}' must be an absolute http or https URL whose scheme and host hold no placeholder.");
            return;
        }

        CheckTemplate(url, scope, "$.url", issues);
    }

    private static void CheckHeaders(CustomAction action, Func<ExpressionScope> scope, IssueCollector issues)
    {
        foreach (var (name, value) in (action.Headers ?? []).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var path = JsonPaths.Member("$.headers", name);
            if (!AuthRules.IsHeaderName(name) || value is null)
            {
                issues.Error(ValidationCodes.ActionHeaderInvalid, null, path, $"Header '{name}' needs a valid name (RFC 9110 token) and a string value.");
                continue;
            }

            if (ForbiddenHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) || AuthRules.OwnsHeader(action.Auth, name))
            {
                issues.Error(ValidationCodes.ActionHeaderForbidden, null, path, $"Header '{name}' is set by the engine or by \"auth\"; secrets belong in an application setting named by \"auth\".");
                continue;
            }

            CheckTemplate(value, scope, path, issues);
        }
    }

    private static void CheckQuery(CustomAction action, Func<ExpressionScope> scope, IssueCollector issues)
    {
        foreach (var (name, value) in (action.Query ?? []).OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            var path = JsonPaths.Member("$.query", name);
            if (string.IsNullOrWhiteSpace(name) || value is null || AuthRules.OwnsQuery(action.Auth, name))
            {
                issues.Error(ValidationCodes.ActionQueryInvalid, null, path, $"Query parameter '{name}' needs a non-empty name that \"auth\" does not use, and a string value.");
                continue;
            }

            CheckTemplate(value, scope, path, issues);
        }
    }

    private static void CheckTemplate(string text, Func<ExpressionScope> scope, string path, IssueCollector issues)
    {
        if (!ExpressionChecks.MayHoldPlaceholder(text))
        {
            return;
        }

        foreach (var error in ExpressionChecks.CompileTemplate(text, scope(), TemplateSyntax.DoubleBrace))
        {
            issues.Add(ExpressionChecks.ToIssue(error, null, path));
        }
    }

    private static void CheckTimeout(int? timeoutMs, string code, IssueCollector issues)
    {
        if (timeoutMs is < MinTimeoutMs or > MaxTimeoutMs)
        {
            issues.Error(code, null, "$.timeoutMs", $"timeoutMs must be between {MinTimeoutMs} and {MaxTimeoutMs}.");
        }
    }

    private static void CheckExpression(string text, ExpressionScope scope, ExprType expected, string path, IssueCollector issues)
    {
        foreach (var error in ExpressionChecks.Compile(text, scope, expected).Errors)
        {
            issues.Add(ExpressionChecks.ToIssue(error, null, path));
        }
    }

    /// <summary>
    /// <c>user:password@</c> in a URL would be stored, echoed by GET and logged like any URL; secrets only come
    /// through <c>auth</c> and settings. The message does not repeat the URL, which holds the credentials.
    /// </summary>
    private static void UserInfoError(string path, IssueCollector issues) =>
        issues.Error(ValidationCodes.UrlUserInfo, null, path, "The URL holds a user name or password ('user:password@host'): remove it and use \"auth\" with a secret setting.");

    private static bool IsHttpUrl(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    /// <summary>Whether any string in a JSON body could hold a placeholder; a body without one is copied as is.</summary>
    private static bool HoldsPlaceholder(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => ExpressionChecks.MayHoldPlaceholder(element.GetString()!),
        JsonValueKind.Object => element.EnumerateObject().Any(p => ExpressionChecks.MayHoldPlaceholder(p.Name) || HoldsPlaceholder(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HoldsPlaceholder),
        _ => false,
    };

    [GeneratedRegex(IdPattern)]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Placeholder();
}
