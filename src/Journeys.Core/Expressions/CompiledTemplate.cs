using System.Text;
using Journeys.Core.Expressions.Templates;

namespace Journeys.Core.Expressions;

/// <summary>
/// A text template with expression placeholders. A template that is exactly one placeholder yields the
/// expression's typed value (<see cref="RenderValue"/>); otherwise values are interpolated as text
/// (<see cref="Value.ToTemplateText"/>: null is empty). Immutable and thread-safe.
/// </summary>
public sealed class CompiledTemplate
{
    private readonly TemplatePart[] _parts;

    private CompiledTemplate(string text, TemplatePart[] parts, bool isSingleExpression, IReadOnlyList<DataReference> dataReferences)
    {
        Text = text;
        _parts = parts;
        IsSingleExpression = isSingleExpression;
        DataReferences = dataReferences;
    }

    public string Text { get; }

    /// <summary>True when the whole text is one placeholder (<c>"{{entry.cart.total}}"</c>): it renders to a typed value.</summary>
    public bool IsSingleExpression { get; }

    /// <summary>True when the text has at least one placeholder.</summary>
    public bool HasExpressions => _parts.Any(part => part.Expression is not null);

    public IReadOnlyList<DataReference> DataReferences { get; }

    /// <summary>
    /// Compiles <paramref name="text"/>; error positions are offsets in <paramref name="text"/>. Every placeholder
    /// is compiled, so every error is reported; an unclosed placeholder ends the scan.
    /// </summary>
    public static (CompiledTemplate? Template, IReadOnlyList<ExpressionError> Errors) Compile(string text, ExpressionScope scope, TemplateSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var (open, close) = syntax == TemplateSyntax.DoubleBrace ? ("{{", "}}") : ("{", "}");
        var parts = new List<TemplatePart>();
        var errors = new List<ExpressionError>();
        var references = new List<DataReference>();
        var literal = new StringBuilder();
        var index = 0;
        while (index < text.Length)
        {
            var start = text.IndexOf(open, index, StringComparison.Ordinal);
            if (start < 0)
            {
                literal.Append(text, index, text.Length - index);
                break;
            }

            literal.Append(text, index, start - index);
            var expressionStart = start + open.Length;
            var end = TemplateScanner.FindClose(text, expressionStart, close);
            if (end < 0)
            {
                errors.Add(new ExpressionError(
                    ExpressionErrorCodes.UnterminatedPlaceholder,
                    start,
                    text.Length - start,
                    $"The placeholder opened with '{open}' is never closed with '{close}'."));
                break;
            }

            if (literal.Length > 0)
            {
                parts.Add(new TemplatePart(literal.ToString(), null));
                literal.Clear();
            }

            index = end + close.Length;
            var expressionText = text[expressionStart..end];
            if (string.IsNullOrWhiteSpace(expressionText))
            {
                errors.Add(new ExpressionError(ExpressionErrorCodes.Syntax, start, index - start, "The placeholder is empty."));
                continue;
            }

            var compiled = ExpressionCompiler.Compile(expressionText, scope);
            if (compiled.Expression is { } expression)
            {
                parts.Add(new TemplatePart(null, expression));
                foreach (var reference in expression.DataReferences)
                {
                    if (!references.Contains(reference))
                    {
                        references.Add(reference);
                    }
                }
            }

            foreach (var error in compiled.Errors)
            {
                errors.Add(error with { Position = error.Position + expressionStart });
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(literal.ToString(), null));
        }

        var isSingle = parts is [{ Expression: not null }] && text.StartsWith(open, StringComparison.Ordinal)
            && text.EndsWith(close, StringComparison.Ordinal);
        return (new CompiledTemplate(text, [.. parts], isSingle, references), []);
    }

    /// <summary>The text with every placeholder replaced by its value's template text.</summary>
    public string Render(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (_parts)
        {
            case []:
                return string.Empty;
            case [{ Literal: { } only }]:
                return only;
            case [{ Expression: { } single }]:
                return single.Evaluate(context).ToTemplateText();
        }

        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            builder.Append(part.Literal ?? part.Expression!.Evaluate(context).ToTemplateText());
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text with every placeholder replaced by its value's template text passed through
    /// <paramref name="escapeValue"/> (e.g. <see cref="Uri.EscapeDataString(string)"/> for URL paths), while the
    /// literal parts are kept as written: a value can never add a path segment or a query string.
    /// </summary>
    public string Render(EvaluationContext context, Func<string, string> escapeValue) => Render(context, escapeValue, out _);

    /// <summary>
    /// Renders a URL or a URL path as <see cref="Render(EvaluationContext, Func{string, string})"/> does, and finds
    /// the first placeholder whose value rendered empty while making up a whole path segment (<c>/a/{{v}}/b</c> or
    /// <c>/a/{{v}}</c> with <c>v</c> empty): the path then has an empty segment where the definition had a value, and
    /// names another resource (<c>/a//b</c>, the collection <c>/a/</c>). Null when there is none; only the path counts
    /// (up to the first '?' or '#' of the literal text).
    /// </summary>
    /// <param name="emptySegment">The placeholder's expression text, as written.</param>
    public string Render(EvaluationContext context, Func<string, string> escapeValue, out string? emptySegment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(escapeValue);
        emptySegment = null;
        var builder = new StringBuilder();
        var inPath = true;
        var segmentHasText = false;
        string? segmentEmptyValue = null;
        foreach (var part in _parts)
        {
            if (part.Literal is { } literal)
            {
                builder.Append(literal);
                foreach (var c in literal)
                {
                    if (!inPath)
                    {
                        break;
                    }

                    if (c is '/' or '\\' or '?' or '#')
                    {
                        // A segment ends: it was a value's alone when that value rendered empty and nothing else was there.
                        emptySegment ??= segmentHasText ? null : segmentEmptyValue;
                        (segmentHasText, segmentEmptyValue, inPath) = (false, null, c is '/' or '\\');
                    }
                    else
                    {
                        segmentHasText = true;
                    }
                }

                continue;
            }

            var value = part.Expression!.Evaluate(context);
            string escaped;
            try
            {
                escaped = escapeValue(value.ToTemplateText());
            }
            catch (Exception exception) when (exception is not (ExpressionEvaluationException or OutOfMemoryException))
            {
                // A value the escaping refuses is the template's failure, reported like an expression's.
                throw new ExpressionEvaluationException($"Rendering '{Text}' failed: {exception.Message}", exception);
            }

            builder.Append(escaped);
            if (escaped.Length > 0)
            {
                segmentHasText = true;
            }
            else
            {
                segmentEmptyValue ??= part.Expression.Text;
            }
        }

        if (inPath)
        {
            emptySegment ??= segmentHasText ? null : segmentEmptyValue;
        }

        return builder.ToString();
    }

    /// <summary>The typed value of a single-expression template; otherwise the rendered text as a string value.</summary>
    public Value RenderValue(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsSingleExpression ? _parts[0].Expression!.Evaluate(context) : Value.From(Render(context));
    }

    public override string ToString() => Text;
}
