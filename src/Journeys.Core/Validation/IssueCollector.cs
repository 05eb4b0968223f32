namespace Journeys.Core.Validation;

/// <summary>
/// Gathers every issue of one validation run and hands them back in a deterministic order (path, then code,
/// then message), so that the same body always yields the same list, whatever order the rules ran in.
/// </summary>
internal sealed class IssueCollector
{
    private readonly List<ValidationIssue> issues = [];

    public void Error(string code, string? node, string path, string message) =>
        issues.Add(new ValidationIssue(code, node, path, message, ValidationSeverity.Error));

    public void Warning(string code, string? node, string path, string message) =>
        issues.Add(new ValidationIssue(code, node, path, message, ValidationSeverity.Warning));

    public void Add(ValidationIssue issue) => issues.Add(issue);

    public ValidationResult ToResult()
    {
        var ordered = issues
            .OrderBy(i => i.Path, StringComparer.Ordinal)
            .ThenBy(i => i.Code, StringComparer.Ordinal)
            .ThenBy(i => i.Message, StringComparer.Ordinal)
            .ToList();
        return new ValidationResult(ordered);
    }
}
