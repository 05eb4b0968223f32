using Journeys.Core.Validation;

namespace Journeys.Core.Tests.Validation;

internal static class ValidationAssert
{
    /// <summary>Exactly one error, with this code and path (warnings are not looked at).</summary>
    public static ValidationIssue SingleError(ValidationResult result, string code, string path)
    {
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, path), (error.Code, error.Path));
        Assert.Equal(ValidationSeverity.Error, error.Severity);
        return error;
    }

    public static void NoErrors(ValidationResult result)
    {
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Path} {e.Message}")));
        Assert.Empty(result.Errors);
    }

    public static void NoIssues(ValidationResult result)
    {
        NoErrors(result);
        Assert.Empty(result.Warnings);
    }
}
