using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Templates;

/// <summary>One piece of a text template: literal text, or an expression placeholder.</summary>
internal readonly record struct TemplatePart(string? Literal, CompiledExpression? Expression);
