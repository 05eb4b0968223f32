namespace Journeys.Core.Validation;

/// <summary>Every problem found at once, errors and warnings apart.</summary>
public sealed class ValidationResult
{
    public ValidationResult(IReadOnlyList<ValidationIssue> issues)
    {
        Errors = issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
        Warnings = issues.Where(i => i.Severity == ValidationSeverity.Warning).ToList();
    }

    public IReadOnlyList<ValidationIssue> Errors { get; }

    public IReadOnlyList<ValidationIssue> Warnings { get; }

    public bool IsValid => Errors.Count == 0;
}
