using Journeys.Core.Execution;
using Journeys.Core.Expressions;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// A definition string that may hold placeholders. Strings without any are written through literally and never
/// reach the expression compiler: most headers and URLs are constants, and they cost nothing to render.
/// </summary>
internal sealed class TextTemplate
{
    private readonly string? literal;
    private readonly CompiledTemplate? compiled;

    private TextTemplate(string? literal, CompiledTemplate? compiled)
    {
        this.literal = literal;
        this.compiled = compiled;
    }

    public static bool HasPlaceholder(string text, TemplateSyntax syntax) =>
        text.Contains(syntax == TemplateSyntax.DoubleBrace ? "{{" : "{", StringComparison.Ordinal);

    /// <summary>Compiles <paramref name="text"/>; problems are added to <paramref name="errors"/> prefixed with <paramref name="where"/>.</summary>
    public static TextTemplate Create(string text, TemplateSyntax syntax, Func<ExpressionScope> scope, string where, List<string> errors)
    {
        if (!HasPlaceholder(text, syntax))
        {
            return new TextTemplate(text, null);
        }

        var (template, templateErrors) = CompiledTemplate.Compile(text, scope(), syntax);
        foreach (var error in templateErrors)
        {
            errors.Add($"{where}: {error.Message} ({error.Code} at {error.Position})");
        }

        return new TextTemplate(text, templateErrors.Count == 0 ? template : null);
    }

    /// <summary>
    /// Renders a URL whose values are escaped as URL data; a value that renders empty as a whole path segment is
    /// refused (<see cref="ConnectorErrorCodes.UrlPathSegment"/>): the path would name another resource.
    /// </summary>
    public string RenderUrl(EvaluationContext context, string where)
    {
        if (compiled is null)
        {
            return literal ?? string.Empty;
        }

        string rendered;
        string? emptySegment;
        try
        {
            rendered = compiled.Render(context, Uri.EscapeDataString, out emptySegment);
        }
        catch (ExpressionEvaluationException exception)
        {
            throw new ConnectorFailureException(ConnectorErrorCodes.TemplateFailed, $"{where}: {exception.Message} ({exception.Code})");
        }

        return emptySegment is null
            ? rendered
            : throw new ConnectorFailureException(ConnectorErrorCodes.UrlPathSegment, $"{where}: {UrlPathEmptySegment.Message(emptySegment)}");
    }

    public string Render(EvaluationContext context, string where, Func<string, string>? escapeValue = null)
    {
        if (compiled is null)
        {
            return literal ?? string.Empty;
        }

        try
        {
            return escapeValue is null ? compiled.Render(context) : compiled.Render(context, escapeValue);
        }
        catch (ExpressionEvaluationException exception)
        {
            throw new ConnectorFailureException(ConnectorErrorCodes.TemplateFailed, $"{where}: {exception.Message} ({exception.Code})");
        }
    }
}
