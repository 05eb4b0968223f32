namespace Journeys.Core.Validation;

/// <summary>
/// One validation problem as the API returns it: a stable code (docs/validation-codes.md), the node it concerns
/// (null for journey-level problems), the JSON path in the submitted body, and a message.
/// </summary>
public sealed record ValidationIssue(string Code, string? Node, string Path, string Message, ValidationSeverity Severity);
