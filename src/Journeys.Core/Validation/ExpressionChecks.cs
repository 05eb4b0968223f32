using System.Text.Json;
using Journeys.Core.Expressions;

namespace Journeys.Core.Validation;

/// <summary>
/// The one seam between validation and the expression language: every compile and every duration parse goes
/// through here, and only for texts that are actually present. Nothing is caught: a failure of the expression
/// language itself is a bug to surface, not a user error to report.
/// </summary>
internal static class ExpressionChecks
{
    public static CompileResult Compile(string text, ExpressionScope scope, ExprType? expected = null) =>
        ExpressionCompiler.Compile(text, scope, expected);

    public static bool TryParseDuration(string text, out TimeSpan duration) => IsoDuration.TryParse(text, out duration);

    public static IReadOnlyList<ExpressionError> CompileTemplate(string text, ExpressionScope scope, TemplateSyntax syntax) =>
        CompiledTemplate.Compile(text, scope, syntax).Errors;

    public static IReadOnlyList<(string JsonPath, ExpressionError Error)> CompileJsonTemplate(JsonElement body, ExpressionScope scope) =>
        CompiledJsonTemplate.Compile(body, scope).Errors;

    /// <summary>An expression error as an issue: its own code, and its 1-based character position in the message.</summary>
    public static ValidationIssue ToIssue(ExpressionError error, string? node, string path) =>
        new(error.Code, node, path, $"at character {error.Position + 1}: {error.Message}", ValidationSeverity.Error);

    /// <summary>Whether a template text can hold a placeholder at all; text without braces is a literal and needs no compiling.</summary>
    public static bool MayHoldPlaceholder(string text) => text.AsSpan().IndexOfAny('{', '}') >= 0;
}
