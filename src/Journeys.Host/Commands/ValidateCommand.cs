using Journeys.Core.Model;
using Journeys.Core.Validation;
using Journeys.Runtime.Bundles;

namespace Journeys.Host.Commands;

/// <summary>
/// <c>journeys validate FILE|FOLDER...</c>: validates configuration files offline, with the files given as the whole
/// catalog (a journey's entry event, actions and data sources must be among them). Exit code 1 when any error.
/// </summary>
public static class ValidateCommand
{
    public static int Run(IReadOnlyList<string> paths, TextWriter output)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(ConfigurationBundle.ConfigurationFiles(path));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                output.WriteLine($"{path}: error FILE_NOT_FOUND: no such file or folder");
                return 1;
            }
        }

        if (files.Count == 0)
        {
            output.WriteLine("no .json files to validate");
            return 1;
        }

        var bundle = ConfigurationBundle.Load(files);
        var errors = 0;
        var warnings = 0;
        foreach (var file in bundle.Files)
        {
            var issues = new List<ValidationIssue>();
            issues.AddRange(file.Errors.Select(e => new ValidationIssue(e.Code, null, e.Path, e.Message, ValidationSeverity.Error)));
            if (file.Body is not null)
            {
                var result = file.Body switch
                {
                    EventDefinition definition => ConfigurationValidator.Validate(file.Id, definition),
                    DataSource source => ConfigurationValidator.Validate(file.Id, source),
                    CustomAction action => ConfigurationValidator.Validate(file.Id, action),
                    Journey journey => JourneyValidator.Validate(file.Id, journey, bundle),
                    _ => new ValidationResult([]),
                };
                issues.AddRange(result.Errors);
                issues.AddRange(result.Warnings);
            }

            var kind = file.Kind.ToString().ToLowerInvariant();
            if (issues.Count == 0)
            {
                output.WriteLine($"{file.Path}: ok ({kind} '{file.Id}')");
                continue;
            }

            foreach (var issue in issues)
            {
                var severity = issue.Severity == ValidationSeverity.Error ? "error" : "warning";
                var node = issue.Node is null ? string.Empty : $" node '{issue.Node}'";
                output.WriteLine($"{file.Path}: {severity} {issue.Code} at {issue.Path}{node}: {issue.Message}");
            }

            errors += issues.Count(i => i.Severity == ValidationSeverity.Error);
            warnings += issues.Count(i => i.Severity == ValidationSeverity.Warning);
        }

        output.WriteLine($"{Count(bundle.Files.Count, "file")}, {Count(errors, "error")}, {Count(warnings, "warning")}");
        return errors == 0 ? 0 : 1;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
