namespace Journeys.Core.Execution;

/// <summary>
/// The reason given when a template value rendered empty as a whole URL path segment (see
/// <see cref="Expressions.CompiledTemplate.Render(Expressions.EvaluationContext, Func{string, string}, out string?)"/>):
/// one text for data-source paths (the stepper) and action URLs (the connectors).
/// </summary>
public static class UrlPathEmptySegment
{
    public static string Message(string placeholder) =>
        $"the value of '{placeholder}' is empty, which would leave an empty path segment and call another path than the definition's. Nothing was sent.";
}
