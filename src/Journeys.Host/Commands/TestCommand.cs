using Journeys.Runtime.Simulation.Testing;

namespace Journeys.Host.Commands;

/// <summary>
/// <c>journeys test FILE|DIR...</c> (SPEC §8): runs journey test files offline, no host, database or network. One
/// line per case (differences indented under a failed one), then <c>N passed, N failed</c>; exit code 1 when any case
/// failed, 2 when a path does not exist or no test file was found.
/// </summary>
public static class TestCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> files;
        try
        {
            files = JourneyTestRunner.FindFiles(paths);
        }
        catch (FileNotFoundException exception)
        {
            output.WriteLine($"{exception.FileName}: error FILE_NOT_FOUND: no such file or folder");
            return 2;
        }

        if (files.Count == 0)
        {
            output.WriteLine($"no *{JourneyTestRunner.FileSuffix} files in {string.Join(", ", paths)}");
            return 2;
        }

        var passed = 0;
        var failed = 0;
        foreach (var file in files)
        {
            foreach (var result in await JourneyTestRunner.RunFileAsync(file, cancellationToken))
            {
                if (result.Passed)
                {
                    passed++;
                    output.WriteLine($"PASS {file} › {result.Name}");
                    continue;
                }

                failed++;
                output.WriteLine($"FAIL {file} › {result.Name}");
                foreach (var difference in result.Differences)
                {
                    output.WriteLine("     " + difference);
                }
            }
        }

        output.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
